// gridRows keeps each grid's row view on the grid itself (not in a WeakMap, whose values V8's young-generation
// collections keep alive): the view must not show in the grid, must not change what a second call reads, and a grid
// that takes no properties is read the same.
import { describe, expect, it } from "vitest";
import { gridRows } from "../src/grid";
import { markdownGrids } from "../src/markdown";
import { rowSpecs } from "../src/templates";

const TABLES = [
  "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
  "| --- | --- | --- | --- |",
  "| 规章 | 1 | 2 | 3 |",
  "| 规范性文件 | 4 | 5 | 6 |",
  "",
  "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
  "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
].join("\n");

/** What gridRows found, as plain data (specs by key, the cells' text and where they stand). */
const read = (obs: ReturnType<typeof gridRows>) =>
  obs.map((o) => ({ key: o.spec.key, label: o.label, cells: o.chunks.map((c) => [c.text, c.loc?.row, c.loc?.col]) }));

describe("gridRows", () => {
  const specs = rowSpecs("gen2021");
  const all = [...specs.t2, ...specs.t4];

  it("reads the rows of table 二 and table 四's values, the same on a second call and on a frozen grid", () => {
    const { grids } = markdownGrids(TABLES);
    const first = read(gridRows(grids, all));
    expect(first.map((o) => o.key)).toEqual(expect.arrayContaining(["t4"]));
    expect(first.find((o) => o.key === "t4")?.cells.map((c) => c[0])).toEqual(["1", "0", "0", "0", "1", ...Array(10).fill("0")]);
    expect(first.length).toBeGreaterThanOrEqual(3);
    // the view is cached on the grid: a second call reads the same, and the grid shows nothing new
    expect(read(gridRows(grids, all))).toEqual(first);
    for (const g of grids) {
      expect(Object.keys(g)).toEqual(["rows", "index"]);
      // (a copy of the grid carries no view: the property is not enumerable)
      expect(Object.getOwnPropertySymbols({ ...g })).toEqual([]);
    }
    expect(JSON.stringify(grids)).toBe(JSON.stringify(markdownGrids(TABLES).grids));
    // a grid that takes no properties is read all the same (its view is worked out each time)
    const frozen = markdownGrids(TABLES).grids.map((g) => Object.freeze(g));
    expect(read(gridRows(frozen, all))).toEqual(first);
    expect(read(gridRows(frozen, all))).toEqual(first);
  });

  it("reads table 四's row printed blank (or dashes) as there, and prefers any row with a digit", () => {
    const header = TABLES.split("\n").slice(5, 8).join("\n");
    const blank = `|${"   |".repeat(15)}`;
    const dashes = `|${" — |".repeat(15)}`;
    const digits = `|${" 0 |".repeat(14)} 2 |`;
    const t4 = (text: string) => {
      const o = gridRows(markdownGrids(text).grids, rowSpecs("gen2021").t4).find((x) => x.spec.key === "t4");
      return o?.chunks.map((c) => c.text);
    };
    expect(t4(`${header}\n${blank}`)).toEqual(Array(15).fill(""));
    expect(t4(`${header}\n${dashes}`)).toEqual(Array(15).fill("—"));
    // a row with a digit wins over a blank one, in its grid or a later one
    expect(t4(`${header}\n${blank}\n${digits}`)).toEqual([...Array(14).fill("0"), "2"]);
    expect(t4(`${header}\n${blank}\n\n${header}\n${digits}`)).toEqual([...Array(14).fill("0"), "2"]);
    // no header naming 行政复议 and 审结: no table 四
    expect(t4(`| a | b |\n| --- | --- |\n${blank}`)).toBeUndefined();
  });
});
