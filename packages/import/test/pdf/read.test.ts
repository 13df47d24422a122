import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type PdfDoc, type PdfGrid, readPdf } from "../../src/pdf/index";

const root = new URL("../../../../", import.meta.url);
const bytes = (path: string) => new Uint8Array(readFileSync(new URL(path, root)));
const hongze = bytes("fixtures/real/hongze-district-2024.pdf");
const chromium = bytes("fixtures/pdf/pingtan-2021-chromium.pdf");
const libreoffice = bytes("fixtures/pdf/pingtan-2021-libreoffice.pdf");
const canonical = JSON.parse(readFileSync(new URL("fixtures/canonical/pingtan-2021.json", root), "utf8")) as {
  cells: Record<string, number | string>;
};

const norm = (s: string) => s.replace(/\s+/g, "");

async function read(b: Uint8Array): Promise<PdfDoc> {
  const r = await readPdf(b);
  if (!r.ok) throw new Error(`${r.code} ${JSON.stringify(r.params)}`);
  return r;
}

interface Row {
  readonly grid: PdfGrid;
  readonly labels: string[];
  readonly values: string[];
  readonly index: number;
}

/** The data rows of every grid: distinct label cells, then the value cells. */
function rows(doc: PdfDoc): Row[] {
  return doc.grids.flatMap((g) =>
    g.rows.slice(g.headerRows).map((row, i) => {
      const seen = new Set<number>();
      const labels = row
        .slice(0, g.labelColumns)
        .filter((c) => !seen.has(c.origin) && seen.add(c.origin))
        .map((c) => c.text);
      return { grid: g, labels, values: row.slice(g.labelColumns).map((c) => c.text), index: g.headerRows + i };
    }),
  );
}

/** The row whose own (last) label matches. */
function row(doc: PdfDoc, re: RegExp): Row {
  const found = rows(doc).filter((r) => re.test(norm(r.labels[r.labels.length - 1] ?? "")));
  expect(
    found.map((r) => r.labels.join("/")),
    `one row for ${re}`,
  ).toHaveLength(1);
  return found[0]!;
}

const T3_ROWS = [
  "new",
  "carry_in",
  "granted",
  "partial",
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `denied_${n}`),
  ...[1, 2, 3].map((n) => `unable_${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `rejected_${n}`),
  ...[1, 2, 3].map((n) => `other_${n}`),
  "total",
  "carry_out",
];
const T3_COLS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];
const T4 = ["review", "direct", "after_review"].flatMap((b) => ["upheld", "corrected", "other", "pending", "total"].map((c) => `t4.${b}.${c}`));
const t3Expected = T3_ROWS.map((r) => T3_COLS.map((c) => String(canonical.cells[`t3.${r}.${c}`])));

describe("readPdf: the hongze 2024 report (WPS export)", async () => {
  const doc = await read(hongze);

  it("reads five pages and the document information", () => {
    expect(doc.pages).toBe(5);
    expect(doc.info.Creator).toMatch(/WPS/);
    expect(doc.warnings).toEqual([]);
  });

  it("puts table 二's figures in their rows and columns", () => {
    expect(row(doc, /^规章$/).values).toEqual(["0", "0", "0"]);
    expect(row(doc, /^行政规范性文件$/).values).toEqual(["3", "0", "8"]);
    expect(row(doc, /^行政许可$/).values).toEqual(["9487"]);
    expect(row(doc, /^行政处罚$/).values).toEqual(["2776"]);
    expect(row(doc, /^行政强制$/).values).toEqual(["84"]);
    expect(row(doc, /^行政事业性收费$/).values).toEqual(["7545"]);
  });

  it("puts table 三's figures in their rows and columns, over the page break", () => {
    const t3 = row(doc, /本年新收/).grid;
    expect(t3.pages).toEqual([3, 4]);
    expect(row(doc, /本年新收/).values).toEqual(["95", "0", "0", "0", "0", "0", "95"]);
    expect(row(doc, /上年结转/).values).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
    expect(row(doc, /予以公开/).values).toEqual(["50", "0", "0", "0", "0", "0", "50"]);
    expect(row(doc, /危及"?“?三安全一稳定/).values).toEqual(["1", "0", "0", "0", "0", "0", "1"]);
    expect(row(doc, /属于四类过程性信息/).values).toEqual(["1", "0", "0", "0", "0", "0", "1"]);
    expect(row(doc, /属于行政执法案卷/).values).toEqual(["1", "0", "0", "0", "0", "0", "1"]);
    expect(row(doc, /本机关不掌握/).values).toEqual(["31", "0", "0", "0", "0", "0", "31"]);
    // first row after the page break
    expect(row(doc, /没有现成信息/).values).toEqual(["1", "0", "0", "0", "0", "0", "1"]);
    expect(row(doc, /没有现成信息/).grid).toBe(t3);
    expect(row(doc, /信访举报投诉/).values).toEqual(["1", "0", "0", "0", "0", "0", "1"]);
    expect(row(doc, /（七）总计/).values).toEqual(["95", "0", "0", "0", "0", "0", "95"]);
    expect(row(doc, /结转下年度/).values).toEqual(["0", "0", "0", "0", "0", "0", "0"]);
    // every data row of the table has its seven values
    const body = rows(doc).filter((r) => r.grid === t3);
    expect(body).toHaveLength(23);
    for (const r of body) expect(r.values.filter((v) => /^\d+$/.test(v))).toHaveLength(7);
  });

  it("joins labels wrapped over two lines to the figures printed between them", () => {
    expect(row(doc, /部分公开/).labels.at(-1)).toBe("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
    expect(row(doc, /部分公开/).values).toEqual(["9", "0", "0", "0", "0", "0", "9"]);
    expect(norm(row(doc, /要求行政机关确认/).labels.at(-1)!)).toBe("5.要求行政机关确认或重新出具已获取信息");
  });

  it("reads group labels and the vertical row header as row headers, not as rows or values", () => {
    expect(row(doc, /属于国家秘密/).labels.slice(-2, -1)).toEqual(["（三）不予公开"]);
    expect(row(doc, /补正后申请内容/).labels.slice(-2, -1)).toEqual(["（四）无法提供"]);
    expect(row(doc, /信访举报投诉/).labels.slice(-2, -1)).toEqual(["（五）不予处理"]);
    expect(row(doc, /重新出具/).labels.slice(-2, -1)).toEqual(["（五）不予处理"]);
    // the vertical 三、本年度办理结果 heads the outcome rows (PDF.js drops the glyphs after 三、本 in this file)
    for (const re of [/予以公开/, /属于国家秘密/, /没有现成信息/, /（七）总计/]) expect(row(doc, re).labels[0]).toMatch(/^三、/);
    for (const re of [/本年新收/, /结转下年度/]) expect(row(doc, re).labels[0]).not.toMatch(/^三、/);
    expect(rows(doc).some((r) => r.values.some((v) => /[三本]/.test(v)))).toBe(false);
  });

  it("reads table 四 under its three-tier header, with 总 计 as one word", () => {
    const t4 = rows(doc).find((r) => r.values.length === 15);
    expect(t4?.values).toEqual(["1", "1", "0", "0", "2", "1", "0", "0", "0", "1", "2", "0", "1", "0", "3"]);
    const header = t4!.grid.rows.slice(0, t4!.grid.headerRows).flat();
    const words = header.map((c) => c.text);
    for (const w of ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
      expect(words).toContain(w);
    expect(words).not.toContain("总 计");
  });

  it("gives every value its page, position and raw text", () => {
    const cell = row(doc, /本年新收/)
      .grid.rows.find((r) => /本年新收/.test(r[0]!.text))!
      .at(-1)!;
    expect(cell.source).toMatchObject({ page: 3, raw: "95" });
    expect(cell.source!.x).toBeGreaterThan(480);
    expect(cell.source!.x).toBeLessThan(500);
    const after = row(doc, /没有现成信息/)
      .grid.rows.find((r) => r.some((c) => /没有现成信息/.test(c.text)))!
      .at(-1)!;
    expect(after.source?.page).toBe(4);
    expect(doc.lines.find((l) => l.text === "一、总体情况")?.sources[0]?.page).toBe(1);
  });

  it("writes reading-order text: prose joined without spaces, page numbers dropped, tables in place", () => {
    expect(doc.text).toContain("淮安市洪泽区人民政府\n2024年政府信息公开工作年度报告");
    expect(doc.text).toContain("2024年，我区在政府网站平台主动发布各类政府信息2428条，公开政府常务会议7期，解读信息发布7条。");
    expect(doc.text).toContain("全年收取政府信息公开信息处理费0元。");
    expect(doc.text).not.toMatch(/^\s*-\s*\d\s*-\s*$/m);
    const sections = [
      "一、总体情况",
      "二、主动公开政府信息情况",
      "三、收到和处理政府信息公开申请情况",
      "四、政府信息公开行政复议",
      "五、存在的主要问题",
      "六、其他需要报告的事项",
    ];
    const at = sections.map((s) => doc.text.indexOf(s));
    expect(at.every((x) => x >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // table 三's rendering sits between its heading and section 四
    const t3 = doc.tableRanges[row(doc, /本年新收/).grid.index]!;
    expect(t3[0]).toBeGreaterThan(at[2]!);
    expect(t3[1]).toBeLessThan(at[3]!);
    expect(doc.text.slice(t3[0], t3[1])).toContain("一、本年新收政府信息公开申请数量  95  0  0  0  0  0  95");
  });
});

for (const [name, file, pages] of [
  ["Chromium print of the official HTML (page break inside table 三)", chromium, 5],
  ["LibreOffice export of a Word document", libreoffice, 7],
] as const) {
  describe(`readPdf: ${name}`, async () => {
    const doc = await read(file);

    it("reads every row of table 三 with its seven figures, in order", () => {
      expect(doc.pages).toBe(pages);
      const t3 = rows(doc)
        .filter((r) => r.values.length === 7)
        .map((r) => r.values);
      expect(t3).toEqual(t3Expected);
    });

    it("reads tables 二 and 四", () => {
      const v = (id: string) => String(canonical.cells[id]);
      expect(row(doc, /^行政规范性文件$/).values).toEqual([v("t2.normative.issued"), v("t2.normative.repealed"), v("t2.normative.in_force")]);
      expect(row(doc, /^行政许可$/).values.filter(Boolean)).toEqual([v("t2.licensing.decisions")]);
      expect(row(doc, /^行政事业性收费$/).values.filter(Boolean)).toEqual([v("t2.fees.amount")]);
      expect(rows(doc).find((r) => r.values.length === 15)?.values).toEqual(T4.map(v));
    });

    it("keeps table 三 as the tables that hold it, on more than one page", () => {
      const t3pages = new Set(rows(doc).flatMap((r) => (r.values.length === 7 ? r.grid.pages : [])));
      expect(t3pages.size).toBeGreaterThan(1);
      expect(doc.text).toContain("2021年，我区以习近平新时代中国特色社会主义思想为指导");
    });
  });
}

describe("readPdf: Chromium's page furniture and repeated table header", async () => {
  const doc = await read(chromium);
  it("drops the running header and footer and the repeated header rows", () => {
    expect(doc.text).not.toContain("file://");
    expect(doc.text).not.toMatch(/^\s*\d\/5\s*$/m);
    expect(doc.text.match(/勾稽关系/g)).toHaveLength(1);
    const t3 = row(doc, /本年新收/).grid;
    expect(t3.pages).toHaveLength(2);
    expect(row(doc, /没有现成信息/).grid).toBe(t3);
  });
});

describe("readPdf: PDFs that cannot be read", () => {
  it("a scan (pictures of pages) is pdf-no-text, with the page count", async () => {
    expect(await readPdf(bytes("fixtures/pdf/scan-no-text.pdf"))).toEqual({ ok: false, code: "pdf-no-text", params: { pages: 2 } });
  });

  it("a password-protected PDF is pdf-encrypted", async () => {
    expect(await readPdf(bytes("fixtures/pdf/encrypted.pdf"))).toEqual({ ok: false, code: "pdf-encrypted", params: {} });
  });

  it("a truncated or damaged PDF is pdf-damaged", async () => {
    for (const b of [hongze.slice(0, hongze.length >> 1), chromium.slice(0, Math.floor(chromium.length * 0.9))]) {
      const r = await readPdf(b);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.code).toBe("pdf-damaged");
    }
    const junk = await readPdf(new TextEncoder().encode(`%PDF-1.7\n${"garbage ".repeat(200)}`));
    expect(junk).toMatchObject({ ok: false, code: "pdf-damaged" });
    expect(await readPdf(new TextEncoder().encode("not a pdf at all"))).toEqual({ ok: false, code: "pdf-damaged", params: { detail: "no %PDF- header" } });
  });

  it("more pages than the cap is pdf-too-many-pages (61 > 60, and a lower cap)", async () => {
    expect(await readPdf(bytes("fixtures/pdf/pages-61.pdf"))).toEqual({ ok: false, code: "pdf-too-many-pages", params: { pages: 61, limit: 60 } });
    expect(await readPdf(hongze, { maxPages: 4 })).toEqual({ ok: false, code: "pdf-too-many-pages", params: { pages: 5, limit: 4 } });
  });

  it("more bytes than the cap is pdf-too-large", async () => {
    expect(await readPdf(hongze, { maxBytes: 100_000 })).toEqual({
      ok: false,
      code: "pdf-too-large",
      params: { size: hongze.length, limit: 100_000, unit: "bytes" },
    });
  });

  it("fonts without a Unicode map are pdf-garbled, not read as text or figures", async () => {
    const r = await readPdf(bytes("fixtures/pdf/garbled-no-unicode.pdf"));
    expect(r).toMatchObject({ ok: false, code: "pdf-garbled" });
    if (!r.ok && r.code === "pdf-garbled") {
      expect(r.params.pages.length).toBeGreaterThan(3);
      expect(r.params.sample).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
