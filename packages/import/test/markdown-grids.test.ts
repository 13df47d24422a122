import { MARKDOWN_TABLES } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { expandGrid, gridBudget, type RawCell } from "../src/grid";
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
});
