import {
  type CellDef,
  type CellValue,
  displayCell,
  type Edition,
  type Locale,
  OLD_ROWS,
  type Report,
  T3_COLUMNS,
  T3_ROWS,
  T4_COLUMNS,
  type TableId,
  tablesOf,
} from "@gov-disclosure/core";
import { uiFor, unitText } from "./i18n";

/** The scope of a header cell, as HTML writes it. */
export type HeaderScope = "col" | "colgroup" | "row" | "rowgroup";

/** One cell of an official table as printed: a header or a value, with its real row and column span. */
export interface GridCell {
  readonly text: string;
  /** True for header cells (th). */
  readonly header: boolean;
  readonly scope?: HeaderScope;
  readonly rowspan: number;
  readonly colspan: number;
  /** The cell id, for value cells. */
  readonly cell?: string;
  /** What the cell is: a block title, the corner, a row or column label, a unit, a "——" placeholder or a value. */
  readonly role: "title" | "corner" | "col" | "row" | "unit" | "dash" | "value";
  /** Nesting depth of a row label (2014 and local tables print the hierarchy by indentation). */
  readonly indent?: number;
}

/** A run of rows: the header (thead) or a body block (tbody). */
export interface GridGroup {
  readonly head: boolean;
  readonly rows: readonly (readonly GridCell[])[];
}

/** One official table of an edition, laid out as the format prints it. */
export interface OfficialTable {
  readonly id: TableId;
  readonly edition: Edition;
  /** The table's title in the locale (二、主动公开政府信息情况 …). */
  readonly title: string;
  /** The section number (2, 3, 4) the table belongs to in 2019+ reports; undefined for the 2014 and local tables. */
  readonly section?: number;
  /** Number of grid columns. */
  readonly columns: number;
  readonly groups: readonly GridGroup[];
}

const th = (text: string, scope: HeaderScope, role: GridCell["role"], rowspan = 1, colspan = 1, indent?: number): GridCell => ({
  text,
  header: true,
  scope,
  rowspan,
  colspan,
  role,
  ...(indent !== undefined ? { indent } : {}),
});

const td = (text: string, role: GridCell["role"], colspan = 1, cell?: string): GridCell => ({
  text,
  header: false,
  rowspan: 1,
  colspan,
  role,
  ...(cell !== undefined ? { cell } : {}),
});

/** A cell's value as printed: the number, the glyph as written, or "" for blank. */
export const valueText = (v: CellValue | undefined): string => displayCell(v);

const valueCell = (report: Report, id: string, colspan = 1): GridCell => td(valueText(report.cells[id]), "value", colspan, id);

const rowPath = (d: CellDef, locale: Locale) => (locale === "en" ? d.rowPathEn : d.rowPath);
const colPath = (d: CellDef, locale: Locale) => (locale === "en" ? d.colPathEn : d.colPath);
const last = (a: readonly string[]): string => a[a.length - 1] ?? "";

/** Splits `n` grid columns among `k` values the way the official tables do (3 → 1+1+1, 2 → 1+2, 1 → 3). */
function spans(total: number, k: number): number[] {
  if (k <= 0) return [];
  const base = Math.floor(total / k);
  const out = Array.from({ length: k }, () => base);
  out[k - 1] = (out[k - 1] ?? 0) + total - base * k;
  return out;
}

function t2Table(report: Report, defs: readonly CellDef[], title: string, locale: Locale): OfficialTable {
  const ui = uiFor(locale);
  const WIDTH = 3;
  // Blocks in printed order, keyed by the Chinese article label; rows and columns in printed order within each.
  const blocks = new Map<string, { title: string; rows: Map<string, CellDef[]>; cols: Map<string, CellDef> }>();
  for (const d of defs) {
    const key = d.rowPath[1] ?? "";
    let b = blocks.get(key);
    if (!b) {
      b = { title: rowPath(d, locale)[1] ?? key, rows: new Map(), cols: new Map() };
      blocks.set(key, b);
    }
    const row = b.rows.get(d.row) ?? [];
    row.push(d);
    b.rows.set(d.row, row);
    if (!b.cols.has(d.col)) b.cols.set(d.col, d);
  }
  const groups: GridGroup[] = [];
  for (const b of blocks.values()) {
    const cols = [...b.cols.values()];
    const sp = spans(WIDTH, cols.length);
    const rows: GridCell[][] = [
      [th(b.title, "colgroup", "title", 1, WIDTH + 1)],
      [th(ui.infoContent, "col", "col"), ...cols.map((c, i) => th(last(colPath(c, locale)), "col", "col", 1, sp[i]))],
    ];
    for (const cells of b.rows.values()) {
      const first = cells[0] as CellDef;
      rows.push([th(last(rowPath(first, locale)), "row", "row"), ...cells.map((c, i) => valueCell(report, c.id, sp[i]))]);
    }
    groups.push({ head: false, rows });
  }
  return { id: "t2", edition: report.edition, title, section: 2, columns: WIDTH + 1, groups };
}

function t3Table(report: Report, edition: "gen2019" | "gen2021", title: string, locale: Locale): OfficialTable {
  const ui = uiFor(locale);
  const D = 3;
  const p = (a: { path: readonly string[]; pathEn: readonly string[] }) => (locale === "en" ? a.pathEn : a.path);
  const natural = T3_COLUMNS[0];
  const total = T3_COLUMNS[T3_COLUMNS.length - 1];
  const orgs = T3_COLUMNS.slice(1, -1);
  if (!natural || !total) throw new Error("T3_COLUMNS is empty");
  const head: GridCell[][] = [
    [th(ui.t3Corner, "colgroup", "corner", 3, D), th(p(natural)[0] ?? "", "colgroup", "col", 1, T3_COLUMNS.length)],
    [th(last(p(natural)), "col", "col", 2), th(p(orgs[0] ?? natural)[1] ?? "", "colgroup", "col", 1, orgs.length), th(last(p(total)), "col", "col", 2)],
    orgs.map((c) => th(last(p(c)), "col", "col")),
  ];
  const axes = T3_ROWS[edition];
  const body: GridCell[][] = [];
  axes.forEach((axis, i) => {
    const zhPath = axis.path.slice(1);
    const shown = p(axis).slice(1);
    const row: GridCell[] = [];
    for (let level = 0; level < zhPath.length - 1; level++) {
      const prefix = zhPath.slice(0, level + 1).join("\u0000");
      const prev = axes[i - 1]?.path.slice(1, level + 2).join("\u0000");
      if (prev === prefix) continue; // covered by the rowspan above
      let span = 1;
      while (axes[i + span]?.path.slice(1, level + 2).join("\u0000") === prefix) span++;
      row.push(th(shown[level] ?? "", "rowgroup", "row", span, 1));
    }
    row.push(th(last(shown), "row", "row", 1, D - (zhPath.length - 1)));
    for (const c of T3_COLUMNS) row.push(valueCell(report, `t3.${axis.id}.${c.id}`));
    body.push(row);
  });
  return {
    id: "t3",
    edition,
    title,
    section: 3,
    columns: D + T3_COLUMNS.length,
    groups: [
      { head: true, rows: head },
      { head: false, rows: body },
    ],
  };
}

function t4Table(report: Report, defs: readonly CellDef[], title: string, locale: Locale): OfficialTable {
  const byRow = new Map<string, CellDef>();
  for (const d of defs) if (!byRow.has(d.row)) byRow.set(d.row, d);
  const review = byRow.get("review");
  const direct = byRow.get("direct");
  const after = byRow.get("after_review");
  if (!review || !direct || !after) throw new Error("table 四 is missing a block");
  const n = T4_COLUMNS.length;
  const colLabel = (c: (typeof T4_COLUMNS)[number]) => last(locale === "en" ? c.pathEn : c.path);
  const head: GridCell[][] = [
    [th(rowPath(review, locale)[1] ?? "", "colgroup", "col", 1, n), th(rowPath(direct, locale)[1] ?? "", "colgroup", "col", 1, 2 * n)],
    [
      ...T4_COLUMNS.map((c) => th(colLabel(c), "col", "col", 2)),
      th(last(rowPath(direct, locale)), "colgroup", "col", 1, n),
      th(last(rowPath(after, locale)), "colgroup", "col", 1, n),
    ],
    [...T4_COLUMNS.map((c) => th(colLabel(c), "col", "col")), ...T4_COLUMNS.map((c) => th(colLabel(c), "col", "col"))],
  ];
  const body: GridCell[][] = [["review", "direct", "after_review"].flatMap((b) => T4_COLUMNS.map((c) => valueCell(report, `t4.${b}.${c.id}`)))];
  return {
    id: "t4",
    edition: report.edition,
    title,
    section: 4,
    columns: 3 * n,
    groups: [
      { head: true, rows: head },
      { head: false, rows: body },
    ],
  };
}

function oldTable(report: Report, locale: Locale): OfficialTable {
  const ui = uiFor(locale);
  const byId = new Map(OLD_ROWS.map((r) => [r.id, r]));
  const depth = (id: string): number => {
    let d = 0;
    for (let r = byId.get(id); r?.parent; r = byId.get(r.parent)) d++;
    return d;
  };
  const rows: GridCell[][] = OLD_ROWS.map((r) => {
    const label = th(locale === "en" ? r.en : r.zh, "row", "row", 1, 1, depth(r.id));
    if (r.header) return [label, td("——", "dash"), td("——", "dash")];
    return [label, td(unitText(r.unit, locale), "unit"), valueCell(report, `old.${r.id}`)];
  });
  const year = report.meta.year !== undefined ? String(report.meta.year) : "";
  return {
    id: "old",
    edition: "gen2014",
    title: ui.oldTitle(year),
    columns: 3,
    groups: [
      { head: true, rows: [[th(ui.indicator, "col", "col"), th(ui.unit, "col", "col"), th(ui.value, "col", "col")]] },
      { head: false, rows },
    ],
  };
}

function localTableLayout(report: Report, locale: Locale): OfficialTable {
  const ui = uiFor(locale);
  const spec = report.local ?? { rows: [] };
  const byId = new Map(spec.rows.map((r) => [r.id, r]));
  const depth = (id: string): number => {
    let d = 0;
    const seen = new Set<string>();
    for (let r = byId.get(id); r?.parent && !seen.has(r.id); r = byId.get(r.parent)) {
      seen.add(r.id);
      d++;
    }
    return d;
  };
  const cols = locale === "en" ? ui.localColumns : (spec.columns ?? ui.localColumns);
  const rows: GridCell[][] = spec.rows.map((r) => [
    th(r.label, "row", "row", 1, 1, depth(r.id)),
    td(unitText(r.unit, locale), "unit"),
    valueCell(report, `local.${r.id}.current`),
    valueCell(report, `local.${r.id}.cumulative`),
  ]);
  const table = tablesOf("local", spec.rows, spec.columns)[0];
  return {
    id: "local",
    edition: "local",
    title: locale === "en" ? (table?.titleEn ?? "") : (table?.title ?? ""),
    columns: 4,
    groups: [
      {
        head: true,
        rows: [[th(ui.localIndicator, "col", "col"), th(ui.localUnit, "col", "col"), th(cols[0], "col", "col"), th(cols[1], "col", "col")]],
      },
      { head: false, rows },
    ],
  };
}

/** The official tables of a report's edition, laid out with their real merged cells and filled with the report's values. */
export function officialTables(report: Report, locale: Locale = "zh-CN"): OfficialTable[] {
  const edition = report.edition;
  if (edition === "gen2014") return [oldTable(report, locale)];
  if (edition === "local") return [localTableLayout(report, locale)];
  const tables = tablesOf(edition);
  const out: OfficialTable[] = [];
  for (const t of tables) {
    const title = locale === "en" ? t.titleEn : t.title;
    if (t.id === "t2") out.push(t2Table(report, t.cells, title, locale));
    else if (t.id === "t3") out.push(t3Table(report, edition, title, locale));
    else if (t.id === "t4") out.push(t4Table(report, t.cells, title, locale));
  }
  return out;
}

/** One slot of the expanded grid: the cell that covers it, and whether this slot is that cell's top-left corner. */
export interface GridSlot {
  readonly cell: GridCell;
  readonly origin: boolean;
  /** Row and column of the covering cell's top-left slot. */
  readonly top: number;
  readonly left: number;
}

/** Expands a table's rows into a full grid (rowspan and colspan resolved): `grid[row][col]`. */
export function expandGrid(table: OfficialTable): GridSlot[][] {
  const grid: (GridSlot | undefined)[][] = [];
  let r = 0;
  for (const g of table.groups) {
    for (const row of g.rows) {
      grid[r] ??= [];
      let c = 0;
      for (const cell of row) {
        while (grid[r]?.[c]) c++;
        for (let dr = 0; dr < cell.rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < cell.colspan; dc++) {
            (grid[r + dr] as (GridSlot | undefined)[])[c + dc] = { cell, origin: dr === 0 && dc === 0, top: r, left: c };
          }
        }
        c += cell.colspan;
      }
      r++;
    }
  }
  return grid.map((row, i) =>
    Array.from({ length: table.columns }, (_, j) => {
      const s = row[j];
      if (!s) throw new Error(`table ${table.id}: grid slot ${i},${j} is not covered`);
      return s;
    }),
  );
}

/** The number of header rows at the top of a table (its thead). */
export const headRowCount = (table: OfficialTable): number => table.groups.filter((g) => g.head).reduce((n, g) => n + g.rows.length, 0);
