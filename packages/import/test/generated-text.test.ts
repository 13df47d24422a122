// Valid generated reports written as flattened text (glued digits, Pingtan-like; label/value lines, Taishun-like) and
// imported back: every cell is the original's or is named by an import issue, no rule of severity error fails, and
// every ambiguity the importer reports is real — at least two of its listed readings satisfy every identity.
import { cellDef, type Edition, type Report, validateReport } from "@gov-disclosure/core";
import { generateReport, toFlattenedText } from "@gov-disclosure/generator";
import { describe, expect, it } from "vitest";
import { type ImportResult, importText, parseCellText } from "../src/index";

const EDITIONS: readonly Edition[] = ["gen2019", "gen2021", "gen2014", "local"];
/** Reports per edition and style: fixed seeds 1…N. */
const N = 150;

const errorsOf = (report: Report, r?: ImportResult) =>
  validateReport(report, r ? { importIssues: r.issues } : {}).findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error");

/** Cells whose imported value differs from the original and that no import issue (warning or error) names. */
function silentDiffs(want: Report, r: ImportResult): string[] {
  const named = new Set([...Object.keys(r.ambiguous), ...r.issues.filter((d) => d.severity !== "info").flatMap((d) => d.cells)]);
  const got = r.report?.cells ?? {};
  const out: string[] = [];
  for (const id of new Set([...Object.keys(want.cells), ...Object.keys(got)])) {
    if (JSON.stringify(want.cells[id] ?? null) === JSON.stringify(got[id] ?? null) || named.has(id)) continue;
    out.push(`${id}: want ${JSON.stringify(want.cells[id] ?? null)} got ${JSON.stringify(got[id] ?? null)}`);
  }
  return out;
}

/** The imported report with one listed candidate's cells written in. */
function withCandidate(report: Report, cand: Readonly<Record<string, string>>): Report {
  const cells = { ...report.cells };
  for (const [id, text] of Object.entries(cand)) {
    const v = parseCellText(text, cellDef(report.edition, id)?.kind ?? "count");
    if (v.kind === "blank") delete cells[id];
    else cells[id] = v;
  }
  return { ...report, cells };
}

describe("valid generated reports through flattened text", () => {
  for (const style of ["glued", "lines"] as const)
    it(`${style}: every cell the original's or named by an issue, no error finding, every ambiguity real`, () => {
      let ambiguities = 0;
      let blankTables = 0;
      let narrativeAgreed = 0;
      for (const edition of EDITIONS)
        for (let seed = 1; seed <= N; seed++) {
          const report = generateReport({ edition, seed });
          const r = importText(toFlattenedText(report, { style }), { filename: "report.txt" });
          const at = `${style} ${edition} seed ${seed}`;
          expect(r.report, at).toBeDefined();
          expect(silentDiffs(report, r), at).toEqual([]);
          expect(
            errorsOf(r.report!, r).map((f) => `${f.code} ${f.cells.join(",")}`),
            at,
          ).toEqual([]);
          // every row of a valid report can be split (an amount in 万元 at a token's end was not, before 7bb1e03)
          expect(
            r.issues.filter((i) => i.code === "IMPORT-ROW-UNSPLITTABLE").map((i) => `${i.params.row} ${i.params.raw}`),
            at,
          ).toEqual([]);
          // the prose says what the tables say: no claim read from it disagrees with them (a claim misread, such as the
          // number done taken for the number carried over in "办结6件，结转下年度继续办理0件", would)
          const narrative = validateReport(r.report!, { importIssues: r.issues, includePasses: true }).findings.filter((f) => f.code.startsWith("NARR-"));
          narrativeAgreed += narrative.filter((f) => f.status === "pass").length;
          expect(
            narrative.filter((f) => f.status === "fail").map((f) => `${f.code} ${f.params.text ?? ""}`),
            at,
          ).toEqual([]);
          if (
            (edition === "gen2019" || edition === "gen2021") &&
            !Object.keys(report.cells).some((id) => id.startsWith("t3.") && report.cells[id]?.kind === "count" && report.cells[id].value === 0)
          )
            blankTables++;
          // an ambiguity is real: two of its readings differ on every cell it names and both satisfy every identity
          // (national tables; the local solver still lists readings that break OLD-SUBSET across rows: not yet proved)
          if (edition === "local") continue;
          for (const issue of r.issues.filter((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS")) {
            ambiguities++;
            const cands = issue.candidates ?? [];
            expect(cands.length, at).toBeGreaterThan(1);
            for (const id of issue.cells) expect(new Set(cands.map((c) => c[id])).size, `${at} ${id}`).toBeGreaterThan(1);
            // (a check that also reads cells of another ambiguity, left blank in "blank" mode, says nothing of this one)
            const other = (c: Readonly<Record<string, string>>, id: string) => !(id in c) && id in r.ambiguous;
            const holding = cands
              .slice(0, 4)
              .filter((c) => errorsOf(withCandidate(r.report!, c)).every((f) => !f.cells.some((id) => id in c) || f.cells.some((id) => other(c, id))));
            expect(holding.length, `${at}: readings that satisfy every identity`).toBeGreaterThan(1);
          }
        }
      // the sample holds real ambiguities (glued) and tables whose zero cells were left blank
      if (style === "glued") expect(ambiguities).toBeGreaterThan(50);
      else expect(ambiguities).toBe(0);
      expect(blankTables).toBeGreaterThan(5);
      // the prose's claims were read and compared (a report whose claims were all missed would prove nothing)
      expect(narrativeAgreed).toBeGreaterThan(N * 2);
    }, 120_000);
});

describe("a split is reported only where digits were split", () => {
  it("label/value text (a token for each cell) says nothing of glued digits; glued text of the same reports does", () => {
    let gluedDecided = 0;
    for (const edition of ["gen2019", "gen2021"] as const)
      for (let seed = 1; seed <= 20; seed++) {
        const report = generateReport({ edition, seed });
        const lines = importText(toFlattenedText(report, { style: "lines" }));
        expect(lines.report).toBeDefined();
        expect(lines.issues.filter((i) => i.code === "IMPORT-SPLIT-DECIDED")).toEqual([]);
        // nor does the evidence list a split for a row read token by token
        expect(lines.evidence.splits.filter((s) => s.candidates <= 1)).toEqual([]);
        const glued = importText(toFlattenedText(report, { style: "glued" }));
        gluedDecided += glued.issues.filter((i) => i.code === "IMPORT-SPLIT-DECIDED").length;
      }
    expect(gluedDecided).toBeGreaterThan(20);
  });
});
