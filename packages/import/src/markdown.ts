import { MARKDOWN_TABLES } from "@gov-disclosure/core";
import { chargeGrid, type Grid, type GridBudget, type GridCell, gridBudget, MAX_GRID_COLUMNS } from "./grid";
import { isSpaceCode } from "./normalize";

/**
 * A pipe-table separator row ("| --- | :-: |"). Written so that no two quantifiers can share a run of blanks
 * (`[ \t]*\|?[ \t]*` could, and cost the square of a line of spaces): linear in the line. @internal
 */
export const SEPARATOR_SOURCE = "^[ \\t]*(?:\\|[ \\t]*)?:?-{3,}:?[ \\t]*(?:\\|[ \\t]*:?-{3,}:?[ \\t]*)*(?:\\|[ \\t]*)?$";
const SEPARATOR = new RegExp(SEPARATOR_SOURCE);

/**
 * Reads the pipe tables of Markdown (or PDF-converter text) as grids: consecutive lines that start with "|", the
 * separator row skipped, every cell atomic, with its line and column. Cells are never merged (Markdown cannot merge;
 * writers repeat merged labels in every covered cell). `first` is the index given to the first table. `ranges` are the
 * pipe tables' offsets and the table areas render marks (`MARKDOWN_TABLES`): none of them is prose. @internal
 */
export function markdownGrids(text: string, first = 0): { grids: Grid[]; ranges: [number, number][] } {
  const grids: Grid[] = [];
  const ranges: [number, number][] = [];
  let areaFrom = -1;
  // the rows are built as their grid at once, each cell with its origin (none spans: the grid `expandGrid` would make
  // of them, each slot charged to the budget in the same order; a test holds the two to each other)
  let rows: GridCell[][] = [];
  let origin = 0;
  let from = -1;
  let to = -1;
  const budget = gridBudget();
  const flush = () => {
    if (rows.length) {
      grids.push({ rows, index: first + grids.length });
      ranges.push([from, to]);
    }
    rows = [];
    origin = 0;
    from = -1;
  };
  let start = 0;
  let line = 0;
  // each line is read by its character codes: a row's cells are sliced once each, and a line of prose is not copied
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    line++;
    // the first character that is not white space (as `trim` counts it), `end` when there is none
    let i = start;
    while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
    // render's markers of the table area start with "<"
    if (text.charCodeAt(i) === 60) {
      const bare = text.slice(i, end).trim();
      if (bare === MARKDOWN_TABLES.begin) areaFrom = start;
      else if (bare === MARKDOWN_TABLES.end && areaFrom >= 0) {
        ranges.push([areaFrom, end]);
        areaFrom = -1;
      }
    }
    if (i < end && text.charCodeAt(i) === 124) {
      if (from < 0) from = start;
      to = end;
      // a separator row has a run of three dashes
      const s = text.slice(start, end);
      if (!(s.includes("---") && SEPARATOR.test(s))) {
        const row: GridCell[] = [];
        origin = pipeCells(text, i + 1, end, start, line, origin, budget, row);
        rows.push(row);
      }
    } else if (i < end || rows.length) flush();
    if (nl < 0) break;
    start = nl + 1;
  }
  flush();
  return { grids, ranges };
}

/**
 * The cells of a pipe row whose first "|" is just before `from` (the line ends at `end` and starts at `lineStart`),
 * pushed to `row`: the text between pipes, trimmed, with its 1-based column; the text after the last "|" is no cell
 * when it is blank. Cells are numbered from `origin` (the next number is returned); a cell past `MAX_GRID_COLUMNS`
 * is numbered but not kept, and each kept cell is charged to `budget`, as `expandGrid` does.
 */
function pipeCells(text: string, from: number, end: number, lineStart: number, line: number, origin: number, budget: GridBudget, row: GridCell[]): number {
  let a = from;
  let n = 0;
  for (;;) {
    let b = a;
    while (b < end && text.charCodeAt(b) !== 124) b++;
    const last = b === end;
    let p = a;
    while (p < b && isSpaceCode(text.charCodeAt(p))) p++;
    // the text after the last "|" of a row with more than one cell: a cell only when it holds something
    if (last && p === b && n > 0) break;
    let q = b;
    while (q > p && isSpaceCode(text.charCodeAt(q - 1))) q--;
    if (n < MAX_GRID_COLUMNS) {
      const cellText = text.slice(p, q);
      chargeGrid(budget, 1, cellText.length);
      row.push({ text: cellText, origin: origin + n, line, column: p - lineStart + 1 });
    }
    n++;
    if (last) break;
    a = b + 1;
  }
  return origin + n;
}
