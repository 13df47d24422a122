import { type CellDef, cellLabel, type Locale, type Report, reportCells } from "@gov-disclosure/core";

/** Every cell definition of a report (the local edition's from its declared rows), by id, in printed order: core's `reportCells`. */
export const defsOf = (report: Pick<Report, "edition" | "local">): ReadonlyMap<string, CellDef> => reportCells(report).byId;

/** A cell's label in the locale (row path × column), or the id when the cell is unknown. */
export function labelOf(defs: ReadonlyMap<string, CellDef>, id: string, locale: Locale): string {
  const d = defs.get(id);
  return d ? cellLabel(d, locale) : id;
}

/** A short description of a report: body and year, for headings and test names. */
export function whoOf(report: Report, fallback = ""): string {
  const parts = [report.meta.body, report.meta.year !== undefined ? String(report.meta.year) : undefined].filter((p): p is string => !!p);
  return parts.length ? parts.join(" ") : fallback;
}
