import type { CellDef } from "../cells/types";
import type { Edition } from "../editions";
import { absentCellsOf, type Issue, type IssueStatus, type Severity, uncertainCellsOf } from "../issue";
import type { Report } from "../report";
import { type CellValue, cellRecord, count, money } from "../value";
import { defMapOf, defsOf, PARTIAL, scanCells } from "./common";
import { rulesFor } from "./catalogue";
import type { RuleId } from "./ids";
import { type Correction, type EvaluatedIdentity, type FaultArea, faultArea, localize } from "./localize";
import { add, cmp, isZero, type Num, numText, sub } from "./num";
import type { Identity, Outcome, RuleContext, RuleLogic, Term } from "./types";
import { cellResolver } from "../messages/formatter";

/** Whether a finding is a failure, a rule that could not be assessed, or (on request) a pass. */
export type FindingStatus = IssueStatus;

/** One result of one rule instance: an `Issue` of phase `rule` whose code is the rule id. */
export type Finding = Issue & { readonly phase: "rule"; readonly code: RuleId };

/** Options of `validateReport`. */
export interface ValidateOptions {
  /** The same body's report for the year before, for the cross-year rules. */
  readonly previous?: Report;
  /** Also return passing checks (they are counted either way). */
  readonly includePasses?: boolean;
  /**
   * The import's issues about this report (`ImportResult.issues`): they are listed first among the findings and
   * counted, and the cells they mark as uncertain get no correction and are named on the findings that read them.
   */
  readonly importIssues?: readonly Issue[];
  /** `false` skips the fault localiser: no corrections and no fault area, for callers that need the findings only. */
  readonly corrections?: boolean;
}

/** Everything `validateReport` found. Locale-free: word it with `formatIssue(issue, locale, report)`. */
export interface ValidationResult {
  readonly edition: Edition;
  /** Every issue: the import's first (as given), then the rule findings in catalogue order. */
  readonly findings: readonly Issue[];
  /** Single-cell corrections that would satisfy the failing identities, best first (never on an uncertain cell). */
  readonly corrections: readonly Correction[];
  /** When no single cell explains the failing identities: the cells, row and column most of them meet in. */
  readonly faultArea?: FaultArea;
  /** Failing issues by severity (import and rule), rules not assessable, and rule checks that passed. */
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number; readonly notAssessable: number; readonly passed: number };
  /** True when no table of the report holds any data. */
  readonly noData: boolean;
  /** Cells whose values the import guessed, placed by order or could not verify. Empty for a report typed or read exactly. */
  readonly uncertainCells: readonly string[];
}

const NON_NUMERIC = Symbol("non-numeric");

/** True when a cell is not filled in: missing, blank or a dash ("无" is a value: 0). */
const isBlankOrDash = (v: CellValue | undefined): boolean => !v || v.kind === "blank" || v.kind === "na";

/** What the engine reads of an identity on every validation, worked out once per identity (and cell table). */
interface IdentityInfo {
  /** Every cell it reads, last year's as `prev:<id>`. */
  readonly cells: readonly string[];
  /** The cells of this year's report it reads. */
  readonly current: readonly string[];
  /** The tables of those cells under `defMap`. */
  readonly tables: readonly string[];
}
const INFO = new WeakMap<Identity, IdentityInfo>();
// An identity object belongs to one scope (an edition or a local table's shape: `identitiesFor` builds each scope's
// own), so its tables are worked out once.
function infoOf(id: Identity, defMap: ReadonlyMap<string, { readonly table: string }>): IdentityInfo {
  const hit = INFO.get(id);
  if (hit) return hit;
  const terms = [...id.lhs, ...id.rhs];
  const current = terms.filter((tm) => !tm.prev).map((tm) => tm.cell);
  const tables = [...new Set(current.map((c) => defMap.get(c)?.table).filter((t): t is string => t !== undefined))];
  const info: IdentityInfo = {
    cells: terms.map((tm) => (tm.prev ? `prev:${tm.cell}` : tm.cell)),
    current,
    tables,
  };
  INFO.set(id, info);
  return info;
}

// A national edition's identities depend on the edition only; a local table's on its rows (id and parent) and columns,
// so they are kept by that shape: a corpus repeats a few shapes of 20–40 rows. A table of more than 100 rows is not
// kept, and the cache is emptied past 64 shapes, so that what it holds stays small.
const IDENTITY_CACHE = new Map<string, Map<RuleLogic, readonly Identity[]>>();
/** The key a rule's identities are kept under: the edition, the local table's shape, or "" (not kept). */
const scopeOf = ({ edition, local }: Report): string => {
  const rows = local?.rows ?? [];
  return edition !== "local" ? edition : rows.length > 100 ? "" : JSON.stringify([local?.columns?.length, rows.map((r) => [r.id, r.parent])]);
};
/** The ids of a list of cell definitions (an edition's, a local table's: the lists are kept, so are their ids). */
const CELL_IDS = new WeakMap<readonly CellDef[], readonly string[]>();
/** What runs for a scope without last year's report: the gated rules, each rule's identities, the derivable totals. */
const PLANS = new Map<
  string,
  { readonly gates: ReadonlyMap<RuleLogic, Outcome>; readonly idents: ReadonlyMap<RuleLogic, readonly Identity[]>; readonly totals: readonly Identity[] }
>();
/** A rule's identities, built once per scope (a local rule that compares with last year's rows: every time). */
function identitiesFor(rule: RuleLogic & { kind: "identity" }, ctx: RuleContext, scope: string): readonly Identity[] {
  if (!scope || (ctx.edition === "local" && rule.previous)) return rule.identities(ctx);
  let byRule = IDENTITY_CACHE.get(scope);
  if (!byRule) {
    if (IDENTITY_CACHE.size >= 64) IDENTITY_CACHE.clear();
    byRule = new Map();
    IDENTITY_CACHE.set(scope, byRule);
  }
  let list = byRule.get(rule);
  if (!list) {
    list = rule.identities(ctx);
    byRule.set(rule, list);
  }
  return list;
}

/**
 * What every rule reads of a report: its definitions, the effective value of each term (blank totals derived from their
 * parts) and the rule context. With `within`, only totals among those cells are derived (a partial reading's own).
 */
function prepare(report: Report, previous: Report | undefined, within?: Readonly<Record<string, unknown>>) {
  const edition = report.edition;
  const derived = new Map<string, Num>();
  const derivedBy = new Map<string, Identity>();
  const unknown = new Set<string>();
  const defs = defsOf({ report, edition });
  const defMap = defMapOf({ report, edition });
  let cellIds = CELL_IDS.get(defs);
  if (!cellIds) {
    cellIds = defs.map((d) => d.id);
    CELL_IDS.set(defs, cellIds);
  }
  const scope = scopeOf(report);

  // Effective values: a blank total takes the value derived from its parts (by the first identity that has it as its
  // total, in catalogue order), so that other identities can use it; a blank total whose parts hold text is unknown.
  const value = (term: Term): Num | typeof NON_NUMERIC => {
    if (!term.prev && derived.size && derived.has(term.cell)) return derived.get(term.cell) as Num;
    if (!term.prev && unknown.size && unknown.has(term.cell)) return NON_NUMERIC;
    const v: CellValue | undefined = term.prev ? previous?.cells[term.cell] : report.cells[term.cell];
    if (!v) return 0;
    if (v.kind === "count" || v.kind === "money") return v.value;
    return v.kind === "text" ? NON_NUMERIC : 0;
  };
  const total = (terms: readonly Term[]): Num | typeof NON_NUMERIC => {
    let s: Num = 0;
    for (const term of terms) {
      const v = value(term);
      if (v === NON_NUMERIC) return NON_NUMERIC;
      s = term.neg ? sub(s, v) : add(s, v);
    }
    return s;
  };
  const ctx: RuleContext = {
    def: (id) => defMap.get(id),
    report,
    previous,
    edition,
    cell: (id) => report.cells[id],
    prevCell: (id) => previous?.cells[id],
    effective: (id) => {
      const v = value({ cell: id });
      return v === NON_NUMERIC ? undefined : v;
    },
    cellIds,
  };
  if (within) Object.defineProperty(ctx, PARTIAL, { value: true });
  const rules = rulesFor(edition);
  // Without last year's report, which rules are gated and which identities run depend on the scope alone: worked out
  // once per scope (as the identities are) instead of once per report.
  const keep = scope && !previous;
  let plan = keep ? PLANS.get(scope) : undefined;
  if (!plan) {
    const gates = new Map<RuleLogic, Outcome>();
    const idents = new Map<RuleLogic, readonly Identity[]>();
    // Only identities whose total may be left blank take part in deriving totals.
    const totals: Identity[] = [];
    for (const r of rules) {
      const gate = previousGate(r, report, previous);
      if (gate) gates.set(r, gate);
      else if (r.kind === "identity") {
        const list = identitiesFor(r, ctx, scope);
        idents.set(r, list);
        for (const id of list) if (id.totalMissing) totals.push(id);
      }
    }
    plan = { gates, idents, totals };
    if (keep) {
      if (PLANS.size >= 64) PLANS.clear();
      PLANS.set(scope, plan);
    }
  }
  const { gates, idents } = plan;
  const totals = within ? plan.totals.filter((id) => id.lhs.length === 1 && Object.hasOwn(within, id.lhs[0]?.cell ?? "")) : plan.totals;
  // Only a blank or dash total is "missing" (spec §4); "无" means 0 and is checked like a number.
  const blankTotal = (id: Identity): string | undefined => {
    const only = id.lhs.length === 1 ? id.lhs[0] : undefined;
    if (!id.totalMissing || !only || only.prev) return undefined;
    const v = report.cells[only.cell];
    return !v || v.kind === "blank" || v.kind === "na" ? only.cell : undefined;
  };
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const id of totals) {
      const cell = blankTotal(id);
      if (!cell) continue;
      const owner = derivedBy.get(cell);
      if (owner && owner !== id) continue;
      const s = total(id.rhs);
      if (s === NON_NUMERIC) {
        if (!unknown.has(cell)) changed = true;
        unknown.add(cell);
        derivedBy.set(cell, id);
      } else if (!isZero(s)) {
        const was = derived.get(cell);
        if (was === undefined || cmp(was, s) !== 0) changed = true;
        derived.set(cell, s);
        derivedBy.set(cell, id);
      }
    }
    if (!changed) break;
  }
  return { edition, defMap, scope, ctx, rules, gates, idents, derived, derivedBy, unknown, value, total, blankTotal };
}

const bodyKey = (s: string | undefined) => s?.replace(/[\s（）()]/g, "");

/**
 * The one place that decides whether a rule comparing with last year's report can run: a previous report is given,
 * of an edition the rule compares with, for the year before, and of the same body (when both name it).
 */
function previousGate(rule: RuleLogic, report: Report, previous: Report | undefined): Outcome | undefined {
  if (!rule.previous) return undefined;
  if (!previous) return { status: "not-assessable", cells: [], reason: "no_previous" };
  const y = report.meta.year;
  const py = previous.meta.year;
  if (y !== undefined && py !== undefined && py !== y - 1)
    return { status: "not-assessable", cells: [], reason: "previous_year", params: { year: y, previousYear: py } };
  if (!rule.previous.includes(previous.edition))
    return { status: "not-assessable", cells: [], reason: "previous_edition", params: { previousEdition: previous.edition } };
  const body = bodyKey(report.meta.body);
  const pbody = bodyKey(previous.meta.body);
  if (body && pbody && body !== pbody)
    return { status: "not-assessable", cells: [], reason: "previous_body", params: { body: report.meta.body ?? "", previousBody: previous.meta.body ?? "" } };
  return undefined;
}

/** One identity of an edition, with the rule it belongs to. */
export interface EditionIdentity {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly identity: Identity;
}

const IDENTITIES = new Map<Edition, readonly EditionIdentity[]>();
const CROSS_YEAR = new Map<Edition, readonly EditionIdentity[]>();

/**
 * The linear identities of an edition as data (Σ lhs REL Σ rhs over cell ids), in catalogue order: the one source of
 * the table's arithmetic for importers, generators and forms. Identities across years (terms with `prev`) are left out
 * unless `crossYear` is set. For the local edition, pass the report (its rows decide the cells).
 */
export function identitiesOf(of: Edition | Report, options: { readonly crossYear?: boolean } = {}): readonly EditionIdentity[] {
  const report: Report = typeof of === "string" ? { version: 1, edition: of, meta: {}, sections: [], cells: {}, sources: {} } : of;
  const cacheable = typeof of === "string" && of !== "local";
  const cache = options.crossYear ? CROSS_YEAR : IDENTITIES;
  const hit = cacheable ? cache.get(report.edition) : undefined;
  if (hit) return hit;
  const { ctx, rules, scope } = prepare(report, undefined);
  const out: EditionIdentity[] = [];
  for (const r of rules) {
    if (r.kind !== "identity" || (r.previous && !options.crossYear)) continue;
    for (const identity of identitiesFor(r, ctx, scope)) out.push({ rule: r.id, severity: r.severity, identity });
  }
  if (cacheable) cache.set(report.edition, Object.freeze(out));
  return out;
}

/** The totals left blank whose value follows from their parts: cell id and derived value (decimal text). */
export function deriveTotals(report: Report): { readonly cell: string; readonly value: string }[] {
  return [...prepare(report, undefined).derived].map(([cell, v]) => ({ cell, value: numText(v) }));
}

/**
 * Checks a report against every rule of its edition and returns every finding (the import's issues first, when given)
 * and the fault localiser's suggested corrections. Locale-free; never throws on a typed report.
 */
export function validateReport(report: Report, options: ValidateOptions = {}): ValidationResult {
  const previous = options.previous;
  const { edition, defMap, ctx, rules, gates, idents, derived, derivedBy, unknown, value, total, blankTotal } = prepare(report, previous);
  const importIssues = options.importIssues ?? [];
  const uncertain = uncertainCellsOf(importIssues);
  // rows the import did not find: a rule reading them is not assessable (a fragment never fails on what it lacks)
  const absent = absentCellsOf(importIssues);
  const absentIn = (cells: readonly string[]) => (absent.size ? cells.find((c) => absent.has(c)) : undefined);

  // Tables with any data: a rule instance reading only empty tables is "no data", never "pass".
  const live = scanCells(ctx).live;

  const findings: Issue[] = [...importIssues];
  let passed = 0;
  const evaluated: EvaluatedIdentity[] = [];
  const emit = (rule: RuleLogic | RuleId, given: Outcome, severityOverride?: Severity): void => {
    const lacking = given.status === "fail" ? absentIn(given.cells) : undefined;
    const o: Outcome = lacking
      ? {
          status: "not-assessable",
          ...(given.key !== undefined ? { key: given.key } : {}),
          cells: given.cells,
          reason: "row_missing",
          params: { ...(given.params ?? {}), cell: lacking },
        }
      : given;
    const def = typeof rule === "string" ? undefined : rule;
    const code = typeof rule === "string" ? rule : rule.id;
    if (o.status === "pass") {
      passed++;
      if (!options.includePasses) return;
    }
    // "Not checkable" because last year used another edition (2018 → 2019) is an observation, not a warning (spec §4.2).
    const severity = severityOverride ?? (o.reason === "previous_edition" ? "info" : (def?.severity ?? "warning"));
    const params: Record<string, string | number> = { ...(o.params ?? {}) };
    if (o.actual !== undefined) params.actual = numText(o.actual);
    if (o.expected !== undefined) params.expected = numText(o.expected);
    const diff = o.actual !== undefined && o.expected !== undefined ? numText(sub(o.actual, o.expected)) : undefined;
    if (diff !== undefined) params.difference = diff.startsWith("-") ? diff : `+${diff}`;
    const cells = o.cells.filter((c) => !c.startsWith("prev:"));
    const prevCells = o.cells.filter((c) => c.startsWith("prev:")).map((c) => c.slice(5));
    const unsure = uncertain.size ? cells.filter((c) => uncertain.has(c)) : [];
    const finding: Finding = {
      code,
      phase: "rule",
      severity,
      status: o.status,
      ...(o.key !== undefined ? { key: o.key } : {}),
      cells,
      ...(prevCells.length ? { previousCells: prevCells } : {}),
      ...(o.expected !== undefined ? { expected: numText(o.expected) } : {}),
      ...(o.actual !== undefined ? { actual: numText(o.actual) } : {}),
      ...(diff !== undefined ? { difference: diff } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      params,
      ...(unsure.length ? { uncertainCells: unsure } : {}),
    };
    findings.push(finding);
  };

  for (const rule of rules) {
    const gate = gates.get(rule);
    if (gate) {
      emit(rule, gate);
      continue;
    }
    if (rule.kind === "check") for (const o of rule.check(ctx)) emit(rule, o);
    const list = idents.get(rule);
    if (!list?.length) continue;
    let assessed = 0;
    for (const id of list) {
      const info = infoOf(id, defMap);
      // An identity is assessed when a cell of this year's report that it reads lies in a table holding data.
      if (!info.tables.some((t) => live.has(t))) continue;
      assessed++;
      const cells = info.cells;
      const lacking = absentIn(info.current);
      if (lacking) {
        emit(rule, { status: "not-assessable", key: id.key, cells, reason: "row_missing", params: { ...id.params, cell: lacking } });
        continue;
      }
      const missing = blankTotal(id);
      if (missing && derivedBy.get(missing) === id) {
        if (unknown.has(missing)) emit(rule, { status: "not-assessable", key: id.key, cells, reason: "non_numeric", params: { ...id.params } });
        else
          emit(id.totalMissing as RuleId, { status: "fail", key: id.key, cells, expected: derived.get(missing) as Num, params: { ...id.params } }, "warning");
        continue;
      }
      if (missing && !derivedBy.has(missing)) continue; // blank total, parts all zero or blank: nothing to report
      const compared = compare(id, report, derived, value, total);
      if (compared === undefined) continue;
      if (compared === NON_NUMERIC) {
        emit(rule, { status: "not-assessable", key: id.key, cells, reason: "non_numeric", params: { ...id.params } });
        continue;
      }
      const { l, r, ok } = compared;
      evaluated.push({ rule: rule.id, severity: rule.severity, identity: id, ok });
      if (ok && !options.includePasses) {
        passed++;
        continue;
      }
      emit(rule, { status: ok ? "pass" : "fail", key: id.key, cells, actual: l, expected: r, params: { ...id.params } });
    }
    if (!assessed) emit(rule, { status: "not-assessable", cells: [], reason: "no_data" });
  }

  // the cell resolver (a map for a local table) is built only when a failure needs it
  let resolver: ((id: string) => CellDef | undefined) | undefined;
  const resolve = (id: string) => {
    if (!resolver) resolver = cellResolver(edition, report);
    return resolver(id);
  };
  const corrections = options.corrections === false ? [] : localize(evaluated, report, previous, derived, resolve, uncertain);
  const fault = options.corrections === false ? undefined : faultArea(evaluated, corrections, resolve, uncertain);
  const counts = { error: 0, warning: 0, info: 0, notAssessable: 0, passed };
  for (const f of findings) {
    if (f.status === "fail") counts[f.severity]++;
    else if (f.status === "not-assessable") counts.notAssessable++;
  }
  return { edition, findings, corrections, ...(fault ? { faultArea: fault } : {}), counts, noData: live.size === 0, uncertainCells: [...uncertain] };
}

/**
 * Both sides of an identity and whether it holds; undefined when a side that is one blank cell is not filled in (A1
 * in "A1 ≥ max(channels)", A1 in "A1a ≤ A1": no error), NON_NUMERIC when a term holds text.
 */
function compare(
  id: Identity,
  report: Report,
  derived: ReadonlyMap<string, Num>,
  value: (t: Term) => Num | typeof NON_NUMERIC,
  total: (terms: readonly Term[]) => Num | typeof NON_NUMERIC,
): { readonly l: Num; readonly r: Num; readonly ok: boolean } | typeof NON_NUMERIC | undefined {
  const blankSide = (terms: readonly Term[]) =>
    terms.length === 1 && !terms[0]?.prev && !derived.has(terms[0]?.cell ?? "") && isBlankOrDash(report.cells[terms[0]?.cell ?? ""]);
  if (id.rel === "ge-max" ? blankSide(id.lhs) : id.rel === "le" ? blankSide(id.rhs) : false) return undefined;
  const l = total(id.lhs);
  const r = id.rel === "ge-max" ? maxOf(id.rhs, value) : total(id.rhs);
  if (l === NON_NUMERIC || r === NON_NUMERIC) return NON_NUMERIC;
  const c = cmp(l, r);
  return { l, r, ok: id.rel === "eq" ? c === 0 : id.rel === "le" ? c <= 0 : c >= 0 };
}

/**
 * How many rules of a national edition a partial reading breaks on its own cells: each identity (error or warning, not
 * across years) whose every term is one of `cells`, and each check (the same) whose failure names only cells of
 * `cells`. The cells are read as `validateReport` reads a report holding them alone: a blank total takes the value of
 * its parts and is not itself a failure; a blank single side of an inequality is not filled in; a term holding text
 * is not assessed. Exact, like every rule. For an importer choosing between readings of glued digits that satisfy every
 * identity. @internal
 */
export function brokenWithin(edition: Exclude<Edition, "local">, cells: Readonly<Record<string, CellValue>>): number {
  const report: Report = { version: 1, edition, meta: {}, sections: [], cells, sources: {} };
  const { ctx, rules, idents, derived, derivedBy, value, total, blankTotal } = prepare(report, undefined, cells);
  const inside = (t: Term) => !t.prev && Object.hasOwn(cells, t.cell);
  let broken = 0;
  for (const rule of rules)
    if (rule.kind === "check" && rule.severity !== "info" && !rule.previous)
      for (const o of rule.check(ctx)) if (o.status === "fail" && o.cells.length && o.cells.every((c) => Object.hasOwn(cells, c))) broken++;
  // the identities that read a cell of the reading, each once
  const byCell = identitiesByCell(edition, rules, idents);
  const seen = new Set<Identity>();
  for (const cell in cells)
    for (const id of (Object.hasOwn(cells, cell) && byCell.get(cell)) || []) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (!id.lhs.every(inside) || !id.rhs.every(inside)) continue;
      const missing = blankTotal(id);
      if (missing && (derivedBy.get(missing) === id || !derivedBy.has(missing))) continue;
      const compared = compare(id, report, derived, value, total);
      if (compared !== undefined && compared !== NON_NUMERIC && !compared.ok) broken++;
    }
  return broken;
}

const BY_CELL = new Map<Edition, ReadonlyMap<string, readonly Identity[]>>();
/** A national edition's identities of this year (error and warning), by the cells they read: built once per edition. */
function identitiesByCell(
  edition: Exclude<Edition, "local">,
  rules: readonly RuleLogic[],
  idents: ReadonlyMap<RuleLogic, readonly Identity[]>,
): ReadonlyMap<string, readonly Identity[]> {
  let hit = BY_CELL.get(edition);
  if (!hit) {
    const m = new Map<string, Identity[]>();
    for (const rule of rules) {
      if (rule.severity === "info" || rule.previous) continue;
      for (const id of idents.get(rule) ?? [])
        for (const t of [...id.lhs, ...id.rhs]) {
          const list = m.get(t.cell) ?? [];
          if (!list.includes(id)) list.push(id);
          m.set(t.cell, list);
        }
    }
    hit = m;
    BY_CELL.set(edition, hit);
  }
  return hit;
}

function maxOf(terms: readonly Term[], value: (t: Term) => Num | typeof NON_NUMERIC): Num | typeof NON_NUMERIC {
  let m: Num | undefined;
  for (const t of terms) {
    const v = value(t);
    if (v === NON_NUMERIC) return NON_NUMERIC;
    if (m === undefined || cmp(v, m) > 0) m = v;
  }
  return m ?? 0;
}

/** A copy of the report with every blank total filled in from its parts (the entry form's "fill totals"). */
export function fillTotals(report: Report): Report {
  const kinds = new Map(defsOf({ report, edition: report.edition }).map((d) => [d.id, d.kind]));
  const cells = cellRecord(report.cells);
  for (const { cell, value } of deriveTotals(report)) {
    cells[cell] = kinds.get(cell) === "money" ? money(value) : count(Number(value));
  }
  return { ...report, cells };
}
