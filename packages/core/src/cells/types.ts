import type { Edition } from "../editions";

/** Units the official tables use. `""` means the format prints none (2019's 采购总金额). */
export type Unit = "条" | "件" | "次" | "篇" | "个" | "人" | "人次" | "万元" | "元" | "";

/** How a cell's number is read: a non-negative count, a signed count (2019's 本年增/减) or money (decimal). */
export type CellKind = "count" | "signed" | "money";

/** The tables a report can hold: the 2014 statistics table, sections 二/三/四 of 2019+, or a local table. */
export type TableId = "old" | "t2" | "t3" | "t4" | "local";

/** The definition of one cell: its stable id, where it sits, its official labels and its unit. */
export interface CellDef {
  /** Stable id, public API, never renamed: `old.C1`, `t3.new.natural`, `local.r1.current`. */
  readonly id: string;
  readonly table: TableId;
  /** Row id inside the table (`C1`, `new`, `denied_1`). */
  readonly row: string;
  /** Column id inside the table (`value` for single-column tables). */
  readonly col: string;
  /** The official Chinese label path of the row, outermost first, exactly as the format prints it. */
  readonly rowPath: readonly string[];
  /** The official Chinese label path of the column, outermost first (empty for single-column tables). */
  readonly colPath: readonly string[];
  /** English row label path. */
  readonly rowPathEn: readonly string[];
  /** English column label path. */
  readonly colPathEn: readonly string[];
  readonly unit: Unit;
  readonly kind: CellKind;
}

/** A table of an edition: its id, its titles and its cells in reading order. */
export interface TableDef {
  readonly id: TableId;
  readonly edition: Edition;
  readonly title: string;
  readonly titleEn: string;
  readonly cells: readonly CellDef[];
}

/** A row or column of a table: id plus label paths, used to build the cell grid. */
export interface Axis {
  readonly id: string;
  readonly path: readonly string[];
  readonly pathEn: readonly string[];
}

/** Builds the cells of a grid table: every row crossed with every column. */
export function grid(
  table: TableId,
  rows: readonly Axis[],
  cols: readonly Axis[],
  unit: Unit,
  kind: (row: Axis, col: Axis) => CellKind = () => "count",
): CellDef[] {
  const out: CellDef[] = [];
  for (const r of rows) {
    for (const c of cols) {
      out.push({
        id: `${table}.${r.id}.${c.id}`,
        table,
        row: r.id,
        col: c.id,
        rowPath: r.path,
        colPath: c.path,
        rowPathEn: r.pathEn,
        colPathEn: c.pathEn,
        unit,
        kind: kind(r, c),
      });
    }
  }
  return out;
}
