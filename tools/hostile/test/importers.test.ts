// fast-check properties over every importer entry point and over validateReport: never throws, never hangs past a
// bound, and never reports a table clean when an identity fails.
import { type Edition, formatIssue, parseReport, ruleById, stringifyReport, validateReport } from "@gov-disclosure/core";
import { breakKindsFor, breakReport, generateReport, toFlattenedText } from "@gov-disclosure/generator";
import { type ImportResult, importReport, importText } from "@gov-disclosure/import";
import { renderHtml, renderMarkdown } from "@gov-disclosure/render";
import { docxFromMarkdown } from "@gov-disclosure/bench/docx";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { printTallies, tally, within } from "./helpers";

const EDITIONS: readonly Edition[] = ["local", "gen2014", "gen2019", "gen2021"];
const BOUND = 5_000; // ms per import or validation
afterAll(() => printTallies("importers"));

const seed = Number(process.env.HOSTILE_SEED ?? 20240601);
const params = (numRuns: number) => ({ numRuns, seed, endOnFailure: true });

/**
 * What an import that must not have thrown gives: a report, or exactly one error saying why there is none; every
 * issue worded in both locales; and a report validates with the import's issues among its findings.
 */
function sane(r: ImportResult) {
  const errors = r.issues.filter((d) => d.severity === "error" && d.phase === "import");
  if (!r.report) expect(errors).toHaveLength(1);
  else expect(errors).toEqual([]);
  for (const d of r.issues) for (const locale of ["zh-CN", "en"] as const) expect(formatIssue(d, locale, r.report)).not.toMatch(/\{\w+(\.\w+)?\}/);
  if (r.report) {
    const v = validateReport(r.report as NonNullable<typeof r.report>, { importIssues: r.issues });
    expect(v.findings.slice(0, r.issues.length)).toEqual(r.issues);
  }
}

const TEXT_NAMES = ["a.txt", "a.html", "a.md", "a.json", "a", "a.htm"] as const;

/** Valid inputs of each text format, to mutate. */
const sources = EDITIONS.flatMap((edition, i) => {
  const r = generateReport({ edition, seed: 100 + i });
  return [
    { name: "a.json", text: stringifyReport(r) },
    { name: "a.txt", text: toFlattenedText(r, { style: "glued" }) },
    { name: "a.txt", text: toFlattenedText(r, { style: "lines" }) },
    { name: "a.html", text: renderHtml(r) },
    { name: "a.md", text: renderMarkdown(r) },
  ];
});

/** A hostile edit of a string: insert, delete, duplicate or replace a slice with hostile text. */
const mutation = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.nat({ max: 400 }),
  op: fc.constantFrom("insert", "delete", "duplicate", "replace"),
  text: fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.constantFrom(
      "<table><tr><td>",
      "</td></tr></table>",
      "|",
      "\n",
      "9".repeat(40),
      "〇一二三四五六七八九十百千万亿",
      "-",
      "—",
      "<",
      "&#",
      "\u0000",
      "\ufeff",
      "{",
      "]",
      '"__proto__":',
    ),
    fc.stringMatching(/^[0-9]{1,30}$/),
  ),
});

function mutate(s: string, m: { at: number; len: number; op: string; text: string }): string {
  const i = Math.floor(m.at * s.length);
  if (m.op === "insert") return s.slice(0, i) + m.text + s.slice(i);
  if (m.op === "delete") return s.slice(0, i) + s.slice(i + m.len);
  if (m.op === "duplicate") return s.slice(0, i + m.len) + s.slice(i, i + m.len) + s.slice(i);
  return s.slice(0, i) + m.text + s.slice(i + m.len);
}

describe("importText / importReport never throw and finish in bounded time", () => {
  it("arbitrary strings under every file name", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 2000 }), fc.constantFrom(...TEXT_NAMES), async (s, name) => {
        tally("fuzzed strings");
        const r = await within(BOUND, "importText", () => importText(s, { filename: name }));
        sane(r);
        const b = await within(BOUND, "importReport", () => importReport(s, { filename: name }));
        sane(b);
      }),
      params(150),
    );
  });

  it("arbitrary bytes, bare and behind every magic number (zip, PDF, OLE2, BOMs, images)", async () => {
    const magics = [
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0x25, 0x50, 0x44, 0x46],
      [0xd0, 0xcf, 0x11, 0xe0],
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff],
      [0x89, 0x50, 0x4e, 0x47],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...magics),
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom("a.bin", "a.docx", "a.xlsx", "a.txt"),
        async (magic, body, name) => {
          tally("fuzzed bytes");
          const bytes = new Uint8Array([...magic, ...body]);
          const r = await within(BOUND, "importReport", () => importReport(bytes, { filename: name }));
          sane(r);
        },
      ),
      params(150),
    );
  });

  it("zip archives with word/ and xl/ entries of random content", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("word/document.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/sharedStrings.xml"),
        fc.string({ maxLength: 500 }),
        async (entry, content) => {
          tally("fuzzed Office archives");
          const bytes = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), [entry]: strToU8(content) });
          const r = await within(BOUND, "importReport", () => importReport(bytes, { filename: entry.startsWith("word") ? "a.docx" : "a.xlsx" }));
          sane(r);
          expect(r.report).toBeUndefined();
        },
      ),
      params(40),
    );
  });

  it("hostile edits of valid JSON, text, HTML and Markdown reports", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (src, ms) => {
        tally("mutated valid inputs");
        const s = ms.reduce(mutate, src.text);
        const r = await within(BOUND, "importText", () => importText(s, { filename: src.name }));
        sane(r);
      }),
      params(200),
    );
  });

  it("DOCX of valid reports with hostile edits to the Markdown it is built from", async () => {
    const md = sources.filter((s) => s.name === "a.md");
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...md), mutation, async (src, m) => {
        tally("mutated DOCX");
        const r = await within(BOUND, "importReport", () => importReport(docxFromMarkdown(mutate(src.text, m)), { filename: "a.docx" }));
        sane(r);
      }),
      params(20),
    );
  });
});

describe("validateReport never throws on any report parseReport accepts", () => {
  const hostileCell = fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, "—", "-", "/", "无", "", " ", "0", "-0", "1e308", "9007199254740993", "NaN", "Infinity", "<script>", "__proto__"),
    fc.string({ maxLength: 12 }),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => b.toString()),
    fc.constant({}),
    fc.constant([]),
  );
  it("random values in every cell of a generated report", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EDITIONS), fc.nat(), fc.array(fc.tuple(fc.nat(), hostileCell), { maxLength: 40 }), (edition, s, edits) => {
        tally("validateReport on hostile cells");
        const json = JSON.parse(stringifyReport(generateReport({ edition, seed: s }))) as { cells: Record<string, unknown> };
        const ids = Object.keys(json.cells);
        for (const [i, v] of edits) json.cells[ids[i % ids.length] as string] = v;
        const parsed = parseReport(json);
        if (!parsed.success) {
          expect(parsed.issues.length).toBeGreaterThan(0);
          return;
        }
        const t = performance.now();
        const v = validateReport(parsed.report);
        expect(performance.now() - t).toBeLessThan(BOUND);
        expect(v.findings.length).toBeGreaterThan(0);
      }),
      params(150),
    );
  });
});

describe("a broken report is never imported clean", () => {
  // Generate valid reports, break them (generator's breakReport), write them as text or HTML, import them back:
  // either the import says so (an ambiguous split, or an error/warning diagnostic) or validateReport reports a rule
  // the break was expected to fire.
  const WRITERS = {
    "lines text": (r: Parameters<typeof renderHtml>[0]) => ({ text: toFlattenedText(r, { style: "lines" }), name: "a.txt" }),
    "glued text": (r: Parameters<typeof renderHtml>[0]) => ({ text: toFlattenedText(r, { style: "glued" }), name: "a.txt" }),
    HTML: (r: Parameters<typeof renderHtml>[0]) => ({ text: renderHtml(r), name: "a.html" }),
  } as const;
  const escapes: string[] = [];
  afterAll(() => {
    if (escapes.length) console.log(`[hostile] broken reports imported clean (${escapes.length}):\n  ${escapes.slice(0, 20).join("\n  ")}`);
  });

  for (const [writer, write] of Object.entries(WRITERS))
    it(`via ${writer}`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...EDITIONS), fc.nat(), fc.nat(), (edition, s, k) => {
          const kinds = breakKindsFor(edition);
          const kind = kinds[k % kinds.length];
          if (!kind) return;
          const valid = generateReport({ edition, seed: s });
          const broken = breakReport(valid, kind, s);
          const direct = validateReport(broken.report);
          // Identity rules only (linear rules with `identities`): narrative and text-cell rules are not identities.
          const rules = [...broken.expectedRules, ...broken.mayAlsoFire].filter((id) => ruleById(id)?.kind === "identity");
          const fired = (findings: typeof direct.findings) =>
            findings.some((f) => f.phase === "rule" && f.status === "fail" && rules.includes(f.code as never));
          // Only breaks that core itself sees on the model are a fair test of the importer.
          if (!fired(direct.findings)) return;
          tally(`broken reports via ${writer}`);
          const { text, name } = write(broken.report);
          const t = performance.now();
          const r = importText(text, { filename: name });
          expect(performance.now() - t).toBeLessThan(BOUND);
          const flagged = Object.keys(r.ambiguous).length > 0 || r.issues.some((d) => d.severity !== "info") || !r.report;
          const caught = r.report ? fired(validateReport(r.report).findings) : false;
          if (!flagged && !caught) escapes.push(`${writer} ${edition} seed ${s} kind ${kind}: ${broken.note}`);
          expect(flagged || caught, `${writer}, ${edition}, seed ${s}, ${kind}: ${broken.note}: imported clean`).toBe(true);
        }),
        params(writer === "HTML" ? 150 : 250),
      );
    });
});

// Found by the property above before it was narrowed to identity rules; fixed in packages/import (text cells of local
// tables are kept as text, so IMPORT-CELL-NOT-NUMERIC and CELL-NOT-NUMERIC fire).
describe("former import gaps (not identities, so outside the property above)", () => {
  it("lines text: text in a numeric cell (local edition) is kept and reported", () => {
    const valid = generateReport({ edition: "local", seed: 503196348 });
    const broken = breakReport(valid, "text-in-cell", 503196348);
    const r = importText(toFlattenedText(broken.report, { style: "lines" }), { filename: "a.txt" });
    expect(r.issues.filter((d) => d.code === "IMPORT-CELL-NOT-NUMERIC").flatMap((d) => d.cells)).toEqual(broken.mutatedCells);
    expect(validateReport(r.report!).findings.some((f) => f.status === "fail" && f.code === "CELL-NOT-NUMERIC")).toBe(true);
  });
});
