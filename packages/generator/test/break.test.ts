import { EDITIONS, type Edition, importIssue, RULES, rulesFor, serializeReport, validateReport } from "@gov-disclosure/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BreakKind, breakKindsFor, breakReport, EXTRA_BREAK_KINDS, generateReport } from "../src/index";

const failing = (report: Parameters<typeof validateReport>[0]): Set<string> =>
  new Set(
    validateReport(report)
      .findings.filter((f) => f.status === "fail" && f.severity !== "info")
      .map((f) => f.code),
  );

describe("breakKindsFor", () => {
  it("covers every error and warning rule of the catalogue that one report can break", () => {
    const covered = new Set(EDITIONS.flatMap((e) => breakKindsFor(e)));
    const breakable = RULES.filter((r) => r.severity !== "info" && !r.previous).map((r) => r.id);
    expect(breakable.filter((id) => !covered.has(id))).toEqual([]);
    for (const e of EDITIONS) {
      expect(breakKindsFor(e)).toEqual(expect.arrayContaining([...EXTRA_BREAK_KINDS]));
      for (const k of breakKindsFor(e)) if (!(EXTRA_BREAK_KINDS as readonly string[]).includes(k)) expect(rulesFor(e).map((r) => r.id)).toContain(k);
    }
  });

  it("refuses a kind that does not apply to the edition", () => {
    const r = generateReport({ edition: "gen2014", seed: 1 });
    expect(() => breakReport(r, "T3-BALANCE", 1)).toThrow(RangeError);
  });
});

const cases: [Edition, BreakKind][] = EDITIONS.flatMap((e) => breakKindsFor(e).map((k) => [e, k] as [Edition, BreakKind]));

describe.each(cases)("breakReport %s %s", (edition, kind) => {
  it("makes each expected rule fail, and nothing else but narrative rules about the mutated cells", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 0, max: 1000 }), (seed, breakSeed) => {
        const report = generateReport({ edition, seed });
        const broken = breakReport(report, kind, breakSeed);
        expect(broken.expectedRules.length).toBeGreaterThan(0);
        expect(broken.note.length).toBeGreaterThan(0);
        const before = failing(report);
        const after = failing(broken.report);
        for (const rule of broken.expectedRules) expect(after.has(rule), `${rule} should fail: ${broken.note}`).toBe(true);
        const unexpected = [...after].filter(
          (r) => !before.has(r) && !(broken.expectedRules as readonly string[]).includes(r) && !(broken.mayAlsoFire as readonly string[]).includes(r),
        );
        expect(unexpected, broken.note).toEqual([]);
        for (const r of broken.mayAlsoFire) expect(r.startsWith("NARR-")).toBe(true);
        // The input is left alone and the break is deterministic.
        expect(failing(report).size).toBe(0);
        expect(serializeReport(breakReport(report, kind, breakSeed).report)).toEqual(serializeReport(broken.report));
        for (const id of broken.mutatedCells) expect(broken.originalValues).toHaveProperty([id]);
      }),
      { numRuns: 25 },
    );
  });
});

describe("typo-digit and the fault localiser", () => {
  it.each(["gen2019", "gen2021", "gen2014"] as const)("%s: the corrections undo the typo (for table 三, as the top, complete one)", (edition) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const broken = breakReport(generateReport({ edition, seed }), "typo-digit", seed);
        const fix = broken.fix;
        if (!fix) throw new Error("no fix");
        expect(broken.mutatedCells[0]).toBe(fix.cell);
        expect(fix.from.length).toBe(fix.to.length);
        expect([...fix.from].filter((d, i) => d !== fix.to[i])).toHaveLength(1);
        const { corrections } = validateReport(broken.report);
        expect(corrections.map((c) => [c.cell, c.from, c.to])).toContainEqual([fix.cell, fix.from, fix.to]);
        if (fix.cell.startsWith("t3.")) {
          expect(corrections[0]).toMatchObject({ cell: fix.cell, to: fix.to, complete: true });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("an import's issue on the mistyped cell is listed first, counted, named on the rule findings and blocks its correction", () => {
    for (const seed of [3, 17, 40]) {
      const broken = breakReport(generateReport({ edition: "gen2021", seed, level: "county" }), "typo-digit", seed);
      const fix = broken.fix;
      if (!fix) throw new Error("no fix");
      const plain = validateReport(broken.report);
      // Without import issues, only rule findings: the fault localiser offers the fix.
      expect(plain.findings.filter((f) => f.phase !== "rule")).toEqual([]);
      expect(plain.corrections.map((c) => c.cell)).toContain(fix.cell);
      const issue = importIssue("IMPORT-SPLIT-AMBIGUOUS", "warning", { n: 2, cells: [fix.cell], chosen: "most-plausible" }, { cells: [fix.cell] });
      const result = validateReport(broken.report, { importIssues: [issue] });
      expect(result.findings[0]).toBe(issue);
      expect(result.counts.warning).toBe(plain.counts.warning + 1);
      expect(result.counts.error).toBe(plain.counts.error);
      expect(result.uncertainCells).toEqual([fix.cell]);
      expect(result.corrections.map((c) => c.cell)).not.toContain(fix.cell);
      const reading = result.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.cells.includes(fix.cell));
      expect(reading.map((f) => f.code).sort()).toEqual([...broken.expectedRules].sort());
      for (const f of reading) expect(f.uncertainCells).toEqual([fix.cell]);
    }
  });

  it("local: a typo in a 其中 row is reported by LOCAL-ITEMS-SUM", () => {
    for (let seed = 0; seed < 50; seed++) {
      const broken = breakReport(generateReport({ edition: "local", seed }), "typo-digit", seed);
      expect(broken.expectedRules).toContain("LOCAL-ITEMS-SUM");
      expect(failing(broken.report).has("LOCAL-ITEMS-SUM")).toBe(true);
    }
  });
});

describe("named break kinds", () => {
  it("wrong-edition moves the year, title and prose outside the edition's years", () => {
    const r = generateReport({ edition: "gen2019", seed: 2 });
    const b = breakReport(r, "wrong-edition", 2);
    expect(b.report.meta.year).toBeGreaterThanOrEqual(2021);
    expect(b.report.meta.title).toContain(`${b.report.meta.year}年`);
    expect(b.expectedRules).toEqual(["META-GEN-DETECT", "T3-OTHER-SPLIT"]);
  });

  it("text-in-cell puts text in a numeric cell", () => {
    const b = breakReport(generateReport({ edition: "gen2021", seed: 4 }), "text-in-cell", 4);
    const cell = b.mutatedCells[0] ?? "";
    expect(b.report.cells[cell]?.kind).toBe("text");
    expect(b.expectedRules).toEqual(["CELL-NOT-NUMERIC"]);
  });

  it("blank-totals leaves the 总计 column of table 三 blank", () => {
    const b = breakReport(generateReport({ edition: "gen2021", seed: 8, level: "county" }), "blank-totals", 8);
    expect(b.mutatedCells.filter((c) => c.endsWith(".total")).length).toBeGreaterThan(1);
    expect(b.expectedRules).toEqual(["T3-TOTAL-MISSING"]);
  });
});
