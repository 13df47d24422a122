import { describe, expect, it } from "vitest";
import { type Correction, cellsOf, createReport, formatIssue, importIssue, type Report, validateReport } from "../src/index";
import { fixture, set, withMeta } from "./helpers";

// A clean 2021 report: Pingtan 2021, split by hand from the published text and checked against every identity.
const P = fixture("pingtan-2021");
const countCells = cellsOf("gen2021").filter((c) => c.kind === "count");
const countIn = (r: Report, id: string) => {
  const v = r.cells[id];
  return v?.kind === "count" ? v.value : 0;
};
const errors = (r: Report, previous?: Report) =>
  validateReport(r, previous ? { previous } : {}).findings.filter((f) => f.status === "fail" && f.severity === "error");

describe("mutation: every count cell of a clean 2021 report changed by ±1", () => {
  it("starts from a report with no error and no warning", () => {
    expect(validateReport(P).counts).toMatchObject({ error: 0, warning: 0 });
  });

  const tables34 = countCells.filter((c) => c.table === "t3" || c.table === "t4");
  it("covers all 190 cells of tables 三 and 四", () => expect(tables34).toHaveLength(25 * 7 + 15));

  for (const delta of [1, -1]) {
    it(`${delta > 0 ? "+1" : "-1"} on any cell of 三 or 四 fails an error rule, and the localiser names the cell and its original value`, () => {
      let uniqueTop = 0;
      for (const def of tables34) {
        const original = countIn(P, def.id);
        const broken = set(P, { [def.id]: original + delta });
        const result = validateReport(broken);
        expect(
          result.findings.some((f) => f.status === "fail" && f.severity === "error"),
          def.id,
        ).toBe(true);
        const fix = result.corrections.find((c) => c.cell === def.id);
        expect(fix, `${def.id} among ${JSON.stringify(result.corrections.map((c) => c.cell))}`).toMatchObject({
          from: String(original + delta),
          to: String(original),
        });
        if (def.table === "t3") {
          // In table 三 a wrong cell breaks its column sum or balance and its row total: only it explains both.
          expect(result.corrections[0], def.id).toMatchObject({ cell: def.id, to: String(original), complete: true, ambiguous: false });
          uniqueTop++;
        }
      }
      expect(uniqueTop).toBe(175);
    });
  }

  it("section 二 has no identity of its own: -1 on a zero cell is caught by T2-INT, and with last year's report ±1 on a document count by T2-21-VALID-YOY", () => {
    const previous = set(withMeta(P, { year: 2020 }), { "t2.normative.in_force": 665 - 69 + 3, "t3.carry_out.natural": 0, "t3.carry_out.total": 0 });
    expect(validateReport(P, { previous }).counts.warning).toBe(0);
    for (const def of countCells.filter((c) => c.table === "t2")) {
      const original = countIn(P, def.id);
      if (original === 0) expect(errors(set(P, { [def.id]: -1 })).map((f) => f.code)).toContain("T2-INT");
      if (def.row === "rules" || def.row === "normative") {
        for (const delta of [1, -1]) {
          if (original + delta < 0) continue;
          const r = validateReport(set(P, { [def.id]: original + delta }), { previous });
          expect(
            r.findings.some((f) => f.code === "T2-21-VALID-YOY" && f.status === "fail"),
            def.id,
          ).toBe(true);
        }
      }
    }
  });
});

describe("fault localiser", () => {
  it("ranks the single cell that explains every failure first (Pingtan 2021, one digit of 自然人 予以公开 mistyped 27 → 37)", () => {
    const result = validateReport(set(P, { "t3.granted.natural": 37 }));
    const failing = result.findings.filter((f) => f.status === "fail").map((f) => `${f.code}:${f.key}`);
    expect(failing).toEqual(["T3-OUTCOME-SUM:natural", "T3-ROW-TOTAL:granted"]);
    expect(result.corrections[0]).toEqual({
      cell: "t3.granted.natural",
      from: "37",
      to: "27",
      explains: ["T3-OUTCOME-SUM:natural", "T3-ROW-TOTAL:granted"],
      complete: true,
      ambiguous: false,
      code: "FIX-CELL",
      params: { cell: "t3.granted.natural", from: "37", to: "27", count: 2 },
    });
    expect(formatIssue(result.corrections[0] as Correction, "en", P)).toBe(
      "Changing “(1) Disclosed × Natural persons” from 37 to 27 satisfies 2 rule check(s) at once.",
    );
    expect(formatIssue(result.corrections[0] as Correction, "zh-CN", P)).toContain("由 37 改为 27");
  });

  it("is skipped with `corrections: false`: the same findings, no corrections and no fault area", () => {
    const broken = set(P, { "t3.granted.natural": 37 });
    const full = validateReport(broken);
    const lean = validateReport(broken, { corrections: false });
    expect(lean.findings).toEqual(full.findings);
    expect(lean.counts).toEqual(full.counts);
    expect(full.corrections.length).toBeGreaterThan(0);
    expect(lean.corrections).toEqual([]);
    expect(lean.faultArea).toBeUndefined();
  });

  it("lists every candidate when a single sum cannot tell them apart (table 四), marked ambiguous", () => {
    const result = validateReport(set(P, { "t4.review.upheld": 2 }));
    expect(result.corrections.map((c) => [c.cell, c.to]).sort()).toEqual([
      ["t4.review.other", "1"],
      ["t4.review.total", "4"],
      ["t4.review.upheld", "1"],
    ]);
    expect(result.corrections.every((c) => c.ambiguous && c.complete)).toBe(true);
  });

  it("finds nothing to correct when two independent cells are wrong in the same identity", () => {
    const result = validateReport(set(P, { "t3.granted.natural": 28, "t3.partial.natural": 6 }));
    expect(result.corrections.filter((c) => c.complete)).toEqual([]);
  });

  it("offers nothing on a clean report", () => {
    expect(validateReport(P).corrections).toEqual([]);
  });
});

describe("the import's issues", () => {
  it("are listed first and counted, and a guessed cell gets no correction while the findings that read it say so", () => {
    const broken = set(P, { "t3.granted.natural": 37 });
    const guessed = importIssue(
      "IMPORT-SPLIT-AMBIGUOUS",
      "warning",
      { n: 2, cells: ["t3.granted.natural"], chosen: "most-plausible" },
      { cells: ["t3.granted.natural"] },
    );
    const plain = validateReport(broken);
    const r = validateReport(broken, { importIssues: [guessed] });
    expect(r.findings[0]).toBe(guessed);
    expect(r.counts.warning).toBe(plain.counts.warning + 1);
    expect(r.counts.error).toBe(plain.counts.error);
    expect(plain.corrections.map((c) => c.cell)).toContain("t3.granted.natural");
    expect(r.corrections.map((c) => c.cell)).not.toContain("t3.granted.natural");
    expect(r.uncertainCells).toEqual(["t3.granted.natural"]);
    const f = r.findings.find((f) => f.code === "T3-OUTCOME-SUM" && f.status === "fail");
    expect(f?.uncertainCells).toEqual(["t3.granted.natural"]);
    expect(f && formatIssue(f, "zh-CN", broken)).toContain("是导入时推断的");
    expect(f && formatIssue(f, "en", broken)).toContain("inferred by the import");
  });

  it("count passing checks even when they are not listed", () => {
    const r = validateReport(P);
    expect(r.counts.passed).toBe(validateReport(P, { includePasses: true }).findings.filter((f) => f.status === "pass").length);
    expect(r.counts.passed).toBeGreaterThan(30);
  });
});

describe("a form being filled in", () => {
  it("gets no correction for an identity with only one cell filled in (typing 10 into a blank form)", () => {
    const r = validateReport(createReport({ edition: "gen2021", cells: { "t3.new.natural": 10 } }));
    expect(r.findings.some((f) => f.code === "T3-BALANCE" && f.status === "fail")).toBe(true);
    expect(r.corrections).toEqual([]);
  });
});

describe("fault area", () => {
  it("names the row and column most failures meet in when no single cell explains them", () => {
    // Two cells of one row changed: no single correction satisfies every failing identity.
    const r = validateReport(set(P, { "t3.granted.natural": 137, "t3.granted.business": 55 }));
    expect(r.corrections).toEqual([]);
    expect(r.faultArea).toEqual({
      row: "granted",
      cells: ["t3.granted.natural", "t3.granted.business"],
      explains: ["T3-OUTCOME-SUM:natural", "T3-ROW-TOTAL:granted", "T3-OUTCOME-SUM:business"],
    });
  });
  it("is absent when a single cell explains the failures", () => {
    expect(validateReport(set(P, { "t3.granted.natural": 37 })).faultArea).toBeUndefined();
  });
});
