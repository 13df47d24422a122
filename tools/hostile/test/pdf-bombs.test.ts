// Hostile PDFs: page-count lies, decompression bombs in content streams, deep nesting, truncated or wrong
// cross-reference tables. Each is imported in a child process whose memory is watched (killed past a limit) and
// whose time is bounded (killed past a limit), so that a bomb that works cannot take the runner or the machine down.
// Each must end with one clear error (an IMPORT-PDF-* code or IMPORT-TOO-LARGE) and no report, within 10 s of
// importReport and under 1 GiB of resident memory; a file whose structure PDF.js can rebuild may instead give the
// intact file's report, cell for cell.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importInWatchedChild, type PdfObject, printTallies, simplePdf, tally, writePdf, zlibBomb } from "./helpers";

const BOUND_MS = 10_000; // importReport must give up within this
const KILL_MS = 20_000; // the child (start-up included, on a loaded machine) is killed after this
const RSS_LIMIT_KB = 1024 * 1024; // 1 GiB
const RSS_KILL_KB = 1.25 * 1024 * 1024; // the child is killed past this: it has failed already, the machine is spared
const MIB = 2 ** 20;

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const fixture = (p: string) => new Uint8Array(readFileSync(join(ROOT, p)));
const enc = new TextEncoder();
const plain = (s: string): PdfObject => ({ body: `<< /Length ${enc.encode(s).length} >>`, stream: enc.encode(s) });
const flate = (data: Uint8Array): PdfObject => ({ body: `<< /Length ${data.length} /Filter /FlateDecode >>`, stream: data });
const LINE = "BT /F1 12 Tf 72 760 Td (Annual report 2021: 12 34 56) Tj ET";

/** The offset of the classic `xref` table a PDF's `startxref` points at. */
function xrefAt(b: Uint8Array): number {
  const s = Buffer.from(b).toString("latin1");
  const at = Number(/startxref\s+(\d+)/.exec(s.slice(s.lastIndexOf("startxref")))?.[1]);
  if (!Number.isInteger(at) || !s.startsWith("xref", at)) throw new Error("no classic xref table");
  return at;
}

const CHROMIUM_PDF = "fixtures/pdf/pingtan-2021-chromium.pdf"; // classic xref table
const WPS_PDF = "fixtures/real/hongze-district-2024.pdf"; // cross-reference stream

interface Case {
  readonly kind: string;
  readonly name: string;
  readonly bytes: () => Uint8Array;
  /** Codes the single error may have (exactly one issue, an error, no report). */
  readonly codes: readonly string[];
  /** The structure can be rebuilt: the intact file's cells are an acceptable answer too. */
  readonly intact?: string;
  /** A valid file: a report, no error. */
  readonly valid?: boolean;
}

const PDF_ERRORS = ["IMPORT-PDF-DAMAGED", "IMPORT-PDF-TOO-MANY-PAGES", "IMPORT-PDF-TOO-MANY-ITEMS", "IMPORT-PDF-NO-TEXT", "IMPORT-TOO-LARGE", "IMPORT-LIMIT"];

const cases: readonly Case[] = [
  { kind: "control (valid file)", name: "the Hongze 2024 PDF (WPS export)", bytes: () => fixture(WPS_PDF), codes: [], valid: true },
  {
    kind: "page count",
    name: "/Count 2147483647 over a page tree of one page",
    bytes: () => writePdf(simplePdf(plain(LINE), { count: 2 ** 31 - 1 })),
    // PDF.js checks the claim against the page tree (checkLastPage) and reads the one real page, which is no report
    codes: ["IMPORT-PDF-TOO-MANY-PAGES", "IMPORT-NOT-A-REPORT"],
  },
  {
    kind: "page count",
    name: "100,000 pages (one page object listed 100,000 times), 600 KB",
    bytes: () => {
      const o = simplePdf(plain(LINE), { count: 100_000 });
      o[1] = { body: `<< /Type /Pages /Kids [${"5 0 R ".repeat(100_000)}] /Count 100000 >>` };
      return writePdf(o);
    },
    codes: ["IMPORT-PDF-TOO-MANY-PAGES"],
  },
  {
    kind: "decompression bomb",
    name: "content stream: 3.4 MB of FlateDecode inflating to 512 MiB of spaces after a line of text",
    bytes: () => writePdf(simplePdf(flate(zlibBomb(`${LINE}\n`, " ", 512 * MIB, "\n")))),
    codes: PDF_ERRORS,
  },
  {
    kind: "decompression bomb",
    name: "content stream: 490 KB of FlateDecode inflating to 64 MiB of `0 0 Td (7) Tj` (4 million text runs on one page)",
    bytes: () => writePdf(simplePdf(flate(zlibBomb("BT /F1 12 Tf 72 400 Td\n", "0 0 Td (7) Tj\n  ", 64 * MIB, "ET\n")))),
    codes: ["IMPORT-PDF-TOO-MANY-ITEMS", "IMPORT-LIMIT", "IMPORT-PDF-DAMAGED"],
  },
  {
    kind: "deep nesting",
    name: "200,000 nested arrays in the page dictionary",
    bytes: () => writePdf(simplePdf(plain(LINE), { extraPageKeys: `/Junk ${"[".repeat(200_000)}${"]".repeat(200_000)} ` })),
    codes: ["IMPORT-PDF-DAMAGED"],
  },
  {
    kind: "deep nesting",
    name: "100,000 nested dictionaries in the content stream, before the text",
    bytes: () => writePdf(simplePdf(plain(`${"<< /A ".repeat(100_000)}${">> ".repeat(100_000)}\n${LINE}`))),
    // the content stream cannot be parsed: PDF.js (stopAtErrors: false) gives the page no text
    codes: ["IMPORT-PDF-DAMAGED", "IMPORT-PDF-NO-TEXT"],
  },
  {
    kind: "deep nesting",
    name: "200,000 nested arrays as the operand of TJ",
    bytes: () => writePdf(simplePdf(plain(`BT /F1 12 Tf 72 760 Td ${"[".repeat(200_000)}(12)${"]".repeat(200_000)} TJ ET`))),
    codes: ["IMPORT-PDF-DAMAGED", "IMPORT-PDF-NO-TEXT"],
  },
  {
    kind: "deep nesting",
    name: "a page tree 50,000 /Pages nodes deep",
    bytes: () => {
      const depth = 50_000;
      const o = simplePdf(plain(LINE));
      o[1] = { body: "<< /Type /Pages /Kids [6 0 R] /Count 1 >>" };
      const nodes: PdfObject[] = Array.from({ length: depth }, (_, i) => ({ body: `<< /Type /Pages /Kids [${i === depth - 1 ? 5 : 7 + i} 0 R] /Count 1 >>` }));
      return writePdf([...o, ...nodes]);
    },
    // PDF.js walks it without recursion and reads the one page (a line, not a report)
    codes: ["IMPORT-PDF-DAMAGED", "IMPORT-NOT-A-REPORT"],
  },
  {
    kind: "deep nesting",
    name: "a page tree that contains itself",
    bytes: () => {
      const o = simplePdf(plain(LINE));
      o[1] = { body: "<< /Type /Pages /Kids [2 0 R 5 0 R] /Count 2 >>" };
      return writePdf(o);
    },
    codes: ["IMPORT-PDF-DAMAGED"],
  },
  {
    kind: "truncated xref",
    name: "Chromium PDF cut inside its xref table (no trailer, no startxref)",
    bytes: () => {
      const b = fixture(CHROMIUM_PDF);
      return b.slice(0, xrefAt(b) + Math.floor((b.length - xrefAt(b)) / 2));
    },
    codes: ["IMPORT-PDF-DAMAGED"],
    intact: CHROMIUM_PDF,
  },
  {
    kind: "truncated xref",
    name: "Chromium PDF whose xref table points every object at offset 0",
    bytes: () => {
      const b = fixture(CHROMIUM_PDF);
      const at = xrefAt(b);
      const s = Buffer.from(b).toString("latin1");
      return new Uint8Array(Buffer.from(s.slice(0, at) + s.slice(at).replace(/\d{10} 00000 n/g, "0000000000 00000 n"), "latin1"));
    },
    codes: ["IMPORT-PDF-DAMAGED"],
    intact: CHROMIUM_PDF,
  },
  {
    kind: "truncated xref",
    name: "WPS PDF cut inside its cross-reference stream",
    bytes: () => {
      const b = fixture(WPS_PDF);
      return b.slice(0, b.length - 200);
    },
    codes: ["IMPORT-PDF-DAMAGED"],
    intact: WPS_PDF,
  },
  {
    kind: "truncated xref",
    name: "WPS PDF whose startxref points past the end of the file",
    bytes: () => {
      const s = Buffer.from(fixture(WPS_PDF)).toString("latin1");
      const i = s.lastIndexOf("startxref");
      return new Uint8Array(Buffer.from(`${s.slice(0, i)}startxref\n99999999\n%%EOF\n`, "latin1"));
    },
    codes: ["IMPORT-PDF-DAMAGED"],
    intact: WPS_PDF,
  },
];

let dir = "";
const intactCells = new Map<string, Record<string, unknown> | undefined>();
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gd-hostile-pdf-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  printTallies("pdf-bombs");
});

/** The cells of an intact fixture, read the same way (in a child). */
async function cellsOf(path: string): Promise<Record<string, unknown> | undefined> {
  if (!intactCells.has(path)) {
    const file = join(dir, `intact-${path.replace(/\W/g, "_")}`);
    writeFileSync(file, fixture(path));
    const r = await importInWatchedChild(file, "intact.pdf", { timeoutMs: KILL_MS, rssLimitKb: RSS_KILL_KB });
    intactCells.set(path, r.out?.cells);
  }
  return intactCells.get(path);
}

describe("hostile PDFs: one clear error each, bounded time and memory, never a crash", () => {
  for (const [i, c] of cases.entries())
    it(`${c.kind}: ${c.name}`, { timeout: KILL_MS * 2 + 10_000 }, async () => {
      tally(c.kind);
      const bytes = c.bytes();
      expect(bytes.length).toBeLessThan(20 * MIB); // under the byte cap: the file itself is small
      const file = join(dir, `case-${i}.pdf`);
      writeFileSync(file, bytes);
      const r = await importInWatchedChild(file, `case-${i}.pdf`, { timeoutMs: KILL_MS, rssLimitKb: RSS_KILL_KB });
      const detail = `${c.name}: status ${r.status}, signal ${r.signal}${r.killedFor ? `, killed for ${r.killedFor}` : ""}, child ${r.ms.toFixed(0)} ms, import ${r.out?.importMs?.toFixed(0)} ms, peak RSS ${(r.peakRssKb / 1024).toFixed(0)} MB; ${JSON.stringify(r.out?.codes)} ${JSON.stringify(r.out?.messages)} ${r.stderr.slice(-400)}`;
      console.log(`[hostile] pdf-bombs: ${detail.slice(0, 400)}`);
      expect(r.killedFor, detail).toBeUndefined();
      expect(r.signal, detail).toBeNull();
      expect(r.status, detail).toBe(0);
      expect(r.out?.importMs ?? Number.POSITIVE_INFINITY, detail).toBeLessThan(BOUND_MS);
      expect(r.peakRssKb, detail).toBeLessThan(RSS_LIMIT_KB);
      const out = r.out!;
      for (const m of out.messages) expect(m, detail).not.toMatch(/\{\w+\}/);
      if (c.valid) {
        expect(out.report, detail).toBe(true);
        return;
      }
      if (c.intact && out.report) {
        // the cross-reference table was rebuilt from the objects: the figures must be the intact file's, exactly
        expect(out.cells, detail).toEqual(await cellsOf(c.intact));
        tally(`${c.kind} (rebuilt, read exactly)`);
        return;
      }
      expect(out.report, detail).toBe(false);
      expect(out.codes, detail).toHaveLength(1);
      expect(out.messages[0], detail).not.toMatch(/[\u4e00-\u9fff]/);
      expect(c.codes, detail).toContain(out.codes[0]);
    });
});
