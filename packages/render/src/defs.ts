import { type CellDef, cellLabel, type Locale, type Report, tablesOf } from "@gov-disclosure/core";

/** Every cell definition of a report's edition (the local edition's from its declared rows), by id. */
export function defsOf(report: Pick<Report, "edition" | "local">): Map<string, CellDef> {
  const m = new Map<string, CellDef>();
  for (const t of tablesOf(report.edition, report.local?.rows ?? [], report.local?.columns)) for (const d of t.cells) m.set(d.id, d);
  return m;
}

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
