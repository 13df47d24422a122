// Generated valid reports written as flattened text and imported back: the same table, or the importer says which
// cells it could not read — never a silently wrong table.
import { type Edition, type Report, validateReport } from "@gov-disclosure/core";
import { generateReport, toFlattenedText } from "@gov-disclosure/generator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ImportResult, importText } from "../src/index";

const EDITIONS: readonly Edition[] = ["local", "gen2014", "gen2019", "gen2021"];

/** Cells whose imported value differs from the original, split by whether the import named them. */
export function compare(want: Report, r: ImportResult): { silent: string[]; flagged: string[] } {
  const named = new Set([...Object.keys(r.ambiguous), ...r.issues.filter((d) => d.severity !== "info").flatMap((d) => d.cells)]);
  const got = r.report?.cells ?? {};
  const silent: string[] = [];
  const flagged: string[] = [];
  for (const id of new Set([...Object.keys(want.cells), ...Object.keys(got)])) {
    const a = JSON.stringify(want.cells[id] ?? null);
    const b = JSON.stringify(got[id] ?? null);
    if (a === b) continue;
    (named.has(id) ? flagged : silent).push(`${id}: want ${a} got ${b}`);
  }
  return { silent, flagged };
}

function roundTrip(style: "lines" | "glued", runs: number, seed: number) {
  let clean = 0;
  let n = 0;
  fc.assert(
    fc.property(fc.constantFrom(...EDITIONS), fc.nat(), (edition, s) => {
      const report = generateReport({ edition, seed: s });
      const r = importText(toFlattenedText(report, { style }), { filename: "a.txt" });
      expect(r.report, `${edition} seed ${s}`).toBeDefined();
      const { silent, flagged } = compare(report, r);
      expect(silent, `${style} ${edition} seed ${s}: wrong and not reported`).toEqual([]);
      n++;
      if (flagged.length === 0) {
        clean++;
        // a table read exactly back validates as the original does
        expect(validateReport(r.report!).findings.filter((f) => f.status === "fail" && f.severity === "error")).toEqual([]);
      }
    }),
    { numRuns: runs, seed },
  );
  return clean / n;
}

describe("generated valid reports round-trip through flattened text", () => {
  it("label/value lines (Taishun-like): the same table or a reported cell, and ≥ 85 % exactly the same", () => {
    expect(roundTrip("lines", 300, 20240601)).toBeGreaterThanOrEqual(0.85);
  });
  it("glued digits (Pingtan-like): the same table or an honest IMPORT-SPLIT-AMBIGUOUS / -TRUNCATED / -UNVERIFIED, and ≥ 50 % exactly the same", () => {
    expect(roundTrip("glued", 300, 20240602)).toBeGreaterThanOrEqual(0.5);
  });
  it("a glued table 三 whose zero cells were left blank is read under its column sums and balance, not reported unverified", () => {
    // seeds of the generator whose tables 三 leave their zero cells blank (the blanks leave no trace in the digits)
    let read = 0;
    for (const s of [231, 345, 367, 582, 1037, 1103, 32, 54, 329, 341]) {
      const report = generateReport({ edition: "gen2019", seed: s });
      const r = importText(toFlattenedText(report, { style: "glued" }), { filename: "a.txt" });
      expect(compare(report, r).silent, `seed ${s}`).toEqual([]);
      expect(
        validateReport(r.report!, { importIssues: r.issues }).findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error"),
      ).toEqual([]);
      const t3Issue = r.issues.some(
        (d) => (d.code === "IMPORT-SPLIT-UNVERIFIED" || d.code === "IMPORT-ROW-UNSPLITTABLE") && d.cells.some((c) => c.startsWith("t3.")),
      );
      if (t3Issue) continue;
      if (Object.keys(report.cells).some((id) => id.startsWith("t3.") && !r.report!.cells[id] && !r.ambiguous[id])) continue;
      read++;
    }
    expect(read).toBeGreaterThanOrEqual(4);
  });
  it("a glued table 三 with a row label lost is reported as unverified, naming exactly the cells split by their row totals alone", () => {
    let unverifiedSeeds = 0;
    for (const s of [231, 345, 367, 582, 1037, 1103, 32, 54, 329, 341]) {
      const report = generateReport({ edition: "gen2019", seed: s });
      const r = importText(toFlattenedText(report, { style: "glued" }).replace("2.重复申请", ""), { filename: "a.txt" });
      expect(compare(report, r).silent, `seed ${s}`).toEqual([]);
      const unverified = r.issues.filter((d) => d.code === "IMPORT-SPLIT-UNVERIFIED");
      expect(unverified.length).toBeLessThanOrEqual(1);
      if (!unverified[0]) continue;
      unverifiedSeeds++;
      // it names exactly the cells split by their row totals alone, each of which was read
      expect(unverified[0].params.count).toBe(unverified[0].cells.length);
      for (const id of unverified[0].cells) expect(r.report!.cells[id], `seed ${s} ${id}`).toBeDefined();
    }
    expect(unverifiedSeeds).toBeGreaterThanOrEqual(4);
  });
});
