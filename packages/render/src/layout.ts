import {
  type CellDef,
  type CellValue,
  displayCell,
  type Edition,
  type Locale,
  OLD_ROWS,
  type Report,
  T3_BALANCE_NOTE,
  T3_COLUMNS,
  T3_ROWS,
  T4_BLOCKS,
  T4_COLUMNS,
  type TableId,
  localColumnsOf,
  tablesOf,
} from "@gov-disclosure/core";
import { fill, uiFor, unitText } from "./i18n";

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

/** An axis of the core table constants (row or column): its id and label path in both languages. */
interface PathAxis {
  readonly id: string;
  readonly path: readonly string[];
  readonly pathEn: readonly string[];
}

/**
 * Header rows for a list of column axes whose label paths nest (申请人情况 › 法人或其他组织 › 商业企业): a label shared by
 * a run of neighbouring columns becomes one header spanning them; a path that ends early spans the rows below it.
 */
function columnHeads(cols: readonly PathAxis[], locale: Locale): GridCell[][] {
  const depth = Math.max(...cols.map((c) => c.path.length));
  const key = (c: PathAxis | undefined, level: number) => c?.path.slice(0, level + 1).join("\u0000");
  const rows: GridCell[][] = Array.from({ length: depth }, () => []);
  cols.forEach((c, i) => {
    const shown = locale === "en" ? c.pathEn : c.path;
    for (let level = 0; level < c.path.length; level++) {
      if (i > 0 && key(cols[i - 1], level) === key(c, level) && (cols[i - 1]?.path.length ?? 0) > level) continue;
      const leaf = level === c.path.length - 1;
      let span = 1;
      while (!leaf && key(cols[i + span], level) === key(c, level)) span++;
      (rows[level] as GridCell[]).push(th(shown[level] ?? "", leaf ? "col" : "colgroup", "col", leaf ? depth - level : 1, span));
    }
  });
  return rows;
}

function t3Table(report: Report, edition: "gen2019" | "gen2021", title: string, locale: Locale): OfficialTable {
  const ui = uiFor(locale);
  const axes = T3_ROWS[edition];
  // Label columns: as many as the deepest row path below the table title.
  const D = Math.max(...axes.map((a) => a.path.length - 1));
  const heads = columnHeads(T3_COLUMNS, locale);
  const note = fill(ui.t3Corner, { note: locale === "en" ? T3_BALANCE_NOTE.en : T3_BALANCE_NOTE.zh }, locale);
  const head: GridCell[][] = heads.map((row, i) => (i === 0 ? [th(note, "colgroup", "corner", heads.length, D), ...row] : row));
  const body: GridCell[][] = [];
  axes.forEach((axis, i) => {
    const zhPath = axis.path.slice(1);
    const shown = (locale === "en" ? axis.pathEn : axis.path).slice(1);
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

/**
 * Table 四: each block of core's T4_BLOCKS is a run of T4_COLUMNS; blocks are headed by their row path below the table
 * title (行政复议; 行政诉讼 › 未经复议直接起诉, 复议后起诉), and the column labels go under the deepest header.
 */
function t4Table(report: Report, defs: readonly CellDef[], title: string, locale: Locale): OfficialTable {
  const byRow = new Map<string, CellDef>();
  for (const d of defs) if (!byRow.has(d.row)) byRow.set(d.row, d);
  const n = T4_COLUMNS.length;
  // One pseudo-column per (block, column), its path the block's row path below the title, then the column label.
  const cols: PathAxis[] = T4_BLOCKS.flatMap((b) => {
    const d = byRow.get(b);
    if (!d) throw new Error(`table 四 is missing the block ${b}`);
    return T4_COLUMNS.map((c) => ({ id: `${b}.${c.id}`, path: [...d.rowPath.slice(1), ...c.path], pathEn: [...d.rowPathEn.slice(1), ...c.pathEn] }));
  });
  const head = columnHeads(cols, locale);
  const body: GridCell[][] = [T4_BLOCKS.flatMap((b) => T4_COLUMNS.map((c) => valueCell(report, `t4.${b}.${c.id}`)))];
  return {
    id: "t4",
    edition: report.edition,
    title,
    section: 4,
    columns: T4_BLOCKS.length * n,
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
  return {
    id: "old",
    edition: "gen2014",
    title: report.meta.year !== undefined ? fill(ui.oldTitleOfYear, { year: String(report.meta.year) }, locale) : ui.oldTitle,
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
  // the value columns the table has: 本年度 and 历年累计, or one (a single-column 附表: 年末统计)
  const valueCols = localColumnsOf(spec.columns);
  const printed = locale === "en" ? ui.localColumns : (spec.columns ?? ui.localColumns);
  const rows: GridCell[][] = spec.rows.map((r) => [
    th(r.label, "row", "row", 1, 1, depth(r.id)),
    td(unitText(r.unit, locale), "unit"),
    ...valueCols.map((c) => valueCell(report, `local.${r.id}.${c.id}`)),
  ]);
  const table = tablesOf("local", spec.rows, spec.columns)[0];
  return {
    id: "local",
    edition: "local",
    title: locale === "en" ? (table?.titleEn ?? "") : (table?.title ?? ""),
    columns: 2 + valueCols.length,
    groups: [
      {
        head: true,
        rows: [[th(ui.localIndicator, "col", "col"), th(ui.localUnit, "col", "col"), ...valueCols.map((_, i) => th(printed[i] ?? "", "col", "col"))]],
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
