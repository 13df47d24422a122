import type { Edition } from "../editions";
import { GEN2014_TABLES } from "./gen2014";
import { type LocalRow, localCells, localTable } from "./local";
import { GEN2019_TABLES, GEN2021_TABLES } from "./national";
import type { CellDef, TableDef } from "./types";

const STATIC: Readonly<Record<Exclude<Edition, "local">, readonly TableDef[]>> = {
  gen2014: GEN2014_TABLES,
  gen2019: GEN2019_TABLES,
  gen2021: GEN2021_TABLES,
};

const INDEX = new Map<Edition, ReadonlyMap<string, CellDef>>();
for (const [edition, tables] of Object.entries(STATIC) as [Edition, readonly TableDef[]][]) {
  INDEX.set(edition, new Map(tables.flatMap((t) => t.cells.map((c) => [c.id, c] as const))));
}

/** The tables of an edition; the local edition's table is built from the report's declared rows. */
export function tablesOf(edition: Edition, localRows: readonly LocalRow[] = [], columnLabels?: readonly string[]): readonly TableDef[] {
  return edition === "local" ? [localTable(localRows, columnLabels)] : STATIC[edition];
}

const FLAT = new Map<Edition, readonly CellDef[]>();

/** Every cell of an edition, in printed order. */
export function cellsOf(edition: Edition, localRows: readonly LocalRow[] = [], columnLabels?: readonly string[]): readonly CellDef[] {
  if (edition === "local") return tablesOf(edition, localRows, columnLabels).flatMap((t) => t.cells);
  let cells = FLAT.get(edition);
  if (!cells) {
    cells = Object.freeze(STATIC[edition].flatMap((t) => t.cells));
    FLAT.set(edition, cells);
  }
  return cells;
}

/** The definition of the cell `id` in a national edition, or undefined when the edition has no such cell. */
export function cellDef(edition: Edition, id: string): CellDef | undefined {
  return INDEX.get(edition)?.get(id);
}

/** A cell's label path for display: row path then column path, joined, in the given locale. */
export function cellLabel(def: CellDef, locale: "zh-CN" | "en" = "zh-CN", short = false): string {
  const row = locale === "en" ? def.rowPathEn : def.rowPath;
  const col = locale === "en" ? def.colPathEn : def.colPath;
  const rowPart = short ? row.slice(-1) : row.slice(1);
  const rowText = (rowPart.length ? rowPart : row).join(" / ");
  if (def.col === "value" || col.length === 0) return rowText;
  return `${rowText} × ${col[col.length - 1]}`;
}

type ReportCells = { readonly list: readonly CellDef[]; readonly byId: ReadonlyMap<string, CellDef> };
const NATIONAL_CELLS = new Map<Edition, ReportCells>();
const REPORT_CELLS = new WeakMap<object, ReportCells>();
const LOCAL_SHAPES = new Map<string, ReportCells>();

/**
 * The cells of this report: its edition's cells, or for a local table the cells of its declared rows. The one
 * definition every package uses (kept per edition; for a local table per report, and behind it by its rows and columns:
 * a corpus repeats a few tables, so at most 100 rows, a key of at most 16 K characters and 64 tables are kept).
 */
export function reportCells(report: {
  readonly edition: Edition;
  readonly local?: { readonly rows: readonly LocalRow[]; readonly columns?: readonly string[] };
}): ReportCells {
  const { edition } = report;
  if (edition !== "local") {
    let national = NATIONAL_CELLS.get(edition);
    if (!national) {
      national = { list: cellsOf(edition), byId: INDEX.get(edition) as ReadonlyMap<string, CellDef> };
      NATIONAL_CELLS.set(edition, national);
    }
    return national;
  }
  let hit = REPORT_CELLS.get(report);
  if (!hit) {
    const rows = report.local?.rows ?? [];
    let shape = "";
    try {
      if (rows.length <= 100) shape = JSON.stringify([rows, report.local?.columns]);
    } catch {}
    if (shape.length > 16_384) shape = "";
    hit = LOCAL_SHAPES.get(shape);
    if (!hit) {
      const list = localCells(rows, report.local?.columns);
      hit = { list, byId: new Map(list.map((c) => [c.id, c])) };
      if (shape) {
        if (LOCAL_SHAPES.size >= 64) LOCAL_SHAPES.clear();
        LOCAL_SHAPES.set(shape, hit);
      }
    }
    REPORT_CELLS.set(report, hit);
  }
  return hit;
}
