import { tablesOf } from "./cells";
import type { TableId, Unit } from "./cells/types";
import type { Edition } from "./editions";
import type { Report, SourceLocation } from "./report";
import { type CellJson, type CellValue, encodeCell } from "./value";

/** One cell of a report as a flat row: the shape behind CSV export, diff and aggregation. */
export interface FlatCell {
  readonly edition: Edition;
  readonly table: TableId;
  readonly tableTitle: string;
  readonly cell: string;
  readonly row: string;
  readonly col: string;
  /** Official Chinese row label (last element of the path). */
  readonly rowLabel: string;
  /** Official Chinese column label (last element of the path; "统计数" for single-column tables). */
  readonly colLabel: string;
  readonly rowLabelEn: string;
  readonly colLabelEn: string;
  readonly unit: Unit;
  readonly value: CellValue;
  /** The value as canonical JSON: number, decimal string, glyph, or null for blank. */
  readonly json: CellJson;
  readonly source?: SourceLocation;
}

/** One row per cell of the report's edition, in printed order, blanks included. */
export function flattenReport(report: Report): FlatCell[] {
  const out: FlatCell[] = [];
  for (const table of tablesOf(report.edition, report.local?.rows ?? [], report.local?.columns)) {
    for (const def of table.cells) {
      const value = report.cells[def.id] ?? ({ kind: "blank" } as const);
      const source = report.sources[def.id];
      out.push({
        edition: report.edition,
        table: def.table,
        tableTitle: table.title,
        cell: def.id,
        row: def.row,
        col: def.col,
        rowLabel: def.rowPath.at(-1) ?? "",
        colLabel: def.colPath.at(-1) ?? "",
        rowLabelEn: def.rowPathEn.at(-1) ?? "",
        colLabelEn: def.colPathEn.at(-1) ?? "",
        unit: def.unit,
        value,
        json: encodeCell(value),
        ...(source ? { source } : {}),
      });
    }
  }
  return out;
}
