import {
  BLANK,
  type CellJson,
  type CellValue,
  cellsOf,
  count,
  type Edition,
  encodeCell,
  money,
  type NarrativeClaim,
  narrativeRuleFor,
  type Report,
  type RuleId,
  rulesFor,
  specialValue,
  T2_2019_CELLS,
  T3_COLUMNS,
  T3_OUTCOME_ROWS,
  T4_BLOCKS,
  type Identity,
  identitiesOf,
} from "@gov-disclosure/core";
import { cellsIn, holds, identitiesFor, imbalance, propagate, soleLhs } from "./identities";
import { hashSeed, Rng } from "./random";
import { balanceRoles, t3TotalColumn } from "./tables";

/** The extra break kinds that are not named after one rule. */
export const EXTRA_BREAK_KINDS = ["typo-digit", "blank-totals", "wrong-edition", "text-in-cell"] as const;

/** A way to break a report: a rule id (break exactly that rule) or one of `EXTRA_BREAK_KINDS`. */
export type BreakKind = RuleId | (typeof EXTRA_BREAK_KINDS)[number];

/** A deliberately broken report: what was changed and which rules must now fail. */
export interface BrokenReport {
  readonly report: Report;
  readonly kind: BreakKind;
  /** Every error or warning rule that fails on the broken report and did not fail before. */
  readonly expectedRules: readonly RuleId[];
  /** The cells changed (set, blanked or replaced by text). */
  readonly mutatedCells: readonly string[];
  /** The values of the mutated cells before the change, as canonical JSON (null for blank). */
  readonly originalValues: Readonly<Record<string, CellJson>>;
  /**
   * NARR-* rules that may fire as well: the prose still states the original figure of a mutated cell (a real typo
   * shows the same way). Whether they do depends on the figures (a stated figure that another cell of the row
   * happens to hold passes as a quoted part).
   */
  readonly mayAlsoFire: readonly RuleId[];
  /** For "typo-digit": the single-cell fix that undoes the break (the fault localiser should suggest it). */
  readonly fix?: { readonly cell: string; readonly from: string; readonly to: string };
  /** What was broken, in English. */
  readonly note: string;
}

const RULE_MAKERS = new Set(["province", "prefecture", "state-council-department"]);
/** The identities of a report's tables that hold within one year, with their rules. */
const sameYear = (report: Report) => identitiesOf(report.edition === "local" ? report : report.edition);
/** The applicant columns of table 三: the parts of a T3-ROW-TOTAL identity. */
const applicants = (edition: "gen2019" | "gen2021") => {
  const parts = new Set(identitiesFor(edition, "T3-ROW-TOTAL")[0]?.rhs.map((t) => t.cell.split(".")[2]));
  return T3_COLUMNS.map((c) => c.id).filter((id) => parts.has(id));
};

/** Cell ids an edition can hold, for deciding which narrative rules can speak of it. */
const sampleCells = (edition: Edition): string[] => (edition === "local" ? ["local.r1.current"] : cellsOf(edition).map((d) => d.id));

/**
 * The break kinds that apply to an edition: every error and warning rule a single report can break (rules that need
 * the previous year's report are left out, and narrative rules only where the edition has a cell they speak of),
 * plus the extra kinds.
 */
export function breakKindsFor(edition: Edition): BreakKind[] {
  const narrated = new Set(sampleCells(edition).map(narrativeRuleFor));
  const rules = rulesFor(edition)
    .filter((r) => r.severity !== "info" && !r.previous && (!r.id.startsWith("NARR-") || narrated.has(r.id)))
    .map((r) => r.id);
  return [...rules, ...EXTRA_BREAK_KINDS];
}

/** A mutable copy of a report's cells that remembers what it changed. */
class Cells {
  readonly cells: Record<string, CellValue>;
  readonly original: Record<string, CellJson> = {};

  constructor(report: Report) {
    this.cells = { ...report.cells };
  }
  /** The number in a cell: blank, dash and 无 are 0; text is NaN. */
  num(id: string): number {
    const v = this.cells[id];
    if (!v || v.kind === "blank" || v.kind === "na" || v.kind === "none") return 0;
    if (v.kind === "count") return v.value;
    if (v.kind === "money") return v.value.toNumber();
    return Number.NaN;
  }
  /** True when the cell holds a count. */
  isCount(id: string): boolean {
    return this.cells[id]?.kind === "count";
  }
  set(id: string, v: CellValue | number): void {
    if (!(id in this.original)) this.original[id] = this.cells[id] ? encodeCell(this.cells[id] as CellValue) : null;
    const value = typeof v === "number" ? count(v) : v;
    if (value.kind === "blank") delete this.cells[id];
    else this.cells[id] = value;
  }
  add(id: string, k: number): void {
    this.set(id, this.num(id) + k);
  }
  get mutated(): string[] {
    return Object.keys(this.original);
  }
}

/**
 * Breaks an upper-bound identity (Σ lhs ≤ Σ rhs) of `rule` by `k`: its single left cell is raised (or, with "rhs", its
 * single right cell lowered) until the left side exceeds the right by k. Returns the changed cell's new value.
 */
function exceed(c: Cells, edition: Edition, rule: RuleId, k: number, side: "lhs" | "rhs" = "lhs", key?: string): number {
  const le = identitiesFor(edition, rule).find((i) => key === undefined || i.key === key);
  const cell = (side === "lhs" ? le?.lhs : le?.rhs)?.[0]?.cell;
  if (!le || !cell) throw new RangeError(`breakReport: core has no ${rule} identity for ${edition}`);
  const d = k - imbalance(le, (id) => c.num(id));
  c.add(cell, side === "lhs" ? d : -d);
  return c.num(cell);
}

/**
 * Adds one application when the report has none (national: one new application of the first applicant column, handled
 * under the first outcome; 2014: one received by the first channel), carried through core's identities so that they hold.
 */
function ensureApplication(c: Cells, edition: Edition): void {
  const ids = identitiesOf(edition).map((x) => x.identity);
  if (edition === "gen2014") {
    const received = identitiesFor(edition, "OLD-APP-CHANNEL-SUM")[0];
    const total = received && soleLhs(received);
    if (!total || c.num(total) > 0) return;
    propagate(ids, total, 1, (id, d) => c.add(id, d));
    return;
  }
  if (edition !== "gen2019" && edition !== "gen2021") return;
  const all = balanceRoles(edition, t3TotalColumn(edition));
  if (c.num(all.handled) > 0 && c.num(all.fresh) > 0) return;
  // 一、本年新收 of the first column: the balance carries it to 三 and the outcome sum to the first outcome row.
  propagate(ids, balanceRoles(edition, applicants(edition)[0] ?? "").fresh, 1, (id, d) => c.add(id, d));
}

/** One digit of the number changed, keeping its length (no leading zero). */
function typo(rng: Rng, value: number): number {
  const s = String(value);
  const i = rng.int(0, s.length - 1);
  const digits = [..."0123456789"].filter((d) => d !== s[i] && !(i === 0 && s.length > 1 && d === "0"));
  return Number(s.slice(0, i) + rng.pick(digits) + s.slice(i + 1));
}

function shiftYear(report: Report, year: number): Report {
  const old = report.meta.year;
  const swap = (t: string) => (old === undefined ? t : t.split(`${old}年`).join(`${year}年`));
  return {
    ...report,
    meta: {
      ...report.meta,
      year,
      ...(report.meta.title ? { title: swap(report.meta.title) } : {}),
      ...(report.meta.publishedAt ? { publishedAt: `${year + 1}${report.meta.publishedAt.slice(4)}` } : {}),
    },
    sections: report.sections.map((s) => ({ ...s, text: swap(s.text) })),
    ...(report.local ? { local: { ...report.local, columns: [`${year}年度`, "历年累计"] as const } } : {}),
    ...(report.claims ? { claims: report.claims.map((cl) => ({ ...cl, text: swap(cl.text) })) } : {}),
  };
}

interface Plan {
  expected: RuleId[];
  note: string;
  report?: Report;
}

/** For each narrative rule: the cell a new sentence states, and the sentence (`{v}` is the figure). */
function narrativeTarget(report: Report, rule: RuleId): readonly [string, string] | undefined {
  const national = report.edition === "gen2019" || report.edition === "gen2021";
  const old = report.edition === "gen2014";
  const first = report.local?.rows[0]?.id;
  const table: Partial<Record<RuleId, readonly [string | undefined, string]>> = {
    "NARR-PUB-TOTAL": [old ? "old.A1" : first ? `local.${first}.current` : undefined, "全年主动公开政府信息{v}条。"],
    "NARR-PUB-CHANNEL": [old ? "old.A2_2" : undefined, "通过政府网站公开政府信息{v}条。"],
    "NARR-APP-RECEIVED": [national ? "t3.new.total" : old ? "old.C1" : undefined, "本年度共收到政府信息公开申请{v}件。"],
    "NARR-APP-CHANNEL": [old ? "old.C1_3" : undefined, "其中网络申请{v}件。"],
    "NARR-APP-CARRY-IN": [national ? "t3.carry_in.total" : undefined, "上年结转政府信息公开申请{v}件。"],
    "NARR-APP-DONE": [national ? "t3.total.total" : old ? "old.C2" : undefined, "全年办结政府信息公开申请{v}件。"],
    "NARR-APP-CARRY-OUT": [national ? "t3.carry_out.total" : undefined, "结转下年度继续办理{v}件。"],
    "NARR-APP-OUTCOME": [national ? "t3.granted.total" : old ? "old.C3_2" : undefined, "其中予以公开{v}件。"],
    "NARR-REVIEW": [national ? "t4.review.total" : old ? "old.D" : undefined, "因政府信息公开被申请行政复议{v}件。"],
    "NARR-LITIG": [national ? "t4.direct.total" : old ? "old.E" : undefined, "因政府信息公开被提起行政诉讼{v}件。"],
    "NARR-NORM-DOCS": [
      report.edition === "gen2021" ? "t2.normative.issued" : report.edition === "gen2019" ? "t2.normative.made" : old ? "old.A1b" : undefined,
      "全年制发规范性文件{v}件。",
    ],
    "NARR-PRESS": [old ? "old.B2_1" : undefined, "全年召开新闻发布会{v}场。"],
    "NARR-FEE": [old ? "old.G" : undefined, "依申请提供政府信息收取费用{v}万元。"],
  };
  const hit = table[rule];
  return hit?.[0] ? [hit[0], hit[1]] : undefined;
}

const figureRe = (value: string) => new RegExp(`(?<![\\d.])${value.replace(".", "\\.")}(?![\\d.])`, "g");

/** Cells of the same row as `cell` (a stated figure that one of them holds passes as a quoted column). */
function sameRowValues(report: Report, c: Cells, cell: string): Set<string> {
  const [table, row = ""] = cell.split(".");
  const prefix = table === "old" ? `old.${row}` : `${table}.${row}.`;
  const out = new Set<string>();
  for (const id of Object.keys(report.cells)) if (id.startsWith(prefix)) out.add(String(c.num(id)));
  if (report.edition === "gen2019" || report.edition === "gen2021")
    for (const col of T3_COLUMNS) if (table === "t3") out.add(String(c.num(`t3.${row}.${col.id}`)));
  return out;
}

/** Makes the prose state a figure that disagrees with the table, for one NARR-* rule. */
function breakNarrative(report: Report, rule: RuleId, c: Cells, rng: Rng): Plan {
  const claims = [...(report.claims ?? [])];
  const wrong = (cell: string, from: number, text = ""): string => {
    // Not a figure of the same row, nor one the sentence already states (the check would read that one).
    const taken = sameRowValues(report, c, cell);
    for (const m of text.match(/\d+(?:\.\d+)?/g) ?? []) taken.add(m);
    // Nor 一 + 二 (new and carried in): NARR-APP-RECEIVED accepts it for a 收到 figure.
    if (report.edition === "gen2019" || report.edition === "gen2021")
      for (const b of identitiesFor(report.edition, "T3-BALANCE"))
        if (b.lhs.some((t) => t.cell === cell)) taken.add(String(b.lhs.reduce((a, t) => a + c.num(t.cell), 0)));
    let v = from + rng.int(1, 3);
    while (taken.has(String(v))) v++;
    return String(v);
  };
  const unique = claims.findIndex(
    (cl) => narrativeRuleFor(cl.cell) === rule && Number.isFinite(c.num(cl.cell)) && (cl.text.match(figureRe(cl.value)) ?? []).length === 1,
  );
  let sections = report.sections;
  if (unique >= 0) {
    const cl = claims[unique] as NarrativeClaim;
    const value = wrong(cl.cell, Math.max(Number(cl.value), c.num(cl.cell)), cl.text);
    const text = cl.text.replace(figureRe(cl.value), value);
    sections = sections.map((s) => ({ ...s, text: s.text.split(cl.text).join(text) }));
    for (let i = 0; i < claims.length; i++) {
      const other = claims[i] as NarrativeClaim;
      if (other.text === cl.text) claims[i] = { ...other, text, ...(i === unique ? { value } : {}) };
    }
    return {
      expected: [rule],
      note: `the prose states ${value} for ${cl.cell}, the table ${displayNum(c, cl.cell)}`,
      report: { ...report, sections, claims },
    };
  }
  const target = narrativeTarget(report, rule);
  if (!target) throw new RangeError(`breakReport: no way to break ${rule} in a ${report.edition} report`);
  const [cell, template] = target;
  const value = wrong(cell, c.num(cell));
  const text = template.replace("{v}", value);
  const at = sections.findIndex((s) => s.number === 1 || s.number === undefined);
  sections = sections.map((s, i) => (i === Math.max(0, at) ? { ...s, text: s.text + text } : s));
  claims.push({ cell, value, text });
  return { expected: [rule], note: `a sentence states ${value} for ${cell}, the table ${displayNum(c, cell)}`, report: { ...report, sections, claims } };
}

const displayNum = (c: Cells, id: string) => String(c.num(id));

function localParents(report: Report) {
  const rows = report.local?.rows ?? [];
  const parents = rows.filter((r) => rows.some((k) => k.parent === r.id));
  const standalone = rows.filter((r) => !r.parent && !parents.includes(r) && r.unit !== "元" && r.unit !== "万元");
  return { rows, parents, standalone, childrenOf: (id: string) => rows.filter((k) => k.parent === id) };
}

function breakNational(report: Report, kind: BreakKind, c: Cells, rng: Rng): Plan {
  const edition = report.edition as "gen2019" | "gen2021";
  const t3 = (r: string, col: string) => `t3.${r}.${col}`;
  const outcomes = T3_OUTCOME_ROWS[edition];
  const APPLICANTS = applicants(edition);
  const k = rng.int(1, 3);
  /** An applicant column whose （七）总计 holds a number (after ensureApplication there is one). */
  const liveCol = () => APPLICANTS.find((col) => c.isCount(t3("total", col)) && c.num(t3("total", col)) > 0) ?? "natural";
  switch (kind) {
    case "T2-INT": {
      const id = edition === "gen2021" ? "t2.normative.repealed" : "t2.normative.made";
      c.set(id, -k);
      return { expected: ["T2-INT"], note: `a negative count (-${k}) in ${id}` };
    }
    case "T2-19-PUB-LE-TOTAL":
      exceed(c, edition, "T2-19-PUB-LE-TOTAL", k, "lhs", "normative");
      return { expected: ["T2-19-PUB-LE-TOTAL"], note: `规范性文件 本年新公开数量 exceeds 对外公开总数量 by ${k}` };
    case "T2-19-ITEMS-NONNEG": {
      // The rows with a signed 本年增/减; 上一年项目数量 is the row's first cell.
      const change = rng.pick(T2_2019_CELLS.filter((d) => d.kind === "signed"));
      const before = T2_2019_CELLS.find((d) => d.row === change.row)?.id ?? "";
      c.set(change.id, -(c.num(before) + k));
      return { expected: ["T2-19-ITEMS-NONNEG"], note: `本年增/减 of ${change.row} removes ${k} more items than existed last year` };
    }
    case "T2-19-PROC-ZERO":
      c.set("t2.procurement.projects", 0);
      c.set("t2.procurement.amount", money(String(rng.int(5, 900)), "万元"));
      return { expected: ["T2-19-PROC-ZERO"], note: "采购项目数量 is 0 but 采购总金额 is not" };
    case "T2-RULE-AUTHORITY": {
      // Every cell of the 规章 row up by k: the 2019 row keeps 新公开 ≤ 总数量, the 2021 row has no same-year identity.
      const row = cellsOf(edition).filter((d) => d.table === "t2" && d.row === "rules" && d.kind === "count");
      if (row.every((d) => c.num(d.id) === 0)) for (const d of row) c.add(d.id, k);
      const level = report.meta.level && !RULE_MAKERS.has(report.meta.level) ? report.meta.level : "county";
      return {
        expected: ["T2-RULE-AUTHORITY"],
        note: `a ${level} body without rule-making power reports 规章`,
        report: { ...report, meta: { ...report.meta, level } },
      };
    }
    case "T3-INT": {
      ensureApplication(c, edition);
      const [r, r2] = [rng.pick(outcomes), "granted"];
      const row = r === r2 ? "unable_1" : r;
      const m = c.num(t3(row, "natural")) + 1;
      c.set(t3(row, "natural"), -1);
      c.add(t3(row, "total"), -m);
      c.add(t3(r2, "natural"), m);
      c.add(t3(r2, "total"), m);
      return { expected: ["T3-INT"], note: `a negative count in ${t3(row, "natural")}, compensated so that every sum still holds` };
    }
    case "T3-OUTCOME-SUM": {
      ensureApplication(c, edition);
      const row = rng.pick(outcomes);
      const col = liveCol();
      c.add(t3(row, col), k);
      c.add(t3(row, "total"), k);
      return { expected: ["T3-OUTCOME-SUM"], note: `${k} application(s) counted again under ${row}: the outcomes exceed （七）总计` };
    }
    case "T3-BALANCE":
      ensureApplication(c, edition);
      c.add(t3("carry_out", liveCol()), k);
      c.add(t3("carry_out", "total"), k);
      return { expected: ["T3-BALANCE"], note: `结转下年度继续办理 overstated by ${k}: 一 + 二 ≠ 三 + 四` };
    case "T3-ROW-TOTAL": {
      ensureApplication(c, edition);
      const from = outcomes.flatMap((r) => APPLICANTS.map((col) => [r, col] as const)).find(([r, col]) => c.num(t3(r, col)) > 0) ?? ["granted", "natural"];
      const to = from[0] === "granted" ? "partial" : "granted";
      c.add(t3(from[0], from[1]), -1);
      c.add(t3(to, from[1]), 1);
      if (!c.isCount(t3(to, "total"))) c.set(t3(to, "total"), 0);
      return { expected: ["T3-ROW-TOTAL"], note: `one application moved from ${from[0]} to ${to} (${from[1]}) without updating the 总计 column` };
    }
    case "T3-TOTAL-MISSING": {
      ensureApplication(c, edition);
      c.set(t3("new", "total"), BLANK);
      return { expected: ["T3-TOTAL-MISSING"], note: "一、本年新收 总计 left blank" };
    }
    case "blank-totals": {
      ensureApplication(c, edition);
      for (const sum of identitiesFor(edition, "T3-ROW-TOTAL")) {
        if (sum.rhs.some((t) => c.num(t.cell) !== 0)) c.set(soleLhs(sum) as string, BLANK);
      }
      return { expected: ["T3-TOTAL-MISSING"], note: "the 总计 column of table 三 left blank wherever its row has numbers (as 上海 2019 did)" };
    }
    case "T3-OTHER-SPLIT":
    case "META-GEN-DETECT":
    case "wrong-edition": {
      const year = edition === "gen2019" ? rng.int(2021, 2023) : rng.int(2019, 2020);
      return {
        expected: ["META-GEN-DETECT", "T3-OTHER-SPLIT"],
        note: `the ${edition} tables in a report for ${year}`,
        report: shiftYear(report, year),
      };
    }
    case "META-SECTIONS":
      return {
        expected: ["META-SECTIONS"],
        note: "section 五 (problems and improvements) left out",
        report: { ...report, sections: report.sections.filter((s) => s.number !== 5) },
      };
    case "T4-INT": {
      const block = rng.pick(T4_BLOCKS);
      const m = c.num(`t4.${block}.upheld`) + 1;
      c.set(`t4.${block}.upheld`, -1);
      c.add(`t4.${block}.other`, m);
      if (!c.isCount(`t4.${block}.total`)) c.add(`t4.${block}.total`, 0);
      return { expected: ["T4-INT"], note: `a negative count in t4.${block}.upheld, compensated in 其他结果` };
    }
    case "T4-REVIEW-SUM":
    case "T4-LIT-DIRECT-SUM":
    case "T4-LIT-AFTER-SUM": {
      const total = soleLhs(identitiesFor(edition, kind)[0] as Identity) as string;
      c.add(total, k);
      return { expected: [kind], note: `${total} overstated by ${k}` };
    }
    case "TOTAL-MISSING": {
      if (c.num("t4.review.total") === 0) {
        c.add("t4.review.upheld", 1);
        c.add("t4.review.total", 1);
      }
      c.set("t4.review.total", BLANK);
      return { expected: ["TOTAL-MISSING"], note: "行政复议 总计 left blank" };
    }
    default:
      throw new RangeError(`breakReport: no way to break ${kind} in a ${edition} report`);
  }
}

function break2014(report: Report, kind: BreakKind, c: Cells, rng: Rng): Plan {
  const o = (id: string) => `old.${id}`;
  const k = rng.int(1, 3);
  const ids = identitiesOf("gen2014").map((x) => x.identity);
  const bump = (id: string, rule: RuleId, note: string): Plan => {
    c.add(o(id), k);
    return { expected: [rule], note: `${note} (+${k})` };
  };
  switch (kind) {
    case "OLD-INT":
      c.set(o("F"), -k);
      return { expected: ["OLD-INT"], note: `a negative count in 六、举报投诉数量 (-${k})` };
    case "OLD-PUB-CHAN-UPPER": {
      exceed(c, "gen2014", "OLD-PUB-CHAN-UPPER", k);
      if (c.num(o("A1b")) < c.num(o("A1a"))) c.set(o("A1b"), c.num(o("A1a")));
      return { expected: ["OLD-PUB-CHAN-UPPER"], note: `主动公开政府信息数 ${k} above the sum of its channels` };
    }
    case "OLD-PUB-CHAN-LOWER":
      {
        // The largest channel raised above the de-duplicated total (total ≥ each channel).
        const lower = identitiesFor("gen2014", "OLD-PUB-CHAN-LOWER")[0] as Identity;
        const top = lower.rhs.reduce((a, t) => (c.num(t.cell) > c.num(a.cell) ? t : a), lower.rhs[0] as Identity["rhs"][number]);
        c.add(top.cell, imbalance(lower, (id) => c.num(id)) + k);
      }
      return { expected: ["OLD-PUB-CHAN-LOWER"], note: "the largest channel of 主动公开 above the de-duplicated total" };
    case "OLD-PUB-NORM-SUBSET": {
      const v = exceed(c, "gen2014", "OLD-PUB-NORM-SUBSET", k);
      if (c.num(o("A1b")) < v) c.set(o("A1b"), v);
      return { expected: ["OLD-PUB-NORM-SUBSET"], note: "主动公开规范性文件数 above 主动公开政府信息数" };
    }
    case "OLD-PUB-NORM-ISSUED":
      if (c.num(o("A1a")) === 0) {
        if (c.num(o("A1")) === 0) throw new RangeError("breakReport: 主动公开政府信息数 is 0");
        c.set(o("A1a"), 1);
      }
      exceed(c, "gen2014", "OLD-PUB-NORM-ISSUED", 1, "rhs");
      return { expected: ["OLD-PUB-NORM-ISSUED"], note: "more normative documents published than issued" };
    case "OLD-RESP-LEAD-PRESS":
      exceed(c, "gen2014", "OLD-RESP-LEAD-PRESS", k);
      return { expected: ["OLD-RESP-LEAD-PRESS"], note: "the principal official attended more press conferences than were held" };
    case "OLD-RESP-LEAD-INTERVIEW":
      exceed(c, "gen2014", "OLD-RESP-LEAD-INTERVIEW", k);
      return { expected: ["OLD-RESP-LEAD-INTERVIEW"], note: "the principal official gave more online interviews than were held" };
    case "OLD-RESP-HOTSPOT-UPPER": {
      exceed(c, "gen2014", "OLD-RESP-HOTSPOT-UPPER", k);
      return { expected: ["OLD-RESP-HOTSPOT-UPPER"], note: "more hot topics answered than responses of all kinds" };
    }
    case "OLD-APP-CHANNEL-SUM":
      return bump("C1", "OLD-APP-CHANNEL-SUM", "收到申请数 disagrees with its channels");
    case "OLD-APP-DONE-SUM":
      return bump("C2_2", "OLD-APP-DONE-SUM", "延期办结数 overstated");
    case "OLD-APP-REPLY-SUM":
      return bump("C3_7", "OLD-APP-REPLY-SUM", "告知作出更改补充数 overstated");
    case "OLD-APP-DENY-SUM":
      return bump("C3_4a", "OLD-APP-DENY-SUM", "涉及国家秘密 overstated");
    case "OLD-APP-DONE-REPLY":
      // One more reply, carried into its parts but not into 申请办结数.
      propagate(
        identitiesOf("gen2014")
          .filter((x) => x.rule !== "OLD-APP-DONE-REPLY")
          .map((x) => x.identity),
        o("C3"),
        1,
        (id, d) => c.add(id, d),
      );
      return { expected: ["OLD-APP-DONE-REPLY"], note: "one more reply than completed applications" };
    case "OLD-APP-DONE-LE-RECEIVED": {
      const le = identitiesFor("gen2014", "OLD-APP-DONE-LE-RECEIVED")[0] as Identity;
      const m = k - imbalance(le, (id) => c.num(id));
      propagate(ids, soleLhs(le) as string, m, (id, d) => c.add(id, d));
      return { expected: ["OLD-APP-DONE-LE-RECEIVED"], note: `${m} more applications completed, more than were received` };
    }
    case "OLD-REVIEW-SUM":
      return bump("D", "OLD-REVIEW-SUM", "行政复议数量 disagrees with its outcomes");
    case "OLD-LITIG-SUM":
      return bump("E", "OLD-LITIG-SUM", "行政诉讼数量 disagrees with its outcomes");
    case "OLD-STAFF-SUM":
      return bump("H3", "OLD-STAFF-SUM", "从事政府信息公开工作人员数 is not 专职 + 兼职");
    case "TOTAL-MISSING":
      ensureApplication(c, "gen2014");
      c.set(o("C1"), BLANK);
      return { expected: ["TOTAL-MISSING"], note: "收到申请数 left blank" };
    case "blank-totals": {
      ensureApplication(c, "gen2014");
      // The totals of core's sums that are not themselves a part of another sum (收到申请数, 申请办结数, …).
      const parts = new Set(ids.filter((i) => i.rhs.length > 1).flatMap((i) => i.rhs.map((t) => t.cell)));
      const blanked = [...new Set(ids.filter((i) => i.rel === "eq" && i.rhs.length > 1).map((i) => soleLhs(i) as string))].filter(
        (id) => !parts.has(id) && c.num(id) > 0,
      );
      for (const id of blanked) c.set(id, BLANK);
      return { expected: ["TOTAL-MISSING"], note: `${blanked.join(", ")} left blank` };
    }
    case "META-GEN-DETECT":
    case "wrong-edition": {
      const year = rng.int(2019, 2021);
      return { expected: ["META-GEN-DETECT"], note: `the 2014–2018 table in a report for ${year}`, report: shiftYear(report, year) };
    }
    default:
      throw new RangeError(`breakReport: no way to break ${kind} in a gen2014 report`);
  }
}

function breakLocal(report: Report, kind: BreakKind, c: Cells, rng: Rng): Plan {
  const { parents, standalone, childrenOf } = localParents(report);
  const cur = (id: string) => `local.${id}.current`;
  const cum = (id: string) => `local.${id}.cumulative`;
  const k = rng.int(1, 3);
  const parent = parents.find((p) => c.num(cur(p.id)) > 0) ?? parents[0];
  switch (kind) {
    case "OLD-SUBSET": {
      if (!parent) throw new RangeError("breakReport: the local table has no 其中 rows");
      const child = childrenOf(parent.id)[0];
      if (!child) throw new RangeError("breakReport: no child row");
      const m = c.num(cur(parent.id)) - c.num(cur(child.id)) + k;
      c.add(cur(child.id), m);
      c.add(cum(child.id), m);
      return { expected: ["OLD-SUBSET", "LOCAL-ITEMS-SUM"], note: `“${child.label}” above its parent “${parent.label}”` };
    }
    case "LOCAL-ITEMS-SUM": {
      if (!parent) throw new RangeError("breakReport: the local table has no 其中 rows");
      c.add(cur(parent.id), k);
      c.add(cum(parent.id), k);
      return { expected: ["LOCAL-ITEMS-SUM"], note: `“${parent.label}” is ${k} more than its 其中 rows` };
    }
    case "LOCAL-CUM-GE-CURRENT": {
      const row = standalone[0];
      if (!row) throw new RangeError("breakReport: no stand-alone row");
      c.set(cur(row.id), c.num(cum(row.id)) + k);
      return { expected: ["LOCAL-CUM-GE-CURRENT"], note: `“${row.label}” this year above its cumulative figure` };
    }
    case "TOTAL-MISSING":
    case "blank-totals": {
      if (!parent || c.num(cur(parent.id)) === 0) throw new RangeError("breakReport: no non-zero parent row");
      c.set(cur(parent.id), BLANK);
      return { expected: ["TOTAL-MISSING"], note: `“${parent.label}” 本年度 left blank` };
    }
    case "META-GEN-DETECT":
    case "wrong-edition": {
      const year = rng.int(2019, 2021);
      return { expected: ["META-GEN-DETECT"], note: `a local table in a report for ${year}`, report: shiftYear(report, year) };
    }
    default:
      throw new RangeError(`breakReport: no way to break ${kind} in a local report`);
  }
}

/**
 * Cells where one wrong digit breaks core's identities, with the rules it breaks: every part of a sum (never a total,
 * which would be derived when blank) whose identities read only totals that hold numbers.
 */
function typoTargets(report: Report, c: Cells): { cell: string; rules: (next: number) => RuleId[] }[] {
  const ids = sameYear(report);
  const totals = new Set(ids.filter((x) => x.identity.rel === "eq").map((x) => soleLhs(x.identity)));
  const touching = new Map<string, { rule: RuleId; identity: Identity }[]>();
  for (const x of ids) for (const cell of cellsIn(x.identity)) (touching.get(cell) ?? touching.set(cell, []).get(cell))?.push(x);
  const out: { cell: string; rules: (next: number) => RuleId[] }[] = [];
  for (const [cell, xs] of touching) {
    if (totals.has(cell) || !c.isCount(cell) || !xs.some((x) => x.identity.rel === "eq")) continue;
    if (xs.some((x) => cellsIn(x.identity).some((id) => totals.has(id) && !c.isCount(id)))) continue;
    out.push({
      cell,
      rules: (next) => {
        const num = (id: string) => (id === cell ? next : c.num(id));
        return [...new Set(xs.filter((x) => !holds(x.identity, num)).map((x) => x.rule))];
      },
    });
  }
  return out;
}

/**
 * A deliberately broken variant of a valid report: `kind` is a rule id (that rule, and only what it implies, fails)
 * or one of "typo-digit" (one digit of one cell changed), "blank-totals", "wrong-edition" and "text-in-cell".
 * Deterministic per seed. Throws a RangeError when the kind does not apply to the report's edition.
 */
export function breakReport(report: Report, kind: BreakKind, seed: number): BrokenReport {
  const rng = new Rng(hashSeed(`break:${kind}:${seed}`));
  const c = new Cells(report);
  let plan: Plan;
  let first: string | undefined;
  let fix: BrokenReport["fix"];
  if (kind.startsWith("NARR-")) plan = breakNarrative(report, kind as RuleId, c, rng);
  else if (kind === "typo-digit") {
    if (!typoTargets(report, c).some((t) => c.num(t.cell) > 0) && report.edition !== "local") ensureApplication(c, report.edition);
    const targets = typoTargets(report, c);
    const nonzero = targets.filter((t) => c.num(t.cell) > 0);
    const target = rng.pick(nonzero.length ? nonzero : targets);
    if (!target) throw new RangeError("breakReport: no cell to mistype");
    const before = c.num(target.cell);
    const after = typo(rng, before);
    c.set(target.cell, after);
    first = target.cell;
    fix = { cell: target.cell, from: String(after), to: String(before) };
    plan = { expected: target.rules(after), note: `one digit of ${target.cell} mistyped: ${before} → ${after}` };
  } else if (kind === "CELL-NOT-NUMERIC" || kind === "text-in-cell") {
    // Not 采购项目数量: core reads text there as 0 in T2-19-PROC-ZERO, which then fails (reported to core).
    const ids = Object.keys(c.cells).filter((id) => c.isCount(id) && c.num(id) >= 0 && id !== "t2.procurement.projects");
    const positive = ids.filter((i) => c.num(i) > 0);
    const id = rng.pick(positive.length ? positive : ids);
    if (!id) throw new RangeError("breakReport: no numeric cell");
    const unit = id.startsWith("local.") || id.startsWith("old.A") ? "条" : "件";
    const text = rng.pick([`${c.num(id)}${unit}`, "详见附件", `约${c.num(id)}`]);
    c.set(id, specialValue(text));
    first = id;
    plan = { expected: ["CELL-NOT-NUMERIC"], note: `text “${text}” in the numeric cell ${id}` };
  } else if (report.edition === "gen2014") plan = break2014(report, kind, c, rng);
  else if (report.edition === "local") plan = breakLocal(report, kind, c, rng);
  else plan = breakNational(report, kind, c, rng);
  const base = plan.report ?? report;
  const mutated = first ? [first, ...c.mutated.filter((id) => id !== first)] : c.mutated;
  const touched = new Set(mutated);
  const mayAlsoFire = new Set<RuleId>();
  for (const cl of report.claims ?? []) {
    const rule = narrativeRuleFor(cl.cell);
    if (rule && touched.has(cl.cell) && !plan.expected.includes(rule)) mayAlsoFire.add(rule);
  }
  return {
    report: { ...base, cells: c.cells },
    kind,
    expectedRules: [...new Set(plan.expected)],
    mutatedCells: mutated,
    originalValues: c.original,
    mayAlsoFire: [...mayAlsoFire],
    ...(fix ? { fix } : {}),
    note: plan.note,
  };
}
