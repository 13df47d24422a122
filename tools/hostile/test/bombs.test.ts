// Zip bombs and XML entity expansion (billion laughs) in DOCX and XLSX. Each file is imported in a child process,
// killed after a hard limit, so a bomb that works cannot take the test runner (or the machine) down with it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateReport } from "@gov-disclosure/generator";
import { renderMarkdown, renderXlsx } from "@gov-disclosure/render";
import { docxFromMarkdown } from "@gov-disclosure/bench/docx";
import { bombEntry, importInChild, printTallies, storedEntry, tally, writeZip, type ZipEntry } from "./helpers";

const BOUND_MS = 10_000; // the importer must give up within this
const KILL_MS = 15_000; // the child is killed after this
const RSS_LIMIT_KB = 1024 * 1024; // 1 GiB
const GIB = 2 ** 30;

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const XLSX_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>一、总体情况</t></is></c></row>`;
const SHEET_TAIL = `</sheetData></worksheet>`;
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>`;
const DOC_TAIL = `</w:body></w:document>`;

const docx = (doc: ZipEntry) => writeZip([storedEntry("[Content_Types].xml", DOCX_TYPES), storedEntry("_rels/.rels", DOCX_RELS), doc]);
const xlsx = (sheet: ZipEntry) =>
  writeZip([
    storedEntry("[Content_Types].xml", XLSX_TYPES),
    storedEntry("_rels/.rels", XLSX_RELS),
    storedEntry("xl/workbook.xml", WORKBOOK),
    storedEntry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    sheet,
  ]);

const laughs = (root: string) => {
  const ents = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<!DOCTYPE ${root} [${ents.join("")}]>`;
};
const XML_DECL = `<?xml version="1.0" encoding="UTF-8"?>`;

/** A declared size that lies: the central directory says the entry is small. */
const lying = (e: ZipEntry): ZipEntry => ({ ...e, size: 4096 });

/**
 * Formerly known failures, fixed in packages/import: XLSX entries were inflated whole by exceljs (jszip) with no cap,
 * so a 6.8 MB .xlsx whose sheet inflates to 1–2 GiB took 9–25 s and 1.2–2.3 GB RSS before failing, and DOCX import
 * never opened the archive. The importer now reads the zip's central directory itself and counts while inflating
 * (checkZip) before exceljs or mammoth see the archive: a zip bomb gets exactly one `import.zip-limit` error.
 */
const ZIP_BOMB_RSS_KB = 200 * 1024; // the child (node + tsx + the importer) stays under 200 MiB on a zip bomb

const cases: { kind: string; name: string; filename: string; bytes: () => Uint8Array | Promise<Uint8Array>; valid?: boolean }[] = [
  {
    kind: "control (valid file)",
    name: "XLSX from render's renderXlsx",
    filename: "control.xlsx",
    valid: true,
    bytes: () => renderXlsx(generateReport({ edition: "gen2021", seed: 5 })),
  },
  {
    kind: "control (valid file)",
    name: "DOCX of a report (bench's writer)",
    filename: "control.docx",
    valid: true,
    bytes: () => docxFromMarkdown(renderMarkdown(generateReport({ edition: "gen2021", seed: 5 }))),
  },
  {
    kind: "zip bomb",
    name: "DOCX: word/document.xml inflates to 2 GiB",
    filename: "bomb.docx",
    bytes: () => docx(bombEntry("word/document.xml", DOC_HEAD, 2 * GIB - 4096, DOC_TAIL)),
  },
  {
    kind: "zip bomb",
    name: "XLSX: sheet1.xml inflates to 2 GiB",
    filename: "bomb.xlsx",
    bytes: () => xlsx(bombEntry("xl/worksheets/sheet1.xml", SHEET_HEAD, 2 * GIB - 4096, SHEET_TAIL)),
  },
  {
    kind: "zip bomb",
    name: "DOCX: 1 GiB entry whose declared size lies (4 KB)",
    filename: "lying.docx",
    bytes: () => docx(lying(bombEntry("word/document.xml", DOC_HEAD, GIB, DOC_TAIL))),
  },
  {
    kind: "zip bomb",
    name: "XLSX: 1 GiB entry whose declared size lies (4 KB)",
    filename: "lying.xlsx",
    bytes: () => xlsx(lying(bombEntry("xl/worksheets/sheet1.xml", SHEET_HEAD, GIB, SHEET_TAIL))),
  },
  {
    kind: "entity expansion",
    name: "DOCX: billion laughs in word/document.xml",
    filename: "laughs.docx",
    bytes: () =>
      docx(
        storedEntry(
          "word/document.xml",
          `${XML_DECL}${laughs("w:document")}<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
        ),
      ),
  },
  {
    kind: "entity expansion",
    name: "XLSX: billion laughs in sheet1.xml",
    filename: "laughs.xlsx",
    bytes: () =>
      xlsx(
        storedEntry(
          "xl/worksheets/sheet1.xml",
          `${XML_DECL}${laughs("worksheet")}${SHEET_HEAD.slice(XML_DECL.length)}<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>${SHEET_TAIL}`,
        ),
      ),
  },
  {
    kind: "entity expansion",
    name: "XLSX: billion laughs in workbook.xml",
    filename: "laughs-wb.xlsx",
    bytes: () =>
      writeZip([
        storedEntry("[Content_Types].xml", XLSX_TYPES),
        storedEntry("_rels/.rels", XLSX_RELS),
        storedEntry("xl/workbook.xml", `${XML_DECL}${laughs("workbook")}${WORKBOOK.slice(XML_DECL.length).replace('name="Sheet1"', 'name="&lol9;"')}`),
        storedEntry("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        storedEntry("xl/worksheets/sheet1.xml", SHEET_HEAD + SHEET_TAIL),
      ]),
  },
  {
    kind: "entity expansion",
    name: "DOCX: external entity (XXE) to /etc/passwd",
    filename: "xxe.docx",
    bytes: () =>
      docx(
        storedEntry(
          "word/document.xml",
          `${XML_DECL}<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`,
        ),
      ),
  },
];

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gd-hostile-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  printTallies("bombs");
});

describe("zip bombs and entity expansion in Office files", () => {
  for (const c of cases)
    it(`${c.name}: ${c.valid ? "imported" : "rejected"} within ${BOUND_MS / 1000} s, under 1 GiB RSS${c.valid ? "" : ", no report"}`, async () => {
      tally(c.kind);
      const file = join(dir, c.filename);
      const bytes = await c.bytes();
      expect(bytes.length).toBeLessThan(20 * 1024 * 1024); // under MAX_INPUT_BYTES: the archive itself is small
      writeFileSync(file, bytes);
      const r = importInChild(file, c.filename, KILL_MS);
      const detail = `status ${r.status} signal ${r.signal} after ${r.ms.toFixed(0)} ms; ${JSON.stringify(r.out)} ${r.stderr.slice(-400)}`;
      expect(r.signal, detail).toBeNull();
      expect(r.status, detail).toBe(0);
      expect(r.ms, detail).toBeLessThan(BOUND_MS);
      expect(r.out?.maxRssKb ?? Number.POSITIVE_INFINITY, detail).toBeLessThan(RSS_LIMIT_KB);
      expect(r.out?.report, detail).toBe(c.valid === true);
      expect(JSON.stringify(r.out?.messages ?? []), detail).not.toContain("root:");
      if (c.kind === "zip bomb") {
        expect(r.out?.codes, detail).toEqual(["IMPORT-LIMIT"]);
        expect(r.out?.maxRssKb ?? Number.POSITIVE_INFINITY, detail).toBeLessThan(ZIP_BOMB_RSS_KB);
      }
    });
});
