// One throughput run in its own process (so its peak RSS is its own): `throughput.ts <format> <count> [seed]`.
// Streams a generated corpus: write one report in the format (untimed), import + validate it (timed), drop it.
// Prints one JSON line with the figures.
import { cellDef, formatIssue, type Issue, parseReportJson, type Report, validateReport } from "@gov-disclosure/core";
import { generateCorpus } from "@gov-disclosure/generator";
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
let imported = 0;
let withErrors = 0;
let ambiguous = 0;
let failedImports = 0;
let inputBytes = 0;
const firstFailure: string[] = [];
const heapAt: Record<number, number> = {};
let maxHeap = 0;

/** The corpus written in the format, a chunk at a time. */
async function* inputs(): AsyncGenerator<string | Uint8Array> {
  let chunk: (string | Uint8Array)[] = [];
  for (const report of generateCorpus({ count: count + WARMUP, seed: Number(seedArg) })) {
    chunk.push(await format.write(report));
    if (chunk.length === CHUNK) {
      yield* chunk;
      chunk = [];
    }
  }
  yield* chunk;
}

let n = 0;
for await (const input of inputs()) {
  const timed = n >= WARMUP;
  if (typeof input === "string" && format.name === "json") {
    // The floor: plain JSON.parse of the same canonical JSON, and core's parse alone (for the breakdown).
    const a = now();
    JSON.parse(input);
    const b = now();
    parseReportJson(input);
    const c = now();
    if (timed) {
      parseFloorMs += b - a;
      parseReportMs += c - b;
    }
  }
  const c0 = cpu();
  const t0 = now();
  const result = typeof input === "string" ? importText(input, { filename: format.filename }) : await importReport(input, { filename: format.filename });
  const t1 = now();
  const c1 = cpu();
  // As the CLI does: the import's issues go in with the report (listed and counted with the findings).
  const validation = result.report ? validateReport(result.report, { importIssues: result.issues }) : undefined;
  const t2 = now();
  const c2 = cpu();
  n++;
  if (!timed) {
    warmupCpuMs += c2 - c0;
    continue;
  }
  importMs += t1 - t0;
  validateMs += t2 - t1;
  importCpuMs += c1 - c0;
  validateCpuMs += c2 - c1;
  inputBytes += typeof input === "string" ? Buffer.byteLength(input) : input.length;
  if (result.report) imported++;
  else {
    failedImports++;
    if (firstFailure.length < 3)
      firstFailure.push(
        result.issues
          .map((i) => formatIssue(i, "en"))
          .join("; ")
          .slice(0, 160),
      );
  }
  // "Errors after import": a rule of severity error fails (import issues are counted apart, as "ambiguous").
  if (validation?.findings.some((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error")) withErrors++;
  if (result.issues.some((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS")) ambiguous++;
  // the national tables' ambiguities, proved real by enumeration on a sample (a local table's solver is not covered)
  if (result.report && result.report.edition !== "local" && ambiguitiesChecked < AMBIGUITY_SAMPLE)
    for (const issue of result.issues.filter((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS")) {
      if (ambiguitiesChecked >= AMBIGUITY_SAMPLE) break;
      ambiguitiesChecked++;
      if (ambiguityIsReal(result, issue)) ambiguitiesReal++;
      else if (ambiguitiesFalse.length < 3) ambiguitiesFalse.push(`report ${n}: ${issue.cells.join(",")}`);
    }
  const done = n - WARMUP;
  if (done % 1000 === 0 || done === count) {
    // the heap the run keeps: collected first (untimed) when node runs with --expose-gc, as the bench starts it
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
    imported,
    failedImports,
    firstFailure,
    withErrors,
    ambiguous,
    inputBytes,
    heapAt,
    maxHeap,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
