// The fast OOXML readers against mammoth and exceljs: on every document the fast reader accepts the import is the
// library's, and what it does not fully understand (tracked changes, fields, text boxes, dates, formulas without a
// cached value, ...) goes to the library.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report } from "@gov-disclosure/core";
import { generateCorpus } from "@gov-disclosure/generator";
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importReport } from "../src/index";
import { readDocx, readXlsx, XLSX_ROWS } from "../src/office";
import type { InternalImportOptions } from "../src/types";
import { seeded } from "./random";
import { randomWordBody } from "./word-bodies";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

// render writes the workbooks the importer reads by id; it depends on import, so it is loaded from its source here
// (a path, not a package dependency: no cycle between the packages)
interface Render {
  renderXlsx(r: Report): Promise<Uint8Array>;
  renderMarkdown(r: Report): string;
}
const renderPath = join(ROOT, "packages/render/src/index.ts");
const render = () => import(/* @vite-ignore */ renderPath) as Promise<Render>;

/** Imports with the fast readers and with the libraries only; returns which reader read it and both results. */
async function both(bytes: Uint8Array, filename: string) {
  let reader = "";
  const fast = await importReport(bytes, { filename, onOfficeReader: (r) => (reader = r) } as InternalImportOptions);
  const library = await importReport(bytes, { filename, officeLibrary: true } as InternalImportOptions);
  return { reader, fast, library };
}

// ------------------------------------------------------------------ a small .docx writer with Word-like markup

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOC_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/" TargetMode="External"/></Relationships>';
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/></w:style></w:styles>`;

function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(RELS),
    "word/_rels/document.xml.rels": strToU8(DOC_RELS),
    "word/styles.xml": strToU8(STYLES),
    "word/document.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    ),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

/** A paragraph the way Word writes one: properties, the text cut into runs with their own properties, proofing marks. */
function wordPara(text: string, i: number, style?: string): string {
  const ppr = `<w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ""}<w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>`;
  const cut = Math.min(text.length, 1 + (i % 5));
  const runs = [text.slice(0, cut), text.slice(cut)].filter(Boolean);
  const r = (t: string, k: number) =>
    `<w:r>${k % 2 ? '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:hint="eastAsia"/><w:b/><w:sz w:val="24"/></w:rPr>' : ""}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  const marks =
    i % 3 === 0 ? `<w:bookmarkStart w:id="${i}" w:name="_Toc${i}"/><w:bookmarkEnd w:id="${i}"/>` : i % 3 === 1 ? '<w:proofErr w:type="spellStart"/>' : "";
  return `<w:p>${ppr}${marks}${runs.map(r).join("")}${i % 3 === 1 ? '<w:proofErr w:type="spellEnd"/>' : ""}</w:p>`;
}

function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === "\\" && i + 1 < body.length) {
      cur += body[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells.map((c) => c.replace(/\*\*/g, ""));
}

/** render's Markdown as a Word document: pipe tables as Word tables (with table, row and cell properties), headings as Heading 1. */
function docxFromMarkdown(markdown: string): Uint8Array {
  const out: string[] = [];
  let rows: string[][] = [];
  let n = 0;
  const flush = () => {
    if (!rows.length) return;
    const cols = Math.max(...rows.map((r) => r.length));
    out.push(
      `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1200"/>'.repeat(cols)}</w:tblGrid>${rows
        .map(
          (r, ri) =>
            `<w:tr><w:trPr>${ri === 0 ? "<w:tblHeader/>" : ""}<w:jc w:val="center"/></w:trPr>${r
              .map((c) => `<w:tc><w:tcPr><w:tcW w:w="1200" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>${wordPara(c, n++, "TableText")}</w:tc>`)
              .join("")}</w:tr>`,
        )
        .join("")}</w:tbl>`,
    );
    rows = [];
  };
  for (const line of markdown.split("\n")) {
    if (/^\s*\|/.test(line)) {
      if (!/^\s*\|[\s:|-]+\|\s*$/.test(line)) rows.push(splitRow(line));
      continue;
    }
    flush();
    const heading = /^#+\s/.test(line);
    const t = line
      .replace(/^#+\s*/, "")
      .replace(/^>\s?/, "")
      .replace(/\\(.)/g, "$1")
      .replace(/\*\*/g, "")
      .trim();
    if (t) out.push(wordPara(t, n++, heading ? "Heading1" : undefined));
  }
  flush();
  return docx(out.join(""));
}

/** The tables of the real Shanghai 2019 page with its merged cells, as gridSpan and vMerge. */
async function shanghaiDocx(): Promise<Uint8Array> {
  const { readHtml } = await import("../src/html");
  const h = readHtml(readFileSync(join(ROOT, "fixtures/real/shanghai-govoffice-2019.html"), "utf8"));
  const tables = h.grids.map((g) => {
    const trs = g.rows.map((row, r) => {
      const tcs: string[] = [];
      for (let c = 0; c < row.length; ) {
        const cell = row[c]!;
        let span = 1;
        while (row[c + span]?.origin === cell.origin) span++;
        const above = r > 0 && g.rows[r - 1]![c]?.origin === cell.origin;
        const below = g.rows[r + 1]?.[c]?.origin === cell.origin;
        const vm = above ? "<w:vMerge/>" : below ? '<w:vMerge w:val="restart"/>' : "";
        const props = `<w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ""}${vm}</w:tcPr>`;
        tcs.push(`<w:tc>${props}${above ? "<w:p/>" : wordPara(cell.text, r + c)}</w:tc>`);
        c += span;
      }
      return `<w:tr>${tcs.join("")}</w:tr>`;
    });
    return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${trs.join("")}</w:tbl>`;
  });
  return docx(
    `${wordPara("2019年上海市人民政府办公厅政府信息公开工作年度报告", 0)}<w:p/>${tables.join(wordPara("（续表）", 1))}<w:p><w:r><w:t>一</w:t></w:r><w:r><w:tab/><w:t>总体情况</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t xml:space="preserve">本年 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 新收 </w:t></w:r><w:r><w:noBreakHyphen/><w:softHyphen/></w:r><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/></w:p><w:p><w:bookmarkStart w:id="1" w:name="只有书签"/><w:bookmarkEnd w:id="1"/></w:p><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:p><w:p><w:hyperlink r:id="rId2"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:hyperlink w:anchor="x"><w:r><w:t>锚点</w:t></w:r></w:hyperlink></w:p>`,
  );
}

// ------------------------------------------------------------------ generated reports

describe("generated reports: the fast readers read them, and the import is the library's", () => {
  const reports = [1, 2, 3].flatMap((seed) => [...generateCorpus({ count: 4, seed: 900 + seed })]);

  it("covers every edition", () => {
    expect(new Set(reports.map((r) => r.edition))).toEqual(new Set(["gen2014", "gen2019", "gen2021", "local"]));
  });

  it("XLSX from render's renderXlsx (the map path)", async () => {
    const { renderXlsx } = await render();
    for (const report of reports) {
      const { reader, fast, library } = await both(await renderXlsx(report), "r.xlsx");
      expect(reader).toBe("fast");
      expect(fast.report).toBeDefined();
      expect(fast).toEqual(library);
    }
  });

  it("XLSX read as grids (render's workbook without its hidden sheets)", async () => {
    const { renderXlsx } = await render();
    for (const report of reports.slice(0, 6)) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(report)).buffer as ArrayBuffer);
      for (const ws of [...wb.worksheets]) if (ws.state === "hidden") wb.removeWorksheet(ws.id);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      let reader = "";
      const fastDoc = await readXlsx(bytes, undefined, { onReader: (r) => (reader = r) });
      expect(reader).toBe("fast");
      expect(fastDoc).toEqual(await readXlsx(bytes, undefined, { library: true }));
      const { fast, library } = await both(bytes, "g.xlsx");
      expect(fast).toEqual(library);
    }
  });

  it("DOCX from render's Markdown with Word-like markup (run and paragraph properties, bookmarks, proofing marks, table properties)", async () => {
    const { renderMarkdown } = await render();
    for (const report of reports) {
      const { reader, fast, library } = await both(docxFromMarkdown(renderMarkdown(report)), "r.docx");
      expect(reader).toBe("fast");
      expect(fast.report).toBeDefined();
      expect(fast).toEqual(library);
    }
  });

  it("DOCX with merged cells (gridSpan, vMerge), tabs, line and page breaks, hyperlinks: same text and grids as mammoth's", async () => {
    const bytes = await shanghaiDocx();
    let reader = "";
    const doc = await readDocx(bytes, { onReader: (r) => (reader = r) });
    expect(reader).toBe("fast");
    expect(doc).toEqual(await readDocx(bytes, { library: true }));
    const { fast, library } = await both(bytes, "s.docx");
    expect(fast.report?.cells["t3.new.total"]).toEqual({ kind: "count", value: 859 });
    expect(fast).toEqual(library);
  });
});

describe("random Word bodies of what the fast reader reads: the same text, grids and table ranges as mammoth's", () => {
  // nested tables (a vertically merged cell of a nested table drops its text), line breaks in cells, bookmarks,
  // empty paragraphs, spans: the fast reader builds what the HTML reader reads of mammoth's HTML without a tree
  it("200 bodies, each read by the fast reader and equal to mammoth's", async () => {
    const below = seeded(20261128);
    for (let i = 0; i < 200; i++) {
      const bytes = docx(randomWordBody(below));
      let reader = "";
      const doc = await readDocx(bytes, { onReader: (r) => (reader = r) });
      expect(reader).toBe("fast");
      expect(doc).toEqual(await readDocx(bytes, { library: true }));
    }
  });
});

// ------------------------------------------------------------------ real-world files (LibreOffice)

describe("documents written by LibreOffice (fixtures/office): accepted or declined, the import is the library's", () => {
  const DIR = join(ROOT, "fixtures/office");
  const cases: [string, "fast" | "library"][] = [
    ["shanghai-govoffice-2019.docx", "fast"],
    // the canonical HTML's comments become Word comments: a comment reference declines
    ["pingtan-2021-canonical.docx", "library"],
    ["shanghai-govoffice-2019.xlsx", "fast"],
    // render's workbook saved again by LibreOffice Calc: the cell map read through another writer's markup
    ["shanghai-govoffice-2019-render.xlsx", "fast"],
  ];
  for (const [file, expected] of cases)
    it(`${file}: ${expected}`, async () => {
      const { reader, fast, library } = await both(new Uint8Array(readFileSync(join(DIR, file))), file);
      expect(reader).toBe(expected);
      expect(fast.report).toBeDefined();
      expect(fast).toEqual(library);
    });
});

// ------------------------------------------------------------------ what the fast readers decline

describe("what the fast readers do not fully understand goes to the library", () => {
  const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
  const docs: [string, string][] = [
    [
      "a tracked insertion and deletion",
      `${p("本年新收")}<w:p><w:ins w:id="1" w:author="a"><w:r><w:t>12</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>13</w:delText></w:r></w:del></w:p>`,
    ],
    [
      "a field",
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    ],
    [
      "a text box",
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${p("框内文字")}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    ],
    ["a numbered list", `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>一项</w:t></w:r></w:p>`],
    ["a content control", `<w:sdt><w:sdtContent>${p("控件")}</w:sdtContent></w:sdt>`],
    // mammoth's XML parser reads U+2028 and U+0085 written as such as line breaks (XML 1.1's end-of-line handling)
    ["U+2028 in a text", p("本年\u2028新收")],
    ["U+0085 in a table cell's text", `<w:tbl><w:tr><w:tc>${p("12\u0085")}</w:tc></w:tr></w:tbl>`],
    // mammoth reads the first of each property (schema-invalid repeats, read the other way by the fast reader before)
    [
      "two w:gridSpan in a cell",
      `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:gridSpan w:val="3"/></w:tcPr>${p("a")}</w:tc></w:tr><w:tr><w:tc>${p("b")}</w:tc><w:tc>${p("c")}</w:tc><w:tc>${p("d")}</w:tc></w:tr></w:tbl>`,
    ],
    [
      "two w:vMerge in a cell",
      `<w:tbl><w:tr><w:tc>${p("a")}</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/><w:vMerge/></w:tcPr>${p("b")}</w:tc></w:tr></w:tbl>`,
    ],
    ["two w:tcPr in a cell", `<w:tbl><w:tr><w:tc><w:tcPr/><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p("a")}</w:tc></w:tr></w:tbl>`],
    [
      "two w:pStyle in a paragraph of a cell",
      `<w:tbl><w:tr><w:tc><w:p><w:pPr><w:pStyle w:val="Heading1"/><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
    ],
    ["two w:pPr in a paragraph", `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r><w:t>a</w:t></w:r></w:p>`],
  ];
  for (const [name, body] of docs)
    it(`DOCX: ${name}`, async () => {
      const bytes = docx(p("2019年某局政府信息公开工作年度报告") + body);
      let reader = "";
      const doc = await readDocx(bytes, { onReader: (r) => (reader = r) });
      expect(reader).toBe("library");
      expect(doc).toEqual(await readDocx(bytes, { library: true }));
      const { fast, library } = await both(bytes, "d.docx");
      expect(fast).toEqual(library);
    });

  it("DOCX: a cell of more than 5,000 elements, nested tables' included, goes to the library (the HTML reader's cell text walks at most 20,000 nodes)", async () => {
    const runs = (n: number) => `<w:p>${"<w:r><w:t>1</w:t></w:r>".repeat(n)}</w:p>`;
    const nested = `<w:tbl><w:tr><w:tc>${runs(1300)}</w:tc></w:tr></w:tbl>`;
    for (const [inside, expected] of [
      [runs(2400), "fast"],
      [runs(2600), "library"],
      // no nested cell holds 5,000 elements, the outer one does
      [nested + nested, "library"],
    ] as const) {
      const bytes = docx(`${p("2019年某局政府信息公开工作年度报告")}<w:tbl><w:tr><w:tc>${inside}</w:tc></w:tr></w:tbl>`);
      let reader = "";
      const doc = await readDocx(bytes, { onReader: (r) => (reader = r) });
      expect(reader).toBe(expected);
      expect(doc).toEqual(await readDocx(bytes, { library: true }));
    }
  });

  it("DOCX: namespace declarations nested 20,000 deep (each prefix keeps its own stack): read by the fast reader", async () => {
    const deep = `<w:sectPr>${'<e xmlns:a="u">'.repeat(20000)}${"</e>".repeat(20000)}</w:sectPr>`;
    const bytes = docx(p("2019年某局政府信息公开工作年度报告") + deep);
    let reader = "";
    const doc = await readDocx(bytes, { onReader: (r) => (reader = r) });
    expect(reader).toBe("fast");
    expect(doc.text).toContain("2019年某局政府信息公开工作年度报告");
  });

  const X_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`;
  const X_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const X_BOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表二" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const X_BOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  const STYLES_X = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="0_ "/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
  const SST = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>信息内容</t></si><si><t>本年制发件数</t></si><si><r><rPr><b/></rPr><t>本年</t></r><r><t>废止件数</t></r></si><si><t>现行有效件数</t></si><si><t>规章</t><rPh sb="0" eb="2"><t>きそく</t></rPh><phoneticPr fontId="1"/></si><si><t>行政规范性文件_x000D_</t></si></sst>`;
  const sheet = (extra: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:D4"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="3"><v>0</v></c><c r="C2" t="inlineStr"><is><t>0</t></is></c><c r="D2"><f>B2+C2</f><v>3</v></c></row><row r="3"><c r="A3" t="s"><v>5</v></c><c r="B3" t="str"><v>6</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c></row>${extra}</sheetData><mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  const xlsx = (rows: string, sheetXml = sheet(rows)) =>
    zipSync({
      "[Content_Types].xml": strToU8(X_TYPES),
      "_rels/.rels": strToU8(X_RELS),
      "xl/workbook.xml": strToU8(X_BOOK),
      "xl/_rels/workbook.xml.rels": strToU8(X_BOOK_RELS),
      "xl/styles.xml": strToU8(STYLES_X),
      "xl/sharedStrings.xml": strToU8(SST),
      "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    });
  const books: [string, string, "fast" | "library"][] = [
    [
      "numbers, inline and shared strings (rich text, phonetic runs, escapes), a formula, booleans, errors, a merge",
      `<row r="5"><c r="A5" s="1"/><c r="B5"><v>9</v></c></row>`,
      "fast",
    ],
    ["a number in a built-in date format", `<row r="5"><c r="A5" s="1"><v>43831</v></c></row>`, "library"],
    ["a number in a custom date format", `<row r="5"><c r="A5" s="2"><v>43831</v></c></row>`, "library"],
    ["a formula without a cached value", `<row r="5"><c r="A5"><f>SUM(B2:C2)</f></c></row>`, "library"],
    ["a cell of an unknown type", `<row r="5"><c r="A5" t="d"><v>2020-01-01</v></c></row>`, "library"],
  ];

  // blocks a worksheet holds once: exceljs keeps the last of repeated ones, and the caps must see every one
  const head = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
  const data =
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row></sheetData>';
  const repeated: [string, string, "fast" | "library"][] = [
    ["a second sheetData", `${head}${data}<sheetData><row r="9"><c r="A9"><v>5</v></c></row></sheetData></worksheet>`, "library"],
    [
      "a second mergeCells",
      `${head}${data}<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells></worksheet>`,
      "library",
    ],
    [
      "an empty mergeCells, then one over 10 × 100,000 cells",
      // the pre-check drops the empty block as it clips the other: one block is left, which the fast reader reads
      `${head}${data}<mergeCells count="0"></mergeCells><mergeCells count="1"><mergeCell ref="A1:J100000"/></mergeCells></worksheet>`,
      "fast",
    ],
    [
      "a mergeCells inside a comment, then one over 10 × 1,000,000 cells",
      `${head}${data}<!-- <mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells> --><mergeCells count="1"><mergeCell ref="A1:J1000000"/></mergeCells></worksheet>`,
      "fast",
    ],
  ];
  for (const [name, sheetXml, expected] of repeated)
    it(`XLSX: ${name}: ${expected}, merged ranges clipped to the window`, async () => {
      const bytes = xlsx("", sheetXml);
      let reader = "";
      const doc = await readXlsx(bytes, undefined, { onReader: (r) => (reader = r) });
      expect(reader).toBe(expected);
      expect(doc).toEqual(await readXlsx(bytes, undefined, { library: true }));
      // the window: at most XLSX_ROWS rows of the sheet are read, whatever a merged range claims
      expect(doc.grids[0]?.rows.length ?? 0).toBeLessThanOrEqual(XLSX_ROWS);
    });

  for (const [name, rows, expected] of books)
    it(`XLSX: ${name}: ${expected}`, async () => {
      const bytes = xlsx(rows);
      let reader = "";
      const doc = await readXlsx(bytes, undefined, { onReader: (r) => (reader = r) });
      expect(reader).toBe(expected);
      expect(doc).toEqual(await readXlsx(bytes, undefined, { library: true }));
      const { fast, library } = await both(bytes, "x.xlsx");
      expect(fast).toEqual(library);
    });
});
