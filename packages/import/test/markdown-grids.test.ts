import { MARKDOWN_TABLES } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { expandGrid, GridLimitError, gridBudget, MAX_GRID_CELLS, MAX_GRID_TEXT, type RawCell } from "../src/grid";
import { markdownGrids, SEPARATOR_SOURCE } from "../src/markdown";
import { isSpaceCode } from "../src/normalize";
import { seeded } from "./random";

// The pipe tables as they were read before session 9, line by line with trim and split: the reference the reading by
// character codes must match exactly (cells, columns, lines, table ranges, table areas).
function byTrimAndSplit(text: string): { grids: unknown[]; ranges: [number, number][] } {
  const separator = new RegExp(SEPARATOR_SOURCE);
  const grids: unknown[] = [];
  const ranges: [number, number][] = [];
  let areaFrom = -1;
  let rows: RawCell[][] = [];
  let from = -1;
  let to = -1;
  const budget = gridBudget();
  const flush = () => {
    if (rows.length) {
      grids.push(expandGrid(rows, grids.length, undefined, budget));
      ranges.push([from, to]);
    }
    rows = [];
    from = -1;
  };
  let start = 0;
  let line = 0;
  for (;;) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? text.length : nl;
    line++;
    const s = text.slice(start, end);
    const bare = s.trim();
    if (bare === MARKDOWN_TABLES.begin) areaFrom = start;
    else if (bare === MARKDOWN_TABLES.end && areaFrom >= 0) {
      ranges.push([areaFrom, end]);
      areaFrom = -1;
    }
    if (s.trimStart().startsWith("|")) {
      if (from < 0) from = start;
      to = end;
      if (!separator.test(s)) {
        const lead = s.length - s.trimStart().length;
        const parts = s.slice(lead + 1).split("|");
        if (parts.length > 1 && parts[parts.length - 1]!.trim() === "") parts.pop();
        let off = lead + 1;
        rows.push(
          parts.map((part) => {
            const cell = { text: part.trim(), rowspan: 1, colspan: 1, line, column: off + part.length - part.trimStart().length + 1 };
            off += part.length + 1;
            return cell;
          }),
        );
      }
    } else if (bare !== "" || rows.length) flush();
    if (nl < 0) break;
    start = nl + 1;
  }
  flush();
  return { grids, ranges };
}

describe("markdownGrids", () => {
  it("counts as white space exactly what trim() removes", () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceCode(c), c.toString(16)).toBe(String.fromCharCode(c).trim() === "");
  });

  it("reads pipe tables as trim and split did, on 20,000 random texts", () => {
    const rnd = seeded(9);
    const pieces = [
      "|",
      "|",
      "|",
      " ",
      "\t",
      "\r",
      "\u3000",
      "\u00a0",
      "\ufeff",
      "\u2028",
      "\n",
      "\n",
      "-",
      "---",
      ":",
      "12",
      "中文",
      "x",
      "| --- |",
      "|:-:|",
      MARKDOWN_TABLES.begin,
      MARKDOWN_TABLES.end,
      "<b>",
      "<!--",
    ];
    for (let n = 0; n < 20_000; n++) {
      const parts: string[] = [];
      const count = rnd(40);
      for (let i = 0; i < count; i++) parts.push(pieces[rnd(pieces.length)] as string);
      const text = parts.join("");
      expect(markdownGrids(text), JSON.stringify(text)).toEqual(byTrimAndSplit(text));
    }
  });

  // The grid is built as the rows are read (no spans in Markdown): what expandGrid makes of the same rows, past the
  // 400 columns a grid keeps and up to the document's budget of slots and characters, which both spend in the same order.
  const outcome = (read: () => unknown) => {
    try {
      return read();
    } catch (e) {
      if (!(e instanceof GridLimitError)) throw e;
      return { what: e.what, size: e.size, limit: e.limit };
    }
  };

  it("keeps 400 columns of a wider row, numbering the cells past them as expandGrid does", () => {
    const row = (k: number, n: number) => `|${Array.from({ length: n }, (_, i) => ` c${k}.${i} `).join("|")}|`;
    const text = ["| a | b |", row(1, 450), row(2, 399), row(3, 401), "", "| x |", row(4, 700)].join("\n");
    const got = markdownGrids(text);
    expect(got.grids[0]!.rows.map((r) => r.length)).toEqual([2, 400, 399, 400]);
    expect(got).toEqual(byTrimAndSplit(text));
  });

  it("runs out of the grid budget at the same slot, with the same error, as expandGrid", () => {
    // 201 cells a row × 1,000 rows: past MAX_GRID_CELLS in the fourth table of 250 rows
    const wide = `|${" 1 |".repeat(201)}`;
    const tables = Array.from({ length: 4 }, () => Array.from({ length: 250 }, () => wide).join("\n")).join("\n\n");
    // cells of 1,001 characters: past MAX_GRID_TEXT
    const long = `| ${"字".repeat(1001)} | ${"字".repeat(1001)} |`;
    const texts = Array.from({ length: 600 }, () => long).join("\n");
    for (const text of [tables, texts, `${"| a |\n".repeat(10)}\n${texts}`]) {
      const got = outcome(() => markdownGrids(text));
      expect(got).toMatchObject({ what: expect.stringMatching(/^grid-/) });
      expect(got).toEqual(outcome(() => byTrimAndSplit(text)));
    }
    expect(outcome(() => markdownGrids(tables))).toMatchObject({ what: "grid-cells", limit: MAX_GRID_CELLS });
    expect(outcome(() => markdownGrids(texts))).toMatchObject({ what: "grid-text", limit: MAX_GRID_TEXT });
  });
});
