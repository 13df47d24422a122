import { EDITIONS, type Edition, formatIssue, type RuleId, serializeReport, validateReport } from "@gov-disclosure/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSeries } from "../src/index";

const CROSS_YEAR: Readonly<Record<Edition, readonly RuleId[]>> = {
  local: ["LOCAL-CUM-YOY", "YOY-IDENTICAL"],
  gen2014: ["YOY-IDENTICAL"],
  gen2019: ["T3-YOY-CARRY", "YOY-IDENTICAL"],
  gen2021: ["T3-YOY-CARRY", "T2-21-VALID-YOY", "T2-21-VALID-GE", "YOY-IDENTICAL"],
};
const MAX_YEARS: Readonly<Record<Edition, number>> = { local: 6, gen2014: 5, gen2019: 2, gen2021: 5 };

describe.each(EDITIONS)("generateSeries %s", (edition: Edition) => {
  it("gives consecutive years of one body in which every cross-year rule passes when previous is given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), fc.integer({ min: 2, max: MAX_YEARS[edition] }), (seed, years) => {
        const series = generateSeries({ edition, seed, years });
        expect(series).toHaveLength(years);
        for (let i = 1; i < series.length; i++) {
          const report = series[i]!;
          const previous = series[i - 1]!;
          expect(report.meta.body).toBe(previous.meta.body);
          expect(report.meta.year).toBe((previous.meta.year ?? 0) + 1);
          const result = validateReport(report, { previous, includePasses: true });
          expect(
            result.findings.filter((f) => f.status === "fail" && f.severity !== "info").map((f) => `${f.code}:${f.key ?? ""} ${formatIssue(f, "en", report)}`),
          ).toEqual([]);
          for (const rule of CROSS_YEAR[edition]) {
            // A table this year left wholly blank is "no data", never a pass (core's policy); anything else is assessed.
            const found = result.findings.filter((f) => f.code === rule && !(f.status === "not-assessable" && f.reason === "no_data"));
            const statuses = new Set(found.map((f) => f.status));
            expect(statuses.has("not-assessable"), `${rule} not assessed`).toBe(false);
            if (statuses.size) expect([...statuses]).toEqual(["pass"]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("chains the carried figures and is deterministic", () => {
    const series = generateSeries({ edition, seed: 11, years: 2 });
    expect(series.map(serializeReport)).toEqual(generateSeries({ edition, seed: 11, years: 2 }).map(serializeReport));
    const [a, b] = series as [(typeof series)[0], (typeof series)[0]];
    if (edition === "gen2019" || edition === "gen2021")
      expect(b.cells["t3.carry_in.total"]).toEqual(a.cells["t3.carry_out.total"] ?? b.cells["t3.carry_in.total"]);
    if (edition === "local") {
      const row = b.local?.rows[0]?.id ?? "";
      const cum = (r: typeof a, id: string) => (r.cells[id]?.kind === "count" ? (r.cells[id] as { value: number }).value : Number.NaN);
      expect(cum(b, `local.${row}.cumulative`)).toBe(cum(a, `local.${row}.cumulative`) + cum(b, `local.${row}.current`));
    }
  });
});

it("places a series inside the edition's years unless a start year is given", () => {
  const s = generateSeries({ edition: "gen2019", seed: 1, years: 2 });
  expect(s.map((r) => r.meta.year)).toEqual([2019, 2020]);
  expect(generateSeries({ edition: "gen2021", seed: 1, years: 3, startYear: 2021 }).map((r) => r.meta.year)).toEqual([2021, 2022, 2023]);
});
