// Every issue the importer can produce, from every real fixture and from a set of broken inputs: worded by core's
// formatIssue in both locales with no placeholder left and no script of the other language (data quoted from the
// document aside), with the cells and source location the Issue model promises.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue, IMPORT_CODES, type Issue, reportCells, stringifyReport, UNCERTAIN_CODES } from "@gov-disclosure/core";
import { breakReport, generateReport, toFlattenedText } from "@gov-disclosure/generator";
import ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { type ImportResult, importReport, importText, MAX_HTML_DEPTH, MAX_INPUT_BYTES } from "../src/index";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/real");
const enc = (s: string) => new TextEncoder().encode(s);

/** A render-style workbook whose cell map points one cell at a sheet that does not exist. */
async function badMapWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("统计表").getCell("C5").value = 17;
  const map = wb.addWorksheet("_gov_disclosure");
  map.addRow(["cellId", "sheet", "address"]);
  map.addRow(["old.C1", "统计表", "C5"]);
  map.addRow(["old.C2", "没有这张表", "C6"]);
  wb.addWorksheet("_meta").getCell("A1").value = JSON.stringify({ version: 1, edition: "gen2014", meta: {}, local: null });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Broken and unusual inputs, each with the codes it must produce. */
async function brokenInputs(): Promise<{ name: string; input: string | Uint8Array; filename?: string; must: string[] }[]> {
  const json = JSON.parse(stringifyReport(generateReport({ edition: "gen2021", seed: 3 }))) as Record<string, unknown> & { cells: Record<string, unknown> };
  const invalid = JSON.stringify({ ...json, bogus: 1, cells: { ...json.cells, "t3.new.natural": "many", "t3.new.business": 1.5 } });
  const glued = (seed: number) => toFlattenedText(generateReport({ edition: "gen2019", seed }), { style: "glued" });
  return [
    { name: "PDF", input: enc("%PDF-1.7\n1 0 obj\n"), must: [] },
    { name: "PNG", input: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), must: ["IMPORT-IMAGE"] },
    { name: "OLE2", input: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), must: ["IMPORT-BINARY"] },
    { name: "plain zip", input: zipSync({ "a.txt": enc("x") }), must: ["IMPORT-BINARY"] },
    { name: "truncated docx", input: new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...enc("word/document.xml")]), must: ["IMPORT-DAMAGED"] },
    { name: "control characters", input: "\u0001\u0002\u0003".repeat(100), must: ["IMPORT-BINARY"] },
    { name: "too large", input: new Uint8Array(MAX_INPUT_BYTES + 1), must: ["IMPORT-TOO-LARGE"] },
    { name: "a letter", input: readFileSync(join(DIR, "pingtan-2014-letter-not-a-report.txt"), "utf8"), must: ["IMPORT-NOT-A-REPORT"] },
    { name: "titled, no table", input: "标题: 某县2020年政府信息公开工作年度报告\n一、总体情况\n本年度工作顺利。", must: ["IMPORT-NARRATIVE-ONLY"] },
    { name: "titled, no year, no table", input: "标题: 某县政府信息公开工作年度报告\n一、总体情况\n本年度工作顺利。", must: ["IMPORT-NO-TABLES"] },
    { name: "invalid JSON", input: invalid, filename: "a.json", must: ["IMPORT-JSON-INVALID"] },
    { name: "JSON syntax", input: '{"version":1,"edition":', filename: "a.json", must: ["IMPORT-JSON-INVALID"] },
    {
      name: "deep HTML",
      input: `${"<div>".repeat(MAX_HTML_DEPTH + 10)}本年新收政府信息公开申请数量 5${"</div>".repeat(MAX_HTML_DEPTH + 10)}`,
      filename: "a.html",
      must: ["IMPORT-NESTING"],
    },
    { name: "bad workbook map", input: await badMapWorkbook(), must: ["IMPORT-XLSX-MAP", "IMPORT-XLSX-BAD-REF"] },
    // glued tables of the generator: ambiguous, unverified and unsplittable splits
    // (seed 345 left its zero cells blank; with one row's label lost, its digits join the row before it)
    { name: "glued 345, a label lost", input: glued(345).replace("2.重复申请", ""), must: ["IMPORT-SPLIT-UNVERIFIED", "IMPORT-ROW-UNSPLITTABLE"] },
    { name: "glued 231", input: glued(231), must: ["IMPORT-SPLIT-AMBIGUOUS", "IMPORT-SPLIT-DECIDED"] },
    // a published row whose one cut breaks its total: a total of 1000000 whose parts are all 0
    {
      name: "glued, a broken total",
      input: readFileSync(join(DIR, "pingtan-2021.txt"), "utf8").replace("上年结转政府信息公开申请数量0000000", "上年结转政府信息公开申请数量0000001000000"),
      must: ["IMPORT-ROW-BROKEN"],
    },
    {
      name: "text in a cell",
      input: toFlattenedText(breakReport(generateReport({ edition: "local", seed: 503196348 }), "text-in-cell", 503196348).report, { style: "lines" }),
      must: ["IMPORT-CELL-NOT-NUMERIC"],
    },
  ];
}

const fixtures = readdirSync(DIR).filter((f) => !f.endsWith(".json") && !f.endsWith(".pdf"));

// Parameters whose values are quoted from the document (any script) rather than worded by the locale.
const DATA = ["text", "raw", "labels", "detail", "ref", "claimed", "body", "previousBody", "encoding", "keys", "id", "received"];
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// names that stay the same in every language
const NAMES = /_gov_disclosure|JSON|HTML|PDF|OCR|Office|Word|zip|\.docx|\.xlsx|\.doc|\.xls/g;

/** The message with the document's own words taken out: what is left is the locale's. */
function ownWords(text: string, issue: Issue): string {
  let t = text;
  for (const k of DATA) {
    const v = issue.params[k];
    for (const s of typeof v === "string" ? [v] : Array.isArray(v) ? v : []) if (s) t = t.split(s).join("");
  }
  return t;
}

describe("every issue the importer produces is worded in both locales", () => {
  const results: { name: string; r: ImportResult; must: string[] }[] = [];
  beforeAll(async () => {
    for (const f of fixtures) results.push({ name: f, r: await importReport(new Uint8Array(readFileSync(join(DIR, f))), { filename: f }), must: [] });
    for (const b of await brokenInputs())
      results.push({ name: b.name, r: await importReport(b.input, { ...(b.filename ? { filename: b.filename } : {}) }), must: b.must });
  }, 120_000);

  it("the inputs produce the codes they must, and together every import code they can", () => {
    const missing = results.flatMap(({ name, r, must }) => must.filter((c) => !r.issues.some((i) => i.code === c)).map((c) => `${name}: ${c}`));
    expect(missing).toEqual([]);
    const seen = new Set(results.flatMap(({ r }) => r.issues.map((i) => i.code)));
    // what no input here produces: PDF reading (its own tests), zip limits (office.test), and codes only a kind of
    // document not among the fixtures gives (rows read short or overflowing, splits truncated or inconsistent)
    const notHere = new Set(["IMPORT-LIMIT"]);
    const expected = IMPORT_CODES.filter(
      (c) => !c.startsWith("IMPORT-PDF-") && !/ROW-(MISSING|NO-VALUES|SHORT|OVERFLOW)|SPLIT-(TRUNCATED|INCONSISTENT)/.test(c) && !notHere.has(c),
    );
    expect(expected.filter((c) => !seen.has(c))).toEqual([]);
  });

  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: no placeholder left, no script of the other language`, () => {
      const bad: string[] = [];
      for (const { name, r } of results)
        for (const issue of r.issues) {
          const text = formatIssue(issue, locale, r.report);
          const own = ownWords(text, issue);
          const wrong =
            /\{\w+(\.\w+)?\}/.test(text) ||
            text.length < 4 ||
            (locale === "en"
              ? // quoted: cell labels (core's; a local table's are the document's own words in every locale)
                CJK.test(own.replace(/“[^”]*”/g, ""))
              : /[A-Za-z]{3,}/.test(own.replace(NAMES, "")));
          if (wrong) bad.push(`${name} ${issue.code}: ${text}`);
        }
      expect(bad).toEqual([]);
    });

  it("issues that mark cells uncertain name exactly cells of the report's edition, and every value-carrying issue says where", () => {
    const bad: string[] = [];
    for (const { name, r } of results)
      for (const i of r.issues) {
        if (i.phase !== "import") {
          expect(i.phase).toBe("parse");
          continue;
        }
        if (UNCERTAIN_CODES.has(i.code as never) && i.cells.length === 0) bad.push(`${name} ${i.code}: no cells`);
        const carriesValues =
          /^IMPORT-(SPLIT|ROW|CELL|NARRATIVE|PLACED)/.test(i.code) &&
          !["IMPORT-SPLIT-INCONSISTENT", "IMPORT-ROW-MISSING", "IMPORT-NARRATIVE-ONLY"].includes(i.code);
        if (carriesValues && !i.source) bad.push(`${name} ${i.code}: no source`);
        if (r.report && i.cells.some((c) => !reportCells(r.report!).byId.has(c))) bad.push(`${name} ${i.code}: cells ${i.cells.join(",")}`);
      }
    expect(bad).toEqual([]);
  });

  it("canonical JSON that fails to parse: one IMPORT-JSON-INVALID counting core's parse issues, which follow it", () => {
    const r = results.find((x) => x.name === "invalid JSON")!.r;
    const [head, ...rest] = r.issues;
    expect(head).toMatchObject({ code: "IMPORT-JSON-INVALID", phase: "import", severity: "error", params: { count: rest.length } });
    expect(rest.length).toBeGreaterThanOrEqual(1);
    for (const p of rest) expect(p.phase).toBe("parse");
    expect(rest.map((p) => p.code)).toContain("PARSE-UNKNOWN-KEYS");
  });

  it("an ambiguous split lists its candidates, and the cells it names are the ones whose candidates differ", () => {
    const amb = results.flatMap(({ r }) => r.issues.filter((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS").map((i) => ({ i, r })));
    expect(amb.length).toBeGreaterThan(0);
    for (const { i, r } of amb) {
      expect(i.candidates?.length).toBeGreaterThan(1);
      expect(i.params.cells).toEqual(i.cells);
      for (const c of i.cells) expect(new Set(i.candidates!.map((x) => x[c])).size, c).toBeGreaterThan(1);
      for (const c of i.cells) expect(r.ambiguous[c]).toBeDefined();
    }
  });
});

describe("importText without options", () => {
  it("has no locale option: the same issues whatever the caller's language", () => {
    const text = readFileSync(join(DIR, "pingtan-2019.txt"), "utf8");
    const a = importText(text);
    const b = importText(text, { locale: "en" } as never);
    expect(b.issues).toEqual(a.issues);
    for (const i of a.issues) expect(i).not.toHaveProperty("message");
  });
});
