import { flattenReport, parseReportJson, type Report, validateReport } from "@gov-disclosure/core";
import { importReport, importText } from "@gov-disclosure/import";
import { describe, expect, it } from "vitest";
import { renderHtml, renderMarkdown, renderXlsx } from "../src/index";
import { fixtureText } from "./fixtures";

// Round trips through the importer: what render writes, import must read back to the same numbers.
const canonical = (name: string): Report => {
  const parsed = parseReportJson(fixtureText(`canonical/${name}.json`));
  if (!parsed.success) throw new Error(name);
  return parsed.report;
};
const REPORTS = ["taishun-2018", "shanghai-govoffice-2019", "pingtan-2021", "pingtan-2017", "pingtan-2011"].map((n) => [n, canonical(n)] as const);

/** The cells as canonical JSON values (blank = null), for comparing numbers regardless of source locations. */
const numbers = (r: Report) => Object.fromEntries(flattenReport(r).map((c) => [c.cell, c.json]));
const national = REPORTS.filter(([, r]) => r.edition !== "local");

describe("render → import", () => {
  it.each(REPORTS)("%s: report → XLSX → import is identical (cells, edition, metadata)", async (_name, report) => {
    const back = await importReport(await renderXlsx(report), { filename: "report.xlsx" });
    expect(back.report?.edition).toBe(report.edition);
    expect(numbers(back.report as Report)).toEqual(numbers(report));
    expect(back.report?.meta).toMatchObject({ body: report.meta.body, year: report.meta.year });
    // every section comes back, those with a title and no text included
    expect(back.report?.sections).toEqual(report.sections);
    if (report.edition === "local") expect(back.report?.local?.rows.map((r) => r.label)).toEqual(report.local?.rows.map((r) => r.label));
  });

  it.each(national)("%s: report → HTML → import gives the same numbers", (_name, report) => {
    const back = importText(renderHtml(report), { filename: "report.html" });
    expect(back.report?.edition).toBe(report.edition);
    expect(numbers(back.report as Report)).toEqual(numbers(report));
    expect(validateReport(back.report as Report).counts.error).toBe(validateReport(report).counts.error);
  });

  const markdownRoundTrip = (report: Report) => {
    const back = importText(renderMarkdown(report), { filename: "report.md" });
    expect(numbers(back.report as Report)).toEqual(numbers(report));
  };
  it.each(national)("%s: report → Markdown → import gives the same numbers", (_name, report) => markdownRoundTrip(report));
});
