// One throughput run in its own process (so its peak RSS is its own): `throughput.ts <format> <count> [seed]`.
// Streams a generated corpus: writes 200 reports in the format (untimed), imports + validates each (timed), drops them.
// Prints one JSON line with the figures.
import { cellDef, formatIssue, type Issue, parseReportJson, type Report, validateReport } from "@gov-disclosure/core";
import { generateCorpus } from "@gov-disclosure/generator";
import { strFromU8, unzipSync } from "fflate";
import { parse as parseHtml } from "parse5";
import { SaxesParser } from "saxes";
import { type ImportResult, importReport, importText, parseCellText } from "@gov-disclosure/import";
import { formatNamed } from "./formats";

const [name = "json", countArg = "1000", seedArg = "20240601"] = process.argv.slice(2);
const format = formatNamed(name);
const count = Number(countArg);
/**
 * Reports imported first and not counted: V8 takes about two thousand varied reports to compile the importer's hot
 * paths (their cost in this time is printed apart, as `warmupCpuMs`).
 */
const WARMUP = Math.min(2000, Math.floor(count / 5));
/**
 * Reports written ahead at a time (untimed), then imported one by one (timed): writing one between imports would put
 * the generator's and the writer's garbage, and their use of the caches, in the import's timings.
 */
const CHUNK = 200;
/** Ambiguities checked by enumeration: at most this many (untimed). */
const AMBIGUITY_SAMPLE = 200;
let ambiguitiesChecked = 0;
let ambiguitiesReal = 0;
const ambiguitiesFalse: string[] = [];

/**
 * An ambiguity is real when at least two of the readings the import lists differ on its cells and both satisfy every
 * error-level rule on the cells they fill (a check that also reads another ambiguity's cells says nothing of this one).
 */
function ambiguityIsReal(r: ImportResult, issue: Issue): boolean {
  const report = r.report as Report;
  const errorsOf = (x: Report) =>
    validateReport(x, { corrections: false }).findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error");
  const cands = issue.candidates ?? [];
  if (cands.length < 2 || issue.cells.some((id) => new Set(cands.map((c) => c[id])).size < 2)) return false;
  const holding = cands.filter((c) => {
    const cells = { ...report.cells };
    for (const [id, text] of Object.entries(c)) {
      const v = parseCellText(text, cellDef(report.edition, id)?.kind ?? "count");
      if (v.kind === "blank") delete cells[id];
      else cells[id] = v;
    }
    return errorsOf({ ...report, cells }).every((f) => !f.cells.some((id) => id in c) || f.cells.some((id) => !(id in c) && id in r.ambiguous));
  });
  return holding.length >= 2;
}

const now = () => performance.now();
let importMs = 0;
let validateMs = 0;
// CPU time of the process (all its threads, garbage collection included): on a shared machine, wall time also counts
// the time spent waiting for a core; CPU time is what one report costs a core.
let importCpuMs = 0;
let validateCpuMs = 0;
let warmupCpuMs = 0;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let parseFloorMs = 0;
let parseReportMs = 0;
/** HTML only: parse5 alone on the same documents (the import's HTML parser; wall time, outside the CPU window). */
let htmlFloorMs = 0;
/**
 * XLSX and DOCX only: the XML work alone (wall time, outside the CPU window): every XML part the import's fast reader
 * reads (`readsXml`) inflated with fflate and tokenized by saxes with no handler but one for errors — the libraries
 * and versions the import uses.
 */
let xmlFloorMs = 0;
/**
 * The XML parts the fast readers read: every .xml and .rels entry but a workbook's theme (no reader needs it) and its
 * content types (the workbook reader does not read them; the Word reader checks them).
 */
const readsXml = (format: string, name: string): boolean =>
  /\.(xml|rels)$/i.test(name) && !/^xl\/theme\//.test(name) && !(format === "xlsx" && name === "[Content_Types].xml");
/** The same floors in CPU time (all threads, as the import's rate is counted), read once per chunk. */
let htmlFloorCpuMs = 0;
let xmlFloorCpuMs = 0;
let imported = 0;
let withErrors = 0;
let ambiguous = 0;
let failedImports = 0;
let inputBytes = 0;
const firstFailure: string[] = [];
const heapAt: Record<number, number> = {};
let maxHeap = 0;

const utf8 = new TextDecoder();
const encoder = new TextEncoder();
/**
 * A text as a program reading a file has it: decoded from bytes into one flat string. A writer's string is often a
 * rope (a template or a concatenation), which V8 flattens on first use, and that copy was charged to whatever read it
 * first (the JSON floor, before: 25 µs of its 70).
 */
const asRead = (x: string | Uint8Array): string | Uint8Array => (typeof x === "string" ? utf8.decode(encoder.encode(x)) : x);

/**
 * Reads one character or byte in every cache line of the input: a file just read is in the cache, and so is the input
 * before each timed step here (the string was written 200 reports earlier). About a microsecond.
 */
function touch(x: string | Uint8Array): number {
  let h = 0;
  if (typeof x === "string") for (let i = 0; i < x.length; i += 32) h += x.charCodeAt(i);
  else for (let i = 0; i < x.length; i += 64) h += x[i] as number;
  return h;
}
let touched = 0;

/** The corpus written in the format, a chunk at a time (the warm-up ends a chunk, so that no chunk is half counted). */
async function* chunks(): AsyncGenerator<(string | Uint8Array)[]> {
  let chunk: (string | Uint8Array)[] = [];
  let written = 0;
  for (const report of generateCorpus({ count: count + WARMUP, seed: Number(seedArg) })) {
    chunk.push(asRead(await format.write(report)));
    written++;
    if (chunk.length === CHUNK || written === WARMUP) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

let n = 0;
for await (const chunk of chunks()) {
  const timed = n >= WARMUP;
  // Timed: each report imported, then validated, one after the other, and dropped (a result kept to the end of the
  // chunk would live through the young generation's collections and cost the next reports a promotion). The CPU clock
  // is read once per chunk: on this machine one read (getrusage over every thread of the process) takes 50–90 µs while
  // V8's threads are busy, and read three times a report it was a tenth of a glued report's time and a third of a JSON
  // one's. The chunk's CPU time is shared between import and validation by their share of its wall time (each timed
  // by performance.now, 0.2 µs a read). What the checks below need is noted in passing (a few flags per report).
  // The floor first (JSON only; wall time, outside the CPU window): plain JSON.parse of the same canonical JSON, and
  // core's parse alone (for the breakdown), the text in the cache for each as it is for the import.
  if (timed && format.name === "json")
    for (const input of chunk) {
      if (typeof input !== "string") continue;
      touched += touch(input);
      const a = now();
      JSON.parse(input);
      const b = now();
      touched += touch(input);
      const b2 = now();
      parseReportJson(input);
      const c = now();
      parseFloorMs += b - a;
      parseReportMs += c - b2;
    }
  // HTML: the parser the import uses (parse5), alone, the same way; run on the warm-up chunk too (not counted), so
  // that the first counted chunk does not pay for compiling it while the import's code is already warm.
  const h0 = timed && format.name === "html" ? cpu() : 0;
  if (format.name === "html")
    for (const input of chunk) {
      if (typeof input !== "string") continue;
      touched += touch(input);
      const a = now();
      parseHtml(input);
      if (timed) htmlFloorMs += now() - a;
    }
  if (h0) htmlFloorCpuMs += cpu() - h0;
  const x0 = timed && (format.name === "xlsx" || format.name === "docx") ? cpu() : 0;
  if (format.name === "xlsx" || format.name === "docx")
    for (const input of chunk) {
      if (typeof input === "string") continue;
      touched += touch(input);
      const a = now();
      const parts = unzipSync(input, { filter: (f) => readsXml(format.name, f.name) });
      for (const bytes of Object.values(parts)) {
        const p = new SaxesParser();
        p.on("error", (e) => {
          throw e;
        });
        p.write(strFromU8(bytes)).close();
      }
      if (timed) xmlFloorMs += now() - a;
    }
  if (x0) xmlFloorCpuMs += cpu() - x0;
  let chunkImportMs = 0;
  let chunkValidateMs = 0;
  const flags: { imported: boolean; errors: boolean; ambiguous: boolean; sample: boolean; failure?: string }[] = [];
  const c0 = cpu();
  for (const input of chunk) {
    touched += touch(input);
    const t0 = now();
    const result = typeof input === "string" ? importText(input, { filename: format.filename }) : await importReport(input, { filename: format.filename });
    const t1 = now();
    // As the CLI does: the import's issues go in with the report (listed and counted with the findings).
    const validation = result.report ? validateReport(result.report, { importIssues: result.issues }) : undefined;
    const t2 = now();
    chunkImportMs += t1 - t0;
    chunkValidateMs += t2 - t1;
    const isAmbiguous = result.issues.some((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS");
    flags.push({
      imported: result.report !== undefined,
      // "Errors after import": a rule of severity error fails (import issues are counted apart, as "ambiguous").
      errors: validation?.findings.some((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error") ?? false,
      ambiguous: isAmbiguous,
      sample: isAmbiguous && result.report !== undefined && result.report.edition !== "local",
      ...(result.report
        ? {}
        : {
            failure: result.issues
              .map((i) => formatIssue(i, "en"))
              .join("; ")
              .slice(0, 160),
          }),
    });
  }
  const chunkCpuMs = cpu() - c0;
  n += chunk.length;
  if (!timed) {
    warmupCpuMs += chunkCpuMs;
    continue;
  }
  importMs += chunkImportMs;
  validateMs += chunkValidateMs;
  const importShare = chunkImportMs / (chunkImportMs + chunkValidateMs || 1);
  importCpuMs += chunkCpuMs * importShare;
  validateCpuMs += chunkCpuMs * (1 - importShare);
  // Untimed from here: the counts, and the sample of ambiguities (imported again to be enumerated).
  for (const [k, input] of chunk.entries()) {
    const f = flags[k]!;
    inputBytes += typeof input === "string" ? Buffer.byteLength(input) : input.length;
    if (f.imported) imported++;
    else {
      failedImports++;
      if (firstFailure.length < 3 && f.failure !== undefined) firstFailure.push(f.failure);
    }
    if (f.errors) withErrors++;
    if (f.ambiguous) ambiguous++;
    // the national tables' ambiguities, proved real by enumeration on a sample (a local table's solver is not covered)
    if (f.sample && ambiguitiesChecked < AMBIGUITY_SAMPLE) {
      const result = typeof input === "string" ? importText(input, { filename: format.filename }) : await importReport(input, { filename: format.filename });
      for (const issue of result.issues.filter((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS")) {
        if (ambiguitiesChecked >= AMBIGUITY_SAMPLE) break;
        ambiguitiesChecked++;
        if (ambiguityIsReal(result, issue)) ambiguitiesReal++;
        else if (ambiguitiesFalse.length < 3) ambiguitiesFalse.push(`report ${n - chunk.length + k + 1}: ${issue.cells.join(",")}`);
      }
    }
  }
  const done = n - WARMUP;
  if ((done >= 1000 && done - chunk.length < 1000) || done === count) {
    // the heap the run keeps: collected first (untimed) when node runs with --expose-gc, as the bench starts it; twice
    // only (after the first 1,000 reports and at the end). A full collection also drops the hidden classes that died, and
    // V8 throws away and recompiles the optimized code that named them: forced every 1,000 reports, as before session 7,
    // that recompiling added a third to the CPU time of a text report (lines: 678 → 913 µs).
    (globalThis as { gc?: () => void }).gc?.();
    const h = process.memoryUsage().heapUsed;
    heapAt[done] = h;
    maxHeap = Math.max(maxHeap, h);
  }
}

console.log(
  JSON.stringify({
    format: format.name,
    count,
    warmup: WARMUP,
    warmupCpuMs,
    importMs,
    validateMs,
    importCpuMs,
    validateCpuMs,
    ambiguitiesChecked,
    ambiguitiesReal,
    ambiguitiesFalse,
    parseFloorMs,
    parseReportMs,
    htmlFloorMs,
    xmlFloorMs,
    htmlFloorCpuMs,
    xmlFloorCpuMs,
    imported,
    failedImports,
    firstFailure,
    withErrors,
    ambiguous,
    inputBytes,
    heapAt,
    maxHeap,
    maxRssKb: process.resourceUsage().maxRSS,
    touched: touched > 0,
  }),
);
