// Local-edition tables (指标名称 | 计量单位 | 本年度 | 历年累计) from every tabular format, and text in their cells.
import { type Report, validateReport } from "@gov-disclosure/core";
import { breakReport, generateReport, toFlattenedText } from "@gov-disclosure/generator";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importReport, importText } from "../src/index";

const SEEDS = [1, 2, 3, 7, 11];

const cellText = (r: Report, id: string): string => {
  const v = r.cells[id];
  if (!v) return "";
  if (v.kind === "count") return String(v.value);
  if (v.kind === "money") return v.value.toFixed();
  return "raw" in v ? String(v.raw) : "";
};

/** The table's rows as cell texts, laid out as render lays out a local table. */
function tableRows(r: Report): string[][] {
  const local = r.local!;
  const columns = local.columns ?? ["本年度", "历年累计"];
  return [
    ["指标名称", "计量单位", columns[0]!, "历年累计"],
    ...local.rows.map((row) => [row.label, row.unit, cellText(r, `local.${row.id}.current`), cellText(r, `local.${row.id}.cumulative`)]),
  ];
}

const title = (r: Report) => `${r.meta.body ?? ""}${r.meta.year ?? ""}年政府信息公开工作年度报告`;

const markdown = (r: Report) =>
  [
    `# ${title(r)}`,
    "",
    "## 六、政府信息公开情况统计表",
    "",
    ...tableRows(r).flatMap((row, i) => [`| ${row.join(" | ")} |`, ...(i === 0 ? ["| --- | --- | --- | --- |"] : [])]),
    "",
  ].join("\n");

const html = (r: Report) =>
  `<h1>${title(r)}</h1><h2>六、政府信息公开情况统计表</h2><table>${tableRows(r)
    .map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</table>`;

async function xlsx(r: Report): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("统计表");
  ws.addRow([title(r)]);
  for (const row of tableRows(r)) ws.addRow(row.map((c) => (/^\d+$/.test(c) ? Number(c) : c)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function expectSameTable(got: Report | undefined, want: Report) {
  expect(got, "a report").toBeDefined();
  expect(got!.edition).toBe("local");
  expect(got!.local!.rows.map((r) => [r.label.replace(/[:：]/g, ":"), r.unit, r.parent ?? ""])).toEqual(
    want.local!.rows.map((r) => [r.label.replace(/[:：]/g, ":"), r.unit, r.parent ?? ""]),
  );
  expect(got!.cells).toEqual(want.cells);
}

describe("local tables are read from Markdown, HTML and XLSX grids, not only from flattened text", () => {
  for (const seed of SEEDS) {
    const r = generateReport({ edition: "local", seed });
    it(`seed ${seed}: Markdown pipe table`, () => {
      const got = importText(markdown(r), { filename: "a.md" });
      expectSameTable(got.report, r);
      // each value keeps its line and column in the Markdown
      const src = got.report!.sources["local.r1.current"]!;
      expect(src.line).toBeGreaterThan(1);
      expect(src.raw).toBe(cellText(r, "local.r1.current"));
    });
    it(`seed ${seed}: HTML table`, () => expectSameTable(importText(html(r), { filename: "a.html" }).report, r));
    it(`seed ${seed}: XLSX grid`, async () => {
      const got = await importReport(await xlsx(r), { filename: "a.xlsx" });
      expectSameTable(got.report, r);
      expect(got.report!.sources["local.r1.cumulative"]?.sheet).toBe("统计表");
    });
  }
});

describe("text in a numeric cell of a local table is kept as text, so CELL-NOT-NUMERIC fires", () => {
  const seeds = [503196348, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  // "131条" (a count with its unit word) is read as the count 131 by design; only real text is a text cell
  const broken = seeds
    .map((s) => breakReport(generateReport({ edition: "local", seed: s }), "text-in-cell", s))
    .filter((b) => {
      const v = b.report.cells[b.mutatedCells[0]!];
      return v?.kind === "text" && !/^\d+(条|件|次|篇|个|人次|人)$/.test(v.raw);
    });
  const writers: [string, (r: Report) => string | Promise<Uint8Array>, string][] = [
    ["lines text", (r) => toFlattenedText(r, { style: "lines" }), "a.txt"],
    ["Markdown", markdown, "a.md"],
    ["HTML", html, "a.html"],
    ["XLSX", xlsx, "a.xlsx"],
  ];
  it("the breaks tested include the hostile suite's seed", () => {
    expect(broken.length).toBeGreaterThanOrEqual(5);
    expect(broken[0]!.report.cells["local.r10.current"]).toEqual({ kind: "text", raw: "详见附件" });
  });
  for (const [name, write, filename] of writers)
    it(name, async () => {
      for (const b of broken) {
        const cell = b.mutatedCells[0]!;
        const r = await importReport(await write(b.report), { filename });
        expect(r.report, b.note).toBeDefined();
        expect(r.report!.cells[cell], b.note).toEqual(b.report.cells[cell]);
        const notNumeric = r.issues.filter((d) => d.code === "IMPORT-CELL-NOT-NUMERIC");
        expect(notNumeric.map((d) => d.cells)).toEqual([[cell]]);
        // the issue says where the text was
        expect(notNumeric[0]!.source?.raw).toBe((b.report.cells[cell] as { raw: string }).raw);
        expect(validateReport(r.report!).findings.some((f) => f.status === "fail" && f.code === "CELL-NOT-NUMERIC" && f.cells.includes(cell))).toBe(true);
        // and every other cell is read as written
        expect(r.report!.cells).toEqual(b.report.cells);
      }
    });
});
