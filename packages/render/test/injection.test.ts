// Labels and narrative holding <script>, quotes, ]]> and formula-like strings come out inert in every format.
import { MARKDOWN_TABLES, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import {
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderComparisonText,
  renderCsv,
  renderHtml,
  renderJUnit,
  renderMarkdown,
  renderNdjson,
  renderOutcomeChart,
  renderSarif,
  renderTrendChart,
  renderValidationHtml,
  renderValidationJson,
  renderValidationText,
  tidyRows,
} from "../src/index";
import { pingtan2021 } from "./fixtures";
import { hostile2021, hostileLocal } from "./hostile";

/** Markup of the hostile strings that must never appear unescaped. */
const RAW_MARKUP = /<script|<img|<b>|<\/title><script|<!\[CDATA\[/i;

/** Minimal RFC 4180 parser (quotes, doubled quotes, CRLF), enough to read back our own CSV. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

describe.each([
  ["local table", hostileLocal],
  ["2021 report", hostile2021],
] as const)("hostile %s", (_name, make) => {
  const report = make();
  const result = validateReport(report);

  it("HTML outputs escape everything", () => {
    for (const html of [
      renderHtml(report),
      renderHtml(report, { locale: "en" }),
      renderValidationHtml(report, result),
      renderComparisonHtml(pingtan2021(), report),
    ]) {
      expect(html).not.toMatch(RAW_MARKUP);
      expect(html).toContain("&lt;script&gt;");
      expect(html).not.toMatch(/<[^>]*\sonerror=/i);
      // The only <style> is ours; no scripts at all; a CSP forbids any that might slip in.
      expect(html.match(/<style>/g)?.length).toBe(1);
      expect(html).toContain("default-src 'none'");
    }
  });

  it("Markdown escapes markup and link syntax", () => {
    for (const md of [renderMarkdown(report), renderComparisonMarkdown(pingtan2021(), report)]) {
      const text = md
        .split("\n")
        // render's own markers: the table comments and the table area's two lines
        .filter((l) => !l.startsWith("<!-- gov-disclosure:table") && l !== MARKDOWN_TABLES.begin && l !== MARKDOWN_TABLES.end)
        .join("\n");
      expect(text).not.toMatch(/(^|[^\\])</);
      expect(text).not.toMatch(/(^|[^\\])\[link/);
    }
    expect(renderMarkdown(report)).toContain("\\<script\\>");
  });

  it("CSV neutralises formula-like text and keeps every value", () => {
    const csv = renderCsv(report, { findings: [result.findings] });
    expect(csv.startsWith("\ufeff")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const tidy = tidyRows(report, { findings: [result.findings] });
    expect(rows.length).toBe(tidy.length + 1);
    for (const row of rows)
      for (const field of row) {
        if (/^[=+\-@\t\r]/.test(field)) expect(field, field).toMatch(/^-?\d+(\.\d+)?$/);
      }
    // Read back: stripping the one apostrophe gives the original text.
    rows.slice(1).forEach((row, i) => {
      const t = tidy[i];
      if (!t) throw new Error("row count");
      const value = row[8] ?? "";
      const original = t.value === null ? "" : String(t.value);
      expect(value.startsWith("'") && /^[=+\-@\t\r]/.test(original) ? value.slice(1) : value).toBe(original);
      expect((row[5] ?? "").replace(/^'(?=[=+\-@\t\r])/, "")).toBe(t.rowLabel);
    });
    if (report.edition === "local") {
      expect(csv).toContain(",'=1+2,");
      expect(csv).toContain(`,'+cmd|`);
    } else expect(csv).toContain(`"'=HYPERLINK(""http`);
  });

  it("JSON outputs (NDJSON, validation JSON, SARIF) parse back to the same text and hold no raw markup", () => {
    const nd = renderNdjson(report);
    expect(nd).not.toMatch(RAW_MARKUP);
    const rows = nd
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.rowLabel)).toEqual(tidyRows(report).map((r) => r.rowLabel));
    for (const json of [renderValidationJson(report, result), renderSarif({ report, result })]) {
      expect(json).not.toMatch(RAW_MARKUP);
      expect(() => JSON.parse(json)).not.toThrow();
    }
    expect(JSON.parse(renderValidationJson(report, result)).report.body).toBe(report.meta.body);
  });

  it("XML outputs (SVG, JUnit) escape markup and CDATA ends", () => {
    const xmls = [renderOutcomeChart(report), renderJUnit({ report, result }), renderJUnit({ report, result }, { groupBy: "family" })];
    if (report.edition !== "local") xmls.push(renderTrendChart([report]));
    for (const xml of xmls) {
      expect(xml).not.toMatch(RAW_MARKUP);
      expect(xml).not.toContain("]]>");
      // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that no control characters survive
      expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    }
  });

  it("terminal text shows escape sequences instead of sending them", () => {
    for (const text of [renderValidationText(report, result), renderComparisonText(pingtan2021(), report)]) expect(text).not.toContain("\x1b");
    const coloured = renderValidationText(report, result, { color: true });
    // Only our own SGR sequences remain.
    const ours = new RegExp(`${String.fromCharCode(27)}\\[(?:0|1|2|31|32|33|36)m`, "g");
    expect(coloured.replace(ours, "")).not.toContain("\x1b");
  });
});

it("a formula-like cell in a real report is reported by CELL-NOT-NUMERIC and stays text everywhere", () => {
  const report = hostile2021();
  const result = validateReport(report);
  const f = result.findings.find((x) => x.code === "CELL-NOT-NUMERIC" && x.cells[0] === "t3.new.business");
  expect(f?.status).toBe("fail");
  expect(renderValidationHtml(report, result)).toMatch(
    /<td[^>]*data-cell="t3\.new\.business"[^>]*class="fail-warning|class="fail-warning[^"]*"[^>]*data-cell="t3\.new\.business"|id="cell-t3\.new\.business" data-cell="t3\.new\.business" class="fail-warning/,
  );
});

it("terminal text: CR, LF, bidi and zero-width characters in a body's name cannot forge or reorder lines", async () => {
  const { terminalSafe } = await import("../src/escape");
  expect(terminalSafe("泰顺县\r\n[错误] 伪造\u202e\u200b\u001b[31m")).toBe("泰顺县\\x0d\\x0a[错误] 伪造\\u{202e}\\u{200b}\\x1b[31m");
  expect(terminalSafe("a\tb")).toBe("a\tb");
});

it("a blank template is 'no figures', never 'no problems'", async () => {
  const { blankReport, validateReport } = await import("@gov-disclosure/core");
  const { renderValidationText, renderValidationJson } = await import("../src/index");
  const report = blankReport("gen2021");
  const result = validateReport(report);
  const text = renderValidationText(report, result, { locale: "en" });
  expect(result.noData).toBe(true);
  expect(text).toContain("The statistics tables hold no data.");
  expect(text).not.toMatch(/no problems/i);
  expect(JSON.parse(renderValidationJson(report, result)).clean).toBe(false);
});
