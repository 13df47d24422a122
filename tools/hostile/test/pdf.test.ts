// Property: a generated report, written as the official HTML (render's renderHtml, its A4 print layout), printed to
// PDF by headless Chromium (sometimes with a forced page break inside table 三 or the old/local table, sometimes with
// Chromium's running header and footer) and read back by importReport gives every cell exactly, or names the cell in
// an import issue of severity warning or error. Never a silently different, lost or invented number.
// One Chromium process prints every report, several tabs at a time. Skipped only when Chromium is absent outside CI.
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type CellValue, type Edition, encodeCell, formatIssue, type Report, reportCells } from "@gov-disclosure/core";
import { CHROMIUM, chromiumPresent, LONG_TABLE, launchPrinter, type PdfPrinter, printableHtml } from "@gov-disclosure/bench/chromium";
import { generateReport } from "@gov-disclosure/generator";
import { type ImportResult, importReport } from "@gov-disclosure/import";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const present = chromiumPresent();
const skip = !present && !process.env.CI;
if (skip) console.warn(`PDF property test skipped: ${CHROMIUM} is absent (set CHROMIUM_PATH; under CI=true it runs, and fails)`);

/** One generated report and how it is printed. */
interface Case {
  readonly edition: Edition;
  readonly seed: number;
  /** 1-based body row of the long table before which the page breaks (forced by CSS), if any. */
  readonly breakAt?: number;
  readonly headerFooter: boolean;
}

const CASES: readonly Case[] = [
  // 2021 and 2019 formats: table 三 broken inside its row groups (不予公开, 无法提供, 不予处理 ...) and between them
  { edition: "gen2021", seed: 1, breakAt: 9, headerFooter: false },
  { edition: "gen2021", seed: 2, breakAt: 15, headerFooter: true },
  { edition: "gen2021", seed: 3, breakAt: 20, headerFooter: false },
  { edition: "gen2021", seed: 4, headerFooter: true },
  { edition: "gen2019", seed: 1, breakAt: 6, headerFooter: true },
  { edition: "gen2019", seed: 2, breakAt: 13, headerFooter: false },
  { edition: "gen2019", seed: 3, breakAt: 22, headerFooter: false },
  { edition: "gen2019", seed: 4, headerFooter: false },
  // the 2014 format: one long table by indentation
  { edition: "gen2014", seed: 1, breakAt: 18, headerFooter: false },
  { edition: "gen2014", seed: 2, breakAt: 40, headerFooter: true },
  { edition: "gen2014", seed: 3, headerFooter: false },
  // local tables (a 统计表 of declared rows)
  { edition: "local", seed: 1, breakAt: 5, headerFooter: false },
  { edition: "local", seed: 2, headerFooter: true },
  { edition: "local", seed: 3, headerFooter: false },
];

const nameOf = (c: Case) =>
  `${c.edition} seed ${c.seed}${c.breakAt ? `, page break before row ${c.breakAt} of table ${LONG_TABLE[c.edition]}` : ""}${c.headerFooter ? ", running header/footer" : ""}`;

const BLANK: CellValue = { kind: "blank" };
const enc = (v: CellValue | undefined) => JSON.stringify(encodeCell(v ?? BLANK));

/**
 * What a cell means: its id for the national editions; for a local table, the row's printed label and the column
 * (row ids are only positions, so a value under another row's label is a different number even with the same id).
 */
function meanings(report: Report | undefined): Map<string, string> {
  const m = new Map<string, string>();
  if (!report) return m;
  const labels = new Map((report.local?.rows ?? []).map((r) => [r.id, r.label.replace(/\s+/g, "")]));
  for (const id of new Set([...reportCells(report).list.map((d) => d.id), ...Object.keys(report.cells)])) {
    const local = /^local\.([^.]+)\.(.+)$/.exec(id);
    const key = local ? `${labels.get(local[1] ?? "") ?? `?${local[1]}`} / ${local[2]}` : id;
    // two rows printed with the same label would make one meaning ambiguous: keep both apart, and visible
    m.set(m.has(key) ? `${key} (again as ${id})` : key, id);
  }
  return m;
}

/** Every cell of the original and of what came back: exact, named by a warning/error import issue, or wrong. */
function compare(original: Report, result: ImportResult) {
  const back = result.report;
  const named = new Set(result.issues.filter((i) => i.severity === "warning" || i.severity === "error").flatMap((i) => i.cells));
  const want = meanings(original);
  const got = meanings(back);
  const exact: string[] = [];
  const explained: string[] = [];
  const wrong: string[] = [];
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    const a = want.get(key);
    const b = got.get(key);
    const va = enc(a !== undefined ? original.cells[a] : undefined);
    const vb = enc(b !== undefined ? back?.cells[b] : undefined);
    if (va === vb) exact.push(key);
    else if ((a !== undefined && named.has(a)) || (b !== undefined && named.has(b))) explained.push(key);
    else wrong.push(`${key}: ${va} → ${vb} (${vb === "null" ? "lost" : va === "null" ? "invented" : "DIFFERENT"})`);
  }
  return { exact, explained, wrong };
}

const tallies = new Map<Edition, { reports: number; exact: number; named: number; wrong: number }>();

describe.skipIf(skip)(
  skip ? `PDF property (skipped: ${CHROMIUM} is absent)` : "PDF property: generated report → official HTML → Chromium PDF → importReport",
  () => {
    let printer: PdfPrinter | undefined;
    const pdfs = new Map<Case, Uint8Array>();
    const reports = new Map<Case, Report>();

    beforeAll(async () => {
      printer = await launchPrinter();
      const p = printer;
      const queue = [...CASES];
      // several tabs of one browser at a time
      await Promise.all(
        [0, 1, 2].map(async () => {
          for (let c = queue.shift(); c; c = queue.shift()) {
            const report = generateReport({ edition: c.edition, seed: c.seed });
            reports.set(c, report);
            pdfs.set(c, await p.print(printableHtml(report, c.breakAt), { headerFooter: c.headerFooter }));
          }
        }),
      );
    }, 120_000);

    afterAll(async () => {
      await printer?.close();
      for (const [edition, t] of [...tallies].sort()) {
        const total = t.exact + t.named + t.wrong;
        console.log(`[hostile] pdf: ${edition}: ${t.reports} reports, ${total} cells: ${t.exact} exact, ${t.named} named by an import issue, ${t.wrong} wrong`);
      }
    });

    it(`prints at least 12 reports of every edition (${CASES.length})`, () => {
      expect(CASES.length).toBeGreaterThanOrEqual(12);
      expect(new Set(CASES.map((c) => c.edition))).toEqual(new Set(["gen2021", "gen2019", "gen2014", "local"]));
      for (const c of CASES) expect(String.fromCharCode(...(pdfs.get(c) ?? new Uint8Array()).subarray(0, 5)), nameOf(c)).toBe("%PDF-");
    });

    for (const c of CASES)
      it(`${nameOf(c)}: every cell exact or named by a warning/error, none silently different`, async () => {
        const report = reports.get(c) as Report;
        const pdf = pdfs.get(c) as Uint8Array;
        const r = await importReport(pdf, { filename: `${c.edition}-${c.seed}.pdf` });
        const { exact, explained, wrong } = compare(report, r);
        const t = tallies.get(c.edition) ?? { reports: 0, exact: 0, named: 0, wrong: 0 };
        tallies.set(c.edition, { reports: t.reports + 1, exact: t.exact + exact.length, named: t.named + explained.length, wrong: t.wrong + wrong.length });
        let kept = "";
        if (wrong.length || !r.report) {
          kept = join(tmpdir(), `gd-hostile-${c.edition}-${c.seed}${c.breakAt ? `-break${c.breakAt}` : ""}.pdf`);
          writeFileSync(kept, pdf);
        }
        const detail = `${nameOf(c)} (PDF kept at ${kept}); issues: ${r.issues.map((i) => `${i.code}[${i.severity}] ${formatIssue(i, "en", r.report).slice(0, 160)}`).join(" | ")}`;
        expect(r.report, detail).toBeDefined();
        expect(r.evidence.format).toBe("pdf");
        expect(r.edition, detail).toBe(c.edition);
        expect(wrong, detail).toEqual([]);
        // a report came back with its figures: most cells exact, the rest each named
        expect(exact.length, detail).toBeGreaterThan(explained.length);
        if (c.breakAt && r.report) {
          // the forced break did split the long table: its figures were read from more than one page
          const prefix = `${LONG_TABLE[c.edition]}.`;
          const pages = new Set(
            Object.entries(r.report.sources)
              .filter(([id]) => id.startsWith(prefix))
              .map(([, s]) => s?.page),
          );
          expect(pages.size, detail).toBeGreaterThan(1);
        }
      });
  },
);
