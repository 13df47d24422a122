import { readFileSync } from "node:fs";
import { encodeCell, type LocalRow } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { importReport } from "../../src/index";
import { readPdf } from "../../src/pdf/index";

// A local two-column table (指标名称 | 计量单位 | 2011年度 | 历年累计) as render prints it (indented child rows, the unit
// in a column of its own, the caption 政府信息公开统计表 above), printed by Chromium with a page break inside the table.
const pdf = new Uint8Array(readFileSync(new URL("fixtures/local-2011-chromium.pdf", import.meta.url)));
const expected = JSON.parse(readFileSync(new URL("fixtures/local-2011-chromium.expected.json", import.meta.url), "utf8")) as {
  rows: LocalRow[];
  cells: Record<string, unknown>;
};

describe("readPdf: a local table printed by Chromium over a page break", async () => {
  const doc = await readPdf(pdf);
  if (!doc.ok) throw new Error(doc.code);
  const grid = doc.grids.find((g) => g.rows.some((r) => r.some((c) => c.text === "历年累计")))!;

  it("is one table over both pages, the caption and the repeated header not read as rows", () => {
    expect(doc.grids.filter((g) => g.rows.some((r) => r.some((c) => c.text === "历年累计")))).toHaveLength(1);
    expect(grid.pages).toEqual([1, 2]);
    expect(grid.rows.length - grid.headerRows).toBe(expected.rows.length);
  });

  it("keeps the unit column on the value side, under its header: every row has its own label", () => {
    const header = grid.rows[grid.headerRows - 1]!.map((c) => c.text);
    expect(header.slice(grid.labelColumns)).toEqual(["计量单位", "2011年度", "历年累计"]);
    const body = grid.rows.slice(grid.headerRows);
    expect(body.map((r) => r[0]!.text)).toEqual(expected.rows.map((r) => r.label));
    expect(body.map((r) => r[grid.labelColumns]!.text)).toEqual(expected.rows.map((r) => r.unit));
    // an indented row's label is its own, never the row above it spread as a group label
    for (const r of body) expect(new Set(r.slice(0, grid.labelColumns).map((c) => c.origin)).size).toBe(1);
  });
});

describe("importReport: the local table's PDF gives every row and every figure exactly", () => {
  it("rows, units, parents and cells as generated", async () => {
    const r = await importReport(pdf, { filename: "local-2011-chromium.pdf" });
    expect(r.edition).toBe("local");
    expect(r.report?.local?.rows).toEqual(expected.rows);
    const cells = Object.fromEntries(Object.entries(r.report?.cells ?? {}).map(([id, v]) => [id, encodeCell(v)]));
    expect(cells).toEqual(Object.fromEntries(Object.entries(expected.cells).map(([id, v]) => [id, encodeCell(v as never)])));
    expect(r.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });
});
