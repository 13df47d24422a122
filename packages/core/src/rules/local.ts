import { type LocalRow, localColumnsOf } from "../cells/local";
import { atMost, equal, prev, sumOf, t } from "./build";
import type { Identity, RuleContext, RuleLogic } from "./types";

const L = ["local"] as const;
const cell = (row: string, col: string) => `local.${row}.${col}`;
const rowsOf = (ctx: RuleContext): readonly LocalRow[] => ctx.report.local?.rows ?? [];
/** The report's value columns: both, or 本年度 alone for a single-column table. */
const colsOf = (ctx: RuleContext): readonly string[] => localColumnsOf(ctx.report.local?.columns).map((c) => c.id);
/** True when the report's table has a 历年累计 column. */
const hasCumulative = (ctx: RuleContext): boolean => colsOf(ctx).includes("cumulative");
const childrenOf = (rows: readonly LocalRow[]) => {
  const m = new Map<string, string[]>();
  for (const r of rows) if (r.parent) m.set(r.parent, [...(m.get(r.parent) ?? []), r.id]);
  return m;
};
const key = (label: string) =>
  label
    .replace(/^其中[:：]?/, "")
    .replace(/^\s*[\d一二三四五六七八九十]+[.、．]\s*/, "")
    .replace(/[\s（）()]/g, "");

/** Rules of local two-column tables (本年度 / 历年累计), spec §1.2b. */
export const LOCAL_RULES: readonly RuleLogic[] = [
  {
    id: "OLD-SUBSET",
    editions: L,
    severity: "error",
    kind: "identity",
    identities: (ctx) =>
      rowsOf(ctx).flatMap((r): Identity[] =>
        r.parent
          ? colsOf(ctx).map((c) =>
              atMost(`${r.id}.${c}`, [cell(r.id, c)], [cell(r.parent as string, c)], { cell: cell(r.id, c), other: cell(r.parent as string, c) }),
            )
          : [],
      ),
  },
  {
    id: "LOCAL-ITEMS-SUM",
    editions: L,
    severity: "warning",
    kind: "identity",
    identities: (ctx) =>
      [...childrenOf(rowsOf(ctx))].flatMap(([parent, kids]) =>
        colsOf(ctx).map((c) =>
          sumOf(
            `${parent}.${c}`,
            cell(parent, c),
            kids.map((k) => cell(k, c)),
            { cell: cell(parent, c) },
          ),
        ),
      ),
  },
  {
    id: "LOCAL-CUM-GE-CURRENT",
    editions: L,
    severity: "error",
    kind: "identity",
    identities: (ctx) =>
      hasCumulative(ctx)
        ? rowsOf(ctx).map((r) =>
            atMost(r.id, [cell(r.id, "current")], [cell(r.id, "cumulative")], { cell: cell(r.id, "cumulative"), other: cell(r.id, "current") }),
          )
        : [],
  },
  {
    id: "LOCAL-CUM-YOY",
    editions: L,
    severity: "warning",
    previous: ["local"],
    kind: "identity",
    identities: (ctx) => {
      if (!hasCumulative(ctx) || (ctx.previous && !localColumnsOf(ctx.previous.local?.columns).some((c) => c.id === "cumulative"))) return [];
      const prevRows = new Map((ctx.previous?.local?.rows ?? []).map((r) => [key(r.label), r.id]));
      return rowsOf(ctx).flatMap((r) => {
        const p = prevRows.get(key(r.label));
        return p
          ? [equal(r.id, [t(cell(r.id, "cumulative"))], [prev(cell(p, "cumulative")), t(cell(r.id, "current"))], { cell: cell(r.id, "cumulative") })]
          : [];
      });
    },
  },
];
