import {
  BLANK,
  brokenWithin,
  cellDef,
  cellsOf,
  count,
  type Edition,
  type EditionIdentity,
  type EvidenceKind,
  type ImportIssue,
  identitiesOf,
  importIssue,
  type NarrativeClaim,
  type Report,
  type SourceLocation,
  T3_COLUMNS,
} from "@gov-disclosure/core";
import { solveLocal } from "./local";
import type { Located } from "./locate";
import {
  blankCandidates,
  blockBlankCandidates,
  type Cand,
  type Chunk,
  fitPipeCells,
  isNum,
  literalSplit,
  matchRow,
  newWork,
  num,
  type Part,
  partText,
  rowCandidates,
  rowHolds,
  spend,
  type Work,
} from "./split";
import type { RowSpec } from "./templates";
import type { ImportOptions, SplitEvidence } from "./types";

/** A template row as found in the document, with its value chunks. @internal */
export interface RowObs {
  readonly spec: RowSpec;
  readonly chunks: readonly Chunk[];
  readonly label: string;
  /** Where the row is in a grid (table, row, sheet); text rows are located by their first chunk. */
  readonly loc?: SourceLocation;
  /** How the row was found when not by its own label (e.g. `order`). */
  readonly foundBy?: "order";
}

/** What the solver uses beyond the table itself. @internal */
export interface SolveContext {
  readonly edition: Edition;
  readonly claims: readonly NarrativeClaim[];
  readonly previous?: Report | undefined;
  readonly mode: "most-plausible" | "blank";
  /** Where a text offset is (line, column), with the raw text read there. */
  readonly at: (offset: number, raw?: string) => SourceLocation;
  /** The document's one enumeration budget (`MAX_SPLIT_WORK`), spent by every split, combination and comparison. */
  readonly work: Work;
}

/** What a check of core's rules on one candidate (a validation) costs, in units of enumeration work. */
const RULE_CHECK_COST = 2000;

/** Cells read, with the ambiguity and evidence records. @internal */
export interface SolveOut {
  readonly cells: Map<string, Part>;
  /** Cells read as blank (a printed empty cell, or one the glued digits left out), so not missing. */
  readonly blank: Set<string>;
  readonly ambiguous: Record<string, string[]>;
  readonly splits: SplitEvidence[];
  readonly issues: ImportIssue[];
}

/** An empty solver output. @internal */
export const emptyOut = (): SolveOut => ({ cells: new Map(), blank: new Set(), ambiguous: {}, splits: [], issues: [] });

/**
 * One reading of some rows: each cell's part (null where blank), read by cell id. A `Map` or a `Reading`; iterated in
 * the order the cells were first written (a later row's cell of the same id replaces its value, as `Map.set` does).
 */
interface Solution {
  has(id: string): boolean;
  get(id: string): Part | null | undefined;
  keys(): Iterable<string>;
  forEach(fn: (p: Part | null, id: string) => void): void;
}

/** Where each cell of some rows is: the cells in order, and each one's row and column (built once per set of rows). */
interface CellIndex {
  readonly ids: readonly string[];
  readonly at: ReadonlyMap<string, number>;
  readonly row: readonly number[];
  readonly col: readonly number[];
  /** Per edition, the positions of the cells the priors can count (`Reading.priorCells`). */
  readonly prior: Map<Edition, readonly number[]>;
}

/** A node of the cell indexes already built: by the rows' templates (their cell lists), one after the other. */
interface IndexNode {
  next?: WeakMap<readonly string[], IndexNode>;
  index?: CellIndex;
}
let indexes: IndexNode = {};
/** Most nodes, and most indexes, kept: past either, every index built so far is let go and the keeping starts afresh. */
const MAX_INDEX_NODES = 4096;
const MAX_INDEXES = 256;
let indexNodes = 0;
let indexCount = 0;

/**
 * The cell index of some rows, built once per sequence of row templates: it depends on their cell lists alone, which
 * an edition's templates share from report to report (a table 三 read whole builds the same 175-cell index each time).
 * A kept index is shared by the reports that use it; its one mutable part, `prior`, is keyed by edition and holds
 * what depends on the index and the edition alone (`rareCells` is per edition).
 */
function cellIndex(rows: readonly RowObs[]): CellIndex {
  if (indexNodes + rows.length > MAX_INDEX_NODES || indexCount >= MAX_INDEXES) {
    indexes = {};
    indexNodes = 0;
    indexCount = 0;
  }
  let node = indexes;
  for (const o of rows) {
    let next = node.next?.get(o.spec.cells);
    if (!next) {
      next = {};
      node.next ??= new WeakMap();
      node.next.set(o.spec.cells, next);
      indexNodes++;
    }
    node = next;
  }
  if (!node.index) {
    node.index = buildCellIndex(rows);
    indexCount++;
  }
  return node.index;
}

function buildCellIndex(rows: readonly RowObs[]): CellIndex {
  const ids: string[] = [];
  const at = new Map<string, number>();
  const row: number[] = [];
  const col: number[] = [];
  rows.forEach((o, r) => {
    o.spec.cells.forEach((id, c) => {
      let k = at.get(id);
      if (k === undefined) {
        k = ids.length;
        at.set(id, k);
        ids.push(id);
      }
      row[k] = r;
      col[k] = c;
    });
  });
  return { ids, at, row, col, prior: new Map() };
}

/** The index of one row's cells, kept with its template's cell list. */
const ROW_INDEX = new WeakMap<readonly string[], CellIndex>();
function rowIndex(o: RowObs): CellIndex {
  let hit = ROW_INDEX.get(o.spec.cells);
  if (!hit) {
    hit = cellIndex([o]);
    ROW_INDEX.set(o.spec.cells, hit);
  }
  return hit;
}

/** A reading of the rows of a `CellIndex`: one candidate per row, read in place (no map built per reading). */
class Reading implements Solution {
  constructor(
    private readonly index: CellIndex,
    private readonly cands: readonly Cand[],
  ) {}
  has(id: string): boolean {
    return this.index.at.has(id);
  }
  get(id: string): Part | null | undefined {
    const k = this.index.at.get(id);
    return k === undefined ? undefined : (this.cands[this.index.row[k]!]![this.index.col[k]!] ?? null);
  }
  keys(): Iterable<string> {
    return this.index.ids;
  }
  forEach(fn: (p: Part | null, id: string) => void): void {
    const { ids, row, col } = this.index;
    for (let k = 0; k < ids.length; k++) fn(this.cands[row[k]!]![col[k]!] ?? null, ids[k]!);
  }
  /** The `k`th cell's id and part. */
  idAt(k: number): string {
    return this.index.ids[k]!;
  }
  at(k: number): Part | null {
    return this.cands[this.index.row[k]!]![this.index.col[k]!] ?? null;
  }
  /** The cells the priors can count (section 二's, and table 三's rare columns), by position; kept per index and edition. */
  priorCells(edition: Edition, rare: ReadonlySet<string>): readonly number[] {
    const { ids, prior } = this.index;
    let hit = prior.get(edition);
    if (!hit) {
      const cells: number[] = [];
      for (let k = 0; k < ids.length; k++) if (ids[k]!.startsWith("t2.") || rare.has(ids[k]!)) cells.push(k);
      prior.set(edition, cells);
      hit = cells;
    }
    return hit;
  }
}

/** Where a row was read: its grid row, or its first value in the text; `raw` is the row's values as written. @internal */
export function rowSource(o: RowObs, ctx: SolveContext): SourceLocation | undefined {
  const raw = rawOf([o]);
  if (o.loc && Object.keys(o.loc).length) return { ...o.loc, raw };
  const first = o.chunks[0];
  if (!first) return undefined;
  if (first.loc) return { ...first.loc, raw };
  return first.offset >= 0 ? ctx.at(first.offset, raw) : undefined;
}

const sourceOf = (o: RowObs | undefined, ctx: SolveContext): { source?: SourceLocation } => {
  const s = o ? rowSource(o, ctx) : undefined;
  return s ? { source: s } : {};
};

// ---- what the solver knows of an edition, all from core's identities --------------------------------------------

const CROSS_YEAR = new Map<Edition, readonly EditionIdentity[]>();
/** The identities across years (terms of the previous report): evidence for splits when `previous` is given. */
function crossYearIdentities(edition: Edition): readonly EditionIdentity[] {
  let hit = CROSS_YEAR.get(edition);
  if (!hit) {
    hit =
      edition === "local"
        ? []
        : identitiesOf(edition, { crossYear: true }).filter((x) => x.identity.rel === "eq" && [...x.identity.lhs, ...x.identity.rhs].some((t) => t.prev));
    CROSS_YEAR.set(edition, hit);
  }
  return hit;
}

/** Table 三's column identities as rows: which row sums the outcome rows, and the balance Σ sign·row = 0. @internal */
export interface T3Shape {
  /** Cells per row (the applicant columns). */
  readonly width: number;
  /** The row that is the sum of the outcome rows in every column (（七）总计). */
  readonly total: string;
  readonly outcomes: readonly string[];
  /** The balance (一 + 二 = （七） + 四) as signed rows, in the identity's order. */
  readonly balance: readonly { readonly row: string; readonly sign: 1 | -1 }[];
}

const SHAPES = new Map<Edition, T3Shape | undefined>();
/** Table 三's shape from core's T3-OUTCOME-SUM and T3-BALANCE identities (their first column; every column is alike). @internal */
export function t3Shape(edition: Edition): T3Shape | undefined {
  if (SHAPES.has(edition)) return SHAPES.get(edition);
  let shape: T3Shape | undefined;
  if (edition !== "local") {
    const ids = identitiesOf(edition);
    const rowOf = (cell: string) => cellDef(edition, cell)?.row ?? cell;
    const sum = ids.find((x) => x.rule === "T3-OUTCOME-SUM")?.identity;
    const bal = ids.find((x) => x.rule === "T3-BALANCE")?.identity;
    if (sum && bal && sum.lhs.length === 1)
      shape = {
        width: T3_COLUMNS.length,
        total: rowOf(sum.lhs[0]!.cell),
        outcomes: sum.rhs.map((t) => rowOf(t.cell)),
        balance: [
          ...bal.lhs.map((t) => ({ row: rowOf(t.cell), sign: (t.neg ? -1 : 1) as 1 | -1 })),
          ...bal.rhs.map((t) => ({ row: rowOf(t.cell), sign: (t.neg ? 1 : -1) as 1 | -1 })),
        ],
      };
  }
  SHAPES.set(edition, shape);
  return shape;
}

// ---- evidence and plausibility ------------------------------------------------------------------------------------

/** The value of a cell of the previous report in the solver's units (see `num`), or undefined when it holds none. */
function prevNum(prev: Report, id: string): number | undefined {
  const v = prev.cells[id];
  if (!v || (v.kind !== "count" && v.kind !== "money")) return undefined;
  return num({ raw: "", value: v });
}

function claimScore(sol: Solution, ctx: SolveContext): { score: number; by: Set<EvidenceKind> } {
  let score = 0;
  const by = new Set<EvidenceKind>();
  for (const c of ctx.claims) {
    if (c.approximate || !sol.has(c.cell)) continue;
    const p = sol.get(c.cell);
    if (p && isNum(p) && partText(p).replace(/[万元]+$/, "") === c.value) {
      score += 10;
      by.add("narrative");
    }
  }
  const prev = ctx.previous;
  if (prev) {
    // the identities across years (上年结转 = last year's 结转下年度, …) that this solution's cells take part in
    for (const { identity } of crossYearIdentities(ctx.edition)) {
      let total = 0;
      let ok = true;
      const add = (t: { cell: string; prev?: boolean; neg?: boolean }, sign: number) => {
        let v: number | undefined;
        if (t.prev) v = prevNum(prev, t.cell);
        else {
          const p = sol.get(t.cell);
          v = p && isNum(p) ? num(p) : undefined;
        }
        if (v === undefined || Number.isNaN(v)) ok = false;
        else total += (t.neg ? -sign : sign) * v;
      };
      for (const t of identity.lhs) add(t, 1);
      for (const t of identity.rhs) add(t, -1);
      if (ok && total === 0) {
        score += 10;
        by.add("previous");
      }
    }
  }
  return { score, by };
}

/**
 * How many of core's rules a candidate breaks on its own cells (section 二: 本年新公开 ≤ 对外公开总数, 上一年项目数量 +
 * 本年增/减 ≥ 0, no amount without a procurement, …), 3 for each: core's `brokenWithin`, which reads the candidate as
 * `validateReport` reads a report holding its cells alone, exactly.
 */
function rulePenalty(sol: Solution, edition: Edition): number {
  if (edition === "local") return 0; // a local table's rules need its declared rows, which a candidate does not have
  const cells: Record<string, Part["value"]> = {};
  // a cell the candidate leaves empty is one of its cells, blank
  sol.forEach((p, id) => {
    cells[id] = p ? p.value : BLANK;
  });
  return 3 * brokenWithin(edition, cells);
}

/**
 * The candidates of least penalty (priors, plus core's checks with `checkRules`), in their given order. Core's checks
 * add a penalty ≥ 0, so they are run only on candidates whose prior alone can still reach the least penalty.
 */
function leastPenalised<T extends { readonly s: Solution }>(top: readonly T[], edition: Edition, checkRules: boolean): T[] {
  const priors = top.map((x) => prior(x.s, edition));
  if (!checkRules) {
    const min = Math.min(...priors);
    return top.filter((_, i) => priors[i] === min);
  }
  const order = top.map((_, i) => i).sort((a, b) => (priors[a] as number) - (priors[b] as number) || a - b);
  const pen = new Map<number, number>();
  let best = Number.POSITIVE_INFINITY;
  for (const i of order) {
    const p = priors[i] as number;
    if (p > best) break;
    const total = p + rulePenalty((top[i] as T).s, edition);
    pen.set(i, total);
    if (total < best) best = total;
  }
  return top.filter((_, i) => pen.get(i) === best);
}

/** Candidates beyond this many are ordered by the priors alone (core's checks cost a validation each). */
const RULE_CHECK_LIMIT = 500;

/** Roles of section 二's columns for the priors, recognised by their labels (the importer's own knowledge). */
const T2_ROLES = { made: /新制作/, published: /新公开/, total: /公开总数/, issued: /制发/, repealed: /废止/, inForce: /现行有效/ } as const;
type T2Role = keyof typeof T2_ROLES;

interface T2Prior {
  /** Per section-二 row, its cells by role. */
  readonly rows: readonly Partial<Record<T2Role, string>>[];
  /** The first cell of each row (a blank is rather in a later column). */
  readonly first: ReadonlySet<string>;
}

const T2_PRIOR = new Map<Edition, T2Prior>();
function t2Prior(edition: Edition): T2Prior {
  let hit = T2_PRIOR.get(edition);
  if (!hit) {
    const rows = new Map<string, Partial<Record<T2Role, string>>>();
    const first = new Set<string>();
    if (edition !== "local")
      for (const d of cellsOf(edition)) {
        if (d.table !== "t2") continue;
        let row = rows.get(d.row);
        if (!row) {
          row = {};
          rows.set(d.row, row);
          first.add(d.id);
        }
        const label = d.colPath.at(-1) ?? "";
        for (const role of Object.keys(T2_ROLES) as T2Role[]) if (T2_ROLES[role].test(label)) row[role] = d.id;
      }
    hit = { rows: [...rows.values()], first };
    T2_PRIOR.set(edition, hit);
  }
  return hit;
}

/** Applicant columns of table 三 that are rare (research, public-interest and legal bodies), by their labels. */
const RARE_APPLICANT = /科研|公益|法律服务/;

const RARE_CELLS = new Map<Edition, ReadonlySet<string>>();
/** Table 三's cells in a rare applicant column (`RARE_APPLICANT`), per edition. */
function rareCells(edition: Edition): ReadonlySet<string> {
  let hit = RARE_CELLS.get(edition);
  if (!hit) {
    hit = new Set(
      edition === "local"
        ? []
        : cellsOf(edition)
            .filter((d) => d.id.startsWith("t3.") && RARE_APPLICANT.test(d.colPath.at(-1) ?? ""))
            .map((d) => d.id),
    );
    RARE_CELLS.set(edition, hit);
  }
  return hit;
}

/**
 * The importer's own plausibility priors for what no rule decides (documented in the README); lower is more
 * plausible. Section 二: what is made or issued this year is usually published and in force; a blank is rather in a
 * later column than in a row's first. Table 三: applicants from research, public-interest and legal bodies are rare.
 */
function prior(sol: Solution, edition: Edition): number {
  let pen = 0;
  const v = (id: string | undefined): number | undefined => {
    if (id === undefined || !sol.has(id)) return undefined;
    const p = sol.get(id);
    return p && isNum(p) ? num(p) : undefined;
  };
  const t2 = t2Prior(edition);
  for (const row of t2.rows) {
    const made = v(row.made);
    const pub = v(row.published);
    const tot = v(row.total);
    if (made !== undefined && tot !== undefined && made > tot) pen += 2;
    if (pub !== undefined && made !== undefined && pub > made) pen += 1;
    if (pub !== undefined && made !== undefined && pub !== made) pen += 0.5;
    const iss = v(row.issued);
    const rep = v(row.repealed);
    const inf = v(row.inForce);
    if (iss !== undefined && inf !== undefined && iss > inf) pen += 3;
    if (rep !== undefined && iss !== undefined && rep > iss) pen += 1;
  }
  const rare = rareCells(edition);
  if (sol instanceof Reading) {
    // only the cells that can add to the penalty, in the reading's order (the same sum, added in the same order)
    for (const k of sol.priorCells(edition, rare)) {
      const id = sol.idAt(k);
      const p = sol.at(k);
      if (p === null && id.startsWith("t2.")) pen += t2.first.has(id) ? 0.3 : 0.15;
      if (p && rare.has(id) && num(p) > 0) pen += 0.01 * String(num(p)).length;
    }
    return pen;
  }
  sol.forEach((p, id) => {
    if (p === null && id.startsWith("t2.")) pen += t2.first.has(id) ? 0.3 : 0.15;
    if (p && rare.has(id) && num(p) > 0) pen += 0.01 * String(num(p)).length;
  });
  return pen;
}

function differing(sols: readonly Solution[]): string[] {
  const first = sols[0];
  if (!first) return [];
  const out: string[] = [];
  for (const id of first.keys()) {
    const t = partText(first.get(id));
    if (sols.some((s) => partText(s.get(id)) !== t)) out.push(id);
  }
  return out;
}

/**
 * The candidates an ambiguity lists: the first 20 readings, then, from `more`, a reading for each value of a cell that
 * those do not show yet (so every cell named shows every value it can take, up to 200 readings). `values` are the
 * values each cell takes in all (`out.ambiguous`): once every cell shows each of them, no reading can show a new
 * one, and the search stops (it read every remaining reading before, for nothing).
 */
function candidatesOf(
  sols: readonly Solution[],
  ids: readonly string[],
  more: readonly Solution[],
  values: readonly (readonly string[])[],
): Record<string, string>[] {
  const row = (s: Solution) => {
    const c: Record<string, string> = {};
    for (const id of ids) c[id] = partText(s.get(id));
    return c;
  };
  const list = sols.slice(0, 20).map(row);
  const shown = ids.map((id) => new Set(list.map((c) => c[id])));
  // per cell, its values not shown yet; and how many cells have some
  const unshown = values.map((vs, k) => new Set(vs.filter((v) => !shown[k]!.has(v))));
  let short = unshown.filter((u) => u.size > 0).length;
  // a reading's texts, read into one buffer: the row is built only for a reading that shows a new value
  const texts = new Array<string>(ids.length);
  const consider = (s: Solution): void => {
    let fresh = false;
    for (let k = 0; k < ids.length; k++) {
      const t = partText(s.get(ids[k]!));
      texts[k] = t;
      if (!shown[k]!.has(t)) fresh = true;
    }
    if (!fresh) return;
    const c: Record<string, string> = {};
    for (let k = 0; k < ids.length; k++) {
      const t = texts[k]!;
      c[ids[k]!] = t;
      shown[k]!.add(t);
      if (unshown[k]!.delete(t) && unshown[k]!.size === 0) short--;
    }
    list.push(c);
  };
  for (let i = 20; i < sols.length && list.length < 200 && short > 0; i++) consider(sols[i]!);
  for (let i = 0; i < more.length && list.length < 200 && short > 0; i++) consider(more[i]!);
  return list;
}

function rawOf(obs: readonly RowObs[]): string {
  return obs
    .map((o) => o.chunks.map((c) => c.text).join(" "))
    .join(" / ")
    .slice(0, 120);
}

const EVIDENCE: ReadonlySet<string> = new Set<EvidenceKind>([
  "unique",
  "row-total",
  "column-sum",
  "balance",
  "block-sum",
  "narrative",
  "previous",
  "children-sum",
  "order",
  "prior",
  "no-leading-zero",
]);
const isEvidence = (s: string): s is EvidenceKind => EVIDENCE.has(s);

/** The exact extent of an ambiguity when `sols` lists only the first readings: how many, which cells differ, their values. */
interface Known {
  readonly count: number;
  readonly differing: readonly string[];
  readonly values: Readonly<Record<string, string[]>>;
  /** Whole readings that show every value of every differing cell (for the issue's candidates). */
  readonly witnesses: readonly Solution[];
}

/**
 * Chooses among the solutions that satisfy every identity: evidence (narrative figures, the previous report) first,
 * then the plausibility priors (with `rules`, also core's checks on the candidate's own cells). Records the decision
 * and reports ambiguity honestly.
 */
function decide(
  sols: Solution[],
  identityBy: string[],
  obs: readonly RowObs[],
  ctx: SolveContext,
  out: SolveOut,
  truncatedIn: boolean,
  rules = false,
  known?: Known,
): void {
  let truncated = truncatedIn;
  // digits were split (or values placed) only where a row has fewer tokens than cells: a label/value row with a token
  // for each cell was read as printed, and says nothing of a split
  const glued = obs.some((o) => o.chunks.length < o.spec.cells.length);
  const allIds: string[] = [];
  for (const o of obs) for (const id of o.spec.cells) allIds.push(id);
  if (sols.length === 0) return;
  let chosen: Solution | undefined;
  let by = [...identityBy];
  let ambiguousIds: string[] = [];
  // every reading listed, or only the first of `known.count`
  const listedAll = !known || known.count <= sols.length;
  const n = known ? known.count : sols.length;
  if (n === 1 && !truncated) {
    chosen = sols[0]!;
  } else {
    // scoring reads every solution once per claim and cross-year identity: charged, and an exhausted budget leaves
    // the cells undecided like any other truncated enumeration
    if (!spend(ctx.work, sols.length * (1 + ctx.claims.length + (ctx.previous ? crossYearIdentities(ctx.edition).length : 0)))) truncated = true;
    const scored = sols.map((s) => ({ s, ...claimScore(s, ctx) }));
    const best = Math.max(...scored.map((x) => x.score));
    const top = scored.filter((x) => x.score === best);
    if (best > 0 && top.length === 1 && !truncated && listedAll) {
      chosen = top[0]!.s;
      by = [...by, ...top[0]!.by];
    } else {
      // the priors only order the candidates the evidence left tied
      const checkRules = rules && top.length <= RULE_CHECK_LIMIT && !truncated;
      if (checkRules && !spend(ctx.work, top.length * RULE_CHECK_COST)) truncated = true;
      const topPrior = truncated || ctx.mode !== "most-plausible" ? [] : leastPenalised(top, ctx.edition, checkRules);
      ambiguousIds = truncated ? allIds.filter((id) => sols.some((s) => s.has(id))) : known ? [...known.differing] : differing(sols);
      const values = ambiguousIds.map((id) => known?.values[id] ?? [...new Set(sols.map((s) => partText(s.get(id))))]);
      const candList = candidatesOf(sols, ambiguousIds, known?.witnesses ?? [], values);
      ambiguousIds.forEach((id, k) => {
        out.ambiguous[id] = values[k]!;
      });
      // most-plausible keeps a whole reading that satisfies every identity (the first in reading order among those
      // the priors leave tied): blanking only the cells that differ would break the sums they take part in
      const keep = topPrior.length >= 1 && ctx.mode === "most-plausible";
      if (keep) {
        chosen = topPrior[0]!.s;
        by = [...by, ...(best > 0 ? [...topPrior[0]!.by] : []), "prior"];
      } else {
        // keep only the cells every solution agrees on
        const agreed = new Map<string, Part | null>();
        sols[0]!.forEach((p, id) => {
          if (!ambiguousIds.includes(id)) agreed.set(id, p);
        });
        chosen = agreed;
        by = [...by, "undecided"];
      }
      out.issues.push(
        importIssue(
          "IMPORT-SPLIT-AMBIGUOUS",
          "warning",
          { n, cells: ambiguousIds, chosen: keep ? "most-plausible" : "blank" },
          { cells: ambiguousIds, candidates: candList, ...sourceOf(obs[0], ctx) },
        ),
      );
    }
  }
  // an enumeration cut short says so once for its cells (a row cut short has said so already)
  if (truncated && !out.issues.some((i) => i.code === "IMPORT-SPLIT-TRUNCATED" && i.cells.some((c) => allIds.includes(c))))
    out.issues.push(importIssue("IMPORT-SPLIT-TRUNCATED", "warning", { row: allIds[0] ?? "" }, { cells: allIds, ...sourceOf(obs[0], ctx) }));
  // a part read from text keeps its offset: assemble works out its line and column (for its source) once
  chosen.forEach((p, id) => {
    if (p) out.cells.set(id, p);
    else out.blank.add(id);
  });
  if (glued || n > 1) {
    out.splits.push({ cells: allIds, decidedBy: by.length ? by : ["unique"], candidates: n, ambiguous: ambiguousIds.length > 0 });
    if (glued && ambiguousIds.length === 0 && n >= 1 && by.some((b) => b !== "unique"))
      out.issues.push(importIssue("IMPORT-SPLIT-DECIDED", "info", { raw: rawOf(obs), by: by.filter(isEvidence) }, { cells: allIds, ...sourceOf(obs[0], ctx) }));
  }
}

/** The readings `rowCands` kept as printed although they break their row's total (`IMPORT-ROW-BROKEN`). */
const LITERAL = new WeakSet<Cand>();

function rowCands(o: RowObs, ctx: SolveContext, out: SolveOut, trunc?: { v: boolean }, allowLiteral = false): Cand[] {
  const want = o.spec.cells.length;
  const chunks = fitPipeCells(o.chunks, want);
  const rc = rowCandidates(chunks, o.spec.kinds, { sumLast: o.spec.sumLast, block: o.spec.block }, 5000, 300000, ctx.work);
  const row = o.spec.cells[0] ?? o.spec.key;
  // the row's source is worked out only for an issue (most rows raise none)
  const src = () => sourceOf(o, ctx);
  if (rc.truncated && trunc) trunc.v = true;
  if (rc.truncated) out.issues.push(importIssue("IMPORT-SPLIT-TRUNCATED", "warning", { row }, { cells: o.spec.cells, ...src() }));
  if (rc.overflow) out.issues.push(importIssue("IMPORT-ROW-OVERFLOW", "warning", { row, got: chunks.length, want }, { cells: o.spec.cells, ...src() }));
  // glued digits that cut into the row's numbers one way only, a way that breaks the row's total: what was printed,
  // kept as printed (IMPORT-ROW-BROKEN), the published row's broken total left to the rules
  const asPrinted = (cand: Cand): Cand[] => {
    out.issues.push(importIssue("IMPORT-ROW-BROKEN", "info", { row, raw: rawOf([o]), want }, { cells: o.spec.cells, ...src() }));
    LITERAL.add(cand);
    return [cand];
  };
  if (rc.cands.length === 0) {
    const literal =
      allowLiteral && o.chunks.length === 1 && !rc.truncated && o.spec.kinds.every((k) => k === "count") ? literalSplit(o.chunks[0]!, want) : undefined;
    if (literal) return asPrinted(literal);
    // a row of blocks (table 四) glued without its blank zero cells: read block by block under the block sums
    if (o.spec.block && o.spec.kinds.every((k) => k === "count")) {
      const bc = blockBlankCandidates(o.chunks, want, o.spec.block, 5000, ctx.work);
      if (bc.truncated && trunc) trunc.v = true;
      if (bc.cands.length) return bc.cands;
    }
    out.issues.push(
      o.chunks.length
        ? importIssue("IMPORT-ROW-UNSPLITTABLE", "warning", { row, raw: rawOf([o]), want }, { cells: o.spec.cells, ...src() })
        : importIssue("IMPORT-ROW-NO-VALUES", "warning", { row }, { cells: o.spec.cells, ...src() }),
    );
    return [];
  }
  const ok = rc.cands.filter((c) => rowHolds(c, o.spec.sumLast, o.spec.block));
  if (ok.length === 0) {
    // a grid row whose own total does not add up is still read as written; validation reports it
    if (o.chunks.every((c) => c.atomic)) return rc.cands;
    if (allowLiteral && rc.cands.length === 1 && !rc.truncated) return asPrinted(rc.cands[0]!);
    out.issues.push(importIssue("IMPORT-ROW-UNSPLITTABLE", "warning", { row, raw: rawOf([o]), want }, { cells: o.spec.cells, ...src() }));
    return [];
  }
  return ok;
}

const toSolution = (o: RowObs, c: Cand): Solution => new Reading(rowIndex(o), [c]);

/** Solves independent rows (section 二, table 四, the 2014 table): row identities, then evidence and priors per row. @internal */
export function solveRows(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut): void {
  for (const o of obs) {
    const trunc = { v: false };
    const cands = rowCands(o, ctx, out, trunc);
    if (!cands.length) continue;
    const by: string[] = o.spec.block ? ["block-sum"] : [];
    if (o.foundBy) by.push(o.foundBy);
    decide(
      cands.map((c) => toSolution(o, c)),
      cands.length === 1 ? (by.length ? by : ["unique"]) : by,
      [o],
      ctx,
      out,
      trunc.v,
      true,
    );
  }
}

/**
 * Solves table 三 as one constraint problem: per-row candidates (row totals) combined by backtracking under the
 * column identities (outcome rows sum to （七）总计; 一 + 二 = （七） + 四 in every column). `expectedRows` is the number
 * of rows the edition's table has. @internal
 */
export function solveT3(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, expectedRows: number, labelsOnly: readonly RowObs[] = []): void {
  const shape = t3Shape(ctx.edition);
  if (!shape) {
    solveRows(obs, ctx, out);
    return;
  }
  solveT3Table(obs, ctx, out, expectedRows, shape, labelsOnly);
  // rows whose label was lost, placed between their neighbours by the fixed row order
  placedByOrder(obs, "t3", ctx, out);
}

/** One `IMPORT-PLACED-BY-ORDER` for the cells read from a table's rows placed by its fixed order, if any. */
function placedByOrder(obs: readonly RowObs[], table: "t3" | "t4", ctx: SolveContext, out: SolveOut): void {
  const placed = obs.filter((o) => o.foundBy === "order");
  const cells = placed.flatMap((o) => o.spec.cells).filter((id) => out.cells.has(id));
  if (cells.length) out.issues.push(importIssue("IMPORT-PLACED-BY-ORDER", "warning", { count: cells.length, table }, { cells, ...sourceOf(placed[0], ctx) }));
}

function solveT3Table(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, expected: number, shape: T3Shape, labelsOnly: readonly RowObs[]): void {
  if (solveT3Derived(obs, ctx, out, expected, shape)) return;
  const rowTrunc = { v: false };
  const quiet = emptyOut();
  // a row is read as printed although it breaks its total only when every row of the table was found by its label:
  // with a label lost, two rows' digits run together and their one cut is no reading at all
  const allLabelled = obs.length >= expected && obs.every((o) => o.foundBy !== "order");
  const read = obs.map((o) => ({ o, cands: rowCands(o, ctx, quiet, rowTrunc, allLabelled) })).filter((r) => r.cands.length > 0);
  // a row kept as printed although it breaks its total takes no part in deciding the others: they are solved as if
  // it were missing, and it is written as printed
  const broken = read.filter((r) => r.cands.length === 1 && LITERAL.has(r.cands[0]!));
  const rows = read.filter((r) => !broken.includes(r));
  // glued digits that cannot be read with every cell printed: the table left its zero cells blank
  // (first: a row whose one literal cut breaks its total is more often a row whose zero cells were left blank)
  if (rows.length < expected && solveT3Blanks(obs, labelsOnly, ctx, out, expected, shape)) return;
  out.issues.push(...quiet.issues);
  for (const r of broken) decide([toSolution(r.o, r.cands[0]!)], [], [r.o], ctx, out, false);
  if (!rows.length) return;
  // rows not read at all (a row kept as printed is read: the others are decided by the identities it takes no part in,
  // and readings those identities leave open are named ambiguous)
  const missing = expected - rows.length - broken.length;
  if (missing > 0 && obs.some((o) => o.chunks.some((c) => !c.atomic))) {
    solveT3Rows(rows, obs, ctx, out, rowTrunc, shape);
    // rows missing or unsplittable (blank cells left out of glued digits, most often): the glued rows that were split
    // could not be checked against the column sums and the balance, so each split rests on its row total alone
    const gluedRows = rows.filter((r) => r.o.chunks.some((c) => !c.atomic));
    const cells = gluedRows.flatMap((r) => r.o.spec.cells).filter((id) => out.cells.has(id));
    if (cells.length)
      out.issues.push(importIssue("IMPORT-SPLIT-UNVERIFIED", "warning", { missing, count: cells.length }, { cells, ...sourceOf(gluedRows[0]?.o, ctx) }));
    return;
  }
  solveT3Rows(rows, obs, ctx, out, rowTrunc, shape);
}

/** Σ sign·value of the balance in column `col`; undefined when a cell of it holds text. */
function balanceOf(shape: T3Shape, col: number, cell: (row: string, col: number) => Part | null | undefined): number | undefined {
  let s = 0;
  for (const b of shape.balance) {
    const p = cell(b.row, col);
    if (p && !isNum(p)) return undefined;
    s += b.sign * num(p);
  }
  return s;
}

function solveT3Rows(
  rows: { o: RowObs; cands: Cand[] }[],
  obs: readonly RowObs[],
  ctx: SolveContext,
  out: SolveOut,
  rowTrunc: { v: boolean },
  shape: T3Shape,
): void {
  const byRow = new Map(rows.map((r) => [r.o.spec.t3row!, r]));
  const allSingle = rows.every((r) => r.cands.length === 1);
  if (allSingle) {
    const sol = new Reading(
      cellIndex(rows.map((r) => r.o)),
      rows.map((r) => r.cands[0]!),
    );
    decide([sol], ["row-total"], obs, ctx, out, rowTrunc.v);
    return;
  }
  const width = shape.width;
  const balanceRows = [...new Set([...shape.balance.map((b) => b.row), shape.total])];
  const head = balanceRows.filter((r) => byRow.has(r));
  const outcomes = rows.map((r) => r.o.spec.t3row!).filter((r) => !balanceRows.includes(r));
  const order = [...head, ...outcomes].map((r) => byRow.get(r)!);
  const outcomeComplete = outcomes.length === shape.outcomes.length && byRow.has(shape.total);
  const balanceOk = head.length === balanceRows.length;
  const assigned: Cand[] = [];
  const sums = new Array<number>(width).fill(0);
  const sols: Solution[] = [];
  let steps = 0;
  let truncated = false;
  const totalIdx = head.indexOf(shape.total);
  const index = cellIndex(order.map((r) => r.o));
  const cellOf = (row: string, col: number): Part | null | undefined => {
    const i = order.findIndex((r) => r.o.spec.t3row === row);
    return i >= 0 && i < assigned.length ? assigned[i]![col] : undefined;
  };
  const rec = (i: number): void => {
    if (truncated) return;
    if (++steps > 2_000_000 || sols.length >= 200 || !spend(ctx.work)) {
      truncated = true;
      return;
    }
    if (i === head.length && balanceOk) {
      for (let c = 0; c < width; c++) {
        const b = balanceOf(shape, c, cellOf);
        if (b !== undefined && b !== 0) return;
      }
    }
    if (i === order.length) {
      if (outcomeComplete) {
        for (let c = 0; c < width; c++) {
          const t = cellOf(shape.total, c);
          if (isNum(t) && sums[c] !== num(t)) return;
        }
      }
      sols.push(new Reading(index, assigned.slice()));
      return;
    }
    const r = order[i]!;
    const isOutcome = i >= head.length;
    for (const cand of r.cands) {
      // every candidate tried is work, also those the column bound rejects without a call
      if (!spend(ctx.work)) {
        truncated = true;
        return;
      }
      if (isOutcome && totalIdx >= 0) {
        let ok = true;
        for (let c = 0; c < width; c++) {
          sums[c]! += num(cand[c]);
          const t = assigned[totalIdx]![c];
          if (isNum(t) && sums[c]! > num(t)) ok = false;
        }
        if (ok) {
          assigned.push(cand);
          rec(i + 1);
          assigned.pop();
        }
        for (let c = 0; c < width; c++) sums[c]! -= num(cand[c]);
      } else {
        assigned.push(cand);
        rec(i + 1);
        assigned.pop();
      }
      if (truncated) return;
    }
  };
  rec(0);
  const by = ["row-total", ...(outcomeComplete ? ["column-sum"] : []), ...(balanceOk ? ["balance"] : [])];
  if (sols.length === 0 && truncated) {
    // stopped before any reading satisfied every identity: undecided, not inconsistent
    const cells = rows.flatMap((r) => r.o.spec.cells);
    out.issues.push(importIssue("IMPORT-SPLIT-TRUNCATED", "warning", { row: cells[0] ?? "t3" }, { cells, ...sourceOf(rows[0]?.o, ctx) }));
    return;
  }
  if (sols.length === 0) {
    // the published table breaks an identity: only the rows whose digits split several ways were a choice (a row
    // that splits one way is read as printed, its broken sums left to the rules)
    const cells = rows.filter((r) => r.cands.length > 1).flatMap((r) => r.o.spec.cells);
    out.issues.push(importIssue("IMPORT-SPLIT-INCONSISTENT", "warning", {}, { cells, ...sourceOf(rows[0]?.o, ctx) }));
    for (const r of rows)
      decide(
        r.cands.map((c) => toSolution(r.o, c)),
        ["row-total"],
        [r.o],
        ctx,
        out,
        false,
      );
    return;
  }
  decide(sols, by, obs, ctx, out, truncated || rowTrunc.v);
}

/**
 * Table 三 with every row present and glued totals: the outcome rows are enumerated, （七）总计 is computed from their
 * column sums and the balance's first row on the other side (本年新收) from the balance (总计 + 结转 − 上年结转), and
 * both are matched against their digits — instead of enumerating the splits of the two rows with the largest numbers
 * blindly. Returns false (nothing written) when it does not apply or finds no reading; the general solver then
 * runs. @internal
 */
function solveT3Derived(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, expected: number, shape: T3Shape): boolean {
  const width = shape.width;
  const by = new Map(obs.map((o) => [o.spec.t3row!, o]));
  const totalSign = shape.balance.find((b) => b.row === shape.total)?.sign;
  const derived = shape.balance.find((b) => b.sign !== totalSign);
  const total = by.get(shape.total);
  const fresh = derived ? by.get(derived.row) : undefined;
  const enumerated = shape.balance.filter((b) => b.row !== shape.total && b !== derived);
  const balanceRows = new Set(shape.balance.map((b) => b.row));
  const outcomes = obs.filter((o) => !balanceRows.has(o.spec.t3row!));
  if (!total || !fresh || !derived || totalSign === undefined || enumerated.some((b) => !by.has(b.row))) return false;
  if (by.size !== expected || outcomes.length !== expected - balanceRows.size) return false;
  if (total.chunks.every((c) => c.atomic) && fresh.chunks.every((c) => c.atomic)) return false;
  const quiet = emptyOut();
  const trunc = { v: false };
  const cands = outcomes.map((o) => rowCands(o, ctx, quiet, trunc));
  const other = enumerated.map((b) => ({ ...b, o: by.get(b.row)!, cands: rowCands(by.get(b.row)!, ctx, quiet, trunc) }));
  if (cands.some((c) => c.length === 0) || other.some((e) => !e.cands.length)) return false;
  const sols: Solution[] = [];
  const sums = new Array<number>(width).fill(0);
  const chosen: Cand[] = [];
  const picked: Cand[] = [];
  // a reading's rows: the balance's rows in its order, then the outcome rows
  const balanceAt = shape.balance.map((b) => (b.row === shape.total ? -1 : b === derived ? -2 : other.findIndex((e) => e.row === b.row)));
  const index = cellIndex([...balanceAt.map((k) => (k === -1 ? total : k === -2 ? fresh : other[k]!.o)), ...outcomes]);
  let steps = 0;
  let truncated = false;
  // the derived row's value in column c: Σ sign·row = 0 solved for it
  const derivedValues = () =>
    sums.map((t, c) => {
      let s = totalSign * t;
      other.forEach((e, k) => {
        s += e.sign * num(picked[k]![c]);
      });
      return -s * derived.sign;
    });
  const leaf = (totalCand: Cand, k: number): void => {
    if (truncated) return;
    if (k < other.length) {
      for (const cand of other[k]!.cands) {
        if (!spend(ctx.work)) {
          truncated = true;
          return;
        }
        picked.push(cand);
        leaf(totalCand, k + 1);
        picked.pop();
        if (truncated) return;
      }
      return;
    }
    if (++steps > 2_000_000 || sols.length >= 200 || !spend(ctx.work)) {
      truncated = true;
      return;
    }
    const newCand = matchRow(fresh.chunks, derivedValues());
    if (!newCand) return;
    sols.push(new Reading(index, [...balanceAt.map((k) => (k === -1 ? totalCand : k === -2 ? newCand : picked[k]!)), ...chosen]));
  };
  const rec = (i: number): void => {
    if (truncated) return;
    if (++steps > 2_000_000 || !spend(ctx.work)) {
      truncated = true;
      return;
    }
    if (i === outcomes.length) {
      const totalCand = matchRow(total.chunks, sums);
      if (totalCand) leaf(totalCand, 0);
      return;
    }
    for (const cand of cands[i]!) {
      for (let c = 0; c < width; c++) sums[c]! += num(cand[c]);
      chosen.push(cand);
      rec(i + 1);
      chosen.pop();
      for (let c = 0; c < width; c++) sums[c]! -= num(cand[c]);
      if (truncated) return;
    }
  };
  rec(0);
  if (!sols.length && !truncated) return false;
  out.issues.push(...quiet.issues);
  if (!sols.length) {
    out.issues.push(
      importIssue(
        "IMPORT-SPLIT-TRUNCATED",
        "warning",
        { row: total.spec.cells[0] ?? total.spec.key },
        { cells: obs.flatMap((o) => o.spec.cells), ...sourceOf(total, ctx) },
      ),
    );
    return true;
  }
  decide(sols, ["row-total", "column-sum", "balance"], obs, ctx, out, truncated || trunc.v);
  return true;
}

/** Most readings of a table 三 whose zero cells were left blank that are listed; more are undecided (truncated). */
const MAX_BLANK_SOLUTIONS = 200;

/**
 * Reads glued values as counts written one after another, zeros left out: the row's reading when its digits are
 * exactly the non-zero values in order (a space in the digits only between two values). @internal
 */
export function matchBlankRow(chunks: readonly Chunk[], values: readonly number[]): Cand | undefined {
  const parts: (Part | null)[] = [];
  let ci = 0;
  let pos = 0;
  for (const v of values) {
    if (!(v >= 0) || !Number.isSafeInteger(v)) return undefined;
    if (v === 0) {
      parts.push(null);
      continue;
    }
    const chunk = chunks[ci];
    const t = String(v);
    if (!chunk || chunk.atomic || !chunk.text.startsWith(t, pos)) return undefined;
    parts.push({ raw: t, value: count(v), offset: chunk.offset + pos });
    pos += t.length;
    if (pos === chunk.text.length) {
      ci++;
      pos = 0;
    }
  }
  return ci === chunks.length && pos === 0 ? parts : undefined;
}

/**
 * Table 三 glued into digits with its zero cells left blank (every row's printed numbers positive, the blanks leaving
 * no trace): each row's readings come from `blankCandidates`, （七）总计 is enumerated, the outcome rows are combined
 * column by column under its sums (a dynamic programme over the partial column sums, bounded above by the total and
 * below by what the rows left can still add), and the balance's derived row (本年新收) is computed and matched
 * against its digits. Every reading that satisfies every identity is kept; `decide` reports the ambiguity. False
 * (nothing written) when the table is not such a table or no reading satisfies the identities. @internal
 */
function solveT3Blanks(obs: readonly RowObs[], labelsOnly: readonly RowObs[], ctx: SolveContext, out: SolveOut, expected: number, shape: T3Shape): boolean {
  const width = shape.width;
  const all = [...obs, ...labelsOnly];
  const by = new Map(all.map((o) => [o.spec.t3row!, o]));
  if (by.size !== expected || all.length !== expected || all.some((o) => o.foundBy || !o.spec.sumLast || o.chunks.some((c) => c.atomic))) return false;
  const totalSign = shape.balance.find((b) => b.row === shape.total)?.sign;
  const derived = shape.balance.find((b) => b.sign !== totalSign);
  const totalRow = by.get(shape.total);
  const fresh = derived ? by.get(derived.row) : undefined;
  if (!totalRow || !fresh || !derived || totalSign === undefined) return false;
  const balanceRows = new Set(shape.balance.map((b) => b.row));
  const outcomes = shape.outcomes.map((r) => by.get(r));
  if (outcomes.some((o) => !o) || outcomes.some((o) => balanceRows.has(o!.spec.t3row!))) return false;
  let truncated = false;
  const candsOf = (o: RowObs): Cand[] => {
    const rc = blankCandidates(o.chunks, width, 5000, ctx.work);
    if (rc.truncated) truncated = true;
    return rc.cands;
  };
  const outcomeCands = outcomes.map((o) => candsOf(o!));
  const others = shape.balance.filter((b) => b.row !== shape.total && b !== derived).map((b) => ({ ...b, o: by.get(b.row)!, cands: candsOf(by.get(b.row)!) }));
  const totalCands = candsOf(totalRow);
  if (truncated || outcomeCands.some((c) => !c.length) || others.some((e) => !e.cands.length) || !totalCands.length) return false;
  const vals = outcomeCands.map((cs) => cs.map((c) => c.map((p) => num(p))));
  // a reading's rows: the balance's rows in its order, then the outcome rows
  const balanceAt = shape.balance.map((b) => (b.row === shape.total ? -1 : b === derived ? -2 : others.findIndex((e) => e.row === b.row)));
  const index = cellIndex([...balanceAt.map((j) => (j === -1 ? totalRow : j === -2 ? fresh : others[j]!.o)), ...(outcomes as RowObs[])]);
  // what the rows from i on can still add to each column, at most
  const room: number[][] = Array.from({ length: outcomes.length + 1 }, () => new Array<number>(width).fill(0));
  for (let i = outcomes.length - 1; i >= 0; i--)
    for (let c = 0; c < width; c++) {
      let most = 0;
      for (const v of vals[i]!) most = Math.max(most, v[c]!);
      room[i]![c] = room[i + 1]![c]! + most;
    }
  interface State {
    readonly sums: number[];
    /** Readings that reach this state: the state before (undefined for the first row) and the row's candidate. */
    readonly back: { readonly prev: State | undefined; readonly cand: number }[];
    /** How many combinations of readings reach it. */
    paths: number;
  }
  const sols: Solution[] = [];
  const witnesses: Solution[] = [];
  // the exact extent of the ambiguity, also past the readings listed: how many, and each cell's values
  let total = 0;
  const seen = new Map<string, Set<string>>();
  const note = (o: RowObs, c: Cand) => {
    o.spec.cells.forEach((id, k) => {
      let set = seen.get(id);
      if (!set) {
        set = new Set();
        seen.set(id, set);
      }
      set.add(partText(c[k]));
    });
  };
  for (const totalCand of totalCands) {
    if (truncated) break;
    // the balance's other rows, and its derived row computed from them: they do not depend on the outcome rows
    const target = totalCand.map((p) => num(p));
    const heads: { picked: Cand[]; fresh: Cand }[] = [];
    const picked: Cand[] = [];
    const head = (k: number): void => {
      if (truncated) return;
      if (!spend(ctx.work)) {
        truncated = true;
        return;
      }
      if (k < others.length) {
        for (const cand of others[k]!.cands) {
          picked.push(cand);
          head(k + 1);
          picked.pop();
        }
        return;
      }
      const values = target.map((t, c) => {
        let s = totalSign * t;
        others.forEach((e, j) => {
          s += e.sign * num(picked[j]![c]);
        });
        return -s * derived.sign;
      });
      const freshCand = matchBlankRow(fresh.chunks, values);
      if (freshCand) heads.push({ picked: [...picked], fresh: freshCand });
    };
    head(0);
    if (!heads.length) continue;
    // a state's key: its sums as one number in mixed radix (each sum is at most its total), or as text when that
    // number could be inexact
    const mult = new Array<number>(width);
    let radix = 1;
    for (let c = 0; c < width; c++) {
      mult[c] = radix;
      radix *= target[c]! + 1;
    }
    const numeric = radix <= Number.MAX_SAFE_INTEGER;
    const keyOf = (sums: readonly number[]): number | string => {
      if (!numeric) return sums.join(",");
      let key = 0;
      for (let c = 0; c < width; c++) key += sums[c]! * mult[c]!;
      return key;
    };
    const sums = new Array<number>(width);
    let layers = 0;
    let layer = new Map<number | string, State>([["", { sums: new Array<number>(width).fill(0), back: [], paths: 1 }]]);
    for (let i = 0; i < outcomes.length && layer.size && !truncated; i++) {
      const next = new Map<number | string, State>();
      const roomNext = room[i + 1]!;
      const row = vals[i]!;
      for (const st of layer.values()) {
        for (let k = 0; k < row.length; k++) {
          if (!spend(ctx.work)) {
            truncated = true;
            break;
          }
          const v = row[k]!;
          let ok = true;
          for (let c = 0; c < width && ok; c++) {
            const s = st.sums[c]! + v[c]!;
            sums[c] = s;
            if (s > target[c]! || s + roomNext[c]! < target[c]!) ok = false;
          }
          if (!ok) continue;
          const key = keyOf(sums);
          const hit = next.get(key);
          const step = { prev: i === 0 ? undefined : st, cand: k };
          if (hit) {
            hit.back.push(step);
            hit.paths += st.paths;
          } else next.set(key, { sums: sums.slice(), back: [step], paths: st.paths });
        }
        if (truncated) break;
      }
      layers++;
      layer = next;
    }
    if (truncated) break;
    const end = layer.get(keyOf(target));
    if (!end || layers !== outcomes.length) continue;
    total += end.paths * heads.length;
    // the readings of each outcome row on some path to the totals (walked back from the end), each with one path
    // on to the end, so that a reading listed for a cell is a whole one
    const onward = new Map<State, { next: State; cand: number }>();
    const edges: { row: number; cand: number; prev: State | undefined; at: State }[] = [];
    let alive = new Set<State>([end]);
    for (let i = outcomes.length - 1; i >= 0; i--) {
      const before = new Set<State>();
      // each reading of the row once (noting its values again would add nothing)
      const used = new Uint8Array(outcomeCands[i]!.length);
      for (const st of alive)
        for (const b of st.back) {
          if (!spend(ctx.work)) truncated = true;
          if (!used[b.cand]) {
            used[b.cand] = 1;
            note(outcomes[i]!, outcomeCands[i]![b.cand]!);
            edges.push({ row: i, cand: b.cand, prev: b.prev, at: st });
          }
          if (b.prev) {
            before.add(b.prev);
            if (!onward.has(b.prev)) onward.set(b.prev, { next: st, cand: b.cand });
          }
        }
      alive = before;
    }
    // a whole reading through an edge: back to the first row, on to the last
    const through = (e: (typeof edges)[number]): number[] => {
      const pick = new Array<number>(outcomes.length).fill(0);
      pick[e.row] = e.cand;
      let st = e.prev;
      for (let j = e.row - 1; j >= 0 && st; j--) {
        const b = st.back[0]!;
        pick[j] = b.cand;
        st = b.prev;
      }
      let at: State | undefined = e.at;
      for (let j = e.row + 1; j < outcomes.length && at; j++) {
        const f = onward.get(at);
        if (!f) break;
        pick[j] = f.cand;
        at = f.next;
      }
      return pick;
    };
    note(totalRow, totalCand);
    for (const h of heads) {
      note(fresh, h.fresh);
      others.forEach((e, j) => {
        note(e.o, h.picked[j]!);
      });
    }
    const solution = (pick: readonly number[], h: (typeof heads)[number]): Solution => {
      const cands: Cand[] = balanceAt.map((j) => (j === -1 ? totalCand : j === -2 ? h.fresh : h.picked[j]!));
      for (let r = 0; r < outcomes.length; r++) cands.push(outcomeCands[r]![pick[r]!]!);
      return new Reading(index, cands);
    };
    // the first readings listed in full, for the evidence, the priors and the issue
    const chosen: number[] = new Array<number>(outcomes.length).fill(0);
    const walk = (st: State, i: number): void => {
      for (const b of st.back) {
        if (sols.length >= MAX_BLANK_SOLUTIONS) return;
        chosen[i] = b.cand;
        if (i > 0) {
          walk(b.prev!, i - 1);
          continue;
        }
        for (const h of heads) {
          if (sols.length >= MAX_BLANK_SOLUTIONS) return;
          sols.push(solution(chosen, h));
        }
      }
    };
    walk(end, outcomes.length - 1);
    // and one whole reading through each reading of a row, so that every value a cell can take is shown
    for (const e of edges) witnesses.push(solution(through(e), heads[0]!));
    for (const h of heads.slice(1)) witnesses.push(solution(through(edges[0]!), h));
  }
  if (!sols.length) return false;
  const differ = [...seen].filter(([, v]) => v.size > 1).map(([id]) => id);
  const values = Object.fromEntries(differ.map((id) => [id, [...seen.get(id)!]]));
  decide(sols, ["row-total", "column-sum", "balance"], all, ctx, out, truncated, false, { count: total, differing: differ, values, witnesses });
  return true;
}

/**
 * Step 2 of `analyze`: splits every located row into cells — the local table, or the national tables (table 三 as one
 * constraint problem, the other rows one by one) — with the narrative's claims and the previous report as evidence.
 * @internal
 */
export function solveTables(located: Located, options: ImportOptions): SolveOut {
  const out = emptyOut();
  const ctx: SolveContext = {
    edition: located.edition,
    claims: located.claims,
    previous: options.previous,
    mode: options.ambiguous ?? "most-plausible",
    at: located.at,
    work: newWork(),
  };
  if (located.edition === "local") {
    if (located.local) solveLocal(located.local.obs, ctx, out, options.previous, located.local.spec);
    return out;
  }
  const { old, t2, t3, t4 } = located.rows;
  if (old) solveRows(old, ctx, out);
  if (t2) solveRows(t2, ctx, out);
  if (t3) solveT3(t3, ctx, out, located.t3Rows, located.t3LabelsOnly);
  if (t4) {
    solveRows(t4, ctx, out);
    // table 四 read from a bare row of numbers by the table's shape (its header lost)
    placedByOrder(t4, "t4", ctx, out);
  }
  return out;
}
