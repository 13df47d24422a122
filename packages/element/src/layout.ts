import { type CellDef, type Locale, type Report, reportCells } from "@gov-disclosure/core";
import { type GridCell, type HeaderScope, type OfficialTable, officialTables } from "@gov-disclosure/render";

// The official tables are laid out by render's layout engine (`officialTables`), the one place that knows their merged
// header cells; this module only turns its value cells into labelled inputs for the entry form.

/** A header cell of the entry grid (a th), with its span and scope as the official table prints it. */
export interface HeadCell {
  readonly kind: "head";
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
  readonly scope: HeaderScope;
  /** What the header is in the official table: a block title, the corner (table 三's balance note), a column or row label. */
  readonly role: "title" | "corner" | "col" | "row";
  /** Depth of a row label in an outline table (2014 and local tables), for indentation. */
  readonly depth?: number;
}

/** A printed cell that takes no entry (a td): a unit, or "——" where the official table holds no number. */
export interface FixedCell {
  readonly kind: "fixed";
  readonly text: string;
  readonly colspan: number;
  readonly rowspan: number;
  readonly role: "unit" | "dash";
}

/** An entry cell of the grid: one cell of the report, with the accessible label made of its official row and column labels. */
export interface InputCell {
  readonly kind: "input";
  readonly def: CellDef;
  readonly colspan: number;
  /** Official row label path and column label path, for `aria-label`. */
  readonly label: string;
}

/** One cell of the entry grid. */
export type LayoutCell = HeadCell | FixedCell | InputCell;

/** One table of the entry form in the official layout: header rows and body rows of merged cells. */
export interface LayoutTable {
  readonly id: string;
  readonly title: string;
  readonly head: readonly (readonly LayoutCell[])[];
  readonly body: readonly (readonly LayoutCell[])[];
  /** Number of grid columns. */
  readonly width: number;
}

/** The accessible label of an entry cell: its official row labels, then its column labels (table title left out). */
export function inputLabel(def: CellDef, locale: Locale = "zh-CN"): string {
  const path = locale === "en" ? def.rowPathEn : def.rowPath;
  const rows = def.table === "old" || def.table === "local" ? path : path.slice(1);
  // Table 三's top column label (the applicants' heading) is on every column: it says nothing about one cell.
  const colPath = locale === "en" ? def.colPathEn : def.colPath;
  const cols = def.table === "t3" ? colPath.slice(1) : colPath;
  const row = rows.join(" ");
  if (def.col === "value" || cols.length === 0) return row;
  return `${row}${locale === "en" ? ", " : "，"}${cols.join(" ")}`;
}

function entryCell(c: GridCell, defs: ReadonlyMap<string, CellDef>, locale: Locale): LayoutCell {
  if (c.role === "value") {
    const def = c.cell !== undefined ? defs.get(c.cell) : undefined;
    if (def) return { kind: "input", def, colspan: c.colspan, label: inputLabel(def, locale) };
    return { kind: "fixed", text: c.text, colspan: c.colspan, rowspan: c.rowspan, role: "dash" };
  }
  if (c.role === "unit" || c.role === "dash") return { kind: "fixed", text: c.text, colspan: c.colspan, rowspan: c.rowspan, role: c.role };
  return {
    kind: "head",
    text: c.text,
    colspan: c.colspan,
    rowspan: c.rowspan,
    scope: c.scope ?? (c.role === "row" ? "row" : "col"),
    role: c.role,
    ...(c.indent ? { depth: c.indent } : {}),
  };
}

/** An official table of render's layout engine as an entry table. */
export function entryTable(table: OfficialTable, defs: ReadonlyMap<string, CellDef>, locale: Locale): LayoutTable {
  const head: LayoutCell[][] = [];
  const body: LayoutCell[][] = [];
  for (const g of table.groups) for (const row of g.rows) (g.head ? head : body).push(row.map((c) => entryCell(c, defs, locale)));
  return { id: table.id, title: table.title, head, body, width: table.columns };
}

/** The entry form of a report's edition in the official layout (for `local`, the report's declared rows). */
export function entryLayout(report: Report, locale: Locale = "zh-CN"): LayoutTable[] {
  const defs = reportCells(report).byId;
  return officialTables(report, locale).map((t) => entryTable(t, defs, locale));
}

/** Every entry cell of a layout, in reading order (the keyboard order). */
export function layoutInputs(tables: readonly LayoutTable[]): InputCell[] {
  return tables.flatMap((t) => t.body.flatMap((row) => row.filter((c): c is InputCell => c.kind === "input")));
}
