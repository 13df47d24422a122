import type { CellDef, TableDef, Unit } from "./types";

/** One row of a local two-column table (本年度 / 历年累计), as the report prints it. */
export interface LocalRow {
  /** Stable id within the report: `r1`, `r2`, … in printed order, unless the source gives its own. */
  readonly id: string;
  /** The row label exactly as printed (`主动公开信息数`, `其中：1.政府网站公开数`). */
  readonly label: string;
  readonly unit: Unit;
  /** The row this one is an item of ("其中" rows), when the table shows it. */
  readonly parent?: string;
}

/** The two value columns of a local table. */
export const LOCAL_COLUMNS = [
  { id: "current", zh: "本年度", en: "This year" },
  { id: "cumulative", zh: "历年累计", en: "Cumulative" },
] as const;

/** Column ids of a local table. */
export type LocalColumn = (typeof LOCAL_COLUMNS)[number]["id"];

/**
 * The value columns a local table has: 本年度 and 历年累计, or 本年度 alone when its printed column labels are one
 * (a single-column 附表: 指标名称 | 计量单位 | 年末统计).
 */
export function localColumnsOf(columnLabels?: readonly string[]): readonly (typeof LOCAL_COLUMNS)[number][] {
  return columnLabels?.length === 1 ? LOCAL_COLUMNS.slice(0, 1) : LOCAL_COLUMNS;
}

/** The cells of a local table: every row crossed with its value columns (本年度 and 历年累计, or 本年度 alone). */
export function localCells(rows: readonly LocalRow[], columnLabels?: readonly string[]): CellDef[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (row: LocalRow): string[] => {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let r: LocalRow | undefined = row; r && !seen.has(r.id); r = r.parent ? byId.get(r.parent) : undefined) {
      seen.add(r.id);
      path.unshift(r.label);
    }
    return path;
  };
  const out: CellDef[] = [];
  for (const r of rows) {
    const path = pathOf(r);
    localColumnsOf(columnLabels).forEach((c, i) => {
      out.push({
        id: `local.${r.id}.${c.id}`,
        table: "local",
        row: r.id,
        col: c.id,
        rowPath: path,
        colPath: [columnLabels?.[i] ?? c.zh],
        rowPathEn: path,
        colPathEn: [c.en],
        unit: r.unit,
        kind: r.unit === "万元" || r.unit === "元" ? "money" : "count",
      });
    });
  }
  return out;
}

/** The local edition's table, built from the rows a report declares. */
export function localTable(rows: readonly LocalRow[], columnLabels?: readonly string[]): TableDef {
  return { id: "local", edition: "local", title: "政府信息公开统计表", titleEn: "Local disclosure statistics", cells: localCells(rows, columnLabels) };
}
