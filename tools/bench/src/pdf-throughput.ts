// PDF import + validate in its own process (so its peak RSS is its own): `pdf-throughput.ts <count> <file.pdf|dir>...`.
// Reads the PDFs once (untimed), then imports and validates `count` of them in turn, cycling through the list, as
// the CLI does (the import's issues go to validateReport). The first WARMUP imports load PDF.js and warm the JIT and
// are not counted. Peak RSS and heap are taken after 100 and after `count` PDFs. Prints one JSON line. Besides the
// wall-clock times, `importCpuMs` is the process's CPU time (all threads) spent in the imports: on a machine shared
// with other work it moves much less than the wall clock does.
//
// With PDFJS_ONLY=asis or PDFJS_ONLY=lean it measures the floor instead: PDF.js alone (the same options as the import,
// on the calling thread) reading every page's text of the same PDFs, nothing of ours timed: `asis` on each file as
// published, `lean` on the copy the import gives PDF.js (embedded font programs left out; the leaving-out not timed).
// What the import may do besides, and the floor leaves out: a second read of the file as published when the lean one
// fails, and a strict re-read of pages that gave no text; neither happens on the bench's PDFs, whose every page has text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { formatIssue, type ValidationResult, validateReport } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { withoutFontPrograms } from "../../../packages/import/src/pdf/fonts";
import { dataFactories, defaultDataLoader, loadPdfJs } from "../../../packages/import/src/pdf/load";
import { TEXT_ONLY } from "../../../packages/import/src/pdf/read";

const [countArg = "1000", ...paths] = process.argv.slice(2);
const count = Number(countArg);
const files = paths.flatMap((p) =>
  statSync(p).isDirectory()
    ? readdirSync(p)
        .filter((f) => f.endsWith(".pdf"))
        .sort()
        .map((f) => join(p, f))
    : [p],
);
if (!files.length) throw new Error("no PDF given");
const pdfs = files.map((f) => new Uint8Array(readFileSync(f)));
const pageCount = (b: Uint8Array): number => {
  // the page tree's /Count (the largest one is the root's); good enough for Chromium's and WPS's PDFs
  const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("latin1");
  let n = 0;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) n = Math.max(n, Number(m[1] ?? m[2]));
  return n;
};
const pages = pdfs.map(pageCount);
const pdfjsOnly = process.env.PDFJS_ONLY;
if (pdfjsOnly && pdfjsOnly !== "asis" && pdfjsOnly !== "lean") throw new Error("PDFJS_ONLY: asis or lean");
/** What PDF.js is given in the floor mode: the file, or the import's lean copy (made here, untimed). */
const given = pdfjsOnly === "lean" ? pdfs.map((b) => withoutFontPrograms(b) ?? b) : pdfs;
const pdfjs = pdfjsOnly ? await loadPdfJs() : undefined;
const loader = pdfjsOnly ? await defaultDataLoader() : undefined;

/** PDF.js alone: opens the document, reads every page's text and the document's Info, as the import does; the number of pages. */
async function pdfjsText(bytes: Uint8Array): Promise<number> {
  if (!pdfjs) throw new Error("PDF.js not loaded");
  // a fresh list of missing data per document, as the import has
  const task = pdfjs.getDocument({ ...TEXT_ONLY, data: bytes.slice(), stopAtErrors: false, ...dataFactories(loader, { missing: [] }) });
  try {
    const doc = await task.promise;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      page.getViewport({ scale: 1 });
      await page.getTextContent({ includeMarkedContent: false });
      page.cleanup();
    }
    await doc.getMetadata();
    return doc.numPages;
  } finally {
    await task.destroy();
  }
}
/** Imports not counted: PDF.js is loaded by the first and takes some 40 documents to compile (155 ms a PDF over the first ten, 45 ms by the hundredth). */
const WARMUP = Math.max(Math.min(50, Math.floor(count / 5)), Math.min(10, pdfs.length));

const now = () => performance.now();
let importMs = 0;
let importCpuMs = 0;
let validateMs = 0;
let imported = 0;
let failedImports = 0;
let withErrors = 0;
let withImportWarnings = 0;
let pagesRead = 0;
let inputBytes = 0;
const firstFailure: string[] = [];
const firstCallMs: number[] = [];
const rssAt: Record<number, number> = {};
const heapAt: Record<number, number> = {};

for (let n = 0; n < count + WARMUP; n++) {
  const i = n % pdfs.length;
  const input = pdfs[i] as Uint8Array;
  const c0 = process.cpuUsage();
  const t0 = now();
  const result = pdfjsOnly ? { pages: await pdfjsText(given[i] as Uint8Array) } : await importReport(input, { filename: "report.pdf" });
  const t1 = now();
  const cpu = process.cpuUsage(c0);
  const validation: ValidationResult | undefined =
    "report" in result && result.report ? validateReport(result.report, { importIssues: result.issues }) : undefined;
  const t2 = now();
  if (n < WARMUP) {
    firstCallMs.push(t1 - t0);
    continue;
  }
  importMs += t1 - t0;
  importCpuMs += (cpu.user + cpu.system) / 1000;
  validateMs += t2 - t1;
  inputBytes += input.length;
  pagesRead += pages[i] ?? 0;
  if ("pages" in result) {
    if (result.pages !== pages[i]) throw new Error(`PDF.js read ${result.pages} pages of ${files[i]}, not ${pages[i]}`);
    imported++;
  } else if (result.report) imported++;
  else {
    failedImports++;
    if (firstFailure.length < 3)
      firstFailure.push(
        result.issues
          .map((x) => formatIssue(x, "en"))
          .join("; ")
          .slice(0, 160),
      );
  }
  if (validation?.findings.some((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error")) withErrors++;
  if ("issues" in result && result.issues.some((x) => x.severity !== "info")) withImportWarnings++;
  const done = n + 1 - WARMUP;
  if (done === 100 || done % 250 === 0 || done === count) {
    rssAt[done] = process.resourceUsage().maxRSS;
    heapAt[done] = process.memoryUsage().heapUsed;
  }
}

console.log(
  JSON.stringify({
    format: pdfjsOnly ? `pdfjs-${pdfjsOnly}` : "pdf",
    count,
    distinct: pdfs.length,
    warmup: WARMUP,
    firstCallMs: firstCallMs[0] ?? 0,
    importMs,
    importCpuMs,
    validateMs,
    imported,
    failedImports,
    firstFailure,
    withErrors,
    withImportWarnings,
    pagesRead,
    avgPages: pages.reduce((a, b) => a + b, 0) / pages.length,
    inputBytes,
    rssAt,
    heapAt,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
