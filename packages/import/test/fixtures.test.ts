import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CellDef, cellsOf, createReport, formatIssue, type Report, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { importReport, type ImportResult } from "../src/index";

const HERE = dirname(fileURLToPath(import.meta.url));
const DIR = join(HERE, "../../../fixtures/real");

interface Check {
  row: string[];
  col: string[] | null;
  value: number | string;
}
interface Expected {
  file: string;
  format_generation: string;
  checks?: Check[];
  violations?: { type: string; detail: string }[];
}

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => JSON.parse(readFileSync(join(DIR, f), "utf8")) as Expected);

const norm = (s: string) =>
  s
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[\s“”"]/g, "");

/** The cell whose row label path holds every row keyword (the last one in its last label) and whose column label holds the column keyword. */
function findCell(report: Report, check: Check): CellDef | undefined {
  const defs = cellsOf(report.edition, report.local?.rows ?? [], report.local?.columns).map((d) =>
    report.edition === "local" && report.local?.columns ? { ...d, colPath: [report.local.columns[d.col === "current" ? 0 : 1] ?? ""] } : d,
  );
  const hits = defs.filter((d) => {
    const path = d.rowPath.map(norm);
    const joined = path.join("/");
    const lastKw = norm(check.row[check.row.length - 1]!);
    if (!check.row.every((k) => joined.includes(norm(k))) || !path[path.length - 1]!.includes(lastKw)) return false;
    if (!check.col) return d.col === "value";
    const col = norm(d.colPath[d.colPath.length - 1] ?? "");
    return check.col.every((k) => col.includes(norm(k)));
  });
  hits.sort((a, b) => a.rowPath.join("").length - b.rowPath.join("").length);
  return hits[0];
}

function valueText(report: Report, id: string): string | undefined {
  const v = report.cells[id];
  if (!v) return undefined;
  if (v.kind === "count") return String(v.value);
  if (v.kind === "money") return v.value.toFixed();
  return v.kind;
}

const results = new Map<string, ImportResult>();
async function load(e: Expected, previous?: Report): Promise<ImportResult> {
  const key = e.file + (previous ? "+prev" : "");
  if (!results.has(key))
    results.set(key, await importReport(new Uint8Array(readFileSync(join(DIR, e.file))), { filename: e.file, ...(previous ? { previous } : {}) }));
  return results.get(key)!;
}

/** The issue codes each kind of listed violation must produce (import issues or rule findings). */
function codesFor(type: string): string[][] {
  if (/cumulative/.test(type)) return [["LOCAL-CUM-YOY"]];
  if (/table 4/.test(type)) return [["IMPORT-NARRATIVE-MISMATCH"]];
  // the combined 予以公开及部分公开 figure (core compares it as the group t3.disclosed; 无法提供265件 quotes its part 本机关不掌握)
  if (/table 3/.test(type)) return [["NARR-APP-OUTCOME"]];
  if (/parts|category|breakdown/.test(type)) return [["IMPORT-NARRATIVE-BREAKDOWN"]];
  if (/narrative vs table/.test(type)) return [["NARR-APP-RECEIVED"]];
  throw new Error(`unmapped violation type ${type}`);
}

describe("real fixtures", () => {
  for (const e of fixtures) {
    if (e.format_generation.startsWith("not-a-report")) {
      it(`${e.file}: one clear not-a-report error`, async () => {
        const r = await load(e);
        expect(r.report).toBeUndefined();
        const errors = r.issues.filter((d) => d.severity === "error");
        expect(errors.map((d) => d.code)).toEqual(["IMPORT-NOT-A-REPORT"]);
        expect(formatIssue(errors[0]!, "zh-CN")).toContain("本年新收政府信息公开申请数量");
        expect(formatIssue(errors[0]!, "en")).toMatch(/^This is not a government information disclosure annual report/);
      });
      continue;
    }
    it(`${e.file}: edition from the labels`, async () => {
      const r = await load(e);
      const want = { pre2019: ["gen2014", "local"], f2019: ["gen2019"], f2021: ["gen2021"] }[e.format_generation] ?? [];
      expect(want).toContain(r.edition);
    });
    it(`${e.file}: every checked figure exactly right`, async () => {
      const r = await load(e);
      const report = r.report!;
      expect(report).toBeDefined();
      const wrong: string[] = [];
      for (const check of e.checks ?? []) {
        const def = findCell(report, check);
        if (!def) {
          wrong.push(`no cell for ${check.row.join("/")} × ${check.col?.join("/")}`);
          continue;
        }
        const got = valueText(report, def.id);
        if (got !== String(check.value)) wrong.push(`${def.id}: got ${got}, want ${check.value}`);
        // a figure kept from an ambiguous split must at least be among the candidates reported
        if (r.ambiguous[def.id]) expect(r.ambiguous[def.id]).toContain(String(check.value));
        // every value keeps its source
        expect(report.sources[def.id]?.raw).toBeDefined();
      }
      expect(wrong).toEqual([]);
      expect(e.checks?.length ?? 0).toBeGreaterThan(0);
    });
    it(`${e.file}: listed violations are reported, and nothing else is an error`, async () => {
      let previous: Report | undefined;
      if (e.violations?.some((v) => v.type.includes("cross-year cumulative"))) {
        // the 2016 report's cumulative figure quoted in the violation is the previous report's 历年累计
        const prevCum = Number(/历年累计 (\d+)/.exec(e.violations.find((v) => v.type.includes("cumulative"))!.detail)![1]);
        const cur = (await load(e)).report!;
        const rows = cur.local!.rows;
        previous = createReport({
          edition: "local",
          meta: { ...(cur.meta.body ? { body: cur.meta.body } : {}), ...(cur.meta.year ? { year: cur.meta.year - 1 } : {}) },
          local: { rows },
          cells: { [`local.${rows[0]!.id}.cumulative`]: prevCum },
        });
      }
      const r = await load(e, previous);
      const findings = validateReport(r.report!, { ...(previous ? { previous } : {}), importIssues: r.issues }).findings;
      expect(findings.filter((f) => f.severity === "error" && f.status === "fail").map((f) => f.code)).toEqual([]);
      const codes = new Set(findings.filter((f) => f.status === "fail").map((f) => f.code));
      for (const v of e.violations ?? [])
        for (const any of codesFor(v.type))
          expect(
            any.some((c) => codes.has(c as never)),
            `${v.type}: ${any}`,
          ).toBe(true);
      // a report without a listed narrative violation gets no narrative warning from the import
      if (!e.violations?.length) expect([...codes].filter((c) => c.startsWith("IMPORT-NARRATIVE"))).toEqual([]);
    });
  }
});
