import { MARKDOWN_TABLES } from "@gov-disclosure/core";
import { expandGrid, type Grid, gridBudget, type RawCell } from "./grid";

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
  let rows: RawCell[][] = [];
  let from = -1;
  let to = -1;
  const budget = gridBudget();
  const flush = () => {
    if (rows.length) {
      grids.push(expandGrid(rows, first + grids.length, undefined, budget));
      ranges.push([from, to]);
    }
    rows = [];
    from = -1;
  };
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    line++;
    const s = text.slice(start, end);
    const lead = s.length - s.trimStart().length;
    const bare = s.trim();
    if (bare === MARKDOWN_TABLES.begin) areaFrom = start;
    else if (bare === MARKDOWN_TABLES.end && areaFrom >= 0) {
      ranges.push([areaFrom, end]);
      areaFrom = -1;
    }
    if (s.trimStart().startsWith("|")) {
      if (from < 0) from = start;
      to = end;
      if (!SEPARATOR.test(s)) {
        const cells: RawCell[] = [];
        let off = lead + 1;
        const parts = s.slice(lead + 1).split("|");
        // the text after the last "|" is not a cell (it is empty when the row ends with a pipe)
        if (parts.length > 1 && parts[parts.length - 1]!.trim() === "") parts.pop();
        for (const part of parts) {
          const t = part.trim();
          const pad = part.length - part.trimStart().length;
          cells.push({ text: t, rowspan: 1, colspan: 1, line, column: off + pad + 1 });
          off += part.length + 1;
        }
        rows.push(cells);
      }
    } else if (s.trim() !== "" || rows.length) flush();
    if (nl < 0) break;
    start = nl + 1;
  }
  flush();
  return { grids, ranges };
}
