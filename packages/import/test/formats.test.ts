import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { importReport, importText, readHtml } from "../src/index";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/real");
const read = (f: string) => readFileSync(join(DIR, f), "utf8");

/** A minimal real .docx (WordprocessingML in a zip) holding the given tables, merged cells included. */
function docx(paragraphs: string[], tables: { text: string; span?: number; vmerge?: "restart" | "continue" }[][][]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const tbl = (rows: { text: string; span?: number; vmerge?: "restart" | "continue" }[][]) =>
    `<w:tbl>${rows
      .map(
        (r) =>
          `<w:tr>${r
            .map(
              (c) =>
                `<w:tc><w:tcPr>${c.span ? `<w:gridSpan w:val="${c.span}"/>` : ""}${c.vmerge ? `<w:vMerge w:val="${c.vmerge}"/>` : ""}</w:tcPr>${p(c.vmerge === "continue" ? "" : c.text)}</w:tc>`,
            )
            .join("")}</w:tr>`,
      )
      .join("")}</w:tbl>`;
  const body = paragraphs.map(p).join("") + tables.map(tbl).join(p(""));
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

/** The tables of the real Shanghai 2019 page, as rows of cell texts with their spans. */
function shanghaiTables() {
  const html = read("shanghai-govoffice-2019.html");
  const h = readHtml(html);
  return h.grids.map((g) =>
    g.rows.map((row) => {
      const out: { text: string; span?: number; vmerge?: "restart" | "continue" }[] = [];
      row.forEach((c, i) => {
        if (i > 0 && row[i - 1]!.origin === c.origin) {
          out[out.length - 1] = { ...out[out.length - 1]!, span: (out[out.length - 1]!.span ?? 1) + 1 };
          return;
        }
        out.push({ text: c.text });
      });
      return out;
    }),
  );
}

describe("Word", () => {
  it("reads the real Shanghai 2019 tables from a .docx through mammoth", async () => {
    const bytes = docx(["2019年上海市人民政府办公厅政府信息公开工作年度报告", "二、主动公开政府信息情况"], shanghaiTables());
    const r = await importReport(bytes, { filename: "report.docx" });
    expect(r.evidence.format).toBe("docx");
    expect(r.edition).toBe("gen2019");
    const c = r.report!.cells;
    expect(c["t3.new.total"]).toEqual({ kind: "count", value: 859 });
    expect(c["t3.granted.natural"]).toEqual({ kind: "count", value: 258 });
    expect(c["t3.total.total"]).toEqual({ kind: "count", value: 805 });
    expect(c["t4.review.total"]).toEqual({ kind: "count", value: 7 });
    expect(c["t2.rules.total"]).toEqual({ kind: "count", value: 524 });
    expect(r.report!.sources["t3.new.total"]).toMatchObject({ table: expect.any(Number), row: expect.any(Number), raw: "859" });
  });
});

describe("Excel", () => {
  it("reads a county's filled-in grid by its labels", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表三");
    ws.addRow(["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "", "", "申请人情况"]);
    ws.addRow(["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]);
    ws.addRow(["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]);
    const t3 = read("pingtan-2021.txt");
    void t3;
    ws.addRow(["一、本年新收政府信息公开申请数量", "", "", 64, 0, 0, 2, 0, 4, 70]);
    ws.addRow(["二、上年结转政府信息公开申请数量", "", "", 0, 0, 0, 0, 0, 0, 0]);
    ws.addRow(["三、本年度办理结果", "（一）予以公开", "", 27, 0, 0, 2, 0, 1, 30]);
    ws.addRow(["三、本年度办理结果", "（七）总计", "", 63, 0, 0, 2, 0, 4, 69]);
    ws.addRow(["四、结转下年度继续办理", "", "", 1, 0, 0, 0, 0, 0, 1]);
    ws.mergeCells("A1:C3");
    ws.mergeCells("A6:A7");
    const t2 = wb.addWorksheet("表二");
    t2.addRow(["第二十条第（一）项"]);
    t2.addRow(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]);
    t2.addRow(["行政规范性文件", 69, 3, 665]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importReport(bytes, { filename: "t.xlsx" });
    expect(r.evidence.format).toBe("xlsx");
    expect(r.edition).toBe("gen2021");
    expect(r.report!.cells["t3.new.natural"]).toEqual({ kind: "count", value: 64 });
    expect(r.report!.cells["t3.total.total"]).toEqual({ kind: "count", value: 69 });
    expect(r.report!.cells["t2.normative.in_force"]).toEqual({ kind: "count", value: 665 });
    expect(r.report!.sources["t3.new.natural"]?.sheet).toBe("表三");
  });

  it("reads render's workbook through the _gov_disclosure cell map", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("统计表");
    ws.getCell("C5").value = 17;
    ws.getCell("C9").value = "5";
    const map = wb.addWorksheet("_gov_disclosure", { state: "hidden" });
    map.addRow(["cellId", "sheet", "address"]);
    map.addRow(["old.C1", "统计表", "C5"]);
    map.addRow(["old.H4", "统计表", "C9"]);
    wb.addWorksheet("_meta").getCell("A1").value = JSON.stringify({ version: 1, edition: "gen2014", meta: { body: "泰顺县人民政府", year: 2018 } });
    const r = await importReport(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(r.edition).toBe("gen2014");
    expect(r.report!.cells["old.C1"]).toEqual({ kind: "count", value: 17 });
    expect(r.report!.cells["old.H4"]?.kind).toBe("money");
    expect(r.report!.sources["old.C1"]).toMatchObject({ sheet: "统计表", raw: "17" });
  });

  it("drops a map row naming a cell the edition lacks, whatever its name (Object.prototype's too)", async () => {
    const book = async (extra: string[]) => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("统计表").getCell("C5").value = 17;
      const map = wb.addWorksheet("_gov_disclosure", { state: "hidden" });
      map.addRow(["cellId", "sheet", "address"]);
      map.addRow(["old.C1", "统计表", "C5"]);
      for (const id of extra) map.addRow([id, "统计表", "C5"]);
      wb.addWorksheet("_meta").getCell("A1").value = JSON.stringify({ version: 1, edition: "gen2014", meta: { year: 2018 } });
      return importReport(new Uint8Array(await wb.xlsx.writeBuffer()));
    };
    const plain = await book(["old.ZZ"]);
    const odd = await book(["constructor", "toString", "hasOwnProperty", "__proto__", "old.ZZ"]);
    expect(odd.issues.map((i) => i.code)).toEqual(plain.issues.map((i) => i.code));
    expect(odd.report!.cells).toEqual(plain.report!.cells);
    expect(Object.keys(odd.report!.sources)).toEqual(["old.C1"]);
  });
});

describe("encodings and JSON", () => {
  it("reads GB18030 bytes and a UTF-8 BOM the same as UTF-8", async () => {
    const text = read("taishun-2018.txt");
    const gbk = await importReport(new Uint8Array(iconv.encode(text, "gb18030")));
    const bom = await importReport(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(gbk.evidence.encoding).toBe("gb18030");
    expect(gbk.report!.cells["old.A1"]).toEqual({ kind: "count", value: 22727 });
    expect(bom.report!.cells).toEqual(gbk.report!.cells);
  });
  it("reads full-width digits, thousands separators, signs and dashes in cells", () => {
    const html = `<p>2019年某局政府信息公开工作年度报告</p><table><tr><td>第二十条第（五）项</td></tr><tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
      <tr><td>行政许可</td><td>１，２３４</td><td>−8</td><td>—</td></tr><tr><td>行政处罚</td><td>12</td><td>+1036</td><td>无</td></tr></table>`;
    const r = importText(html, { edition: "gen2019" });
    const c = r.report!.cells;
    expect(c["t2.licensing.prev"]).toEqual({ kind: "count", value: 1234 });
    expect(c["t2.licensing.change"]).toEqual({ kind: "count", value: -8 });
    expect(c["t2.licensing.decisions"]).toEqual({ kind: "na", raw: "—" });
    expect(c["t2.penalty.change"]).toEqual({ kind: "count", value: 1036 });
    expect(c["t2.penalty.decisions"]).toEqual({ kind: "none", raw: "无" });
  });
  it("reads canonical JSON through core", () => {
    const r = importText(readFileSync(join(DIR, "../canonical/taishun-2018.json"), "utf8"));
    expect(r.evidence.format).toBe("json");
    expect(r.report!.cells["old.A1"]).toEqual({ kind: "count", value: 22727 });
  });
  it("maps narrative numbers to claims, with Chinese numerals, 万 and hedges", () => {
    const base = read("taishun-2018.txt");
    const r = importText(
      base.replace("全县主动公开政府信息22727条", "全县主动公开政府信息约2.27万条").replace("政府信息公开申请17件", "政府信息公开申请十七件"),
    );
    const claims = r.report!.claims!;
    expect(claims.find((c) => c.cell === "old.A1")).toMatchObject({ value: "22700", approximate: true });
    expect(claims.find((c) => c.cell === "old.C1")).toMatchObject({ value: "17" });
  });
});
