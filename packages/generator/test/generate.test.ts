import { EDITIONS, type Edition, type Issue, formatIssue, parseReport, serializeReport, validateReport } from "@gov-disclosure/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EDITION_YEARS, GENERATED_LEVELS, generateCorpus, generateReport } from "../src/index";

const RUNS = 120;
const seed = fc.integer({ min: 0, max: 0x7fffffff });
const level = fc.constantFrom(...GENERATED_LEVELS);

/** Failing error and warning findings: what a valid report must not have. */
const problems = (findings: readonly Issue[]) => findings.filter((f) => f.status === "fail" && f.severity !== "info");

describe.each(EDITIONS)("generateReport %s", (edition: Edition) => {
  it("round-trips through serializeReport → parseReport identically", () => {
    fc.assert(
      fc.property(seed, fc.option(level, { nil: undefined }), (s, lv) => {
        const report = generateReport({ edition, seed: s, ...(lv ? { level: lv } : {}) });
        const json = JSON.parse(JSON.stringify(serializeReport(report)));
        const parsed = parseReport(json);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
        expect(serializeReport(parsed.report)).toEqual(json);
      }),
      { numRuns: RUNS },
    );
  });

  it("holds every identity: no error and no warning, only not-assessable for the cross-year rules", () => {
    fc.assert(
      fc.property(seed, fc.option(level, { nil: undefined }), (s, lv) => {
        const report = generateReport({ edition, seed: s, ...(lv ? { level: lv } : {}) });
        const result = validateReport(report);
        expect(problems(result.findings).map((f) => `${f.code}:${f.key ?? ""} ${formatIssue(f, "en", report)}`)).toEqual([]);
        for (const f of result.findings.filter((x) => x.status === "not-assessable" && x.severity !== "info"))
          expect(["no_previous", "no_data"]).toContain(f.reason);
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic per seed and consistent in its metadata", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = generateReport({ edition, seed: s });
        expect(serializeReport(generateReport({ edition, seed: s }))).toEqual(serializeReport(a));
        const [lo, hi] = EDITION_YEARS[edition];
        expect(a.meta.year).toBeGreaterThanOrEqual(lo);
        expect(a.meta.year).toBeLessThanOrEqual(hi);
        expect(a.meta.title).toBe(`${a.meta.body}${a.meta.year}年政府信息公开工作年度报告`);
        expect(Number(a.meta.publishedAt?.slice(0, 4))).toBe((a.meta.year ?? 0) + 1);
        expect(a.sections).toHaveLength(6);
      }),
      { numRuns: 40 },
    );
  });

  it("states figures of its tables in the prose, each recorded as a claim found in a section", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const report = generateReport({ edition, seed: s });
        const prose = report.sections.map((x) => x.text).join("");
        expect(report.claims?.length ?? 0).toBeGreaterThan(0);
        for (const claim of report.claims ?? []) {
          expect(prose).toContain(claim.text);
          const cell = report.cells[claim.cell];
          const shown = cell?.kind === "count" ? String(cell.value) : cell?.kind === "money" ? cell.value.toFixed() : "0";
          expect(claim.value).toBe(shown);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("realism", () => {
  const apps = (edition: Edition, lv: (typeof GENERATED_LEVELS)[number], n: number) =>
    Array.from({ length: n }, (_, i) => {
      const r = generateReport({ edition, seed: i, level: lv });
      const v = r.cells[edition === "gen2014" ? "old.C1" : "t3.new.total"];
      return v?.kind === "count" ? v.value : 0;
    }).sort((a, b) => a - b);

  it("a township gets a handful of applications, a province thousands", () => {
    const township = apps("gen2021", "township", 200);
    const province = apps("gen2021", "province", 200);
    expect(township.filter((x) => x === 0).length).toBeGreaterThan(60);
    expect(Math.max(...township)).toBeLessThanOrEqual(8);
    expect(province[100]).toBeGreaterThan(1000);
    expect(apps("gen2014", "province", 50)[25]).toBeGreaterThan(1000);
  });

  it("only bodies with rule-making power report 规章, and provinces hold hundreds in force", () => {
    for (let i = 0; i < 100; i++) {
      const county = generateReport({ edition: "gen2021", seed: i, level: "county" });
      expect(county.cells["t2.rules.in_force"]).toEqual({ kind: "count", value: 0 });
    }
    const inForce = Array.from({ length: 50 }, (_, i) => {
      const v = generateReport({ edition: "gen2021", seed: i, level: "province" }).cells["t2.rules.in_force"];
      return v?.kind === "count" ? v.value : 0;
    }).sort((a, b) => a - b);
    expect(inForce[25]).toBeGreaterThan(100);
  });

  it("writes money as exact decimals of at most 6 places and signs the 2019 本年增/减 cells", () => {
    let decimals = 0;
    let negative = 0;
    for (let i = 0; i < 200; i++) {
      const fee = serializeReport(generateReport({ edition: "gen2021", seed: i })).cells["t2.fees.amount"];
      expect(typeof fee).toBe("string");
      expect(fee).toMatch(/^\d+(\.\d{1,6})?$/);
      if (String(fee).includes(".")) decimals++;
      const r19 = generateReport({ edition: "gen2019", seed: i });
      for (const row of ["licensing", "services", "penalty", "coercion", "fees"]) {
        const c = r19.cells[`t2.${row}.change`];
        if (c?.kind === "count" && c.value < 0) negative++;
      }
    }
    expect(decimals).toBeGreaterThan(50);
    expect(negative).toBeGreaterThan(50);
  });

  it("uses every generated level and varied bodies", () => {
    const bodies = new Set<string>();
    const levels = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const r = generateReport({ edition: "gen2021", seed: i });
      bodies.add(r.meta.body ?? "");
      levels.add(r.meta.level ?? "");
    }
    expect(bodies.size).toBeGreaterThan(200);
    expect([...levels].sort()).toEqual([...GENERATED_LEVELS].sort());
  });
});

describe("generateCorpus", () => {
  it("is lazy: taking the first report does not build the rest", () => {
    const it = generateCorpus({ count: 1_000_000_000, seed: 1 });
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value?.edition).toBe("local");
  });

  it("streams 10,000 valid-looking reports with flat memory, cycling through the editions given", () => {
    const counts: Record<string, number> = {};
    let n = 0;
    const start = process.memoryUsage().heapUsed;
    for (const r of generateCorpus({ count: 10_000, seed: 7, editions: ["gen2021", "gen2019"] })) {
      counts[r.edition] = (counts[r.edition] ?? 0) + 1;
      n++;
    }
    const grown = process.memoryUsage().heapUsed - start;
    expect(n).toBe(10_000);
    expect(counts).toEqual({ gen2021: 5000, gen2019: 5000 });
    expect(grown).toBeLessThan(200 * 1024 * 1024);
  });

  it("yields valid reports and the same stream for the same seed", () => {
    const a = [...generateCorpus({ count: 40, seed: 3 })];
    const b = [...generateCorpus({ count: 40, seed: 3 })];
    expect(a.map(serializeReport)).toEqual(b.map(serializeReport));
    for (const r of a) expect(problems(validateReport(r).findings)).toEqual([]);
  });
});
