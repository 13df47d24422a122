import {
  cellDef,
  type Identity,
  identitiesOf,
  type RuleId,
  type LocalRow,
  type NationalEdition,
  T2_2019_CELLS,
  T3_COLUMNS,
  T3_OUTCOME_ROWS,
  T3_ROWS,
  T4_BLOCKS,
  type Term,
} from "@gov-disclosure/core";
import type { BodyProfile } from "./bodies";
import { type CellMap, identitiesFor, identityFor, solve, soleLhs } from "./identities";
import type { Rng } from "./random";

/** A cell as canonical JSON: a count, a decimal string for money, or null. */
export type CellInput = CellMap[string];

/** What the previous year of the same body left behind, for the cross-year identities. */
export interface YearState {
  /** Every cell of the year, for core's cross-year identities (T3-YOY-CARRY, T2-21-VALID-YOY) to chain from. */
  readonly cells?: Readonly<CellMap>;
  /** 2019 table 二: item counts at the end of the year (上一年项目数量 + 本年增/减) by row, and 对外公开总数量 by cell. */
  readonly items2019?: Readonly<Record<string, number>>;
  /** 历年累计 of each local row, by label. */
  readonly localCumulative?: Readonly<Record<string, string>>;
  /** Which local table model the body uses (kept across a series so that rows match by label). */
  readonly localModel?: "2008" | "2014";
}

/** The figures the narrative speaks of. */
export type Facts = Record<string, number | string>;

/** What one edition's table generator returns. */
export interface TableOutput {
  readonly cells: CellMap;
  readonly state: YearState;
  readonly facts: Facts;
  readonly localRows?: readonly LocalRow[];
}

/** A magnitude between `lo` and `hi` on a log scale by the body's size, with jitter. */
export function magnitude(rng: Rng, size: number, lo: number, hi: number, jitter = 0.35): number {
  const l = Math.log(lo + 1);
  const h = Math.log(hi + 1);
  return Math.max(0, Math.round(Math.exp(l + size * (h - l)) * rng.float(1 - jitter, 1 + jitter) - 1));
}

/** An amount of money as a decimal string with up to `decimals` places, trailing zeros dropped. */
export function moneyText(rng: Rng, amount: number, decimals: number): string {
  const scale = 10 ** decimals;
  const units = Math.max(0, Math.round(amount * scale + rng.float(-0.5, 0.5) * (decimals ? 1 : 0)));
  const int = Math.floor(units / scale);
  const frac = decimals
    ? String(units % scale)
        .padStart(decimals, "0")
        .replace(/0+$/, "")
    : "";
  return frac ? `${int}.${frac}` : String(int);
}

/** Base shares of the outcome kinds of table 三 in printed order (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理). */
const OUTCOME_KIND_SHARES = [0.36, 0.08, 0.11, 0.29, 0.095, 0.065];
/** Share of applications from natural persons; the rest come from the columns under 法人或其他组织. */
const NATURAL_SHARE = 0.86;

/**
 * The outcome kinds of table 三 in printed order (予以公开 … 其他处理): the label under 三、本年度办理结果, its rows, and
 * for a kind of one row the cell of its 总计.
 */
export function outcomeKinds(edition: NationalEdition): readonly OutcomeKind[] {
  return memo(`kinds:${edition}`, () => buildOutcomeKinds(edition));
}

/** One outcome kind of table 三. */
export interface OutcomeKind {
  readonly label: string;
  readonly rows: readonly string[];
  readonly total?: string;
}

const MEMO = new Map<string, unknown>();
/** What core's tables and identities give, worked out once per edition. */
const memo = <T>(key: string, make: () => T): T => {
  if (!MEMO.has(key)) MEMO.set(key, make());
  return MEMO.get(key) as T;
};

function buildOutcomeKinds(edition: NationalEdition): OutcomeKind[] {
  const axes = new Map(T3_ROWS[edition].map((r) => [r.id, r]));
  const out: { label: string; rows: string[]; total?: string }[] = [];
  for (const row of T3_OUTCOME_ROWS[edition]) {
    const label = axes.get(row)?.path[2] ?? row;
    const last = out[out.length - 1];
    if (last?.label === label) last.rows.push(row);
    else out.push({ label, rows: [row] });
  }
  const totals = identitiesFor(edition, "T3-ROW-TOTAL");
  return out.map((k) => {
    const total = k.rows.length === 1 ? totals.find((i) => i.key === k.rows[0]) : undefined;
    return total ? { ...k, total: soleLhs(total) as string } : k;
  });
}

/** The 总计 column of table 三: the column of the totals of T3-ROW-TOTAL. */
export const t3TotalColumn = (edition: NationalEdition): string => memo(`total:${edition}`, () => buildTotalColumn(edition));

function buildTotalColumn(edition: NationalEdition): string {
  const first = identitiesFor(edition, "T3-ROW-TOTAL")[0];
  const col = first ? cellDef(edition, soleLhs(first) ?? "")?.col : undefined;
  if (!col) throw new Error(`core has no T3-ROW-TOTAL identity for ${edition}`);
  return col;
}

/** The role of each cell of a T3-BALANCE identity (一 + 二 = 三 + 四), told apart by the other identities of table 三. */
export function balanceRoles(edition: NationalEdition, key: string) {
  return memo(`balance:${edition}:${key}`, () => buildBalanceRoles(edition, key));
}

function buildBalanceRoles(edition: NationalEdition, key: string) {
  const balance = identityFor(edition, "T3-BALANCE", key);
  const chained = new Set(identitiesFor(edition, "T3-YOY-CARRY").map(soleLhs));
  const summed = new Set(identitiesFor(edition, "T3-OUTCOME-SUM").map(soleLhs));
  const [carryIn, fresh] = [...balance.lhs].sort((a, b) => Number(chained.has(b.cell)) - Number(chained.has(a.cell)));
  const [handled, carryOut] = [...balance.rhs].sort((a, b) => Number(summed.has(b.cell)) - Number(summed.has(a.cell)));
  if (!carryIn || !fresh || !handled || !carryOut) throw new Error(`T3-BALANCE ${key} is not 一 + 二 = 三 + 四`);
  return { fresh: fresh.cell, carryIn: carryIn.cell, handled: handled.cell, carryOut: carryOut.cell, balance };
}

/** Table 三 (and 四): applications received, carried in, handled by outcome and carried out, by applicant column. */
function nationalApplications(rng: Rng, edition: NationalEdition, profile: BodyProfile, prev: YearState | undefined, cells: CellMap, facts: Facts) {
  const n = profile.applications === 0 ? 0 : Math.max(0, Math.round(profile.applications * rng.float(0.7, 1.3)));
  const rowTotals = identitiesFor(edition, "T3-ROW-TOTAL");
  const totalCol = t3TotalColumn(edition);
  const applicants = T3_COLUMNS.filter((c) => c.id !== totalCol);
  const legal = applicants.filter((c) => c.path.length > 2).length;
  const colWeights = applicants.map((c) => {
    const natural = c.path.length <= 2;
    return (natural ? NATURAL_SHARE : (1 - NATURAL_SHARE) / legal) * rng.float(0.4, 1.6) * (natural ? 1 : rng.chance(0.5) ? 1 : 0.05);
  });
  const fresh = rng.split(n, colWeights);
  const outcomeRows = T3_OUTCOME_ROWS[edition];
  const kinds = outcomeKinds(edition);
  const weights = outcomeRows.map((r) => {
    const k = kinds.findIndex((x) => x.rows.includes(r));
    const items = kinds[k]?.rows ?? [r];
    const share = OUTCOME_KIND_SHARES[k] ?? 0.01;
    const w = items.length === 1 ? share : items[0] === r ? share * 0.6 : (share * 0.4) / (items.length - 1);
    if (w >= 0.1) return w * rng.float(0.5, 1.5);
    return rng.chance(0.45) ? w * rng.float(0.3, 1.7) : 0;
  });
  const weightOf = new Map(outcomeRows.map((r, k) => [r, weights[k] as number]));
  const previous = prev?.cells ?? {};
  const chain = identitiesFor(edition, "T3-YOY-CARRY");
  applicants.forEach((c, i) => {
    const roles = balanceRoles(edition, c.id);
    const fr = fresh[i] as number;
    cells[roles.fresh] = fr;
    if (prev?.cells) solve(cells, chain, previous);
    else cells[roles.carryIn] = fr > 3 && rng.chance(0.4) ? rng.int(0, Math.ceil(fr * 0.08)) : 0;
    if (typeof cells[roles.carryIn] !== "number") cells[roles.carryIn] = 0;
    const avail = fr + (cells[roles.carryIn] as number);
    const cout = avail > 0 && rng.chance(0.45) ? Math.min(avail, rng.int(0, Math.max(1, Math.round(avail * 0.1)))) : 0;
    cells[roles.carryOut] = cout;
    solve(cells, [roles.balance]);
    const outcomes = identityFor(edition, "T3-OUTCOME-SUM", c.id).rhs;
    const w = outcomes.map((t) => weightOf.get(cellDef(edition, t.cell)?.row ?? "") ?? 0);
    rng.split(cells[roles.handled] as number, w).forEach((v, k) => {
      cells[(outcomes[k] as Term).cell] = v;
    });
  });
  // The 总计 column follows from the row totals (the balance and outcome sums of 总计 then hold by addition).
  solve(cells, rowTotals);
  const total = balanceRoles(edition, totalCol);
  const byKind = (rows: readonly string[]) =>
    identityFor(edition, "T3-OUTCOME-SUM", totalCol).rhs.reduce(
      (a, t) => a + (rows.includes(cellDef(edition, t.cell)?.row ?? "") ? (cells[t.cell] as number) : 0),
      0,
    );
  Object.assign(facts, {
    received: cells[total.fresh] as number,
    carryIn: cells[total.carryIn] as number,
    done: cells[total.handled] as number,
    carryOut: cells[total.carryOut] as number,
    ...Object.fromEntries(kinds.map((k, i) => [`outcome${i}`, byKind(k.rows)])),
  });

  // 四: reconsideration and litigation. Each block's total is drawn, its parts split from it by its identity.
  const cases = (base: number) => (base <= 0 ? 0 : rng.chance(Math.min(0.9, 0.15 + base / 40)) ? rng.int(0, Math.max(1, Math.round(base))) : 0);
  const review = cases(n * 0.05);
  const direct = cases(n * 0.03);
  const after = cases(review * 0.5);
  const sums = memo(`t4:${edition}`, () => identitiesOf(edition).filter((x) => cellDef(edition, soleLhs(x.identity) ?? "")?.table === "t4"));
  T4_BLOCKS.forEach((block, b) => {
    const sum = sums.find((x) => x.identity.key === block)?.identity;
    if (!sum) throw new Error(`core has no sum identity for block ${block} of table 四`);
    const value = [review, direct, after][b] ?? 0;
    cells[soleLhs(sum) as string] = value;
    const parts = rng.split(
      value,
      sum.rhs.map((_, k) => ([0.6, 0.08, 0.17, 0.15][k] ?? 0.1) * rng.float(0.5, 1.5)),
    );
    sum.rhs.forEach((t, k) => {
      cells[t.cell] = parts[k] as number;
    });
  });
  Object.assign(facts, { review, direct, afterReview: after, litigation: direct + after });
}

const RULE_MAKERS = new Set(["province", "prefecture", "state-council-department"]);

/** A plausible 本年收费金额 in 万元 by size (0 for most townships), as a decimal string. */
function feeAmount(rng: Rng, profile: BodyProfile): string {
  if (profile.level === "township" && rng.chance(0.8)) return "0";
  if (rng.chance(0.08)) return "0";
  const hi = profile.level === "township" ? 80 : 900_000;
  const amount = Math.min(hi, magnitude(rng, profile.size, 1, 600_000, 0.6) + rng.next());
  return moneyText(rng, amount, rng.pick([0, 2, 2, 4, 6, 6]));
}

/** The cells of one T2-21-VALID-YOY identity: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止. */
function validRoles(key: string) {
  const yoy = identityFor("gen2021", "T2-21-VALID-YOY", key);
  const issued = yoy.rhs.find((t) => !t.prev && !t.neg)?.cell;
  const repealed = yoy.rhs.find((t) => t.neg)?.cell;
  const before = yoy.rhs.find((t) => t.prev)?.cell;
  const inForce = soleLhs(yoy);
  if (!issued || !repealed || !before || !inForce) throw new Error(`T2-21-VALID-YOY ${key} is not 现行有效 = 上年 + 制发 − 废止`);
  return { yoy, issued, repealed, before, inForce };
}

/** The 2021 format: sections 二, 三 and 四. */
export function gen2021Tables(rng: Rng, profile: BodyProfile, prev: YearState | undefined): TableOutput {
  const cells: CellMap = {};
  const facts: Facts = {};
  const makesRules = RULE_MAKERS.has(profile.level);
  // 规章 (only bodies with rule-making power) and 行政规范性文件: stock chained from last year by the identity.
  const docs = (key: "rules" | "normative", issuedHi: number, stockHi: number) => {
    const r = validRoles(key);
    const issued = magnitude(rng, profile.size, 0, issuedHi, 0.6) * (key === "normative" && profile.level === "township" && rng.chance(0.6) ? 0 : 1);
    const last = prev?.cells?.[r.before];
    const before = typeof last === "number" ? last : issued === 0 && profile.size < 0.2 ? rng.int(0, 3) : magnitude(rng, profile.size, 0, stockHi, 0.5);
    const repealed = Math.min(before + issued, rng.chance(0.5) ? rng.int(0, Math.ceil((before + issued) * 0.06)) : 0);
    cells[r.issued] = issued;
    cells[r.repealed] = repealed;
    solve(cells, [r.yoy], { [r.before]: before });
    if (key === "rules" && !makesRules) for (const id of [r.issued, r.repealed, r.inForce]) cells[id] = 0;
    return cells[r.inForce] as number;
  };
  const rules = makesRules ? docs("rules", 30, 600) : docs("rules", 0, 0);
  const normative = docs("normative", 150, 900);
  cells["t2.licensing.decisions"] = magnitude(rng, profile.size, 0, 400_000, 0.6);
  cells["t2.penalty.decisions"] = magnitude(rng, profile.size, 0, 120_000, 0.6);
  cells["t2.coercion.decisions"] = magnitude(rng, profile.size, 0, 8_000, 0.8);
  cells["t2.fees.amount"] = feeAmount(rng, profile);
  Object.assign(facts, {
    normativeIssued: cells[validRoles("normative").issued] as number,
    normativeInForce: normative,
    rulesIssued: cells[validRoles("rules").issued] as number,
    rulesInForce: rules,
    licensing: cells["t2.licensing.decisions"] as number,
    penalty: cells["t2.penalty.decisions"] as number,
    fees: cells["t2.fees.amount"] as string,
  });
  nationalApplications(rng, "gen2021", profile, prev, cells, facts);
  return { cells, facts, state: { cells: { ...cells } } };
}

/** Typical scale of the 2019 items (五)(六)(八) in printed order: items in force, and decisions when the row has them. */
const ITEM_SCALE: readonly (readonly [number, number])[] = [
  [1500, 400_000],
  [800, 100_000],
  [6000, 120_000],
  [300, 8_000],
  [80, 0],
];

/** The 2019 format: sections 二 (with 上一年项目数量 / 本年增减 / 处理决定数量 and 集中采购), 三 and 四. */
export function gen2019Tables(rng: Rng, profile: BodyProfile, prev: YearState | undefined): TableOutput {
  const cells: CellMap = {};
  const facts: Facts = {};
  const items: Record<string, number> = {};
  const makesRules = RULE_MAKERS.has(profile.level);
  const rowCells = (row: string) => T2_2019_CELLS.filter((d) => d.row === row).map((d) => d.id);
  // (一): 本年新制作, 本年新公开 ≤ 对外公开总数量 (T2-19-PUB-LE-TOTAL), the total carried from last year.
  for (const le of identitiesFor("gen2019", "T2-19-PUB-LE-TOTAL")) {
    const published = soleLhs(le) as string;
    const total = le.rhs[0]?.cell as string;
    const made = rowCells(le.key).find((id) => id !== published && id !== total) as string;
    const rulesRow = le.key === "rules";
    const can = !rulesRow || makesRules;
    const m = can ? magnitude(rng, profile.size, 0, rulesRow ? 30 : 150, 0.6) : 0;
    const pub = can ? Math.max(0, m - (rng.chance(0.3) ? rng.int(0, Math.ceil(m * 0.2)) : 0)) : 0;
    const before = prev?.items2019?.[total] ?? (can ? magnitude(rng, profile.size, 0, rulesRow ? 600 : 900, 0.5) : 0);
    cells[made] = m;
    cells[published] = pub;
    cells[total] = before + pub;
    items[total] = before + pub;
  }
  // (五)(六)(八): 上一年项目数量, 本年增/减 (signed), 处理决定数量 where the row has it; items chained across years.
  const signed = T2_2019_CELLS.filter((d) => d.kind === "signed");
  signed.forEach((change, k) => {
    const [prevItems, , decisions] = rowCells(change.row);
    const [stockHi, decisionsHi] = ITEM_SCALE[k] ?? [100, 1000];
    const before = prev?.items2019?.[change.row] ?? magnitude(rng, profile.size, 0, stockHi, 0.5);
    const delta = rng.chance(0.4) ? 0 : rng.int(-Math.floor(before * 0.15), Math.ceil(before * 0.1) + 1);
    cells[prevItems as string] = before;
    cells[change.id] = delta;
    if (decisions) cells[decisions] = magnitude(rng, profile.size, 0, decisionsHi, 0.6);
    items[change.row] = before + delta;
  });
  const projects = profile.level === "township" && rng.chance(0.7) ? 0 : magnitude(rng, profile.size, 0, 3000, 0.6);
  cells["t2.procurement.projects"] = projects;
  if (projects === 0) cells["t2.procurement.amount"] = "0";
  else {
    const wan = projects * rng.float(5, 120);
    const unit = rng.pick(["", "", "万元", "元"]);
    cells["t2.procurement.amount"] = unit === "元" ? `${Math.round(wan * 10_000)}元` : `${moneyText(rng, wan, rng.pick([0, 2, 4]))}${unit}`;
  }
  Object.assign(facts, {
    normativeIssued: cells["t2.normative.made"] as number,
    normativePublished: cells["t2.normative.published"] as number,
    rulesIssued: cells["t2.rules.made"] as number,
    licensing: cells["t2.licensing.decisions"] as number,
    penalty: cells["t2.penalty.decisions"] as number,
    procurement: projects,
  });
  nationalApplications(rng, "gen2019", profile, prev, cells, facts);
  return { cells, facts, state: { cells: { ...cells }, items2019: items } };
}

/** Typical scale of the channels of 主动公开 in printed order (公报 only for bodies with a gazette): [lo, hi, jitter, P(used)]. */
const CHANNEL_SCALE: readonly (readonly [number, number, number, number])[] = [
  [0, 3000, 0.6, 1],
  [20, 80_000, 0.5, 1],
  [0, 8000, 0.7, 0.7],
  [0, 10_000, 0.7, 0.7],
  [0, 3000, 0.7, 0.4],
];

/** The 2014–2018 statistics table (国办发〔2014〕32号): totals drawn, their parts split and filled by core's identities. */
export function gen2014Tables(rng: Rng, profile: BodyProfile): TableOutput {
  const c: CellMap = {};
  const s = profile.size;
  const ids = identitiesOf("gen2014").map((x) => x.identity);
  const sumOf = (rule: RuleId) => identitiesFor("gen2014", rule)[0] as Identity;
  const num = (id: string) => (typeof c[id] === "number" ? (c[id] as number) : 0);
  /** Splits the total of a sum identity into its parts with the given weights. */
  const split = (rule: RuleId, total: number, weights: readonly number[]) => {
    const sum = sumOf(rule);
    c[soleLhs(sum) as string] = total;
    rng
      .split(
        total,
        sum.rhs.map((_, k) => weights[k] ?? 0),
      )
      .forEach((v, k) => {
        c[(sum.rhs[k] as Term).cell] = v;
      });
    return sum;
  };
  // 一、主动公开: channels, and a total de-duplicated below their sum but not below the largest (OLD-PUB-CHAN-*).
  const upper = sumOf("OLD-PUB-CHAN-UPPER");
  const total = soleLhs(upper) as string;
  const channels = upper.rhs.map((t, k) => {
    const [lo, hi, jitter, p] = CHANNEL_SCALE[k] ?? [0, 1000, 0.7, 0.5];
    const used = k === 0 ? profile.gazette : p >= 1 || rng.chance(p);
    const v = used ? magnitude(rng, s, lo, hi, jitter) + (k === 1 ? 5 : 0) : 0;
    c[t.cell] = v;
    return v;
  });
  const sum = channels.reduce((a, b) => a + b, 0);
  const max = Math.max(...channels);
  const dup = rng.chance(0.5) ? Math.round((sum - max) * rng.float(0, 0.3)) : 0;
  c[total] = sum - dup;
  const issued = magnitude(rng, s, 0, 300, 0.6);
  c["old.A1b"] = issued;
  c["old.A1a"] = Math.min(num(total), Math.max(0, issued - (rng.chance(0.3) ? rng.int(0, Math.ceil(issued * 0.2)) : 0)));
  // 二、回应解读.
  const press = magnitude(rng, s, 0, 80, 0.6);
  const interviews = magnitude(rng, s, 0, 40, 0.7);
  c["old.B2_1"] = press;
  c["old.B2_1a"] = rng.int(0, press);
  c["old.B2_2"] = interviews;
  c["old.B2_2a"] = rng.int(0, interviews);
  c["old.B2_3"] = magnitude(rng, s, 0, 400, 0.6);
  c["old.B2_4"] = magnitude(rng, s, 0, 300, 0.7);
  c["old.B2_5"] = rng.chance(0.5) ? magnitude(rng, s, 0, 60, 0.7) : 0;
  const hotspots = sumOf("OLD-RESP-HOTSPOT-UPPER");
  c[soleLhs(hotspots) as string] = Math.round(hotspots.rhs.reduce((a, t) => a + num(t.cell), 0) * rng.float(0.3, 1));

  // 三、依申请公开: received by channel, completed (on time or extended), replies by kind, refusals by reason.
  const n = profile.applications === 0 ? 0 : Math.max(0, Math.round(profile.applications * rng.float(0.7, 1.3)));
  const ch = split(
    "OLD-APP-CHANNEL-SUM",
    n,
    [0.3, 0.02, 0.5, 0.18].map((w) => w * rng.float(0.4, 1.6)),
  );
  const open = n > 0 && rng.chance(0.4) ? rng.int(0, Math.ceil(n * 0.08)) : 0;
  const done = n - open;
  const extended = done > 0 && rng.chance(0.4) ? rng.int(0, Math.ceil(done * 0.15)) : 0;
  const doneSum = sumOf("OLD-APP-DONE-SUM");
  c[soleLhs(doneSum) as string] = done;
  c[doneSum.rhs[doneSum.rhs.length - 1]?.cell as string] = extended;
  solve(c, [doneSum, ...identitiesFor("gen2014", "OLD-APP-DONE-REPLY")]);
  const replies = sumOf("OLD-APP-REPLY-SUM");
  split(
    "OLD-APP-REPLY-SUM",
    num(soleLhs(replies) as string),
    [0.08, 0.45, 0.08, 0.08, 0.12, 0.1, 0.05, 0.04].map((w) => w * rng.float(0.3, 1.7) * (rng.chance(0.75) ? 1 : 0)),
  );
  const refusals = sumOf("OLD-APP-DENY-SUM");
  split(
    "OLD-APP-DENY-SUM",
    num(soleLhs(refusals) as string),
    [0.05, 0.1, 0.2, 0.05, 0.4, 0.2].map((w) => w * rng.float(0.3, 1.7)),
  );
  // 四、五: reconsideration and litigation, each total split into its outcomes.
  const cases = (base: number) => (base > 0 && rng.chance(Math.min(0.9, 0.15 + base / 30)) ? rng.int(0, Math.max(1, Math.round(base))) : 0);
  const review = split("OLD-REVIEW-SUM", cases(n * 0.05), [0.7, 0.1, 0.2]);
  const litigation = split("OLD-LITIG-SUM", cases(n * 0.03), [0.7, 0.1, 0.2]);
  c["old.F"] = rng.chance(0.6) ? 0 : magnitude(rng, s, 0, 40, 0.7);
  c["old.G"] = rng.chance(0.95) ? "0" : moneyText(rng, rng.float(0.001, 0.5), 4);
  c["old.H1"] = profile.level === "township" ? rng.int(0, 1) : rng.int(1, 3);
  c["old.H2"] = magnitude(rng, s, 1, 120, 0.5);
  // 从事政府信息公开工作人员: 专职 and 兼职, the total by OLD-STAFF-SUM.
  const staff = sumOf("OLD-STAFF-SUM");
  [magnitude(rng, s, 0, 40, 0.5), magnitude(rng, s, 1, 150, 0.5)].forEach((v, k) => {
    c[staff.rhs[k]?.cell as string] = v;
  });
  solve(c, [staff]);
  c["old.H4"] = rng.chance(0.3) ? "0" : moneyText(rng, magnitude(rng, s, 0, 300, 0.6) + rng.next(), rng.pick([0, 0, 1, 2]));
  c["old.I1"] = magnitude(rng, s, 0, 15, 0.5);
  const courses = magnitude(rng, s, 0, 12, 0.6);
  c["old.I2"] = courses;
  c["old.I3"] = courses > 0 ? courses * rng.int(8, 80) : rng.chance(0.3) ? rng.int(1, 20) : 0;
  solve(c, ids);

  const part = (sumId: Identity, k: number) => num(sumId.rhs[k]?.cell ?? "");
  const facts: Facts = {
    published: num(total),
    gazette: channels[0] ?? 0,
    website: channels[1] ?? 0,
    weibo: channels[2] ?? 0,
    wechat: channels[3] ?? 0,
    normative: num("old.A1a"),
    press,
    pressLead: num("old.B2_1a"),
    interviews,
    interviewsLead: num("old.B2_2a"),
    interpretation: num("old.B2_3"),
    received: n,
    inPerson: part(ch, 0),
    fax: part(ch, 1),
    online: part(ch, 2),
    letter: part(ch, 3),
    done,
    review: num(soleLhs(review) as string),
    litigation: num(soleLhs(litigation) as string),
    complaints: num("old.F"),
    fee: c["old.G"] as string,
  };
  return { cells: c, facts, state: {} };
}

interface LocalRowSpec {
  readonly label: string;
  readonly unit: LocalRow["unit"];
  readonly children?: readonly string[];
}

/** The rows of a local two-column table: the 2008–2013 Fujian model (six channels) or the 2014–2018 one. */
function localSpec(model: "2008" | "2014", withFee: boolean): readonly LocalRowSpec[] {
  if (model === "2008")
    return [
      { label: "主动公开信息数", unit: "条", children: ["其中：1.网站公开", "2.政府公报公开"] },
      {
        label: "受理依申请公开信息总数",
        unit: "条",
        children: ["其中：1.当面申请数", "2.传真申请数", "3.电子邮件申请数", "4.网上申请数", "5.信函申请数", "6.其它形式申请数"],
      },
      { label: "对申请的答复数", unit: "条", children: ["其中：1.同意公开答复数", "2.同意部分公开答复数", "3.否决公开答复数"] },
      { label: "行政复议数", unit: "条" },
      { label: "行政诉讼数", unit: "条" },
      { label: "行政申诉数", unit: "条" },
    ];
  return [
    { label: "主动公开文件数", unit: "条", children: ["其中：1、政府网站公开数", "2、政府公报公开数"] },
    { label: "受理政府信息依申请公开总数", unit: "条", children: ["其中：1、当面申请数", "2、网上申请数", "3、信函、传真申请数"] },
    { label: "对申请的答复总数", unit: "条", children: ["其中：1、同意公开答复数", "2、同意部分公开答复数", "3、不予公开答复数", "4、其他类型答复数"] },
    { label: "接受行政诉讼、举报数", unit: "件" },
    { label: "行政复议数", unit: "件" },
    { label: "行政诉讼数", unit: "件" },
    ...(withFee ? [{ label: "政府信息公开收费减免金额", unit: "元" as const }] : []),
  ];
}

/** A local two-column table (本年度 / 历年累计) whose cumulative column chains from the previous year. */
export function localTables(rng: Rng, profile: BodyProfile, year: number, prev: YearState | undefined): TableOutput {
  const withFee = prev?.localCumulative ? "政府信息公开收费减免金额" in prev.localCumulative : rng.chance(0.3);
  const model = prev?.localModel ?? (year <= 2013 ? "2008" : "2014");
  const spec = localSpec(model, withFee);
  const rows: LocalRow[] = [];
  const cells: Record<string, CellInput> = {};
  const cumulative: Record<string, string> = {};
  const facts: Facts = {};
  const yearsBefore = Math.max(0, year - 2008);
  const prior = (label: string, current: number) =>
    prev?.localCumulative?.[label] !== undefined ? Number(prev.localCumulative[label]) : Math.round(current * yearsBefore * rng.float(0.6, 1.3));
  const n = profile.applications === 0 ? 0 : Math.max(0, Math.round(profile.applications * rng.float(0.7, 1.3) * 0.4));
  let i = 0;
  for (const r of spec) {
    const id = `r${++i}`;
    rows.push({ id, label: r.label, unit: r.unit });
    let current: number;
    let parts: number[] = [];
    if (r.unit === "元") {
      const cur = rng.chance(0.85) ? "0" : moneyText(rng, rng.float(1, 500), 0);
      const cum = String((prev?.localCumulative?.[r.label] !== undefined ? Number(prev.localCumulative[r.label]) : 0) + Number(cur));
      cells[`local.${id}.current`] = cur;
      cells[`local.${id}.cumulative`] = cum;
      cumulative[r.label] = cum;
      continue;
    }
    if (r.label.startsWith("主动公开")) {
      current = magnitude(rng, profile.size, 20, 20_000, 0.5);
      const gazette = profile.gazette ? Math.round(current * rng.float(0, 0.05)) : 0;
      parts = [current - gazette, gazette];
      facts.published = current;
      facts.website = current - gazette;
    } else if (r.label.startsWith("受理")) {
      current = n;
      parts = rng.split(
        n,
        (r.children ?? []).map(() => rng.float(0.2, 1)),
      );
      facts.received = n;
    } else if (r.label.startsWith("对申请的答复")) {
      current = n;
      parts = rng.split(
        n,
        (r.children ?? []).map((_, k) => (k === 0 ? 3 : rng.float(0.1, 1))),
      );
      facts.replied = n;
    } else {
      current = n > 0 && rng.chance(0.2) ? rng.int(0, 2) : 0;
      if (r.label.startsWith("行政复议")) facts.review = current;
      if (r.label.startsWith("行政诉讼")) facts.litigation = current;
    }
    const childIds: string[] = [];
    let childCum = 0;
    (r.children ?? []).forEach((label, k) => {
      const cid = `r${++i}`;
      childIds.push(cid);
      rows.push({ id: cid, label, unit: r.unit, parent: id });
      const cur = parts[k] ?? 0;
      const cum = prior(label, cur) + cur;
      cells[`local.${cid}.current`] = cur;
      cells[`local.${cid}.cumulative`] = cum;
      cumulative[label] = String(cum);
      childCum += cum;
    });
    const cum = r.children ? childCum : prior(r.label, current) + current;
    cells[`local.${id}.current`] = current;
    cells[`local.${id}.cumulative`] = cum;
    cumulative[r.label] = String(cum);
    if (r.label.startsWith("主动公开")) facts.publishedCumulative = cum;
  }
  return { cells, facts, state: { localCumulative: cumulative, localModel: model }, localRows: rows };
}
