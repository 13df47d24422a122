// Generators of the cost suite: inputs of every kind the importer reads (text, HTML, Markdown, XLSX, DOCX, JSON), each
// at a given size, built to hit one stage's worst case (long runs for regular expressions, spans and merges for grids,
// glued digits for the splitter, fan-out for shared strings, deep or exact-number JSON).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { docxFromDocumentXml, documentXml } from "@gov-disclosure/bench/docx";
import { stringifyReport } from "@gov-disclosure/core";
import { generateReport } from "@gov-disclosure/generator";
import { renderMarkdown, renderXlsx } from "@gov-disclosure/render";

const here = dirname(fileURLToPath(import.meta.url));
const real = (name: string) => readFileSync(join(here, "../../../fixtures/real", name), "utf8");

/** One generated input: its kind, a name, the file name given to the importer and its bytes. */
export interface CostInput {
  readonly kind: "text" | "html" | "markdown" | "xlsx" | "docx" | "json";
  readonly name: string;
  readonly filename: string;
  readonly bytes: Uint8Array;
}

const enc = (s: string) => new TextEncoder().encode(s);
/** `unit` repeated to `size` UTF-8 bytes (about). */
const runOf = (unit: string, size: number) => unit.repeat(Math.max(1, Math.floor(size / enc(unit).length)));
/** A pseudo-random digit string (no leading zero). */
function digits(n: number, seed: number): string {
  let s = seed;
  let out = "";
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += String((s >> 8) % 10);
  }
  return out.replace(/^0/, "1");
}
const insertAt = (text: string, at: number, what: string) => text.slice(0, at) + what + text.slice(at);

/** Runs the regular expressions of every stage meet: each must stay linear in the run. */
export const RUNS: readonly [string, string][] = [
  ["newlines", "\n"],
  ["spaces", " "],
  ["ideograph", "政"],
  ["digits", "1"],
  ["pipes", "|"],
  ["td tags", "<td>"],
  ["numeral 一", "一"],
  ["万", "万"],
  ["digit-space", "1 "],
  ["pipe-newline", "|\n"],
  ["label", "本年新收政府信息公开申请数量"],
];

export function textInputs(size: number): CostInput[] {
  const out: CostInput[] = [];
  const report = real("pingtan-2021.txt");
  for (const [name, unit] of RUNS) {
    out.push({ kind: "text", name: `run of ${name}`, filename: "run.txt", bytes: enc(runOf(unit, size)) });
    out.push({
      kind: "text",
      name: `report with a run of ${name}`,
      filename: "report.txt",
      bytes: enc(insertAt(report, report.indexOf("一、总体情况"), runOf(unit, size))),
    });
  }
  // table 三's rows and table 四's row as glued digits as long as the size allows
  const n = Math.min(Math.floor(size / 40), 20000);
  let glued = report;
  for (const row of ["640020470", "630020469", "10203120001200000", "693665"]) glued = glued.replace(row, digits(n, row.length));
  out.push({ kind: "text", name: `glued rows of ${n} digits`, filename: "glued.txt", bytes: enc(glued) });
  // every table-三 row glued to 14 random digits: the combination across rows at its widest
  let wide = report;
  let seed = 7;
  wide = wide.replace(/(?<=[\u4e00-\u9fff）”])(\d{7})(?=[（\d]|\d\.|[^\d]|$)/g, () => digits(14, seed++));
  out.push({ kind: "text", name: "every 7-digit row glued to 14 digits", filename: "wide.txt", bytes: enc(wide) });
  return out;
}

export function htmlInputs(size: number): CostInput[] {
  const out: CostInput[] = [];
  const page = real("shanghai-govoffice-2019.html");
  const td = page.indexOf("</td>", page.indexOf("本年新收"));
  for (const [name, unit] of RUNS)
    out.push({ kind: "html", name: `run of ${name} in a table cell`, filename: "cell.html", bytes: enc(insertAt(page, td, runOf(unit, size))) });
  // one rowspan=1000 cell whose text is most of the input (copied into every row it spans, before)
  const rows = Array.from({ length: 1000 }, (_, i) =>
    i === 0 ? `<tr><td rowspan="1000">${runOf("政", size - 30000)}</td><td>1</td></tr>` : "<tr><td>1</td></tr>",
  ).join("");
  out.push({ kind: "html", name: "rowspan=1000 over a long cell", filename: "rowspan.html", bytes: enc(`<html><body><table>${rows}</table></body></html>`) });
  const spans = runOf('<tr><td rowspan="1000" colspan="200">x</td></tr>', size);
  out.push({ kind: "html", name: "rows of rowspan=1000 colspan=200", filename: "spans.html", bytes: enc(`<table>${spans}</table>`) });
  out.push({
    kind: "html",
    name: "table of one-digit cells",
    filename: "cells.html",
    bytes: enc(`<table>${runOf("<tr><td>本年新收</td><td>1</td><td>2</td></tr>", size)}</table>`),
  });
  return out;
}

export function markdownInputs(size: number): CostInput[] {
  const out: CostInput[] = [];
  const md = real("shanghai-govoffice-2025.md");
  const at = md.indexOf("\n", md.indexOf("本年新收"));
  for (const [name, unit] of RUNS)
    out.push({ kind: "markdown", name: `run of ${name} after a table row`, filename: "run.md", bytes: enc(insertAt(md, at, runOf(unit, size))) });
  out.push({
    kind: "markdown",
    name: "pipe table of many rows",
    filename: "rows.md",
    bytes: enc(`| a | b | c |\n| --- | --- | --- |\n${runOf("| 本年新收 | 1 | 2 |\n", size)}`),
  });
  out.push({
    kind: "markdown",
    name: "separator rows of spaces",
    filename: "sep.md",
    bytes: enc(runOf(`|${" ".repeat(2000)}---${" ".repeat(2000)}x\n`, size)),
  });
  out.push({
    kind: "markdown",
    name: "rendered report repeated",
    filename: "report.md",
    bytes: enc(runOf(renderMarkdown(generateReport({ edition: "gen2021", seed: 3 })), size)),
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------- XLSX

const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const XLSX_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;

/** A workbook of one sheet: its `<sheetData>` rows, what follows them (merges, validations), shared strings. */
function xlsx(rows: string, after = "", before = "", shared: string[] = []): Uint8Array {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}>${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst ${SHEET_NS} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`;
  return zipSync(
    {
      "[Content_Types].xml": strToU8(XLSX_TYPES),
      "_rels/.rels": strToU8(XLSX_RELS),
      "xl/workbook.xml": strToU8(WORKBOOK),
      "xl/_rels/workbook.xml.rels": strToU8(WORKBOOK_RELS),
      "xl/worksheets/sheet1.xml": strToU8(sheet),
      "xl/sharedStrings.xml": strToU8(sst),
    },
    { level: 9 },
  );
}
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEAD_ROW = `<row r="1">${inline("A1", "一、本年新收政府信息公开申请数量")}<c r="B1"><v>1</v></c></row>`;
const col = (i: number) => {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

export async function xlsxInputs(size: number): Promise<CostInput[]> {
  const out: CostInput[] = [];
  const x = (name: string, bytes: Uint8Array) => out.push({ kind: "xlsx", name, filename: "book.xlsx", bytes });
  x("render's workbook (control)", await renderXlsx(generateReport({ edition: "gen2021", seed: 5 })));
  x("one merged range over the whole sheet", xlsx(HEAD_ROW, `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`));
  x(
    "data validation over the whole sheet",
    xlsx(HEAD_ROW, `<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>`),
  );
  x("a column range of a billion columns", xlsx(HEAD_ROW, "", `<cols><col min="1" max="1000000000" width="9"/></cols>`));
  // as many 2-cell merges as the size allows (each compares with every earlier one in exceljs)
  const merges = Math.floor(size / 30);
  x(
    `${merges} merged ranges`,
    xlsx(HEAD_ROW, `<mergeCells count="${merges}">${Array.from({ length: merges }, (_, i) => `<mergeCell ref="A${i + 2}:B${i + 2}"/>`).join("")}</mergeCells>`),
  );
  // cells: as many as a compressed sheet of this size holds
  const cells = Math.min(Math.floor(size * 20), 3_000_000);
  const cellRows: string[] = [HEAD_ROW];
  for (let r = 2, n = 0; n < cells; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < 50 && n < cells; c++, n++) row += `<c r="${col(c)}${r}"><v>1</v></c>`;
    cellRows.push(`${row}</row>`);
  }
  x(`${cells} cells`, xlsx(cellRows.join("")));
  // shared-string fan-out: one long string referenced by every cell of the read window
  const long = runOf("政", Math.min(size * 20, 8_000_000));
  const fan: string[] = [HEAD_ROW];
  for (let r = 2; r <= 2000; r++) fan.push(`<row r="${r}">${Array.from({ length: 60 }, (_, c) => `<c r="${col(c)}${r}" t="s"><v>0</v></c>`).join("")}</row>`);
  x(`one ${long.length}-character shared string in 120000 cells`, xlsx(fan.join(""), "", "", [long]));
  // a rich-text shared string (joined per cell by the reader) in many cells
  return out;
}

// ---------------------------------------------------------------------------------------------------- DOCX

const tc = (text: string, props = "") =>
  `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
const tbl = (rows: string[]) => `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl>`;

export function docxInputs(size: number): CostInput[] {
  const out: CostInput[] = [];
  const d = (name: string, xml: string) => out.push({ kind: "docx", name, filename: "doc.docx", bytes: docxFromDocumentXml(documentXml(xml), 9) });
  const head = `<w:p><w:r><w:t>平潭综合实验区2021年度政府信息公开工作年度报告</w:t></w:r></w:p>`;
  // one cell merged down 1000 rows whose text is most of the input
  const vRows = Array.from({ length: 1000 }, (_, i) =>
    i === 0 ? tc(runOf("政", size), `<w:vMerge w:val="restart"/>`) + tc("1") : tc("", "<w:vMerge/>") + tc("1"),
  );
  d("vMerge over 1000 rows of a long cell", head + tbl(vRows));
  d("gridSpan of a million columns", head + tbl([tc("本年新收", `<w:gridSpan w:val="1000000"/>`) + tc("1"), tc("x") + tc("2")]));
  const many = Math.floor(size / 200);
  d(`table of ${many} rows`, head + tbl(Array.from({ length: many }, () => tc("本年新收政府信息公开申请数量") + tc("1") + tc("2"))));
  for (const [name, unit] of RUNS.slice(0, 6))
    d(`paragraph of a run of ${name}`, head + `<w:p><w:r><w:t xml:space="preserve">${runOf(unit.replace("<", "&lt;"), size)}</w:t></w:r></w:p>`);
  return out;
}

// ---------------------------------------------------------------------------------------------------- JSON

export function jsonInputs(size: number): CostInput[] {
  const out: CostInput[] = [];
  const j = (name: string, text: string) => out.push({ kind: "json", name, filename: "report.json", bytes: enc(text) });
  const valid = stringifyReport(generateReport({ edition: "gen2021", seed: 5 }));
  const firstCell = /("cells": \{\s*"[^"]+": )(\d+)/;
  j("a canonical report (control)", valid);
  j("a count of 400 digits", valid.replace(firstCell, `$1${digits(400, 3)}`));
  j("a number 1e-400", valid.replace(firstCell, "$11e-400"));
  j("nesting as deep as the size allows", `{"version":1,"edition":"gen2021","cells":${"[".repeat(size)}${"]".repeat(size)}}`);
  j("an array of numbers", `{"version":1,"edition":"gen2021","cells":{},"x":[${runOf("123456789012345678901234567890,", size)}1]}`);
  j("a long string", `{"version":1,"edition":"gen2021","meta":{"body":"${runOf("政", size)}"},"cells":{}}`);
  j("many keys", `{"version":1,"edition":"gen2021","cells":{${Array.from({ length: Math.floor(size / 20) }, (_, i) => `"k${i}":1`).join(",")}}}`);
  return out;
}

/** Every input of every kind at `size` bytes. */
export const costInputs = async (size: number): Promise<CostInput[]> => [
  ...textInputs(size),
  ...htmlInputs(size),
  ...markdownInputs(size),
  ...(await xlsxInputs(size)),
  ...docxInputs(size),
  ...jsonInputs(size),
];
