import type { NarrativeClaim, Report, SourceLocation } from "@gov-disclosure/core";
import { diag } from "./diagnostics";
import { type Cand, type Chunk, isNum, matchRow, num, type Part, partText, rowCandidates, rowHolds } from "./split";
import type { RowSpec } from "./templates";
import type { Diagnostic, SplitEvidence } from "./types";

/** A template row as found in the document, with its value chunks. @internal */
export interface RowObs {
  readonly spec: RowSpec;
  readonly chunks: readonly Chunk[];
  readonly label: string;
  readonly loc?: SourceLocation;
  /** How the row was found when not by its own label (e.g. `order`). */
  readonly foundBy?: string;
}

/** What the solver uses beyond the table itself. @internal */
export interface SolveContext {
  readonly claims: readonly NarrativeClaim[];
  readonly previous?: Report | undefined;
  readonly locale: "zh-CN" | "en";
  readonly mode: "most-plausible" | "blank";
  readonly locate: (p: Part) => SourceLocation;
}

/** Cells read, with the ambiguity and evidence records. @internal */
export interface SolveOut {
  readonly cells: Map<string, Part>;
  readonly ambiguous: Record<string, string[]>;
  readonly splits: SplitEvidence[];
  readonly diagnostics: Diagnostic[];
}

type Solution = Map<string, Part | null>;

function claimScore(sol: Solution, ctx: SolveContext): { score: number; by: Set<string> } {
  let score = 0;
  const by = new Set<string>();
  for (const c of ctx.claims) {
    if (c.approximate || !sol.has(c.cell)) continue;
    const p = sol.get(c.cell);
    if (p && isNum(p) && partText(p).replace(/[万元]+$/, "") === c.value) {
      score += 10;
      by.add("narrative");
    }
  }
  const prev = ctx.previous;
  if (prev && (prev.edition === "gen2019" || prev.edition === "gen2021")) {
    for (const [id, p] of sol) {
      const m = /^t3\.carry_in\.(\w+)$/.exec(id);
      if (!m) continue;
      const pv = prev.cells[`t3.carry_out.${m[1]}`];
      if (pv?.kind === "count" && p && isNum(p) && num(p) === pv.value) {
        score += 10;
        by.add("previous");
      }
    }
  }
  return { score, by };
}

/** Plausibility priors for section 二 and table 三 (documented in the README); lower is more plausible. */
function prior(sol: Solution): number {
  let pen = 0;
  const v = (id: string): number | undefined => {
    if (!sol.has(id)) return undefined;
    const p = sol.get(id);
    return p && isNum(p) ? num(p) : undefined;
  };
  for (const row of ["rules", "normative"]) {
    const made = v(`t2.${row}.made`);
    const pub = v(`t2.${row}.published`);
    const tot = v(`t2.${row}.total`);
    if (pub !== undefined && tot !== undefined && pub > tot) pen += 3;
    if (made !== undefined && tot !== undefined && made > tot) pen += 2;
    if (pub !== undefined && made !== undefined && pub > made) pen += 1;
    if (pub !== undefined && made !== undefined && pub !== made) pen += 0.5;
    const iss = v(`t2.${row}.issued`);
    const rep = v(`t2.${row}.repealed`);
    const inf = v(`t2.${row}.in_force`);
    if (iss !== undefined && inf !== undefined && iss > inf) pen += 3;
    if (rep !== undefined && iss !== undefined && rep > iss) pen += 1;
  }
  for (const row of ["licensing", "services", "penalty", "coercion", "fees"]) {
    const prev = v(`t2.${row}.prev`);
    const ch = v(`t2.${row}.change`);
    if (prev !== undefined && ch !== undefined && prev + ch < 0) pen += 3;
  }
  const proj = v("t2.procurement.projects");
  const amt = v("t2.procurement.amount");
  if (proj === 0 && amt !== undefined && amt > 0) pen += 3;
  for (const [id, p] of sol) {
    if (p === null && id.startsWith("t2.")) pen += /\.(made|issued|prev|projects)$/.test(id) ? 0.3 : 0.15;
    if (/^t3\.\w+\.(research|nonprofit|legal)$/.test(id) && p && num(p) > 0) pen += 0.01 * String(num(p)).length;
  }
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

function rawOf(obs: readonly RowObs[]): string {
  return obs
    .map((o) => o.chunks.map((c) => c.text).join(" "))
    .join(" / ")
    .slice(0, 120);
}

/**
 * Chooses among the solutions that satisfy every identity: evidence (narrative figures, the previous report) first,
 * then the plausibility priors. Records the decision and reports ambiguity honestly.
 */
function decide(sols: Solution[], identityBy: string[], obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, truncated: boolean): void {
  const glued = obs.some((o) => o.chunks.some((c) => !c.atomic)) || obs.some((o) => o.chunks.length < o.spec.cells.length);
  const allIds = obs.flatMap((o) => o.spec.cells);
  if (sols.length === 0) return;
  let chosen: Solution | undefined;
  let by = [...identityBy];
  let ambiguousIds: string[] = [];
  if (sols.length === 1 && !truncated) {
    chosen = sols[0]!;
  } else {
    const scored = sols.map((s) => ({ s, ...claimScore(s, ctx), pen: prior(s) }));
    const best = Math.max(...scored.map((x) => x.score));
    const top = scored.filter((x) => x.score === best);
    if (best > 0 && top.length === 1 && !truncated) {
      chosen = top[0]!.s;
      by = [...by, ...top[0]!.by];
    } else {
      const minPen = Math.min(...top.map((x) => x.pen));
      const topPrior = truncated ? [] : top.filter((x) => x.pen === minPen);
      ambiguousIds = truncated ? allIds.filter((id) => sols.some((s) => s.has(id))) : differing(sols);
      const candList = sols.slice(0, 20).map((s) => Object.fromEntries(ambiguousIds.map((id) => [id, partText(s.get(id))])));
      for (const id of ambiguousIds) out.ambiguous[id] = [...new Set(sols.map((s) => partText(s.get(id))))];
      let chosenText = "";
      if (topPrior.length === 1 && ctx.mode === "most-plausible") {
        chosen = topPrior[0]!.s;
        by = [...by, ...(best > 0 ? [...topPrior[0]!.by] : []), "prior"];
        chosenText =
          ctx.locale === "en"
            ? `; kept the most plausible: ${ambiguousIds.map((id) => `${id}=${partText(chosen!.get(id))}`).join(", ")}`
            : `；暂取可能性最大的一种：${ambiguousIds.map((id) => `${id}=${partText(chosen!.get(id))}`).join("，")}`;
      } else {
        // keep only the cells every solution agrees on
        chosen = new Map([...sols[0]!].filter(([id]) => !ambiguousIds.includes(id)));
        by = [...by, "undecided"];
      }
      const first = obs[0];
      out.diagnostics.push(
        diag("split.ambiguous", "warning", { n: truncated ? `${sols.length}+` : sols.length, cells: ambiguousIds.join(", "), chosen: chosenText }, ctx.locale, {
          cells: ambiguousIds,
          candidates: candList,
          ...(first?.loc ? { source: first.loc } : {}),
        }),
      );
    }
  }
  for (const [id, p] of chosen) if (p) out.cells.set(id, p.loc ? p : { ...p, loc: ctx.locate(p) });
  if (glued || sols.length > 1) {
    out.splits.push({ cells: allIds, decidedBy: by.length ? by : ["unique"], candidates: sols.length, ambiguous: ambiguousIds.length > 0 });
    if (glued && ambiguousIds.length === 0 && sols.length >= 1 && by.some((b) => b !== "unique"))
      out.diagnostics.push(diag("split.decided", "info", { raw: rawOf(obs), by: by.join(", ") }, ctx.locale, { cells: allIds }));
  }
}

function rowCands(o: RowObs, ctx: SolveContext, out: SolveOut, trunc?: { v: boolean }): Cand[] {
  const rc = rowCandidates(o.chunks, o.spec.kinds, { sumLast: o.spec.sumLast, block: o.spec.block });
  const label = o.label || o.spec.key;
  const src = o.loc ? { source: o.loc } : {};
  if (rc.truncated && trunc) trunc.v = true;
  if (rc.truncated) out.diagnostics.push(diag("split.truncated", "warning", { label }, ctx.locale, { cells: o.spec.cells, ...src }));
  if (rc.overflow)
    out.diagnostics.push(
      diag("row.overflow", "warning", { label, got: o.chunks.length, want: o.spec.cells.length }, ctx.locale, { cells: o.spec.cells, ...src }),
    );
  if (rc.cands.length === 0) {
    out.diagnostics.push(
      diag(o.chunks.length ? "row.unsplittable" : "row.no-values", "warning", { label, raw: rawOf([o]), want: o.spec.cells.length }, ctx.locale, {
        cells: o.spec.cells,
        ...src,
      }),
    );
    return [];
  }
  const ok = rc.cands.filter((c) => rowHolds(c, o.spec.sumLast, o.spec.block));
  if (ok.length === 0) {
    // a grid row whose own total does not add up is still read as written; validation reports it
    if (o.chunks.every((c) => c.atomic)) return rc.cands;
    out.diagnostics.push(
      diag("row.unsplittable", "warning", { label, raw: rawOf([o]), want: o.spec.cells.length }, ctx.locale, { cells: o.spec.cells, ...src }),
    );
    return [];
  }
  return ok;
}

const toSolution = (o: RowObs, c: Cand): Solution => new Map(o.spec.cells.map((id, i) => [id, c[i] ?? null]));

/** Solves independent rows (section 二, table 四, the 2014 table): row identities, then evidence and priors per row. @internal */
export function solveRows(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut): void {
  for (const o of obs) {
    const trunc = { v: false };
    const cands = rowCands(o, ctx, out, trunc);
    if (!cands.length) continue;
    const by = o.spec.block ? ["block-sum"] : [];
    if (o.foundBy) by.push(o.foundBy);
    decide(
      cands.map((c) => toSolution(o, c)),
      cands.length === 1 ? (by.length ? by : ["unique"]) : by,
      [o],
      ctx,
      out,
      trunc.v,
    );
  }
}

const T3_COLS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];

/**
 * Solves table 三 as one constraint problem: per-row candidates (row totals) combined by backtracking under the
 * column identities (outcome rows sum to （七）总计; 一 + 二 = （七） + 四 in every column). @internal
 */
export function solveT3(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, expectedRows?: number): void {
  if (solveT3Derived(obs, ctx, out, expectedRows ?? (obs.some((o) => o.spec.t3row?.startsWith("other_")) ? 25 : 23))) return;
  const rowTrunc = { v: false };
  const rows = obs.map((o) => ({ o, cands: rowCands(o, ctx, out, rowTrunc) })).filter((r) => r.cands.length > 0);
  if (!rows.length) return;
  const expected = expectedRows ?? (obs.some((o) => o.spec.t3row?.startsWith("other_")) ? 25 : 23);
  if (rows.length < expected && obs.some((o) => o.chunks.some((c) => !c.atomic))) {
    solveT3Rows(rows, obs, ctx, out, rowTrunc);
    // rows missing or unsplittable (blank cells left out of glued digits, most often): the glued rows that were split
    // could not be checked against the column sums and the balance, so each split rests on its row total alone
    const cells = rows
      .filter((r) => r.o.chunks.some((c) => !c.atomic))
      .flatMap((r) => r.o.spec.cells)
      .filter((id) => out.cells.has(id));
    if (cells.length)
      out.diagnostics.push(diag("split.unverified", "warning", { missing: expected - rows.length, cells: cells.length }, ctx.locale, { cells }));
    return;
  }
  solveT3Rows(rows, obs, ctx, out, rowTrunc);
}

function solveT3Rows(rows: { o: RowObs; cands: Cand[] }[], obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, rowTrunc: { v: boolean }): void {
  const byRow = new Map(rows.map((r) => [r.o.spec.t3row!, r]));
  const allSingle = rows.every((r) => r.cands.length === 1);
  if (allSingle) {
    const sol: Solution = new Map();
    for (const r of rows) for (const [k, v] of toSolution(r.o, r.cands[0]!)) sol.set(k, v);
    decide([sol], ["row-total"], obs, ctx, out, rowTrunc.v);
    return;
  }
  const head = ["new", "carry_in", "total", "carry_out"].filter((r) => byRow.has(r));
  const outcomes = rows.map((r) => r.o.spec.t3row!).filter((r) => !["new", "carry_in", "total", "carry_out"].includes(r));
  const order = [...head, ...outcomes].map((r) => byRow.get(r)!);
  const expectedOutcomes = obs[0]?.spec.cells && rows.length ? (obs.some((o) => o.spec.t3row?.startsWith("other_")) ? 21 : 19) : 0;
  const outcomeComplete = outcomes.length === expectedOutcomes && byRow.has("total");
  const balanceOk = head.length === 4;
  const assigned: Cand[] = [];
  const sums = new Array<number>(7).fill(0);
  const sols: Solution[] = [];
  let steps = 0;
  let truncated = false;
  const totalIdx = head.indexOf("total");
  const cellOf = (row: string, col: number): Part | null | undefined => {
    const i = order.findIndex((r) => r.o.spec.t3row === row);
    return i >= 0 && i < assigned.length ? assigned[i]![col] : undefined;
  };
  const rec = (i: number): void => {
    if (truncated) return;
    if (++steps > 2_000_000 || sols.length >= 200) {
      truncated = true;
      return;
    }
    if (i === 4 && balanceOk) {
      for (let c = 0; c < 7; c++) {
        const a = [cellOf("new", c), cellOf("carry_in", c), cellOf("total", c), cellOf("carry_out", c)];
        if (a.some((p) => p && !isNum(p))) continue;
        if (num(a[0]) + num(a[1]) !== num(a[2]) + num(a[3])) return;
      }
    }
    if (i === order.length) {
      if (outcomeComplete) {
        for (let c = 0; c < 7; c++) {
          const t = cellOf("total", c);
          if (isNum(t) && sums[c] !== num(t)) return;
        }
      }
      const sol: Solution = new Map();
      order.forEach((r, k) => {
        for (const [id, v] of toSolution(r.o, assigned[k]!)) sol.set(id, v);
      });
      sols.push(sol);
      return;
    }
    const r = order[i]!;
    const isOutcome = i >= head.length;
    for (const cand of r.cands) {
      if (isOutcome && totalIdx >= 0) {
        let ok = true;
        for (let c = 0; c < 7; c++) {
          sums[c]! += num(cand[c]);
          const t = assigned[totalIdx]![c];
          if (isNum(t) && sums[c]! > num(t)) ok = false;
        }
        if (ok) {
          assigned.push(cand);
          rec(i + 1);
          assigned.pop();
        }
        for (let c = 0; c < 7; c++) sums[c]! -= num(cand[c]);
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
  if (sols.length === 0) {
    out.diagnostics.push(diag("split.inconsistent", "warning", {}, ctx.locale, { cells: rows.flatMap((r) => r.o.spec.cells) }));
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

const HEAD = ["new", "carry_in", "total", "carry_out"];

/**
 * Table 三 with every row present and glued totals: the outcome rows are enumerated, （七）总计 is computed from their
 * column sums and 本年新收 from the balance (总计 + 结转 − 上年结转), and both are matched against their digits —
 * instead of enumerating the splits of the two rows with the largest numbers blindly. Returns false (nothing written)
 * when it does not apply or finds no reading; the general solver then runs. @internal
 */
function solveT3Derived(obs: readonly RowObs[], ctx: SolveContext, out: SolveOut, expected: number): boolean {
  const by = new Map(obs.map((o) => [o.spec.t3row!, o]));
  const total = by.get("total");
  const fresh = by.get("new");
  const carryIn = by.get("carry_in");
  const carryOut = by.get("carry_out");
  const outcomes = obs.filter((o) => !HEAD.includes(o.spec.t3row!));
  if (!total || !fresh || !carryIn || !carryOut || by.size !== expected || outcomes.length !== expected - 4) return false;
  if (total.chunks.every((c) => c.atomic) && fresh.chunks.every((c) => c.atomic)) return false;
  const quiet: SolveOut = { cells: new Map(), ambiguous: {}, splits: [], diagnostics: [] };
  const trunc = { v: false };
  const cands = outcomes.map((o) => rowCands(o, ctx, quiet, trunc));
  const inCands = rowCands(carryIn, ctx, quiet, trunc);
  const outCands = rowCands(carryOut, ctx, quiet, trunc);
  if (cands.some((c) => c.length === 0) || !inCands.length || !outCands.length) return false;
  const sols: Solution[] = [];
  const sums = new Array<number>(7).fill(0);
  const chosen: Cand[] = [];
  let steps = 0;
  let truncated = false;
  const leaf = () => {
    const totalCand = matchRow(total.chunks, sums);
    if (!totalCand) return;
    for (const ci of inCands)
      for (const co of outCands) {
        if (++steps > 2_000_000 || sols.length >= 200) {
          truncated = true;
          return;
        }
        const newCand = matchRow(
          fresh.chunks,
          sums.map((t, c) => t + num(co[c]) - num(ci[c])),
        );
        if (!newCand) continue;
        const sol: Solution = new Map();
        for (const [o, c] of [
          [fresh, newCand],
          [carryIn, ci],
          [total, totalCand],
          [carryOut, co],
        ] as const)
          for (const [k, v] of toSolution(o, c)) sol.set(k, v);
        outcomes.forEach((o, i) => {
          for (const [k, v] of toSolution(o, chosen[i]!)) sol.set(k, v);
        });
        sols.push(sol);
      }
  };
  const rec = (i: number): void => {
    if (truncated) return;
    if (++steps > 2_000_000) {
      truncated = true;
      return;
    }
    if (i === outcomes.length) {
      leaf();
      return;
    }
    for (const cand of cands[i]!) {
      for (let c = 0; c < 7; c++) sums[c]! += num(cand[c]);
      chosen.push(cand);
      rec(i + 1);
      chosen.pop();
      for (let c = 0; c < 7; c++) sums[c]! -= num(cand[c]);
      if (truncated) return;
    }
  };
  rec(0);
  if (!sols.length && !truncated) return false;
  out.diagnostics.push(...quiet.diagnostics);
  if (!sols.length) {
    out.diagnostics.push(diag("split.truncated", "warning", { label: total.label || "t3" }, ctx.locale, { cells: obs.flatMap((o) => o.spec.cells) }));
    return true;
  }
  decide(sols, ["row-total", "column-sum", "balance"], obs, ctx, out, truncated || trunc.v);
  return true;
}

/** Column ids of table 三 in printed order. @internal */
export const T3_COLUMN_IDS = T3_COLS;
