import type { Edition } from "./editions";
import type { Report } from "./report";

/**
 * The XLSX contract between render (which writes workbooks) and import (which reads them back exactly): the sheet
 * names and what each holds. Defined once, here.
 */
export const WORKBOOK = {
  /** Hidden sheet: one row per cell, columns cell id | worksheet name | A1 address. */
  mapSheet: "_gov_disclosure",
  /** Hidden sheet: A1 holds `WorkbookMeta` as JSON. */
  metaSheet: "_meta",
  /** Visible sheet of the narrative: a header row, then number | title | text per section. */
  sectionsSheet: "正文",
  /** Columns of the map sheet (1-based). */
  mapColumns: { cell: 1, sheet: 2, address: 3 },
  /** Columns of the sections sheet (1-based). */
  sectionColumns: { number: 1, title: 2, text: 3 },
} as const;

/** What the `_meta` sheet's A1 holds. */
export interface WorkbookMeta {
  readonly version: 1;
  readonly edition: Edition;
  readonly meta: Report["meta"];
  /** The declared rows of a local table, or null for the national editions. */
  readonly local: Report["local"] | null;
}

/**
 * The Markdown contract between render and import: render writes the tables, its note on merged cells, block titles
 * and the appendix heading between these two lines (each on a line of its own), and import reads everything between
 * them as the table area, never as the report's prose.
 */
export const MARKDOWN_TABLES = {
  /** Opens the table area. */
  begin: "<!-- gov-disclosure:tables -->",
  /** Closes the table area. */
  end: "<!-- /gov-disclosure:tables -->",
} as const;
