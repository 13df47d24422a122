import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText } from "../src/index";
import { type Table, tableArb } from "./gen";

function roundTrip(t: Table, mode: "most-plausible" | "blank") {
  const r = importText(t.text, { edition: t.edition, ambiguous: mode });
  const report = r.report;
  expect(report).toBeDefined();
  const ambiguous = new Set(Object.keys(r.ambiguous));
  const flagged = r.issues.some(
    (d) =>
      d.code === "IMPORT-SPLIT-AMBIGUOUS" ||
      d.code === "IMPORT-SPLIT-TRUNCATED" ||
      d.code === "IMPORT-ROW-UNSPLITTABLE" ||
      d.code === "IMPORT-SPLIT-INCONSISTENT",
  );
  let wrong = 0;
  for (const [id, v] of Object.entries(t.cells)) {
    const got = report!.cells[id];
    const ok = got?.kind === "count" && got.value === v;
    if (ok) continue;
    wrong++;
    // a cell that is not right must be one the importer said it could not decide
    if (!ambiguous.has(id)) expect.soft(flagged, `${id}: got ${JSON.stringify(got)} want ${v}, not flagged`).toBe(true);
    else if (!r.issues.some((d) => d.code === "IMPORT-SPLIT-TRUNCATED" || d.code === "IMPORT-ROW-UNSPLITTABLE")) expect(r.ambiguous[id]).toContain(String(v));
  }
  // never a wrong table reported as clean
  if (wrong > 0) expect(flagged).toBe(true);
  return { wrong, flagged };
}

describe("glued Pingtan-style tables round-trip", () => {
  for (const edition of ["gen2019", "gen2021"] as const) {
    it(`${edition}, small counts: the identities decide most tables outright, and never wrongly`, () => {
      let clean = 0;
      let runs = 0;
      fc.assert(
        fc.property(tableArb(edition, "small"), (t) => {
          runs++;
          if (!roundTrip(t, "most-plausible").flagged) clean++;
        }),
        { numRuns: 25, seed: edition === "gen2019" ? 19 : 21 },
      );
      expect(clean).toBeGreaterThan(runs / 3);
    }, 60000);
    it(`${edition}, counts up to 99999: the same table, or an honest ambiguity — and most tables recovered outright`, () => {
      // （七）总计 is computed from the column sums of the outcome rows and 本年新收 from the balance, not enumerated
      let clean = 0;
      let runs = 0;
      fc.assert(
        fc.property(tableArb(edition, "large"), (t) => {
          runs++;
          const r = roundTrip(t, "most-plausible");
          if (r.wrong === 0 && !r.flagged) clean++;
        }),
        { numRuns: 20, seed: 5 },
      );
      expect(clean / runs).toBeGreaterThanOrEqual(0.75);
    }, 60000);
    it(`${edition}: with ambiguous: "blank" nothing wrong is ever written`, () => {
      fc.assert(
        fc.property(tableArb(edition, "large"), (t) => {
          const r = importText(t.text, { edition: t.edition, ambiguous: "blank" });
          for (const [id, v] of Object.entries(t.cells)) {
            const got = r.report?.cells[id];
            if (got) expect(got.kind === "count" && got.value === v, id).toBe(true);
          }
        }),
        { numRuns: 8, seed: 7 },
      );
    }, 60000);
  }
});
