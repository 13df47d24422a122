// The XLSX contract with @gov-disclosure/import, proven by reading the workbook back with exceljs.
import { blankReport, type CellDef, encodeCell, type Report, tablesOf } from "@gov-disclosure/core";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderXlsx } from "../src/index";
import { pingtan2021, shanghai2019, taishun2018 } from "./fixtures";
import { hostileLocal } from "./hostile";

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const cellIds = (r: Report): CellDef[] => tablesOf(r.edition, r.local?.rows ?? [], r.local?.columns).flatMap((t) => t.cells);

/** What the workbook must hold for a cell: counts as numbers, money as exact text or exact number, blank empty, glyphs as text. */
function expectedValue(r: Report, id: string): unknown {
  const v = r.cells[id];
  if (!v || v.kind === "blank") return null;
  return encodeCell(v);
}

describe.each([
  ["taishun-2018", taishun2018],
  ["shanghai-2019", shanghai2019],
  ["pingtan-2021", pingtan2021],
  ["hostile local table", hostileLocal],
] as const)("%s", (_name, make) => {
  it("maps every cell id to a sheet and address that holds its value", async () => {
    const report = make();
    const wb = await load(await renderXlsx(report));
    const map = wb.getWorksheet("_gov_disclosure");
    expect(map?.state).toBe("hidden");
    const rows = (map?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    expect(rows[0]?.slice(1)).toEqual(["cellId", "sheet", "address"]);
    const mapped = new Map(rows.slice(1).map((r) => [r[1] as string, { sheet: r[2] as string, address: r[3] as string }]));
    const defs = cellIds(report);
    expect([...mapped.keys()].sort()).toEqual(defs.map((d) => d.id).sort());
    const seen = new Set<string>();
    for (const d of defs) {
      const at = mapped.get(d.id);
      if (!at) throw new Error(`unmapped ${d.id}`);
      const key = `${at.sheet}!${at.address}`;
      expect(seen.has(key), `${key} used twice`).toBe(false);
      seen.add(key);
      const cell = wb.getWorksheet(at.sheet)?.getCell(at.address);
      if (!cell) throw new Error(`no cell ${key}`);
      const want = expectedValue(report, d.id);
      const v = report.cells[d.id];
      if (want === null) expect(cell.value, d.id).toBeNull();
      else if (v?.kind === "count") {
        expect(cell.type, d.id).toBe(ExcelJS.ValueType.Number);
        expect(cell.value, d.id).toBe(want);
      } else if (v?.kind === "money") {
        // Exact: either the decimal text itself, or a number whose value is exactly that decimal.
        if (typeof cell.value === "number") expect(String(cell.value)).toBe(want);
        else expect(cell.value, d.id).toBe(want);
      } else {
        expect(cell.type, d.id).toBe(ExcelJS.ValueType.String);
        // XML normalises a carriage return in text to a line feed; everything else comes back exactly.
        expect(cell.value, d.id).toBe(String(want).replace(/\r\n?/g, "\n"));
      }
      expect(cell.formula, d.id).toBeUndefined();
    }
  });

  it("keeps the report's identity in _meta!A1", async () => {
    const report = make();
    const wb = await load(await renderXlsx(report));
    const meta = wb.getWorksheet("_meta");
    expect(meta?.state).toBe("hidden");
    const json = JSON.parse(String(meta?.getCell("A1").value));
    expect(json).toEqual({ version: 1, edition: report.edition, meta: report.meta, local: report.local ?? null });
  });
});

describe("layout", () => {
  it("merges the official header cells of table 三 (2021) and writes Pingtan's fee as exact text", async () => {
    const wb = await load(await renderXlsx(pingtan2021()));
    const ws = wb.getWorksheet("三、依申请公开");
    if (!ws) throw new Error("no sheet 三");
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    // The grid starts on row 3: the 勾稽关系 corner is 3 rows × 3 columns, 申请人情况 spans the 7 applicant columns.
    expect(merges).toContain("A3:C5");
    expect(merges).toContain("D3:J3");
    expect(merges).toContain("E4:I4");
    // 三、本年度办理结果: 22 rows in 2021 (rows 8–29); （三）不予公开: 8 rows; （六）其他处理: 3 rows.
    expect(merges).toContain("A8:A29");
    expect(ws.getCell("A8").value).toBe("三、本年度办理结果");
    expect(merges).toContain("B10:B17");
    expect(merges).toContain("B26:B28");
    expect(String(ws.getCell("A3").value)).toContain("勾稽关系");
    const t2 = wb.getWorksheet("二、主动公开");
    const fee = t2?.getCell("B16");
    expect(fee?.value).toBe("24252.311082");
    expect((t2?.model as unknown as { merges: string[] } | undefined)?.merges).toContain("B16:D16");
  });

  it("a blank workbook per edition has every cell mapped and empty", async () => {
    for (const edition of ["gen2014", "gen2019", "gen2021"] as const) {
      const report = blankReport(edition);
      const wb = await load(await renderXlsx(report));
      const rows = (wb.getWorksheet("_gov_disclosure")?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
      expect(rows.length - 1).toBe(cellIds(report).length);
      for (const r of rows.slice(1)) expect(wb.getWorksheet(r[2] as string)?.getCell(r[3] as string).value).toBeNull();
      if (edition !== "gen2014") expect(wb.getWorksheet("正文")?.getCell("B2").value).toBe("一、总体情况");
    }
  });

  it("writes money as a number only when the double is exact", async () => {
    const { createReport } = await import("@gov-disclosure/core");
    const r = createReport({ edition: "gen2021", cells: { "t2.fees.amount": "0.5" } });
    const wb = await load(await renderXlsx(r));
    expect(wb.getWorksheet("二、主动公开")?.getCell("B16").value).toBe(0.5);
    const r2 = createReport({ edition: "gen2021", cells: { "t2.fees.amount": "0.1" } });
    const wb2 = await load(await renderXlsx(r2));
    expect(wb2.getWorksheet("二、主动公开")?.getCell("B16").value).toBe("0.1");
  });
});
