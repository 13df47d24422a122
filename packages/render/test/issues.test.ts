// Import issues in every validation output, counted, and every output worded in either locale from one result.
import { importIssue, type Issue, type Locale, RULES, type Report, type ValidationResult, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import {
  CSV_COLUMNS,
  renderCsv,
  renderJUnit,
  renderNdjson,
  renderSarif,
  renderValidationHtml,
  renderValidationJson,
  renderValidationText,
  tidyRows,
} from "../src/index";
import { pingtan2021, pingtan2021WithSlip } from "./fixtures";

// In fixtures/real/pingtan-2021.txt, line 10, column 2609, the row “1.本机关不掌握相关政府信息” of table 三 is printed as the
// glued digits "220000325": 22 0 0 0 0 3 25, but 2 20 0 0 0 3 25 satisfies the row total as well.
const SPLIT_SOURCE = { line: 10, column: 2609, raw: "220000325" };
const SPLIT_CELLS = ["t3.unable_1.natural", "t3.unable_1.business"];
const ambiguous = (): Issue =>
  importIssue(
    "IMPORT-SPLIT-AMBIGUOUS",
    "warning",
    { n: 2, cells: SPLIT_CELLS, chosen: "most-plausible" },
    {
      cells: SPLIT_CELLS,
      source: SPLIT_SOURCE,
      candidates: [
        { "t3.unable_1.natural": "22", "t3.unable_1.business": "0" },
        { "t3.unable_1.natural": "2", "t3.unable_1.business": "20" },
      ],
    },
  );
// An import error without cells: a row the importer could not find (as IMPORT-ROW-MISSING is raised for a broken table).
const missingRow = (): Issue => importIssue("IMPORT-ROW-MISSING", "error", { row: "t3.carry_in.natural" }, { source: { page: 3 } });

const withSource = (r: Report): Report => ({ ...r, meta: { ...r.meta, source: { filename: "pingtan-2021.txt" } } });

/** Pingtan 2021 as the importer reads it: one ambiguous split, otherwise clean. */
function clean(): { report: Report; result: ValidationResult } {
  const report = withSource(pingtan2021());
  return { report, result: validateReport(report, { importIssues: [ambiguous()] }) };
}

/** Pingtan 2021 with a typing slip (two rule errors), an ambiguous split (warning) and a missing row (import error). */
function broken(): { report: Report; result: ValidationResult } {
  const report = withSource(pingtan2021WithSlip());
  return { report, result: validateReport(report, { importIssues: [ambiguous(), missingRow()] }) };
}

describe("import issues in the result", () => {
  it("come first and are counted; passed counts every passing check", () => {
    const { report, result } = broken();
    expect(result.findings.slice(0, 2).map((f) => f.code)).toEqual(["IMPORT-SPLIT-AMBIGUOUS", "IMPORT-ROW-MISSING"]);
    expect(result.counts.error).toBe(3);
    expect(result.counts.warning).toBe(1);
    expect(result.uncertainCells).toEqual(SPLIT_CELLS);
    const json = JSON.parse(renderValidationJson(report, result));
    expect(json.counts).toEqual(result.counts);
    const passes = validateReport(report, { includePasses: true }).findings.filter((f) => f.status === "pass").length;
    expect(passes).toBeGreaterThan(0);
    expect(json.counts.passed).toBe(passes);
  });
});

describe("text", () => {
  it("shows the import issue with its code, cells and source, errors before warnings", () => {
    const { report, result } = broken();
    const text = renderValidationText(report, result);
    expect(text).toContain("[警告] IMPORT-SPLIT-AMBIGUOUS  t3.unable_1.natural");
    expect(text).toContain("单元格：t3.unable_1.natural、t3.unable_1.business");
    expect(text).toContain("出处：第 10 行第 2609 列；原文“220000325”");
    expect(text).toContain("[错误] IMPORT-ROW-MISSING");
    expect(text).toContain("出处：第 3 页");
    expect(text).toContain("错误 3 · 警告 1");
    const order = ["[错误] IMPORT-ROW-MISSING", "[错误] T3-OUTCOME-SUM", "[错误] T3-ROW-TOTAL", "[警告] IMPORT-SPLIT-AMBIGUOUS"].map((s) => text.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Not assessable: collapsed to a count unless verbose.
    expect(text).toContain("另有 4 项核对无法进行");
    expect(text).not.toContain("[无法核对]");
    expect(renderValidationText(report, result, { verbose: true }).match(/\[无法核对\]/g)?.length).toBe(4);
  });

  it("never calls a report with guessed cells clean", () => {
    const { report, result } = clean();
    expect(result.findings.filter((f) => f.status === "fail").map((f) => f.code)).toEqual(["IMPORT-SPLIT-AMBIGUOUS"]);
    const text = renderValidationText(report, result);
    expect(text).not.toContain("未发现问题");
    expect(text).toContain("有 2 个单元格的数字是导入时推断");
    const en = renderValidationText(report, result, { locale: "en" });
    expect(en).not.toContain("No problems found");
    expect(en).toContain("read with uncertainty");
    // The same report read exactly is clean.
    const exact = validateReport(report);
    expect(renderValidationText(report, exact)).toContain("未发现问题。");
  });
});

describe("JSON", () => {
  it("lists the import issue with code, phase, severity, status, cells, params, source and a worded message", () => {
    const { report, result } = broken();
    for (const locale of ["zh-CN", "en"] as const) {
      const json = JSON.parse(renderValidationJson(report, result, { locale }));
      expect(json.locale).toBe(locale);
      const f = json.findings[0];
      expect(f).toMatchObject({
        code: "IMPORT-SPLIT-AMBIGUOUS",
        phase: "import",
        severity: "warning",
        status: "fail",
        cells: SPLIT_CELLS,
        params: { n: 2, cells: SPLIT_CELLS, chosen: "most-plausible" },
        source: SPLIT_SOURCE,
      });
      expect(f.message).toMatch(locale === "en" ? /^The split of glued digits is ambiguous \(2 splits/ : /^粘连数字的拆分不唯一（2 种拆分/);
      expect(json.clean).toBe(false);
      expect(json.uncertainCells).toEqual(SPLIT_CELLS);
      expect(json.corrections.length).toBeGreaterThan(0);
      expect(json.corrections[0].message).toMatch(locale === "en" ? /^Changing “.+” from 72 to 27/ : /^将“.+”由 72 改为 27/);
    }
  });
});

describe("SARIF", () => {
  it("reports the import issue under its own descriptor, with a physical location, help link and clean fingerprints", () => {
    const { report, result } = broken();
    const run = JSON.parse(renderSarif({ report, result })).runs[0];
    const rules = run.tool.driver.rules as { id: string; help: { text: string }; helpUri: string }[];
    for (const r of rules) {
      expect(r.helpUri).toBe(`https://github.com/gov-disclosure/gov-disclosure/blob/main/docs/rules.md#${r.id.toLowerCase()}`);
      expect(r.help.text.length).toBeGreaterThan(r.helpUri.length);
    }
    expect(run.results.length).toBe(result.findings.length);
    const split = run.results.find((x: { ruleId: string }) => x.ruleId === "IMPORT-SPLIT-AMBIGUOUS");
    expect(rules[split.ruleIndex]?.id).toBe("IMPORT-SPLIT-AMBIGUOUS");
    expect(split.level).toBe("warning");
    expect(split.message.text).toMatch(/^粘连数字的拆分不唯一/);
    expect(split.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "pingtan-2021.txt", index: 0 },
      region: { startLine: 10, startColumn: 2609, endColumn: 2618, snippet: { text: "220000325" } },
    });
    expect(split.locations[0].logicalLocations.map((l: { name: string }) => l.name)).toEqual(SPLIT_CELLS);
    expect(split.properties.candidates).toHaveLength(2);
    const missing = run.results.find((x: { ruleId: string }) => x.ruleId === "IMPORT-ROW-MISSING");
    expect(missing.level).toBe("error");
    expect(missing.locations[0].physicalLocation.properties).toEqual({ page: 3 });
    const prints = run.results.map((x: { partialFingerprints: Record<string, string> }) => Object.values(x.partialFingerprints)[0]);
    for (const p of prints) expect(p).not.toContain("undefined");
    // Failing findings are told apart by their fingerprints.
    const failing = run.results.filter((x: { kind: string }) => x.kind === "fail");
    expect(new Set(failing.map((x: { partialFingerprints: Record<string, string> }) => Object.values(x.partialFingerprints)[0])).size).toBe(failing.length);
  });
});

describe("JUnit", () => {
  it("failures equal the error findings; the ambiguous split is a testcase whose warning goes to system-out", () => {
    const { report, result } = broken();
    const xml = renderJUnit({ report, result });
    expect(result.counts.error).toBe(3);
    expect(xml).toContain(`<testsuites name="gov-disclosure" tests="`);
    expect(xml).toMatch(new RegExp(`<testsuites [^>]*failures="${result.counts.error}"`));
    expect(xml.match(/<failure /g)?.length).toBe(result.counts.error);
    const split = xml.match(/<testcase [^>]*name="IMPORT-SPLIT-AMBIGUOUS">\s*<system-out>([^<]*)<\/system-out>/)?.[1] ?? "";
    expect(split).toContain("[警告] 粘连数字的拆分不唯一");
    expect(split).toContain("单元格：t3.unable_1.natural、t3.unable_1.business");
    expect(split).toContain("出处：第 10 行第 2609 列");
    expect(xml).toMatch(/<testcase [^>]*name="IMPORT-ROW-MISSING">\s*<failure type="error"/);
  });
});

describe("HTML", () => {
  it("has a section of import issues, marks the guessed cells apart and explains the mark", () => {
    const { report, result } = broken();
    const html = renderValidationHtml(report, result);
    const section = html.match(/<section id="import-issues">([\s\S]*?)<\/section>/)?.[1] ?? "";
    expect(section).toContain("IMPORT-SPLIT-AMBIGUOUS");
    expect(section).toContain("IMPORT-ROW-MISSING");
    expect(section).toContain("出处：第 10 行第 2609 列；原文“220000325”");
    expect(section).toContain('href="#cell-t3.unable_1.natural"');
    for (const cell of SPLIT_CELLS) {
      const td = html.match(new RegExp(`<td[^>]*data-cell="${cell.replace(/\./g, "\\.")}"[^>]*>`))?.[0] ?? "";
      expect(td).toContain("uncertain");
      expect(td).toContain('data-uncertain="true"');
      expect(td).toContain("此数字是导入时推断或无法核实的");
    }
    expect(html).toContain('class="legend"');
    expect(html.match(/<td[^>]*class="[^"]*\buncertain\b/g)?.length).toBe(SPLIT_CELLS.length);
    const c = clean();
    expect(renderValidationHtml(c.report, c.result)).not.toContain("未发现问题");
  });
});

describe("CSV and NDJSON", () => {
  it("fill status, codes and phases for the cells the import issue reads, and flag them uncertain", () => {
    const { report, result } = broken();
    const rows = tidyRows(report, { findings: [result.findings] });
    // 商业企业 is read only by the import issue; 自然人 also by the failing column sum of the slip.
    expect(rows.find((r) => r.cell === "t3.unable_1.business")).toMatchObject({
      status: "warning",
      codes: "IMPORT-SPLIT-AMBIGUOUS",
      phases: "import",
      uncertain: true,
    });
    expect(rows.find((r) => r.cell === "t3.unable_1.natural")).toMatchObject({
      status: "error",
      codes: "IMPORT-SPLIT-AMBIGUOUS T3-OUTCOME-SUM",
      phases: "import rule",
      uncertain: true,
    });
    const slip = rows.find((r) => r.cell === "t3.granted.natural");
    expect(slip).toMatchObject({ status: "error", codes: "T3-OUTCOME-SUM T3-ROW-TOTAL", phases: "rule", uncertain: false });
    // Every cell a failing issue reads has its status and codes filled.
    const read = new Set(result.findings.filter((f) => f.status === "fail").flatMap((f) => f.cells));
    for (const r of rows) expect(r.status !== "" && r.codes !== "").toBe(read.has(r.cell));
    const csv = renderCsv(report, { findings: [result.findings] });
    expect(csv.split("\r\n")[0]).toBe(`\ufeff${CSV_COLUMNS.join(",")}`);
    expect(
      csv
        .split("\r\n")
        .find((l) => l.includes(",t3.unable_1.business,"))
        ?.endsWith(",0,warning,IMPORT-SPLIT-AMBIGUOUS,import,true"),
    ).toBe(true);
    const nd = renderNdjson(report, { findings: [result.findings] })
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(nd.find((r) => r.cell === "t3.unable_1.business")).toMatchObject({ codes: "IMPORT-SPLIT-AMBIGUOUS", phases: "import", uncertain: true });
  });
});

// ---- One result, two languages --------------------------------------------------------------------------------

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
/** Three English words in a row: an English sentence or phrase. */
const ENGLISH = /\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b/;

// Core's English rule bases that name a printed glyph or label without quoting it (CELL-NOT-NUMERIC, META-EMPTY-SECTION:
// 无; T2-19-PROC-UNIT: 采购总金额): data, but unquoted, so taken out here by name (core should quote them).
const UNQUOTED_BASES = RULES.map((r) => r.basis.en).filter((b) => CJK.test(b));

/** What is data in any language: quoted document text and labels, the body, the title, the edition's notice, cell ids, codes, URLs. */
function withoutData(text: string, report: Report): string {
  let t = text;
  for (const d of [report.meta.title, report.meta.body, "国办公开办函〔2021〕30号", ...UNQUOTED_BASES]) if (d) t = t.split(d).join(" ");
  return t
    .replace(/“[^”]*”/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\b[a-z0-9]+(\.[a-z0-9_]+)+\b/g, " ")
    .replace(/\b[A-Z][A-Z0-9]*(-[A-Z0-9]+)+\b/g, " ");
}

/** The worded parts of each output: what a reader reads, not keys or data fields. */
function worded(report: Report, result: ValidationResult, locale: Locale): Record<string, string> {
  const json = JSON.parse(renderValidationJson(report, result, { locale }));
  const sarif = JSON.parse(renderSarif({ report, result }, { locale })).runs[0];
  const junit = renderJUnit({ report, result }, { locale });
  const html = renderValidationHtml(report, result, { locale });
  const htmlParts = [...html.matchAll(/<section (?:class="summary" )?id="(?:summary|import-issues|findings|corrections)">([\s\S]*?)<\/section>/g)]
    .map((m) => m[1] ?? "")
    .join("\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
  return {
    text: renderValidationText(report, result, { locale, verbose: true }).split("\n").slice(1).join("\n"),
    json: [...json.findings, ...json.corrections].map((f: { message: string }) => f.message).join("\n"),
    sarif: [
      ...sarif.results.map((r: { message: { text: string } }) => r.message.text),
      ...sarif.tool.driver.rules.map((r: { fullDescription: { text: string }; help: { text: string } }) => `${r.fullDescription.text}\n${r.help.text}`),
    ].join("\n"),
    junit: [...junit.matchAll(/message="([^"]*)"|<system-out>([^<]*)<\/system-out>|<failure[^>]*>([^<]*)<\/failure>/g)]
      .map((m) => m[1] ?? m[2] ?? m[3])
      .join("\n"),
    html: htmlParts,
  };
}

describe("one result in either language", () => {
  const { report, result } = broken();
  it("zh-CN output has no English sentence", () => {
    for (const [name, text] of Object.entries(worded(report, result, "zh-CN"))) {
      expect(CJK.test(text), name).toBe(true);
      expect(withoutData(text, report).match(ENGLISH)?.[0], name).toBeUndefined();
    }
  });
  it("English output has no Chinese outside data", () => {
    for (const [name, text] of Object.entries(worded(report, result, "en"))) {
      expect(ENGLISH.test(text), name).toBe(true);
      expect(withoutData(text, report).match(new RegExp(`.{0,20}${CJK.source}.{0,20}`))?.[0], name).toBeUndefined();
    }
  });
});
