import { RULES, validateReport } from "@gov-disclosure/core";
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
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
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
  it("counts one testcase per applicable rule and report, failures for error and warning findings only", () => {
    const items = [pingtan2021WithSlip(), shanghai2019()].map((report) => ({ report, result: validateReport(report) }));
    const xml = renderJUnit(items);
    const applicable = items.reduce((n, i) => n + RULES.filter((r) => r.editions.includes(i.report.edition)).length, 0);
    expect(xml).toContain(`<testsuites name="gov-disclosure" tests="${applicable}"`);
    const failedRules = new Set(
      items.flatMap((i, k) => i.result.findings.filter((f) => f.status === "fail" && f.severity !== "info").map((f) => `${k}:${f.ruleId}`)),
    );
    expect(xml.match(/<failure /g)?.length).toBe(failedRules.size);
    expect(renderJUnit(items, { groupBy: "family" })).toContain('<testsuite name="T3"');
  });
});
