import { readFileSync } from "node:fs";
import { formatIssue, parseReportJson, stringifyReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { exportName, readBytes, readText, toJson } from "../src/io";
import { check } from "../src/state";

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url));

describe("reading canonical JSON (core, no importer)", () => {
  it("pasted or dropped, a canonical report reads back exactly, with no issue", async () => {
    const text = fixture("canonical/pingtan-2021.json").toString("utf8");
    const parsed = parseReportJson(text);
    if (!parsed.success) throw new Error("fixture");
    const pasted = await readText(text);
    expect(pasted.format).toBe("json");
    expect(pasted.issues).toEqual([]);
    expect(pasted.report).toEqual(parsed.report);
    const dropped = await readBytes(new Uint8Array(fixture("canonical/pingtan-2021.json")), "平潭.json");
    expect(dropped.report).toEqual(parsed.report);
    expect(await toJson(dropped.report as never)).toBe(stringifyReport(parsed.report));
    expect(exportName(parsed.report, "json")).toBe(`${parsed.report.meta.body?.replace(/[\\/:*?"<>|\s]+/g, "_")}-2021.json`);
  });
});

// These go through @gov-disclosure/import (its `issues` API): real published reports.
describe("reading published reports (the importer, loaded on demand)", () => {
  it("Pingtan 2019: the guessed splits come back as import issues with cells and source, and are counted", async () => {
    const r = await readBytes(new Uint8Array(fixture("real/pingtan-2019.txt")), "pingtan-2019.txt");
    expect(r.report?.edition).toBe("gen2019");
    const ambiguous = r.issues.filter((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS");
    expect(ambiguous.length).toBeGreaterThan(0);
    for (const i of ambiguous) {
      expect(i.phase).toBe("import");
      expect(i.severity).toBe("warning");
      expect(i.cells.length).toBeGreaterThan(0);
      expect(i.source).toBeDefined();
    }
    const c = check(r.report as never, { importIssues: r.issues });
    const warnings = c.failing.filter((f) => f.severity === "warning");
    expect(c.result.counts.warning).toBe(warnings.length);
    expect(c.result.counts.warning).toBeGreaterThanOrEqual(ambiguous.length);
    for (const i of ambiguous) {
      expect(c.failing).toContain(i);
      const en = formatIssue(i, "en", c.report);
      expect(en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(en).not.toMatch(/\b(t[234]|old)\.[a-z_0-9]+\.[a-z_0-9]+/);
    }
  });

  it("a letter filed as an annual report: no report, and an error that says so", async () => {
    const r = await readBytes(new Uint8Array(fixture("real/pingtan-2014-letter-not-a-report.txt")), "letter.txt");
    expect(r.report).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toContain("IMPORT-NOT-A-REPORT");
    expect(r.issues.find((i) => i.code === "IMPORT-NOT-A-REPORT")?.severity).toBe("error");
  });

  it("broken canonical JSON: parse issues with their paths, worded in both languages", async () => {
    const text = fixture("canonical/pingtan-2021.json").toString("utf8").replace('"edition": "gen2021"', '"edition": "gen2099"');
    expect(text).toContain("gen2099");
    const r = await readText(text);
    expect(r.report).toBeUndefined();
    // The importer says the JSON is invalid, then core says where: the edition.
    expect(r.issues.map((i) => i.code)).toContain("IMPORT-JSON-INVALID");
    const parse = r.issues.filter((i) => i.phase === "parse");
    expect(parse.map((i) => i.path)).toContainEqual(["edition"]);
    for (const i of r.issues) {
      expect(i.severity).toBe("error");
      for (const locale of ["zh-CN", "en"] as const) expect(formatIssue(i, locale)).not.toMatch(/\{\w+\}/);
    }
  });
});
