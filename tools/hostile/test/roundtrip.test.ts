// Generated valid reports written by render (Markdown, HTML) and imported back: the same table, or the importer names
// the cells it could not read — never a silently wrong table. (packages/import tests the flattened-text writers; render
// is not a dependency of import, so the render formats are checked here.)
import { type Edition, type Report, validateReport } from "@gov-disclosure/core";
import { generateReport } from "@gov-disclosure/generator";
import { type ImportResult, importText } from "@gov-disclosure/import";
import { renderHtml, renderMarkdown } from "@gov-disclosure/render";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const EDITIONS: readonly Edition[] = ["local", "gen2014", "gen2019", "gen2021"];
const seed = Number(process.env.HOSTILE_SEED ?? 20240601);

function differing(want: Report, r: ImportResult): { silent: string[]; all: number } {
  const named = new Set([...Object.keys(r.ambiguous), ...r.issues.filter((d) => d.severity !== "info").flatMap((d) => d.cells)]);
  const got = r.report?.cells ?? {};
  const silent: string[] = [];
  let all = 0;
  for (const id of new Set([...Object.keys(want.cells), ...Object.keys(got)])) {
    const a = JSON.stringify(want.cells[id] ?? null);
    const b = JSON.stringify(got[id] ?? null);
    if (a === b) continue;
    all++;
    if (!named.has(id)) silent.push(`${id}: want ${a} got ${b}`);
  }
  return { silent, all };
}

const WRITERS = {
  Markdown: { write: renderMarkdown, filename: "a.md" },
  HTML: { write: renderHtml, filename: "a.html" },
} as const;

describe("generated valid reports round-trip through render's formats", () => {
  for (const [name, w] of Object.entries(WRITERS))
    it(`${name}: every edition (local included) imports, never silently wrong, and ≥ 95 % exactly the same`, () => {
      let clean = 0;
      let n = 0;
      fc.assert(
        fc.property(fc.constantFrom(...EDITIONS), fc.nat(), (edition, s) => {
          const report = generateReport({ edition, seed: s });
          const r = importText(w.write(report), { filename: w.filename });
          expect(r.report, `${name} ${edition} seed ${s}: ${r.issues.map((d) => d.code).join(",")}`).toBeDefined();
          const d = differing(report, r);
          expect(d.silent, `${name} ${edition} seed ${s}`).toEqual([]);
          n++;
          if (d.all === 0) {
            clean++;
            expect(validateReport(r.report!).findings.filter((f) => f.status === "fail" && f.severity === "error")).toEqual([]);
          }
        }),
        { numRuns: 200, seed, endOnFailure: true },
      );
      expect(clean / n).toBeGreaterThanOrEqual(0.95);
    });
});
