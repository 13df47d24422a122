import type { CellDef } from "../cells/types";
import type { CorrectionCode, Severity } from "../issue";
import type { Report } from "../report";
import { isEmptyish } from "../value";
import type { RuleId } from "./ids";
import { add, cmp, isZero, type Num, sub } from "./num";
import type { Identity, Term } from "./types";

/** An identity as the engine evaluated it, for the localiser. */
export interface EvaluatedIdentity {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly identity: Identity;
  readonly ok: boolean;
}

/**
 * A suggested single-cell correction: change `cell` from `from` to `to` and the listed failing checks hold. Worded by
 * `formatIssue(correction, locale, report)`.
 */
export interface Correction {
  /** `FIX-CELL` (change a value) or `FIX-BLANK` (fill a blank cell). */
  readonly code: CorrectionCode;
  readonly cell: string;
  /** The value now, as written ("" for blank). */
  readonly from: string;
  readonly to: string;
  /** The failing checks it satisfies, as `RULE-ID:key`. */
  readonly explains: readonly string[];
  /** True when it satisfies every failing identity considered (error-level, or warning-level when no error fails). */
  readonly complete: boolean;
  /** True when another correction explains the same number of failures equally well. */
  readonly ambiguous: boolean;
  /** Message parameters: cell, from, to, count. */
  readonly params: Readonly<{ cell: string; from: string; to: string; count: number }>;
}

const MAX = 10;

/**
 * Fault localisation: one wrong digit breaks several identities at once (in table 三 its column sum, its column's
 * balance and its row total). Finds the single cells that, changed to one value, satisfy every failing error-level
 * identity they appear in without breaking any that holds; ranks them by how many failures they explain, then by how
 * much the value looks like a typing slip (digits changed), then by the size of the change.
 */
export function localize(
  evaluated: readonly EvaluatedIdentity[],
  report: Report,
  previous: Report | undefined,
  derived: ReadonlyMap<string, Num>,
  resolve: (id: string) => CellDef | undefined,
  uncertain: ReadonlySet<string>,
): Correction[] {
  // Error-level identities first; when none fails, the warning-level ones of this report alone (a local table's 其中 sums).
  if (evaluated.every((e) => e.ok)) return [];
  const level = evaluated.some((e) => e.severity === "error" && !e.ok && e.identity.rel === "eq") ? "error" : "warning";
  const errors = evaluated.filter((e) => e.severity === level && (level === "error" || ![...e.identity.lhs, ...e.identity.rhs].some((t) => t.prev)));
  // An identity with only one cell filled in is still being filled in, not wrong: it proposes nothing (typing "10" into a
  // blank form must not be answered with "change 10 to 0").
  const filled = (e: EvaluatedIdentity) =>
    [...e.identity.lhs, ...e.identity.rhs].filter((t) => !t.prev && !isEmptyish(report.cells[t.cell] ?? { kind: "blank" })).length >= 2;
  const failing = errors.filter((e) => !e.ok && e.identity.rel === "eq" && filled(e));
  if (!failing.length) return [];
  const currentOf = (cell: string): Num => {
    if (derived.has(cell)) return derived.get(cell) as Num;
    const v = report.cells[cell];
    return v && (v.kind === "count" || v.kind === "money") ? v.value : 0;
  };
  const termsOf = (id: Identity) => [...id.lhs.map((t) => [t, 1] as const), ...id.rhs.map((t) => [t, -1] as const)];
  const residual = (id: Identity, override?: [string, Num]): Num => {
    let r: Num = 0;
    for (const [t, side] of termsOf(id)) {
      const v = !t.prev && override && t.cell === override[0] ? override[1] : t.prev ? prevValue(t) : currentOf(t.cell);
      r = side * (t.neg ? -1 : 1) > 0 ? add(r, v) : sub(r, v);
    }
    return r;
  };
  const prevValue = (t: Term): Num => {
    const v = previous?.cells[t.cell];
    return v && (v.kind === "count" || v.kind === "money") ? v.value : 0;
  };
  const holds = (e: EvaluatedIdentity, override: [string, Num]): boolean => {
    const id = e.identity;
    if (id.rel === "eq") return isZero(residual(id, override));
    if (id.rel === "le") return cmp(residual(id, override), 0) <= 0;
    const l = override[0] === id.lhs[0]?.cell ? override[1] : currentOf(id.lhs[0]?.cell ?? "");
    return id.rhs.every((t) => cmp(l, t.cell === override[0] ? override[1] : currentOf(t.cell)) >= 0);
  };

  const candidates = new Set<string>();
  for (const f of failing) for (const [t] of termsOf(f.identity)) if (!t.prev) candidates.add(t.cell);

  const found: Omit<Correction, "code" | "complete" | "ambiguous" | "params">[] = [];
  for (const cell of candidates) {
    // Never propose a value for a cell the import guessed, placed by order or could not verify.
    if (derived.has(cell) || uncertain.has(cell)) continue;
    const def = resolve(cell);
    if (!def || def.kind === "money") continue;
    const v = report.cells[cell];
    if (v && v.kind !== "count" && !isEmptyish(v)) continue;
    let target: Num | undefined;
    let consistent = true;
    const explains: string[] = [];
    for (const f of failing) {
      const coef = termsOf(f.identity)
        .filter(([t]) => !t.prev && t.cell === cell)
        .reduce((k, [t, side]) => k + side * (t.neg ? -1 : 1), 0);
      if (coef === 0) continue;
      // residual + coef·(new − old) = 0  ⇒  new = old − residual / coef   (coef is ±1)
      const need = sub(currentOf(cell), coef > 0 ? residual(f.identity) : sub(0, residual(f.identity)));
      if (target === undefined) target = need;
      else if (cmp(target, need) !== 0) consistent = false;
      explains.push(`${f.rule}:${f.identity.key}`);
    }
    if (!consistent || target === undefined || typeof target !== "number") continue;
    if (!Number.isSafeInteger(target) || (def.kind !== "signed" && target < 0)) continue;
    const override: [string, Num] = [cell, target];
    if (!errors.every((e) => (e.ok ? holds(e, override) : true))) continue;
    found.push({ cell, from: v?.kind === "count" ? String(v.value) : "", to: String(target), explains });
  }

  const typo = (a: string, b: string) => editDistance(a || "0", b);
  found.sort(
    (a, b) =>
      b.explains.length - a.explains.length ||
      typo(a.from, a.to) - typo(b.from, b.to) ||
      Math.abs(Number(a.to) - Number(a.from || 0)) - Math.abs(Number(b.to) - Number(b.from || 0)),
  );
  const best = found[0]?.explains.length ?? 0;
  const tied = found.filter((f) => f.explains.length === best).length;
  return found.slice(0, MAX).map((f) => ({
    ...f,
    complete: f.explains.length === failing.length,
    ambiguous: f.explains.length === best && tied > 1,
    code: f.from === "" ? ("FIX-BLANK" as const) : ("FIX-CELL" as const),
    params: { cell: f.cell, from: f.from, to: f.to, count: f.explains.length },
  }));
}

/** Levenshtein distance between two digit strings: 1 for a single mistyped, missing or extra digit. */
function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min((prev[j] as number) + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

/** Where the failures point when no single cell explains them: the row and/or column most failing checks meet in. */
export interface FaultArea {
  /** The row id shared by the suspected cells (`new`, `granted`, `review`), when they share one. */
  readonly row?: string;
  /** The column id shared by the suspected cells (`natural`, `total`), when they share one. */
  readonly col?: string;
  /** The suspected cells: those read by the most failing error-level identities. */
  readonly cells: readonly string[];
  /** The failing checks they are read by, as `RULE-ID:key`. */
  readonly explains: readonly string[];
}

/**
 * When no single-cell correction explains the failing error-level identities, names the cells read by the most of them
 * and the row or column they share, instead of outlining whole columns. Undefined when nothing fails or a correction exists.
 */
export function faultArea(
  evaluated: readonly EvaluatedIdentity[],
  corrections: readonly Correction[],
  resolve: (id: string) => CellDef | undefined,
  uncertain: ReadonlySet<string> = new Set(),
): FaultArea | undefined {
  if (corrections.length) return undefined;
  // a failure that reads a cell the import guessed may be the reading's: it points at no area of the table
  const failing = evaluated.filter(
    (e) => e.severity === "error" && !e.ok && ![...e.identity.lhs, ...e.identity.rhs].some((t) => !t.prev && uncertain.has(t.cell)),
  );
  if (failing.length < 2) return undefined;
  const hits = new Map<string, string[]>();
  for (const f of failing)
    for (const t of [...f.identity.lhs, ...f.identity.rhs]) {
      if (t.prev) continue;
      const list = hits.get(t.cell) ?? [];
      const key = `${f.rule}:${f.identity.key}`;
      if (!list.includes(key)) list.push(key);
      hits.set(t.cell, list);
    }
  const best = Math.max(0, ...[...hits.values()].map((l) => l.length));
  if (best < 2) return undefined;
  const cells = [...hits].filter(([, l]) => l.length === best).map(([c]) => c);
  const defs = cells.map(resolve);
  const shared = (k: "row" | "col") => {
    const v = defs[0]?.[k];
    return v !== undefined && defs.every((d) => d?.[k] === v) ? v : undefined;
  };
  const row = shared("row");
  const col = shared("col");
  return { ...(row ? { row } : {}), ...(col ? { col } : {}), cells, explains: [...new Set(cells.flatMap((c) => hits.get(c) ?? []))] };
}
