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

const INT_FAILURES = new WeakMap<object, ReadonlyMap<TableId, Outcome[]>>();

/** One pass over the report's cells per validation (cached on the context): the numbers that are not whole numbers ≥ 0 (money ≥ 0), by table. */
function intFailures(ctx: RuleContext): ReadonlyMap<TableId, Outcome[]> {
  const cached = INT_FAILURES.get(ctx);
  if (cached) return cached;
  const out = new Map<TableId, Outcome[]>();
  for (const id in ctx.report.cells) {
    const v = ctx.report.cells[id];
    if (!v || (v.kind !== "count" && v.kind !== "money")) continue;
    const def = ctx.def(id);
    if (!def) continue;
    const bad =
      v.kind === "count"
        ? !Number.isSafeInteger(v.value) || (def.kind !== "signed" && v.value < 0)
        : !v.value.isFinite() || (def.kind !== "signed" && v.value.isNeg()) || (def.kind !== "money" && !v.value.isInteger());
    if (!bad) continue;
    const list = out.get(def.table) ?? [];
    list.push({ status: "fail", cells: [def.id], key: def.id, actual: v.value as Num, params: { cell: def.id } });
    out.set(def.table, list);
  }
  INT_FAILURES.set(ctx, out);
  return out;
}

/** Checks that every number in the given tables is a whole number ≥ 0 (signed cells may be negative) and money ≥ 0. */
export function intCheck(tables: readonly TableId[]) {
  return (ctx: RuleContext): Outcome[] => tables.flatMap((t) => intFailures(ctx).get(t) ?? []);
}

/** A plain number of a cell, when it holds one. */
export function numberOf(ctx: RuleContext, id: string, previous = false): Num | undefined {
  const v = previous ? ctx.prevCell(id) : ctx.cell(id);
  return v && (v.kind === "count" || v.kind === "money") ? v.value : undefined;
}

/** True when the cell holds a number greater than zero. */
export const positive = (n: Num | undefined): n is Num => n !== undefined && cmp(n, 0) > 0;

export { cellDef };
