import type { CellDef, TableId } from "../cells/types";
import { cellDef, reportCells } from "../cells";
import { cmp, type Num } from "./num";
import type { Outcome, RuleContext } from "./types";

/** The definitions of the report's cells by id (the local edition's come from its declared rows). */
export function defMapOf(ctx: Pick<RuleContext, "report" | "edition">): ReadonlyMap<string, CellDef> {
  return reportCells(ctx.report).byId;
}

/** The definitions of the report's cells (the local edition's come from its declared rows). */
export function defsOf(ctx: Pick<RuleContext, "report" | "edition">): readonly CellDef[] {
  return reportCells(ctx.report).list;
}

/** What one pass over a report's cells finds, for the rules that look at every cell. */
export interface CellScan {
  /** The tables with a cell that is not blank. */
  readonly live: ReadonlySet<string>;
  /** Numbers that are not whole numbers ≥ 0 (money ≥ 0; signed cells may be negative), by table. */
  readonly intFailures: ReadonlyMap<TableId, Outcome[]>;
  /** Cells of the edition that hold text where a number belongs (CELL-NOT-NUMERIC). */
  readonly texts: readonly Outcome[];
}

/**
 * A value kept on a rule context for the rest of its validation, made on first use: a property that is not enumerable
 * (a copy of the context does not carry it), and not kept on a context that cannot take it. @internal
 */
export function kept<T>(ctx: RuleContext, key: symbol, make: () => T): T {
  const o = ctx as unknown as Record<symbol, T>;
  if (key in o) return o[key] as T;
  const v = make();
  if (Object.isExtensible(ctx)) Object.defineProperty(ctx, key, { value: v });
  return v;
}

const SCANS = Symbol();
/** Set by the engine on the context of a partial reading (`brokenWithin`): a few cells, read by their own keys. @internal */
export const PARTIAL = Symbol();

/**
 * One pass over the report's cells per validation (cached on the context), in the order of their definitions: what
 * the live-table check, the whole-number checks and CELL-NOT-NUMERIC need. @internal
 */
export function scanCells(ctx: RuleContext): CellScan {
  return kept(ctx, SCANS, () => scan(ctx));
}

function scan(ctx: RuleContext): CellScan {
  const live = new Set<string>();
  const intFailures = new Map<TableId, Outcome[]>();
  const texts: Outcome[] = [];
  const cells = ctx.report.cells;
  // the definitions in order, each cell looked up (a report's cells are a hash table, which for…in has to sort); a
  // partial reading's few cells by their own keys
  for (const def of (ctx as { [PARTIAL]?: true })[PARTIAL] ? Object.keys(cells).map(ctx.def) : defsOf(ctx)) {
    if (!def) continue;
    const id = def.id;
    const v = cells[id];
    if (!v || v.kind === "blank") continue;
    live.add(def.table);
    if (v.kind === "text") {
      texts.push({ status: "fail", cells: [id], key: id, params: { cell: id, text: v.raw } });
      continue;
    }
    if (v.kind !== "count" && v.kind !== "money") continue;
    const bad =
      v.kind === "count"
        ? !Number.isSafeInteger(v.value) || (def.kind !== "signed" && v.value < 0)
        : !v.value.isFinite() || (def.kind !== "signed" && v.value.isNeg()) || (def.kind !== "money" && !v.value.isInteger());
    if (!bad) continue;
    const list = intFailures.get(def.table) ?? [];
    list.push({ status: "fail", cells: [id], key: id, actual: v.value as Num, params: { cell: id } });
    intFailures.set(def.table, list);
  }
  return { live, intFailures, texts };
}

/** Checks that every number in the given tables is a whole number ≥ 0 (signed cells may be negative) and money ≥ 0. */
export function intCheck(tables: readonly TableId[]) {
  return (ctx: RuleContext): Outcome[] => tables.flatMap((t) => scanCells(ctx).intFailures.get(t) ?? []);
}

/** A plain number of a cell, when it holds one. */
export function numberOf(ctx: RuleContext, id: string, previous = false): Num | undefined {
  const v = previous ? ctx.prevCell(id) : ctx.cell(id);
  return v && (v.kind === "count" || v.kind === "money") ? v.value : undefined;
}

/** True when the cell holds a number greater than zero. */
export const positive = (n: Num | undefined): n is Num => n !== undefined && cmp(n, 0) > 0;

export { cellDef };
