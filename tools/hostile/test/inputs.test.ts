// Hostile JSON (__proto__/constructor keys, counts beyond 2^53) and hostile HTML (scripts, 100,000 nested tags).
import { parseReport, parseReportJson, stringifyReport, validateReport } from "@gov-disclosure/core";
import { generateReport, toFlattenedText } from "@gov-disclosure/generator";
import { importText } from "@gov-disclosure/import";
import { renderHtml } from "@gov-disclosure/render";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { printTallies, tally, within } from "./helpers";

afterAll(() => printTallies("inputs"));
const BOUND = 5_000;
const params = (numRuns: number) => ({ numRuns, seed: Number(process.env.HOSTILE_SEED ?? 20240601), endOnFailure: true });
const base = generateReport({ edition: "gen2021", seed: 11 });
const baseJson = stringifyReport(base);

const polluted = () => ({}) as Record<string, unknown>;
const noPollution = () => {
  for (const k of ["polluted", "isAdmin", "edition", "0"]) expect(polluted()[k], `Object.prototype.${k}`).toBeUndefined();
  expect(Object.prototype.toString.call([])).toBe("[object Array]");
};

describe("__proto__ and constructor keys in JSON", () => {
  const places = ["top", "meta", "cells", "sources", "section"] as const;
  const keys = ["__proto__", "constructor", "prototype", "hasOwnProperty", "toString", "valueOf"] as const;
  it("never pollute Object.prototype, never throw, never land in the report as cells", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...places),
        fc.constantFrom(...keys),
        fc.constantFrom('{"polluted":1,"isAdmin":true}', '{"prototype":{"polluted":1}}', "1", '"x"', "null"),
        (place, key, value) => {
          tally("prototype keys in JSON");
          const inject = `"${key}":${value}`;
          let text = baseJson;
          if (place === "top") text = text.replace(/^\{/, `{${inject},`);
          if (place === "meta") text = text.replace(/"meta":\{/, `"meta":{${inject},`);
          if (place === "cells") text = text.replace(/"cells":\{/, `"cells":{${inject},`);
          if (place === "sources") text = text.replace(/\}\s*$/, `,"sources":{${inject}}}`);
          if (place === "section") text = text.replace(/"sections":\[\{/, `"sections":[{${inject},`);
          const parsed = parseReportJson(text);
          noPollution();
          const imported = importText(text, { filename: "a.json" });
          noPollution();
          if (parsed.success) {
            expect(Object.keys(parsed.report.cells)).not.toContain(key);
            expect(Object.hasOwn(parsed.report.cells, "__proto__")).toBe(false);
            expect(() => validateReport(parsed.report)).not.toThrow();
            expect(() => stringifyReport(parsed.report)).not.toThrow();
          }
          if (imported.report) expect(Object.keys(imported.report.cells)).not.toContain(key);
          noPollution();
        },
      ),
      params(90),
    );
  });

  it("a __proto__ cell id is rejected by parseReport, not silently kept", () => {
    tally("prototype keys in JSON");
    const json = JSON.parse(baseJson) as { cells: Record<string, unknown> };
    Object.defineProperty(json.cells, "__proto__", { value: 5, enumerable: true, configurable: true, writable: true });
    const r = parseReport(json);
    noPollution();
    if (r.success) expect(Object.hasOwn(r.report.cells, "__proto__")).toBe(false);
    else expect(r.issues.length).toBeGreaterThan(0);
  });
});

describe("counts beyond 2^53", () => {
  const big = fc.oneof(fc.bigInt({ min: 2n ** 53n, max: 10n ** 40n }), fc.constantFrom(2n ** 53n, 2n ** 53n + 1n, 2n ** 64n, 10n ** 21n, 10n ** 308n));
  it("canonical JSON: an unsafe integer count is an issue, never a rounded number", () => {
    fc.assert(
      fc.property(big, fc.boolean(), (n, negative) => {
        tally("counts beyond 2^53 (JSON)");
        const lit = `${negative ? "-" : ""}${n}`;
        const text = baseJson.replace(/"t3\.new\.natural":\s*[^,}]+/, `"t3.new.natural":${lit}`);
        const parsed = parseReportJson(text);
        if (parsed.success) {
          const v = parsed.report.cells["t3.new.natural"];
          // accepted only if kept exactly (as text), never as a rounded JS number
          expect(typeof v === "number" && !Number.isSafeInteger(v)).toBe(false);
          if (typeof v === "number") expect(BigInt(v)).toBe(BigInt(lit));
        }
      }),
      params(60),
    );
  });

  it("text: a long run of digits is never read as an unsafe number", () => {
    fc.assert(
      fc.property(big, fc.constantFrom("lines", "glued") as fc.Arbitrary<"lines" | "glued">, (n, style) => {
        tally("counts beyond 2^53 (text)");
        const text = toFlattenedText(base, { style }).replace(/(收到申请数|本年新收政府信息公开申请数量)(\D{0,40}?)(\d+)/, `$1$2${n}`);
        expect(text).toContain(String(n));
        const r = importText(text, { filename: "a.txt" });
        if (!r.report) return;
        for (const [id, v] of Object.entries(r.report.cells)) if (typeof v === "number") expect(Number.isSafeInteger(v), `${id} = ${v}`).toBe(true);
        expect(() => validateReport(r.report as NonNullable<typeof r.report>)).not.toThrow();
      }),
      params(40),
    );
  });
});

describe("hostile HTML", () => {
  it("100,000 nested tags: bounded time, no stack overflow", async () => {
    for (const tag of ["div", "table", "td", "b", "span"]) {
      tally("deeply nested HTML");
      const n = 100_000;
      const html = `<html><body>${`<${tag}>`.repeat(n)}一、总体情况 收到申请数 5${`</${tag}>`.repeat(n)}</body></html>`;
      const r = await within(BOUND * 2, `${n} nested <${tag}>`, () => importText(html, { filename: "a.html" }));
      // one label and one number are no table: one error saying so; nested deeper than the walk goes (a table is read
      // as a grid, not walked): read as text, and said so
      expect(r.issues.filter((d) => d.severity === "error").map((d) => d.code)).toEqual(["IMPORT-NOT-A-REPORT"]);
      if (tag !== "table" && tag !== "td") expect(r.issues.map((d) => d.code)).toContain("IMPORT-NESTING");
    }
  });

  it("unclosed nesting and a report inside 100,000 open tags", async () => {
    tally("deeply nested HTML");
    const html = `${"<div>".repeat(100_000)}${renderHtml(base)}`;
    const r = await within(BOUND * 2, "unclosed nesting", () => importText(html, { filename: "a.html" }));
    expect(r.issues.map((d) => d.code)).toContain("IMPORT-NESTING");
    // the report inside is still found (as text): one error at most, never a crash
    expect(r.issues.filter((d) => d.severity === "error").length).toBeLessThanOrEqual(1);
  });

  it("scripts, styles, comments and templates never become data", () => {
    const html = renderHtml(base);
    const plain = importText(html, { filename: "a.html" });
    expect(plain.report).toBeDefined();
    const fake = "<table><tr><td>本年新收政府信息公开申请数量</td><td>99999</td></tr></table>";
    const wrappers = [
      `<script>document.write("${fake.replace(/"/g, '\\"')}")</script>`,
      `<script type="text/template">${fake}</script>`,
      `<style>/* ${fake} */</style>`,
      `<!-- ${fake} -->`,
      `<template>${fake}</template>`,
      `<noscript>${fake}</noscript>`,
      `<script>${"x".repeat(1_000_000)}</script>`,
      `<script src="javascript:alert(1)"></script><img src=x onerror="alert(1)">`,
    ];
    for (const w of wrappers) {
      tally("scripts in HTML");
      const t = performance.now();
      const r = importText(html.replace("<body>", `<body>${w}`), { filename: "a.html" });
      expect(performance.now() - t).toBeLessThan(BOUND);
      expect(r.report?.cells, w.slice(0, 40)).toEqual(plain.report?.cells);
    }
  });
});
