import type { SourceLocation } from "@gov-disclosure/core";
import { cleanLabel, normalizeChars } from "./normalize";
import type { RowObs } from "./solve";
import type { Chunk } from "./split";
import { type RowSpec, rowRegex } from "./templates";

/** One cell of an expanded table grid: its text and the id of the source cell it came from (same id = merged). */
export interface GridCell {
  readonly text: string;
  readonly origin: number;
  /** 1-based line and column of the cell's text in text input (Markdown pipe tables). */
  readonly line?: number;
  readonly column?: number;
  /** PDF: the page and position of the cell's text. */
  readonly source?: { readonly page: number; readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** A table expanded on a real grid (rowspan/colspan applied), with where it came from. */
export interface Grid {
  readonly rows: readonly (readonly GridCell[])[];
  /** 0-based index of the table in the document. */
  readonly index: number;
  readonly sheet?: string;
}

/** A source cell before expansion. @internal */
export interface RawCell {
  readonly text: string;
  readonly rowspan: number;
  readonly colspan: number;
  readonly line?: number;
  readonly column?: number;
}

/** Most slots (rows × columns, spans counted in every slot they cover) the tables of one document may expand to. */
export const MAX_GRID_CELLS = 200_000;
/**
 * Most characters of cell text the tables of one document may hold, a spanned cell's text counted once per slot it
 * covers (every later stage reads rows slot by slot, so this bounds their work too).
 */
export const MAX_GRID_TEXT = 1_000_000;

/** The tables of a document expand past `MAX_GRID_CELLS` slots or `MAX_GRID_TEXT` characters: not read. @internal */
export class GridLimitError extends Error {
  constructor(
    readonly what: "grid-cells" | "grid-text",
    readonly size: number,
    readonly limit: number,
  ) {
    super(`tables expand to more than ${limit} (${size})`);
  }
}

/** What is left of a document's grid budget; one per document, shared by all its tables. @internal */
export interface GridBudget {
  cells: number;
  text: number;
}

/** Charges `slots` slots holding `text` characters each to a budget; throws `GridLimitError` when it runs out. @internal */
export function chargeGrid(budget: GridBudget, slots: number, text: number): void {
  budget.cells -= slots;
  budget.text -= text * slots;
  if (budget.cells < 0) throw new GridLimitError("grid-cells", MAX_GRID_CELLS - budget.cells, MAX_GRID_CELLS);
  if (budget.text < 0) throw new GridLimitError("grid-text", MAX_GRID_TEXT - budget.text, MAX_GRID_TEXT);
}

/** A fresh budget for one document. @internal */
export const gridBudget = (): GridBudget => ({ cells: MAX_GRID_CELLS, text: MAX_GRID_TEXT });

/** The columns a grid keeps: a cell past them is numbered but not kept. @internal */
export const MAX_GRID_COLUMNS = 400;

/**
 * Expands rows of cells with rowspan/colspan on a grid (caps: 1000 rows of span, 200 columns, `MAX_GRID_COLUMNS`).
 * A spanned cell is one object referenced from every slot it covers, never copied; every slot is charged to the
 * document's `budget` (one slot, and the cell's text length), and `GridLimitError` is thrown when it runs out.
 * @internal
 */
export function expandGrid(rawRows: readonly (readonly RawCell[])[], index: number, sheet?: string, budget: GridBudget = gridBudget()): Grid {
  const rows: GridCell[][] = [];
  let origin = 0;
  const charge = (slots: number, text: number) => chargeGrid(budget, slots, text);
  rawRows.forEach((cells, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (rows[r]![c]) c++;
      const id = origin++;
      const rs = Math.max(1, Math.min(cell.rowspan, 1000, rawRows.length - r));
      const cs = Math.max(1, Math.min(cell.colspan, 200, MAX_GRID_COLUMNS - c));
      if (cs <= 0 || c >= MAX_GRID_COLUMNS) continue;
      charge(rs * cs, cell.text.length);
      const slot: GridCell =
        cell.line !== undefined ? { text: cell.text, origin: id, line: cell.line, column: cell.column ?? 1 } : { text: cell.text, origin: id };
      for (let dr = 0; dr < rs; dr++) {
        rows[r + dr] ??= [];
        const row = rows[r + dr]!;
        for (let dc = 0; dc < cs; dc++) row[c + dc] = slot;
      }
      c += cs;
    }
  });
  const empty: GridCell = { text: "", origin: -1 };
  let holes = 0;
  for (const row of rows) for (let i = 0; i < row.length; i++) if (!row[i]) holes++;
  charge(holes, 0);
  // the holes are filled in place (the rows are this function's own)
  for (const row of rows) if (row) for (let i = 0; i < row.length; i++) row[i] ??= empty;
  return { rows, index, ...(sheet ? { sheet } : {}) };
}

const CJK = /[\u3400-\u9fff]/;
const LABEL_NOT = /^(无|[+-]?\d[\d,.]*\s*(万元|元|条|件|个|次|人次|人)?)$/;

/** Cell texts longer than this are worked out each time, never remembered. */
const MAX_REMEMBERED_CELL = 200;
/** Most cell texts remembered (the caches start afresh past it). */
const MAX_REMEMBERED_CELLS = 4096;
const LABEL_TEXT = new Map<string, boolean>();
const CLEAN_LABEL = new Map<string, string>();

/** `f(t)`, remembered in `cache` for short texts: cell texts (labels above all) repeat within and across reports. */
function remembered<T>(cache: Map<string, T>, t: string, f: (t: string) => T): T {
  if (t.length > MAX_REMEMBERED_CELL) return f(t);
  let v = cache.get(t);
  if (v === undefined) {
    v = f(t);
    if (cache.size >= MAX_REMEMBERED_CELLS) cache.clear();
    cache.set(t, v);
  }
  return v;
}

const notValueText = (t: string): boolean => !LABEL_NOT.test(normalizeChars(t).trim());
/** A label's text: some CJK, and not a value such as "无" or "12件" (a cell without CJK, a number most often, is looked up nowhere). */
const isLabelText = (t: string): boolean => CJK.test(t) && remembered(LABEL_TEXT, t, notValueText);

interface GridRowView {
  readonly label: string;
  readonly last: string;
  readonly values: { text: string; col: number; cell: GridCell }[];
}

/** Where a grid cell is, for `sources`. @internal */
export function cellLoc(g: Grid, r: number, col: number, cell: GridCell): SourceLocation {
  const loc: {
    line?: number;
    column?: number;
    table: number;
    row: number;
    col: number;
    raw: string;
    sheet?: string;
    page?: number;
    x?: number;
    y?: number;
    width?: number;
    height?: number;
  } = { table: g.index, row: r, col, raw: cell.text };
  if (cell.source) {
    const round = (n: number) => Math.max(0, Math.round(n * 10) / 10);
    loc.page = cell.source.page;
    loc.x = round(cell.source.x);
    loc.y = round(cell.source.y);
    loc.width = round(cell.source.width);
    loc.height = round(cell.source.height);
  }
  if (cell.line !== undefined) {
    loc.line = cell.line;
    loc.column = cell.column ?? 1;
  }
  if (g.sheet) loc.sheet = g.sheet;
  return loc;
}

function viewRow(row: readonly GridCell[]): GridRowView {
  // each merged cell once: in a row of a few cells the ones kept are searched (no set made for every row); a wide row
  // keeps a set, so that the search does not grow with the square of its width
  const distinct: { text: string; col: number; cell: GridCell }[] = [];
  const seen = row.length > 32 ? new Set<number>() : undefined;
  for (let col = 0; col < row.length; col++) {
    const cell = row[col];
    if (!cell) continue;
    if (cell.origin >= 0 && (seen ? seen.has(cell.origin) : distinct.some((d) => d.cell.origin === cell.origin))) continue;
    seen?.add(cell.origin);
    distinct.push({ text: cell.text, col, cell });
  }
  let i = 0;
  while (i < distinct.length && isLabelText(distinct[i]!.text)) i++;
  const labels = distinct.slice(0, i).map((d) => remembered(CLEAN_LABEL, d.text, cleanLabel));
  return { label: labels.join(""), last: labels[labels.length - 1] ?? "", values: distinct.slice(i) };
}

/** What `gridRows` reads of a grid, worked out once per grid (it is called once per table of the edition). */
interface GridView {
  readonly rows: readonly GridRowView[];
  /** The grid's text, all cells joined (table 四's header test), when asked for. */
  text?: string;
}

/**
 * A grid's view, kept on the grid itself. Not in a module-level WeakMap: V8's young-generation collections keep a
 * WeakMap's values alive (only its full collections drop them), so every view and the cells it names were promoted to
 * the old space, 18 KB a Markdown report, and each young collection copied them (its time 575 → 209 ms over 9,000
 * reports).
 */
const VIEW = Symbol("view");

function viewOf(g: Grid): GridView {
  const held = g as Grid & { [VIEW]?: GridView };
  let v = held[VIEW];
  if (!v) {
    v = { rows: g.rows.map(viewRow) };
    // not enumerable: a grid compared or copied is the same grid with or without its view (a frozen grid keeps none)
    if (Object.isExtensible(held)) Object.defineProperty(held, VIEW, { value: v });
  }
  return v;
}

/** Labels longer than this are matched against the row patterns each time, never remembered. */
const MAX_REMEMBERED_LABEL = 200;
/** Most labels remembered per set of row specs (the cache starts afresh past it). */
const MAX_REMEMBERED = 4096;
const MATCHES = new WeakMap<readonly RowSpec[], Map<string, readonly number[]>>();

/**
 * The indices of the specs whose pattern matches a label. The same labels come back in every report of an edition:
 * they are remembered per set of specs (the patterns are tested without flags, so the answer depends on the label
 * alone).
 */
function matchesOf(specs: readonly RowSpec[], res: readonly RegExp[], label: string): readonly number[] {
  let cache = MATCHES.get(specs);
  if (!cache) {
    cache = new Map();
    MATCHES.set(specs, cache);
  }
  let m = cache.get(label);
  if (!m) {
    const hits: number[] = [];
    for (let i = 0; i < res.length; i++) if (res[i]!.test(label)) hits.push(i);
    m = hits;
    if (label.length <= MAX_REMEMBERED_LABEL) {
      if (cache.size >= MAX_REMEMBERED) cache.clear();
      cache.set(label, m);
    }
  }
  return m;
}

/** Finds template rows in table grids by their labels and reads their cells (first match of each row wins). @internal */
export function gridRows(grids: readonly Grid[], specs: readonly RowSpec[]): RowObs[] {
  const found = new Map<string, RowObs>();
  const res = specs.map((s) => rowRegex(s, ""));
  const open = (i: number) => !found.has(specs[i]!.key) && specs[i]!.table !== "t4";
  for (const g of grids) {
    const views = viewOf(g).rows;
    g.rows.forEach((_row, r) => {
      const v = views[r]!;
      if (!v.label || v.values.length === 0) return;
      // the last label cell names the row; the whole label is tried only when no row's pattern matches the last cell
      const onLast = matchesOf(specs, res, v.last);
      let k = onLast.find(open) ?? -1;
      if (k < 0 && !onLast.length) k = matchesOf(specs, res, v.label).find(open) ?? -1;
      const spec = specs[k];
      if (spec) {
        const chunks: Chunk[] = v.values.map((x) => ({
          text: x.text,
          offset: 0,
          atomic: true,
          loc: cellLoc(g, r, x.col, x.cell),
        }));
        // trailing blank cells beyond the template width are layout, not values
        while (chunks.length > spec.cells.length && chunks[chunks.length - 1]!.text.trim() === "") chunks.pop();
        // blank cells between the label columns and the values belong to the label area
        while (chunks.length > spec.cells.length && chunks[0]!.text.trim() === "") chunks.shift();
        found.set(spec.key, { spec, chunks, label: v.label, loc: { table: g.index, row: r, ...(g.sheet ? { sheet: g.sheet } : {}) } });
      }
    });
  }
  // table 四: a row of all its value cells (every block's columns) under a header that names 行政复议 and 尚未审结 — the
  // first with a digit, or, when no grid has one, the first with none (its cells printed blank, a dash or 无: the row
  // is there, not missing)
  const t4 = specs.find((s) => s.table === "t4");
  const width = t4?.cells.length ?? 0;
  const t4Row = (spec: RowSpec, digits: boolean): boolean => {
    outer: for (const g of grids) {
      const view = viewOf(g);
      for (let r = 0; r < g.rows.length; r++) {
        const v = view.rows[r]!;
        if (v.label) continue;
        const values = v.values.filter((x, i, a) => !(x.text.trim() === "" && i === a.length - 1 && a.length > width));
        if (values.length === width && values.some((x) => /\d/.test(x.text)) === digits) {
          // the header test, made (and the grid's text joined) only for a grid with a row that can be the one
          view.text ??= g.rows.map((row) => row.map((c) => c.text).join("")).join("");
          if (!/行政复议/.test(view.text) || !/审结/.test(view.text)) continue outer;
          found.set("t4", {
            spec,
            chunks: values.map((x) => ({
              text: x.text,
              offset: 0,
              atomic: true,
              loc: cellLoc(g, r, x.col, x.cell),
            })),
            label: "四、行政复议、行政诉讼",
            loc: { table: g.index, row: r },
          });
          return true;
        }
      }
    }
    return false;
  };
  if (t4 && !t4Row(t4, true)) t4Row(t4, false);
  return specs.map((s) => found.get(s.key)).filter((x): x is RowObs => !!x);
}

/** Renders grids as text lines (cells separated by two spaces), for edition detection, narrative and local tables. @internal */
export function gridText(g: Grid): string {
  return g.rows
    .map((row) => {
      const seen = new Set<number>();
      return row
        .filter((c) => {
          if (c.origin < 0) return true;
          if (seen.has(c.origin)) return false;
          seen.add(c.origin);
          return true;
        })
        .map((c) => c.text.replace(/\s+/g, ""))
        .join("  ");
    })
    .join("\n");
}
