import { IMPORT_CODES, PARSE_CODES, RULES, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { renderJUnit, renderSarif } from "../src/index";
import { pingtan2021WithSlip, shanghai2019 } from "./fixtures";

describe("SARIF 2.1.0", () => {
  it("carries the rule catalogue, logical locations, and physical locations and fixes where the importer recorded them", () => {
    const slip = pingtan2021WithSlip();
    // As an importer would record them: where each value was read in pingtan-2021.txt.
    const report = {
      ...slip,
      meta: { ...slip.meta, source: { filename: "pingtan-2021.txt" } },
      sources: { "t3.granted.natural": { line: 10, column: 2601, raw: "72" }, "t3.total.natural": { line: 10, column: 3100, raw: "63" } },
    };
    const result = validateReport(report);
    const log = JSON.parse(renderSarif({ report, result }));
    expect(log.version).toBe("2.1.0");
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([...RULES.map((r) => r.id), ...IMPORT_CODES, ...PARSE_CODES]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    const outcome = run.results.find((r: { ruleId: string }) => r.ruleId === "T3-OUTCOME-SUM");
    expect(outcome.level).toBe("error");
    expect(outcome.kind).toBe("fail");
    expect(outcome.locations[0].logicalLocations[0].fullyQualifiedName).toBe("t3.total.natural");
    expect(outcome.locations[0].physicalLocation.region).toEqual({ startLine: 10, startColumn: 3100, endColumn: 3102, snippet: { text: "63" } });
    expect(outcome.locations[0].physicalLocation.artifactLocation.uri).toBe("pingtan-2021.txt");
    const fix = outcome.fixes[0].artifactChanges[0].replacements[0];
    expect(fix).toEqual({ deletedRegion: { startLine: 10, startColumn: 2601, endColumn: 2603 }, insertedContent: { text: "27" } });
    expect(run.results.filter((r: { kind: string }) => r.kind === "notApplicable").every((r: { level: string }) => r.level === "none")).toBe(true);
  });
});

describe("JUnit", () => {
  it("counts one testcase per applicable rule and report; failures are exactly the error findings, warnings go to system-out", () => {
    const items = [pingtan2021WithSlip(), shanghai2019()].map((report) => ({ report, result: validateReport(report) }));
    const xml = renderJUnit(items);
    const errors = items.reduce((n, i) => n + i.result.counts.error, 0);
    const warnings = items.reduce((n, i) => n + i.result.counts.warning, 0);
    expect(errors).toBe(2);
    expect(warnings).toBe(11);
    // One rule with two error instances would get two testcases; here each failing rule has one error.
    const applicable = items.reduce((n, i) => n + RULES.filter((r) => r.editions.includes(i.report.edition)).length, 0);
    expect(xml).toContain(`<testsuites name="gov-disclosure" tests="${applicable}" failures="${errors}"`);
    expect(xml.match(/<failure /g)?.length).toBe(errors);
    // Shanghai's 11 blank totals (T3-TOTAL-MISSING warnings) are reported in the testcase's system-out.
    const out = xml.match(/name="T3-TOTAL-MISSING">\s*<system-out>([^<]*)<\/system-out>/)?.[1] ?? "";
    expect(out.match(/\[警告\]/g)?.length).toBe(11);
    expect(xml).not.toMatch(/<failure type="warning"/);
    expect(renderJUnit(items, { groupBy: "family" })).toContain('<testsuite name="T3"');
  });

  it("a rule with several error findings gets one failing testcase per finding", () => {
    // Two slips in one column break T3-ROW-TOTAL on two rows: two error findings of one rule.
    const base = pingtan2021WithSlip();
    const report = { ...base, cells: { ...base.cells, "t3.partial.natural": { kind: "count" as const, value: 50 } } };
    const result = validateReport(report);
    const rowTotals = result.findings.filter((f) => f.code === "T3-ROW-TOTAL" && f.status === "fail");
    expect(rowTotals.length).toBe(2);
    const xml = renderJUnit({ report, result });
    expect(xml).toContain(`failures="${result.counts.error}"`);
    expect(xml.match(/<failure /g)?.length).toBe(result.counts.error);
    expect(xml).toContain('name="T3-ROW-TOTAL:granted"');
    expect(xml).toContain('name="T3-ROW-TOTAL:partial"');
  });
});
