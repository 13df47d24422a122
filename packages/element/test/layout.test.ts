import { readFileSync } from "node:fs";
import { cellsOf, parseReportJson } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { entryLayout, type LayoutTable, layoutInputs } from "../src/layout";

/** Expands a layout onto a grid, as a browser would, and checks every row fills exactly `width` columns. */
function grid(t: LayoutTable): string[][] {
  const rows = [...t.head, ...t.body];
  const out: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (out[r]?.[c] !== undefined) c++;
      const rowspan = cell.kind === "head" ? cell.rowspan : 1;
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) (out[r + dr] as string[])[c + dc] = cell.kind === "head" ? cell.text : cell.def.id;
      c += cell.colspan;
    }
  });
  return out;
}

describe("entry layout in the official form", () => {
  for (const edition of ["gen2021", "gen2019", "gen2014"] as const) {
    it(`${edition}: every cell once, in order, on a rectangular grid`, () => {
      const tables = entryLayout(edition);
      const ids = layoutInputs(tables).map((i) => i.def.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(
        cellsOf(edition)
          .map((c) => c.id)
          .sort(),
      );
      for (const t of tables) for (const row of grid(t)) expect(row.filter((x) => x !== undefined).length).toBe(t.width);
    });
  }

  it("table 三 has the 勾稽关系 corner over 3×3, 7 applicant columns, and 三、本年度办理结果 spanning 22 rows (2021) / 20 (2019)", () => {
    for (const [edition, span, rows] of [
      ["gen2021", 22, 25],
      ["gen2019", 20, 23],
    ] as const) {
      const t3 = entryLayout(edition).find((t) => t.id === "t3") as LayoutTable;
      const corner = t3.head[0]?.[0];
      expect(corner).toMatchObject({ kind: "head", colspan: 3, rowspan: 3, corner: true });
      expect(corner?.kind === "head" && corner.text).toContain("勾稽关系");
      expect(t3.width).toBe(10);
      expect(t3.body.length).toBe(rows);
      const result = t3.body.flat().find((c) => c.kind === "head" && c.text === "三、本年度办理结果");
      expect(result).toMatchObject({ rowspan: span, scope: "rowgroup" });
      const g = grid(t3);
      expect(g[1]).toContain("法人或其他组织");
      expect(g[2]?.slice(3)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    }
  });

  it("table 四 is one row of 15 cells under 行政复议 and 行政诉讼", () => {
    const t4 = entryLayout("gen2021").find((t) => t.id === "t4") as LayoutTable;
    expect(t4.body.length).toBe(1);
    expect(layoutInputs([t4]).length).toBe(15);
    expect(t4.head[0]?.map((c) => (c.kind === "head" ? [c.text, c.colspan] : []))).toEqual([
      ["行政复议", 5],
      ["行政诉讼", 10],
    ]);
  });

  it("section 二 (2021): four 第二十条 blocks, single-column blocks spanning three columns", () => {
    const t2 = entryLayout("gen2021").find((t) => t.id === "t2") as LayoutTable;
    const blocks = t2.body.filter((r) => r.length === 1).map((r) => (r[0]?.kind === "head" ? r[0].text : ""));
    expect(blocks).toEqual(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]);
    const fee = layoutInputs([t2]).find((i) => i.def.id === "t2.fees.amount");
    expect(fee?.colspan).toBe(3);
  });

  it("every input is labelled with its official row and column labels, in the chosen language", () => {
    const zh = layoutInputs(entryLayout("gen2021"));
    const denied = zh.find((i) => i.def.id === "t3.denied_1.business");
    expect(denied?.label).toBe("三、本年度办理结果 （三）不予公开 1.属于国家秘密，法人或其他组织 商业企业");
    expect(zh.find((i) => i.def.id === "t4.direct.pending")?.label).toBe("行政诉讼 未经复议直接起诉，尚未审结");
    expect(new Set(zh.map((i) => i.label)).size).toBe(zh.length);
    const en = layoutInputs(entryLayout("gen2021", "en"));
    expect(en.find((i) => i.def.id === "t3.new.natural")?.label).toBe("I. New applications this year, Natural persons");
    const old = layoutInputs(entryLayout("gen2014"));
    expect(new Set(old.map((i) => i.label)).size).toBe(old.length);
  });

  it("the 2014 table keeps its 7 header rows with —— and a unit column", () => {
    const t = entryLayout("gen2014")[0] as LayoutTable;
    expect(t.body.length).toBe(65);
    expect(t.body.filter((r) => r.some((c) => c.kind === "head" && c.text === "——" && c.filler)).length).toBe(7);
  });

  it("a local table (Pingtan 2017) lays out its declared rows with 本年度 / 历年累计", () => {
    const parsed = parseReportJson(readFileSync(new URL("../../../fixtures/canonical/pingtan-2017.json", import.meta.url), "utf8"));
    if (!parsed.success) throw new Error("fixture");
    const r = parsed.report;
    const [t] = entryLayout("local", "zh-CN", r.local);
    expect(t?.body.length).toBe(r.local?.rows.length);
    expect(layoutInputs(t ? [t] : []).length).toBe(Object.keys(cellsOf("local", r.local?.rows)).length);
  });
});
