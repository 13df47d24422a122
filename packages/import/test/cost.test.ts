// The import's cost model (README "Limits"): every stage's work bounded by its input. Runs of 1 MB of each character
// class that the regular expressions meet, spans and merges that used to copy a cell into every slot, glued digits
// that used to escape the splitter's step count, and JSON numbers a double cannot hold. The figures are printed; the
// vitest timeout is only a safety net (time is a poor assertion on a shared machine).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringifyReport } from "@gov-disclosure/core";
import { generateReport } from "@gov-disclosure/generator";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { importReport, importText } from "../src/index";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/real");
const real = (f: string) => readFileSync(join(DIR, f), "utf8");
const MB = 1024 * 1024;
const figures: string[] = [];
const timed = <T>(what: string, size: number, f: () => T): T => {
  const t = performance.now();
  const r = f();
  figures.push(`${what.padEnd(48)} ${(size / 1024).toFixed(0).padStart(6)} KiB ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  return r;
};
afterAll(() => {
  for (const f of figures) console.log(`[import cost] ${f}`);
});

const RUNS: readonly [string, string][] = [
  ["newlines", "\n"],
  ["spaces", " "],
  ["one ideograph", "政"],
  ["digits", "1"],
  ["pipes", "|"],
  ["<td> tags", "<td>"],
];
const run = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / new TextEncoder().encode(unit).length));

describe("every regular expression is linear: 1 MB runs", () => {
  const report = real("pingtan-2021.txt");
  const plain = importText(report);
  for (const [name, unit] of RUNS) {
    it(`a 1 MB run of ${name}, alone and inside a report's prose`, { timeout: 120_000 }, () => {
      const alone = timed(`run of ${name}`, MB, () => importText(run(unit, MB)));
      // a run is not a report (a run of <td> tags is HTML with no table text)
      expect(alone.report).toBeUndefined();
      expect(alone.issues.map((i) => i.code)).toEqual(["IMPORT-NOT-A-REPORT"]);
      const at = report.indexOf("（二）依申请公开方面");
      const inside = timed(`report with a run of ${name}`, MB, () => importText(report.slice(0, at) + run(unit, MB) + report.slice(at)));
      if (unit !== "<td>") {
        // the tables after the run are read exactly as without it
        expect(inside.report?.cells["t3.new.total"]).toEqual(plain.report?.cells["t3.new.total"]);
        expect(inside.report?.cells["t3.total.total"]).toEqual(plain.report?.cells["t3.total.total"]);
      }
    });
  }
});

describe("spans are references, and a document's grids have a budget", () => {
  it("an HTML table with one rowspan=1000 cell of 326 KB is one IMPORT-LIMIT, not a copy per row", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => (i ? "<tr><td>1</td></tr>" : `<tr><td rowspan="1000">${"政".repeat(110_000)}</td><td>1</td></tr>`));
    const r = timed("rowspan=1000 over 326 KB", 330_000, () => importText(`<table>${rows.join("")}</table>`, { filename: "t.html" }));
    expect(r.report).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(["IMPORT-LIMIT"]);
  });
  it("a short label spanning 1000 rows is read (the budget charges each slot, the label is not copied)", () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      i ? `<tr><td>行${i}</td><td>${i}</td></tr>` : `<tr><td rowspan="1000">三、本年度办理结果</td><td>行0</td><td>0</td></tr>`,
    );
    const html = `<p>一、总体情况</p><table>${rows.join("")}</table>`;
    const r = importText(html, { filename: "t.html" });
    expect(r.issues.map((i) => i.code)).not.toContain("IMPORT-LIMIT");
  });
});

// ------------------------------------------------------------------------------------------------ XLSX / DOCX

const X_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const X_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const X_BOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const X_BOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
const cellRow = (r: number, label: string, values: (number | string)[]) =>
  `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${label}</t></is></c>${values
    .map((v, i) =>
      typeof v === "number"
        ? `<c r="${String.fromCharCode(66 + i)}${r}"><v>${v}</v></c>`
        : `<c r="${String.fromCharCode(66 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`,
    )
    .join("")}</row>`;
const sheet = (rows: string, after = "", before = "") =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;
const xlsx = (sheetXml: string) =>
  zipSync(
    {
      "[Content_Types].xml": strToU8(X_TYPES),
      "_rels/.rels": strToU8(X_RELS),
      "xl/workbook.xml": strToU8(X_BOOK),
      "xl/_rels/workbook.xml.rels": strToU8(X_BOOK_RELS),
      "xl/worksheets/sheet1.xml": strToU8(sheetXml),
    },
    { level: 9 },
  );
const T2_ROWS =
  cellRow(1, "信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]) +
  cellRow(2, "规章", [0, 0, 3]) +
  cellRow(3, "行政规范性文件", [6, 9, 3]) +
  cellRow(4, "行政许可", [2293]);

describe("XLSX parts are pre-checked before exceljs sees them", () => {
  it("one merged range over the whole sheet (a 1.6 KB file) is clipped to the window read: the sheet is read", async () => {
    const bytes = xlsx(sheet(T2_ROWS, `<mergeCells count="1"><mergeCell ref="E1:XFD1048576"/></mergeCells>`));
    expect(bytes.length).toBeLessThan(2000);
    const r = await importReport(bytes, { filename: "merged.xlsx" });
    expect(r.issues.map((i) => i.code)).not.toContain("IMPORT-DAMAGED");
    expect(r.report?.cells["t2.normative.in_force"]).toEqual({ kind: "count", value: 3 });
  });
  it("a data validation over the whole sheet and a billion-column range are dropped, the sheet read", async () => {
    const bytes = xlsx(
      sheet(
        T2_ROWS,
        `<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>`,
        `<cols><col min="1" max="1000000000" width="9"/></cols>`,
      ),
    );
    const r = await importReport(bytes, { filename: "dv.xlsx" });
    expect(r.report?.cells["t2.licensing.decisions"]).toEqual({ kind: "count", value: 2293 });
  });
  it("more merged ranges or cells than the budget: one IMPORT-LIMIT before exceljs", async () => {
    const merges = Array.from({ length: 5000 }, (_, i) => `<mergeCell ref="C${i + 2}:D${i + 2}"/>`).join("");
    const r = await importReport(xlsx(sheet(T2_ROWS, `<mergeCells count="5000">${merges}</mergeCells>`)), { filename: "m.xlsx" });
    expect(r.issues.map((i) => i.code)).toEqual(["IMPORT-LIMIT"]);
    const cells = Array.from({ length: 1200 }, (_, r) => `<row r="${r + 10}">${"<c><v>1</v></c>".repeat(50)}</row>`).join("");
    const c = await importReport(xlsx(sheet(T2_ROWS + cells)), { filename: "c.xlsx" });
    expect(c.issues.map((i) => i.code)).toEqual(["IMPORT-LIMIT"]);
  });
  it("a long shared text in every cell of the window stops at the grid budget (IMPORT-LIMIT), never copied per cell", async () => {
    const rows = Array.from(
      { length: 400 },
      (_, r) =>
        `<row r="${r + 10}">${Array.from({ length: 40 }, (_, c) => `<c r="${String.fromCharCode(65 + (c % 26))}${c >= 26 ? "A" : ""}${r + 10}" t="s"><v>0</v></c>`).join("")}</row>`,
    ).join("");
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>${"政".repeat(200_000)}</t></si></sst>`;
    const bytes = zipSync(
      {
        "[Content_Types].xml": strToU8(
          X_TYPES.replace(
            "</Types>",
            `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
          ),
        ),
        "_rels/.rels": strToU8(X_RELS),
        "xl/workbook.xml": strToU8(X_BOOK),
        "xl/_rels/workbook.xml.rels": strToU8(
          X_BOOK_RELS.replace(
            "</Relationships>",
            `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
          ),
        ),
        "xl/worksheets/sheet1.xml": strToU8(sheet(T2_ROWS + rows)),
        "xl/sharedStrings.xml": strToU8(sst),
      },
      { level: 9 },
    );
    const r = await importReport(bytes, { filename: "fan.xlsx" });
    expect(r.issues.map((i) => i.code)).toEqual(["IMPORT-LIMIT"]);
  });
});

describe("DOCX: a vertically merged cell is one cell", () => {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const tc = (text: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const docx = (body: string) =>
    zipSync(
      {
        "[Content_Types].xml": strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        ),
        "_rels/.rels": strToU8(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
        ),
        "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
      },
      { level: 9 },
    );
  it("a 2 KB document with one cell of 100 000 characters merged down 1000 rows is one IMPORT-LIMIT", async () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      i ? `<w:tr>${tc("", "<w:vMerge/>")}${tc(String(i))}</w:tr>` : `<w:tr>${tc("政".repeat(100_000), '<w:vMerge w:val="restart"/>')}${tc("0")}</w:tr>`,
    );
    const bytes = docx(`<w:tbl>${rows.join("")}</w:tbl>`);
    expect(bytes.length).toBeLessThan(8000);
    const r = await importReport(bytes, { filename: "v.docx" });
    expect(r.issues.map((i) => i.code)).toEqual(["IMPORT-LIMIT"]);
  });
});

describe("the splitter counts all of its work", () => {
  it("two glued rows of 1,890 digits: finished, and the rows are reported, never guessed", () => {
    let seed = 3;
    const digits = (n: number) =>
      `9${Array.from({ length: n - 1 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return String((seed >> 8) % 10);
      }).join("")}`;
    const text = real("pingtan-2021.txt")
      .replace("尚未审结总计10203120001200000", `尚未审结总计${digits(1890)}`)
      .replace("（七）总计630020469", `（七）总计${digits(1890)}`);
    const r = timed("two glued rows of 1,890 digits", text.length, () => importText(text));
    const codes = r.issues.map((i) => i.code);
    expect(codes).toContain("IMPORT-ROW-UNSPLITTABLE");
    // no cell of those rows is read
    expect(Object.keys(r.report?.cells ?? {}).filter((id) => id.startsWith("t4.") || id.startsWith("t3.total."))).toEqual([]);
  });
});

describe("JSON numbers a double cannot hold are rejected, not rounded", () => {
  const valid = stringifyReport(generateReport({ edition: "gen2021", seed: 5 }));
  const first = /("cells": \{\s*"[^"]+": )(\d+)/;
  it("the canonical report itself imports", () => {
    expect(importText(valid, { filename: "r.json" }).report).toBeDefined();
  });
  for (const [what, n, code] of [
    ["more digits than a double holds", "9007199254740993", "PARSE-UNSAFE-INTEGER"],
    ["a 400-digit count", "9".repeat(400), "PARSE-UNSAFE-INTEGER"],
    ["1e-400", "1e-400", "PARSE-INEXACT-NUMBER"],
    ["1e400", "1e400", "PARSE-INEXACT-NUMBER"],
  ] as const)
    it(`${what}: IMPORT-JSON-INVALID and ${code} at the cell's path`, () => {
      const r = importText(valid.replace(first, `$1${n}`), { filename: "r.json" });
      expect(r.report).toBeUndefined();
      expect(r.issues.map((i) => i.code)).toEqual(["IMPORT-JSON-INVALID", code]);
      expect(r.issues[1]?.path?.[0]).toBe("cells");
    });
});
