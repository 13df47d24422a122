// `pnpm bench`: measures gov-disclosure and writes BENCHMARKS.md at the repository root.
// Environment: BENCH_COUNT (default 10000 reports per format), BENCH_SLOW_COUNT (default BENCH_COUNT, XLSX/DOCX only),
// BENCH_BATCH (default "1000,10000" files for the CLI batch runs), BENCH_OUT (default ../../BENCHMARKS.md),
// BENCH_PDF_COUNT (default 1000 PDFs imported), BENCH_PDF_DISTINCT (default 50 distinct PDFs printed by Chromium, cycled),
// BENCH_ONLY=pdf (only the PDF part: its section goes to BENCH_OUT if set, else to stdout; BENCHMARKS.md is left alone).
// BENCH_ONLY=size (only the core bundle sizes, to stdout). BENCH_ONLY=cold (only the CLI cold start, like pdf).
// BENCH_ONLY=cost (only the hostile inputs' cost per kind, to stdout).
// BENCH_ONLY=batch (only the CLI batch part: the library's one-thread rate on the same folders, the CLI with --jobs 1
// and with every core; its section goes to BENCH_OUT if set, else to stdout; BENCHMARKS.md is left alone).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { ENTRY as ELEMENT_ENTRY, firstLoad } from "../../../packages/element/scripts/first-load.mjs";
import { generateCorpus } from "@gov-disclosure/generator";
import { build } from "esbuild";
import { CHROMIUM, chromiumPresent, LONG_TABLE, launchPrinter, printableHtml } from "./chromium";
import { FORMATS } from "./formats";
import { type HotFunction, ownerShares, type ProfileOwner, summariseProfile } from "./profile";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const CLI = join(root, "packages/cli/dist/cli.js");
const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
/**
 * XLSX and DOCX: as many reports as the other formats unless set lower (writing a workbook takes exceljs milliseconds).
 * Before session 10 it was 1,000, whose warm-up of 200 left V8 compiling the readers in the counted reports: DOCX read
 * 410 reports/s/core on 1,000 and 497 on 10,000 of the same code, by hand.
 */
const SLOW_COUNT = Number(process.env.BENCH_SLOW_COUNT ?? COUNT);
const BATCH = (process.env.BENCH_BATCH ?? "1000,10000").split(",").map(Number);
const OUT = resolve(process.env.BENCH_OUT ?? join(root, "BENCHMARKS.md"));
const SEED = 20240601;
/** The bench's own TypeScript runs through tsx; the packages it measures are their built dist/, as users get them. */
const NODE_TS = ["--import", "tsx"];
/** Profiles run the packages' TypeScript source instead, so that each sample names its source file. */
const NODE_SOURCE = ["--conditions=@gov-disclosure/source"];
const PDF_COUNT = Number(process.env.BENCH_PDF_COUNT ?? 1000);
const PDF_DISTINCT = Number(process.env.BENCH_PDF_DISTINCT ?? 50);
const ONLY = process.env.BENCH_ONLY;
const HONGZE = join(root, "fixtures/real/hongze-district-2024.pdf");

const log = (...a: unknown[]) => console.error("[bench]", ...a);
const fmt = (x: number, d = 0) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (kb: number) => `${fmt(kb / 1024, 0)} MB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

// ---------------------------------------------------------------------------------------------- machine

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  const nproc = execFileSync("nproc", { encoding: "utf8" }).trim();
  return {
    nproc,
    model,
    memory: `${fmt(totalmem() / 2 ** 30, 1)} GiB total, ${fmt(freemem() / 2 ** 30, 1)} GiB free at start`,
    node: process.version,
    loadavg: loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
    date: new Date().toISOString().slice(0, 16).replace("T", " "),
    commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
  };
}

// ---------------------------------------------------------------------------------------------- throughput

interface Throughput {
  format: string;
  count: number;
  warmup: number;
  warmupCpuMs: number;
  importMs: number;
  validateMs: number;
  importCpuMs: number;
  validateCpuMs: number;
  ambiguitiesChecked: number;
  ambiguitiesReal: number;
  ambiguitiesFalse: string[];
  parseFloorMs: number;
  parseReportMs: number;
  /** HTML only: parse5.parse alone on the same documents. */
  htmlFloorMs: number;
  /** XLSX and DOCX: inflating and tokenizing the XML parts alone (wall). */
  xmlFloorMs: number;
  /** The HTML and XML floors in CPU time (all threads), as the rates are counted. */
  htmlFloorCpuMs: number;
  xmlFloorCpuMs: number;
  imported: number;
  failedImports: number;
  firstFailure: string[];
  withErrors: number;
  ambiguous: number;
  inputBytes: number;
  heapAt: Record<string, number>;
  maxHeap: number;
  maxRssKb: number;
}

function runThroughput(format: string, count: number, extra: string[] = []): Throughput {
  const r = spawnSync(process.execPath, [...NODE_TS, "--expose-gc", ...extra, join(here, "throughput.ts"), format, String(count), String(SEED)], {
    cwd: join(root, "tools/bench"),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`throughput ${format} failed: ${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as Throughput;
}

// ---------------------------------------------------------------------------------------------- profiles

function profile(format: string, count: number): { self: HotFunction[]; inclusive: HotFunction[] } {
  const dir = mkdtempSync(join(tmpdir(), "gd-prof-"));
  try {
    runThroughput(format, count, [...NODE_SOURCE, "--cpu-prof", `--cpu-prof-dir=${dir}`]);
    const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) throw new Error("no profile written");
    return summariseProfile(join(dir, file));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------- PDF

interface PdfThroughput {
  count: number;
  distinct: number;
  warmup: number;
  firstCallMs: number;
  importMs: number;
  importCpuMs: number;
  validateMs: number;
  imported: number;
  failedImports: number;
  firstFailure: string[];
  withErrors: number;
  withImportWarnings: number;
  pagesRead: number;
  avgPages: number;
  inputBytes: number;
  rssAt: Record<string, number>;
  heapAt: Record<string, number>;
  maxRssKb: number;
}

interface PdfBench {
  run: PdfThroughput;
  /** PDF.js alone on the same PDFs (`PDFJS_ONLY`): as published, and on the lean copy the import gives it. */
  floor: { asis: PdfThroughput; lean: PdfThroughput };
  printSeconds: number;
  breaks: number;
  profile: { file: string; runs: number; self: HotFunction[]; inclusive: HotFunction[]; owners: { owner: ProfileOwner; percent: number }[] };
}

function runPdfThroughput(count: number, paths: string[], extra: string[] = [], pdfjsOnly?: "asis" | "lean"): PdfThroughput {
  const r = spawnSync(process.execPath, [...NODE_TS, ...extra, join(here, "pdf-throughput.ts"), String(count), ...paths], {
    cwd: join(root, "tools/bench"),
    env: pdfjsOnly ? { ...process.env, PDFJS_ONLY: pdfjsOnly } : process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`PDF throughput failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as PdfThroughput;
}

/**
 * Prints PDF_DISTINCT generated reports (every edition, `generateCorpus`) with one headless Chromium, the official
 * HTML on A4, a page break forced inside table 三 (or the 2014/local table) in every other one and Chromium's running
 * header and footer in every third; then imports + validates PDF_COUNT of them in one process, cycling; then
 * profiles 50 imports of the real Hongze PDF (WPS export, five pages).
 */
async function pdfBench(): Promise<PdfBench | undefined> {
  if (!chromiumPresent()) {
    log(`PDF: skipped, ${CHROMIUM} is absent (set CHROMIUM_PATH)`);
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "gd-pdf-"));
  try {
    log(`PDF: printing ${PDF_DISTINCT} reports with Chromium`);
    const t = performance.now();
    const printer = await launchPrinter();
    let breaks = 0;
    try {
      const jobs = [...generateCorpus({ count: PDF_DISTINCT, seed: SEED + 11 })].map((report, i) => ({ report, i }));
      await Promise.all(
        [0, 1, 2].map(async () => {
          for (let j = jobs.shift(); j; j = jobs.shift()) {
            const long = LONG_TABLE[j.report.edition];
            const breakAt = j.i % 2 === 0 ? (long === "old" ? 10 + ((j.i * 11) % 40) : long === "t3" ? 4 + ((j.i * 7) % 19) : 5) : undefined;
            if (breakAt) breaks++;
            const pdf = await printer.print(printableHtml(j.report, breakAt), { headerFooter: j.i % 3 === 0 });
            writeFileSync(join(dir, `r${String(j.i).padStart(4, "0")}.${j.report.edition}.pdf`), pdf);
          }
        }),
      );
    } finally {
      await printer.close();
    }
    const printSeconds = (performance.now() - t) / 1000;
    log(`PDF: import + validate × ${PDF_COUNT}`);
    const run = runPdfThroughput(PDF_COUNT, [dir]);
    log(`  ${fmt(pdfPerSec(run), 1)} reports/s, ${fmt(pdfFivePagePerSec(run), 1)} five-page reports/s, peak RSS ${mb(run.maxRssKb)}`);
    log(`PDF: PDF.js alone × ${PDF_FLOOR_COUNT}, as published and on the import's lean copy`);
    const floor = { asis: runPdfThroughput(PDF_FLOOR_COUNT, [dir], [], "asis"), lean: runPdfThroughput(PDF_FLOOR_COUNT, [dir], [], "lean") };
    log(`  ${fmt(pdfFivePagePerSec(floor.asis), 1)} and ${fmt(pdfFivePagePerSec(floor.lean), 1)} five-page reports/s`);
    log("PDF: profile, 50 imports of the Hongze PDF");
    const profDir = mkdtempSync(join(tmpdir(), "gd-prof-pdf-"));
    try {
      runPdfThroughput(50, [HONGZE], [...NODE_SOURCE, "--cpu-prof", `--cpu-prof-dir=${profDir}`]);
      const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
      if (!file) throw new Error("no profile written");
      const s = summariseProfile(join(profDir, file));
      return {
        run,
        floor,
        printSeconds,
        breaks,
        profile: { file: "fixtures/real/hongze-district-2024.pdf", runs: 50, ...s, owners: ownerShares(join(profDir, file)) },
      };
    } finally {
      rmSync(profDir, { recursive: true, force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** PDFs per second of one core: over the CPU time of the imports (and the validations, a fraction of a millisecond). */
const pdfPerSec = (t: PdfThroughput) => (t.count / (t.importCpuMs + t.validateMs)) * 1000;
/** Five-page reports per second of one core: pages read per CPU second over five (the generated PDFs are four pages, local ones two). */
const pdfFivePagePerSec = (t: PdfThroughput) => (t.pagesRead / 5 / (t.importCpuMs + t.validateMs)) * 1000;
const PDF_TARGET = 20;
/** PDFs read by PDF.js alone for each floor (as published, lean). */
const PDF_FLOOR_COUNT = 500;

/** Peak RSS after 100 PDFs and after all of them. */
function pdfMemory(t: PdfThroughput): { at100: number; atEnd: number; growth: number } {
  const at = Object.entries(t.rssAt).sort((a, b) => Number(a[0]) - Number(b[0]));
  const at100 = t.rssAt["100"] ?? at[0]?.[1] ?? 0;
  const atEnd = at[at.length - 1]?.[1] ?? 0;
  return { at100, atEnd, growth: at100 ? atEnd / at100 : 1 };
}

/** The PDF rows of the targets table. */
function pdfTargetRows(p: PdfBench | undefined): string[] {
  if (!p) return [targetRow("import + validate, PDF", `≥ ${PDF_TARGET} five-page reports/s/core`, `not run (${CHROMIUM} absent)`, false)];
  const r = p.run;
  const five = pdfFivePagePerSec(r);
  const m = pdfMemory(r);
  return [
    targetRow(
      "import + validate, PDF (Chromium print of the official HTML)",
      `≥ ${PDF_TARGET} five-page reports/s/core`,
      `${fmt(five, 1)} five-page reports/s/core (${fmt(pdfPerSec(r), 1)} PDFs/s of ${fmt(r.avgPages, 1)} pages)`,
      five >= PDF_TARGET,
      `${five >= PDF_TARGET ? "" : `${fmt(PDF_TARGET / five, 1)}× too slow; `}PDF.js alone on the same PDFs, nothing of ours timed: ${fmt(pdfFivePagePerSec(p.floor.asis), 1)} as published, ${fmt(pdfFivePagePerSec(p.floor.lean), 1)} on the copy the import gives it (font programs left out)${pdfFivePagePerSec(p.floor.lean) < PDF_TARGET ? ": below the target before any work of ours" : ""}`,
    ),
    targetRow(
      `PDF peak memory flat (${fmt(r.count)} PDFs)`,
      "flat",
      `peak RSS ${mb(m.at100)} after 100 PDFs, ${mb(m.atEnd)} after ${fmt(r.count)}`,
      m.growth < 1.25,
      `×${fmt(m.growth, 2)} for ×${fmt(r.count / 100)} PDFs`,
    ),
  ];
}

/** The PDF section of BENCHMARKS.md. */
function pdfSection(p: PdfBench | undefined): string[] {
  const out: string[] = ["## PDF import + validate", ""];
  if (!p) return [...out, `Not run: ${CHROMIUM} is absent (set CHROMIUM_PATH).`, ""];
  const r = p.run;
  const m = pdfMemory(r);
  out.push(
    `${fmt(r.distinct)} generated reports (\`generateCorpus\`, seed ${SEED + 11}, every edition) written as the official HTML (render's \`renderHtml\`, A4) and printed to PDF by one headless Chromium (${fmt(p.printSeconds, 1)} s, not timed); ${fmt(p.breaks)} of them with a page break forced inside table 三 (or the 2014/local table), every third with Chromium's running header and footer. One process, one thread, then imports (\`importReport\`, PDF.js modern build on the calling thread) and validates (\`validateReport\` with the import's issues) ${fmt(r.count)} of them, cycling through the ${fmt(r.distinct)}; the first ${r.warmup} (PDF.js loading and JIT warm-up: a fifth of the count, at most 50; PDF.js takes some 40 documents to compile, 155 ms a PDF over the first ten, 45 ms by the hundredth) are not counted. A "five-page report" is five pages read: pages/s ÷ 5 (these PDFs average ${fmt(r.avgPages, 1)} pages; Hongze 2024 has 5).`,
    "",
    "| PDFs | distinct | avg pages | avg size | PDFs/s/core | five-page reports/s/core | import CPU ms/PDF (wall) | validate ms/PDF | first import | imported | errors after import | with import warnings | peak RSS after 100 → end | heap after 100 → end |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  const heap = Object.entries(r.heapAt).sort((a, b) => Number(a[0]) - Number(b[0]));
  out.push(
    `| ${fmt(r.count)} | ${fmt(r.distinct)} | ${fmt(r.avgPages, 1)} | ${fmt(r.inputBytes / r.count / 1024)} KB | ${fmt(pdfPerSec(r), 1)} | ${fmt(pdfFivePagePerSec(r), 1)} | ${fmt(r.importCpuMs / r.count, 1)} (${fmt(r.importMs / r.count, 1)}) | ${fmt(r.validateMs / r.count, 2)} | ${fmt(r.firstCallMs)} ms | ${fmt(r.imported)} | ${fmt(r.withErrors)} | ${fmt(r.withImportWarnings)} | ${mb(m.at100)} → ${mb(m.atEnd)} | ${fmt((r.heapAt["100"] ?? heap[0]?.[1] ?? 0) / 2 ** 20)} → ${fmt((heap[heap.length - 1]?.[1] ?? 0) / 2 ** 20)} MB |`,
    "",
  );
  const f = p.floor;
  out.push(
    `The floor: PDF.js alone (\`PDFJS_ONLY\` in \`pdf-throughput.ts\`), the same options as the import, on the calling thread, opening each of the same PDFs and reading every page's text and the document's Info, ${fmt(f.asis.count)} of them after the same warm-up, CPU time as above. "as published" is PDF.js on each file as it is; "lean" on the copy the import gives PDF.js (embedded font programs left out, \`withoutFontPrograms\`; the leaving-out itself not timed). Nothing of ours runs: no caps, no layout, no analysis, no validation. (The import may also read a file twice, as published when its lean copy fails, and re-read pages without text strictly; neither happens on these PDFs.)`,
    "",
    "| PDF.js alone | CPU ms/PDF (wall) | five-page reports/s/core |",
    "| --- | ---: | ---: |",
    `| as published | ${fmt(f.asis.importCpuMs / f.asis.count, 1)} (${fmt(f.asis.importMs / f.asis.count, 1)}) | ${fmt(pdfFivePagePerSec(f.asis), 1)} |`,
    `| lean (as the import reads them) | ${fmt(f.lean.importCpuMs / f.lean.count, 1)} (${fmt(f.lean.importMs / f.lean.count, 1)}) | ${fmt(pdfFivePagePerSec(f.lean), 1)} |`,
    `| the import + validation (above) | ${fmt((r.importCpuMs + r.validateMs) / r.count, 1)} (${fmt((r.importMs + r.validateMs) / r.count, 1)}) | ${fmt(pdfFivePagePerSec(r), 1)} |`,
    "",
  );
  for (const s of r.firstFailure) out.push(`- no report: “${s}”`);
  if (r.firstFailure.length) out.push("");
  out.push(
    `Peak RSS over the run (\`process.resourceUsage().maxRSS\`) at each point: ${Object.entries(r.rssAt)
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([n, kb]) => `${fmt(Number(n))}: ${mb(kb)}`)
      .join(", ")}.`,
    "",
    `### Where PDF import time goes (${p.profile.runs} imports of ${p.profile.file}, \`node --cpu-prof\`)`,
    "",
    "Self time by owner (share of non-idle samples):",
    "",
    "| owner | self |",
    "| --- | ---: |",
    ...p.profile.owners.map((o) => `| ${o.owner} | ${o.percent.toFixed(1)} % |`),
    "",
    profileTable("Hot functions", { self: p.profile.self, inclusive: p.profile.inclusive }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------- CLI

/** The small file `validate` is timed on for the cold start: a real report (Taishun 2018, flattened text, 5 KB). */
const COLD_FILE = join(root, "fixtures/real/taishun-2018.txt");

interface Cold {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly nodeBaseline: number;
  /** `validate` of one small real report. */
  readonly validate: { readonly median: number; readonly min: number; readonly max: number };
}

/**
 * CLI cold start: `--version` and `validate` of one small real report, each run `runs` times from node after one
 * untimed run, interleaved with a bare `node -e 0` so that the machine's load weighs on all three alike.
 */
function coldStart(runs = 15): Cold {
  const version: number[] = [];
  const validate: number[] = [];
  const baseline: number[] = [];
  const time = (args: string[], into: number[], what: string) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { encoding: "utf8" });
    into.push(performance.now() - t);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${what} failed: ${r.stderr}`);
  };
  spawnSync(process.execPath, [CLI, "validate", COLD_FILE]); // page cache warm-up, not counted
  for (let i = 0; i < runs; i++) {
    time([CLI, "--version"], version, "--version");
    time([CLI, "validate", COLD_FILE], validate, "validate");
    time(["-e", "0"], baseline, "node -e 0");
  }
  return {
    median: median(version),
    min: Math.min(...version),
    max: Math.max(...version),
    runs,
    nodeBaseline: median(baseline),
    validate: { median: median(validate), min: Math.min(...validate), max: Math.max(...validate) },
  };
}

/** The hostile suite's cost run (tools/hostile/test/cost.test.ts): its per-kind lines, as it prints them. */
function costBench(): string[] {
  const r = spawnSync("pnpm", ["exec", "vitest", "run", "test/cost.test.ts"], {
    cwd: join(root, "tools/hostile"),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const lines = `${r.stdout}\n${r.stderr}`
    .split("\n")
    .map((l) => /\[cost\] (.*)$/.exec(l)?.[1])
    .filter((l): l is string => l !== undefined);
  if (r.status !== 0 || !lines.length) throw new Error(`the cost run failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return lines;
}

/** The cost section: every input kind up to 1 MB, worst import time per MB and peak memory, in child processes. */
function costSection(lines: readonly string[]): string[] {
  return [
    "## Hostile inputs: cost per kind",
    "",
    "The hostile suite's cost run (`tools/hostile/test/cost.test.ts`): inputs of every kind built to hit one stage's worst case, at 64 KiB and 1 MiB, each imported in a child process with a heap cap; per kind, the worst import time per MB, the slowest case and the peak RSS. Target: no input under the caps takes more than 5 s or 1 GiB, and no process dies.",
    "",
    "```",
    ...lines,
    "```",
    "",
  ];
}

/** The cold-start target rows. */
function coldTargetRows(cold: Cold): string[] {
  return [
    targetRow("CLI cold start (`--version`)", "≤ 100 ms", `median ${fmt(cold.median, 1)} ms`, cold.median <= 100),
    targetRow(
      "CLI cold start (`validate` of one small report)",
      "≤ 100 ms",
      `median ${fmt(cold.validate.median, 1)} ms`,
      cold.validate.median <= 100,
      cold.validate.median <= 100 ? "" : `node alone takes ${fmt(cold.nodeBaseline, 1)} ms here`,
    ),
  ];
}

const BATCH_MIX = ["json", "glued", "lines", "html", "markdown"] as const;

async function writeFolder(dir: string, count: number): Promise<number> {
  mkdirSync(dir, { recursive: true });
  const fmts = BATCH_MIX.map((n) => FORMATS.find((f) => f.name === n)).filter((f) => f !== undefined);
  let bytes = 0;
  let i = 0;
  for (const report of generateCorpus({ count, seed: SEED + 7 })) {
    const f = fmts[i % fmts.length];
    if (!f) continue;
    const data = await f.write(report);
    const ext = f.filename.split(".").pop();
    writeFileSync(join(dir, `r${String(i).padStart(5, "0")}.${f.name}.${ext}`), data);
    bytes += typeof data === "string" ? Buffer.byteLength(data) : data.length;
    i++;
  }
  return bytes;
}

interface BatchRun {
  command: string;
  files: number;
  /** Threads doing the files: 1 for the library and `--jobs 1`, else the `--jobs` given. */
  threads: number;
  seconds: number;
  maxRssKb: number;
  exit: number | null;
  /** One-minute load average just before the run. */
  load: number;
}

function timed(args: string[], files: number, threads: number, nodeArgs: string[] = []): BatchRun {
  const load = loadavg()[0] ?? 0;
  const r = spawnSync("/usr/bin/time", ["-f", "GDTIME %M %e", process.execPath, ...nodeArgs, CLI, ...args], {
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const m = /GDTIME (\d+) ([\d.]+)/.exec(r.stderr ?? "");
  if (!m) throw new Error(`no timing for ${args.join(" ")}: ${r.stderr?.slice(-500)}`);
  return {
    command: `${nodeArgs.length ? `node ${nodeArgs.join(" ")} ` : ""}gov-disclosure ${args.map((a) => (a.startsWith("/") ? "<folder>" : a)).join(" ")}`,
    files,
    threads,
    seconds: Number(m[2]),
    maxRssKb: Number(m[1]),
    exit: r.status,
    load,
  };
}

/** What `folder-throughput.ts` prints: the library over a folder, one thread, reading each file. */
interface FolderThroughput {
  files: number;
  ms: number;
  /** When its loop started and ended, in ms since the epoch. */
  startedAt: number;
  endedAt: number;
  filesPerSec: number;
  imported: number;
  failed: number;
  bytes: number;
  rssAt: Record<string, number>;
  maxRssKb: number;
}

/** The library's one-thread run over a folder, in its own process, as a batch row (its own loop timed, not node's start). */
function libraryRun(dir: string, files: number): { run: BatchRun; detail: FolderThroughput } {
  const load = loadavg()[0] ?? 0;
  const r = spawnSync(process.execPath, [...NODE_TS, join(here, "folder-throughput.ts"), dir], {
    cwd: join(root, "tools/bench"),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`folder throughput failed: ${r.stderr}`);
  const detail = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as FolderThroughput;
  if (detail.files !== files) throw new Error(`folder throughput read ${detail.files} files, not ${files}`);
  return {
    run: { command: "library: read + importReport + validateReport", files, threads: 1, seconds: detail.ms / 1000, maxRssKb: detail.maxRssKb, exit: 0, load },
    detail,
  };
}

/**
 * The library on every core at once: NPROC processes of `folder-throughput.ts`, each over one of NPROC consecutive
 * blocks of the files, started together; the rate is the files over the span from the first loop's start to the last
 * one's end. What no CLI design can beat on this machine: the ceiling of "library rate × cores", where a one-thread
 * library run already keeps V8's collector and compiler threads busy on the other cores.
 */
async function libraryAllCores(dir: string, files: number): Promise<BatchRun> {
  const load = loadavg()[0] ?? 0;
  const children: ReturnType<typeof spawn>[] = [];
  const one = (part: number) =>
    new Promise<FolderThroughput>((done, failed) => {
      const child = spawn(process.execPath, [...NODE_TS, join(here, "folder-throughput.ts"), dir, String(part), String(NPROC)], {
        cwd: join(root, "tools/bench"),
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(child);
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", (d) => {
        err += d;
      });
      child.on("error", failed);
      child.on("close", (code) => {
        if (code !== 0) failed(new Error(`folder throughput part ${part} failed: ${err}`));
        else done(JSON.parse(out.trim().split("\n").pop() ?? "{}") as FolderThroughput);
      });
    });
  let runs: FolderThroughput[];
  try {
    runs = await Promise.all(Array.from({ length: NPROC }, (_, part) => one(part)));
  } catch (e) {
    for (const c of children) c.kill();
    throw e;
  }
  const read = runs.reduce((a, r) => a + r.files, 0);
  if (read !== files) throw new Error(`the parts read ${read} files, not ${files}`);
  return {
    command: `library on every core: ${NPROC} processes at once, each over a ${NPROC === 2 ? "half" : `1/${NPROC}`} of the files`,
    files,
    threads: NPROC,
    seconds: (Math.max(...runs.map((r) => r.endedAt)) - Math.min(...runs.map((r) => r.startedAt))) / 1000,
    maxRssKb: Math.max(...runs.map((r) => r.maxRssKb)),
    exit: 0,
    load,
  };
}

/** One folder of the batch bench: the library, then the CLI on one thread and on every core, on the same files. */
interface BatchBench {
  files: number;
  bytes: number;
  library: BatchRun;
  libraryDetail: FolderThroughput;
  /** The library on every core at once (`libraryAllCores`): the machine's ceiling for the CLI on every core. */
  libraryAll: BatchRun;
  cliOne: BatchRun;
  cliAll: BatchRun;
  /** `--jobs <nproc> --no-pair`: what the pairing of consecutive years costs (pass 1 holds every imported report). */
  cliNoPair: BatchRun;
  stats: BatchRun;
  /** `--jobs 1` with V8's old space capped (`CAPPED_HEAP_MB`): the same mode at every size, memory bounded. */
  capped: BatchRun;
}

/** The old-space cap of the bounded-memory run: a batch whose memory grew with its files would run out. */
const CAPPED_HEAP_MB = 96;

const NPROC = Number(execFileSync("nproc", { encoding: "utf8" }).trim()) || 1;
const rate = (r: BatchRun) => r.files / r.seconds;
/** The CLI on every core against the library's one-thread rate times the cores. */
const cliShare = (b: BatchBench) => rate(b.cliAll) / (rate(b.library) * NPROC);
const CLI_SHARE_TARGET = 0.8;

/**
 * For each BENCH_BATCH size, one folder of generated files (the BATCH_MIX formats in turn), and on those same files:
 * the library on one thread, `validate --jobs 1`, `validate --jobs <nproc>` (with and without `--no-pair`) and
 * `stats --jobs <nproc>`, one after the other.
 */
async function batchBench(): Promise<BatchBench[]> {
  const out: BatchBench[] = [];
  for (const n of BATCH) {
    const dir = mkdtempSync(join(tmpdir(), `gd-batch-${n}-`));
    try {
      log(`CLI batch: writing ${n} files`);
      const bytes = await writeFolder(dir, n);
      const { run: library, detail } = libraryRun(dir, n);
      log(`  library ${fmt(rate(library))} files/s, ${mb(library.maxRssKb)}`);
      const libraryAll = await libraryAllCores(dir, n);
      log(`  library on ${NPROC} cores at once: ${fmt(rate(libraryAll))} files/s`);
      const cliOne = timed(["validate", dir, "--jobs", "1"], n, 1);
      log(`  validate --jobs 1: ${cliOne.seconds} s, ${mb(cliOne.maxRssKb)}`);
      const cliAll = timed(["validate", dir, "--jobs", String(NPROC)], n, NPROC);
      log(`  validate --jobs ${NPROC}: ${cliAll.seconds} s, ${mb(cliAll.maxRssKb)}`);
      const cliNoPair = timed(["validate", dir, "--jobs", String(NPROC), "--no-pair"], n, NPROC);
      log(`  validate --jobs ${NPROC} --no-pair: ${cliNoPair.seconds} s, ${mb(cliNoPair.maxRssKb)}`);
      const stats = timed(["stats", dir, "--jobs", String(NPROC)], n, NPROC);
      log(`  stats --jobs ${NPROC}: ${stats.seconds} s, ${mb(stats.maxRssKb)}`);
      const capped = timed(["validate", dir, "--jobs", "1"], n, 1, [`--max-old-space-size=${CAPPED_HEAP_MB}`]);
      log(`  validate --jobs 1, old space capped at ${CAPPED_HEAP_MB} MB: ${capped.seconds} s, ${mb(capped.maxRssKb)}, exit ${capped.exit}`);
      out.push({ files: n, bytes, library, libraryDetail: detail, libraryAll, cliOne, cliAll, cliNoPair, stats, capped });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** The batch rows of the targets table: the CLI against the library × cores on the largest folder, and memory flat. */
function batchTargetRows(batches: readonly BatchBench[]): string[] {
  const big = batches.reduce<BatchBench | undefined>((a, b) => (!a || b.files > a.files ? b : a), undefined);
  const small = batches.reduce<BatchBench | undefined>((a, b) => (!a || b.files < a.files ? b : a), undefined);
  if (!big || !small) return [targetRow("CLI batch", "", "not run (BENCH_BATCH empty)", false)];
  const share = cliShare(big);
  const ceiling = rate(big.libraryAll) / (rate(big.library) * NPROC);
  const growth = big.cliAll.maxRssKb / small.cliAll.maxRssKb;
  const noPairGrowth = big.cliNoPair.maxRssKb / small.cliNoPair.maxRssKb;
  const cappedGrowth = big.capped.maxRssKb / small.capped.maxRssKb;
  return [
    targetRow(
      `CLI on ${fmt(big.files)} files ≥ ${CLI_SHARE_TARGET * 100} % of (library rate × cores)`,
      `≥ ${fmt(CLI_SHARE_TARGET * rate(big.library) * NPROC)} files/s (${fmt(rate(big.library))} files/s × ${NPROC} × ${CLI_SHARE_TARGET})`,
      `${fmt(rate(big.cliAll))} files/s with --jobs ${NPROC} = ${fmt(share * 100)} % (--jobs 1: ${fmt(rate(big.cliOne))} files/s = ${fmt((rate(big.cliOne) / rate(big.library)) * 100)} % of the library)`,
      share >= CLI_SHARE_TARGET,
      [
        big.files < 10_000 ? `measured on ${fmt(big.files)} files, not 10,000 (BENCH_BATCH)` : "",
        `this machine's ceiling, the library itself on ${NPROC} cores at once: ${fmt(rate(big.libraryAll))} files/s = ${fmt(ceiling * 100)} % of library × cores${ceiling < CLI_SHARE_TARGET ? " (below the target: out of reach of any CLI here)" : ""}; the CLI is ${fmt((rate(big.cliAll) / rate(big.libraryAll)) * 100)} % of that ceiling`,
      ]
        .filter(Boolean)
        .join("; "),
    ),
    targetRow(
      `peak memory flat in corpus size (CLI batch, --jobs 1, old space capped at ${CAPPED_HEAP_MB} MB)`,
      "flat",
      `${mb(small.capped.maxRssKb)} for ${fmt(small.files)} files, ${mb(big.capped.maxRssKb)} for ${fmt(big.files)}${big.capped.exit === 0 ? "" : ` (exit ${big.capped.exit})`}`,
      cappedGrowth < 1.25 && big.capped.exit === 0 && small.capped.exit === 0,
      `×${fmt(cappedGrowth, 2)} for ×${fmt(big.files / small.files)} files; bounded: ${fmt(big.files)} files validated in a ${CAPPED_HEAP_MB} MB old space at ${fmt(rate(big.capped))} files/s (uncapped --jobs 1: ${fmt(rate(big.cliOne))} files/s, ${mb(big.cliOne.maxRssKb)}). Uncapped, V8 sizes its heap to the work: --jobs ${NPROC} ${mb(small.cliAll.maxRssKb)} → ${mb(big.cliAll.maxRssKb)} (×${fmt(growth, 2)}${NPROC <= 2 && small.files < 6000 ? `, and on ${NPROC} cores the smaller batch runs on one worker` : ""}), --no-pair ×${fmt(noPairGrowth, 2)}, the library's own loop ${mb(small.library.maxRssKb)} → ${mb(big.library.maxRssKb)}`,
    ),
  ];
}

/** The batch section: every run on the same folders, side by side. */
function batchSection(batches: readonly BatchBench[]): string[] {
  const out = [
    "### Batch",
    "",
    `Folders of generated files (\`generateCorpus\`, seed ${SEED + 7}, every edition), the formats in turn (${BATCH_MIX.join(", ")}). On each folder, one after the other: the library on one thread in its own process (\`tools/bench/src/folder-throughput.ts\`: each file read, \`importReport\` + \`validateReport\` with the import's issues, its loop timed; peak RSS from \`process.resourceUsage\`), the same on every core at once (${NPROC} such processes started together, each over one of ${NPROC} consecutive blocks of the files, timed from the first loop's start to the last one's end: the most "library × cores" this machine gives, since one library thread already keeps V8's collector and compiler threads busy on the other cores), then the CLI with \`--jobs 1\` (no worker: the main thread does the files) and with \`--jobs ${NPROC}\` (\`nproc\`), run with \`/usr/bin/time -f %M\` (wall time of the whole process, start-up and the folder walk included; peak RSS of the process, worker threads included), output to /dev/null. The CLI does more than the library loop: it pairs consecutive years of one body for the cross-year rules (two passes: the first imports every file and holds what it imported until the second validates it; \`--no-pair\` is one pass) and renders each file's findings as text. "vs library" is the run's files/s against the library's files/s × its threads. On two cores the CLI gives a batch under 6,000 files one worker whatever \`--jobs\` says (a second did not pay off there), so the 1,000-file \`--jobs ${NPROC}\` rows ran on one worker. The last row of each size is \`--jobs 1\` with V8's old space capped at ${CAPPED_HEAP_MB} MB: a batch whose memory grew with its files would run out. The machine is shared: the one-minute load average before each run is given, and any figure can be off by tens of percent from one run to the next.`,
    "",
    "| run | files | input | wall s | files/s | files/s/thread | vs library × threads | peak RSS | load before | exit |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const b of batches) {
    const lib = rate(b.library);
    for (const r of [b.library, b.libraryAll, b.cliOne, b.cliAll, b.cliNoPair, b.stats, b.capped]) {
      const name = r === b.library ? r.command : `\`${r.command}\``;
      out.push(
        `| ${name} | ${fmt(r.files)} | ${fmt(b.bytes / 2 ** 20, 1)} MB | ${fmt(r.seconds, 1)} | ${fmt(rate(r))} | ${fmt(rate(r) / r.threads)} | ${r === b.library ? "—" : `${fmt((rate(r) / (lib * r.threads)) * 100)} %`} | ${mb(r.maxRssKb)} | ${fmt(r.load, 2)} | ${r.exit} |`,
      );
    }
  }
  out.push("");
  for (const b of batches) {
    const d = b.libraryDetail;
    const at = Object.entries(d.rssAt).sort((x, y) => Number(x[0]) - Number(y[0]));
    out.push(
      `- ${fmt(b.files)} files: the library imported ${fmt(d.imported)} (${fmt(d.failed)} gave no report); its peak RSS ${at.map(([k, v]) => `${fmt(Number(k))}: ${mb(v)}`).join(", ")}.`,
    );
  }
  out.push("");
  return out;
}

// ---------------------------------------------------------------------------------------------- core size

/** The element's first load, gzip (`packages/element/scripts/first-load.mjs`); undefined when it is not built. */
function elementFirstLoad(): number | undefined {
  const dist = join(root, "packages/element/dist");
  return existsSync(join(dist, ELEMENT_ENTRY)) ? firstLoad(dist).gz : undefined;
}

async function coreSize() {
  const entry = join(root, "packages/core/src/index.ts");
  const bundle = async (external: string[], contents?: string) => {
    const r = await build({
      ...(contents ? { stdin: { contents, resolveDir: join(root, "packages/core"), loader: "ts" as const } } : { entryPoints: [entry] }),
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      conditions: ["@gov-disclosure/source"],
      external,
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const out = r.outputFiles[0];
    if (!out) throw new Error("no output");
    const byPkg = new Map<string, number>();
    for (const o of Object.values(r.metafile.outputs))
      for (const [file, info] of Object.entries(o.inputs)) {
        const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? "@gov-disclosure/core (own code)";
        byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + info.bytesInOutput);
      }
    return { min: out.contents.length, gzip: gzipSync(out.contents, { level: 9 }).length, byPkg };
  };
  const all = await bundle([]);
  const noZod = await bundle(["zod"]);
  const own = await bundle(["zod", "decimal.js"]);
  // What a county's form embeds: the validator entry with one locale's messages (decimal.js included).
  const validator = await bundle(
    [],
    'export { createReport, formatWith, validateReport, withCell } from "./src/validator";\nexport { messages } from "./src/messages/zh-CN-entry";\n',
  );
  return { all, noZod, own, validator };
}

// ---------------------------------------------------------------------------------------------- report

function targetRow(name: string, target: string, actual: string, met: boolean, note = "") {
  return `| ${name} | ${target} | ${actual} | ${met ? "met" : "**missed**"}${note ? `: ${note}` : ""} |`;
}

/** Reports per second of one core: the count over the CPU time import + validate took (a shared machine's waits left out). */
const perSec = (t: Throughput) => (t.count / (t.importCpuMs + t.validateCpuMs)) * 1000;
/** Reports per second of CPU time over the whole run, the JIT warm-up's reports and time included. */
const withWarmupPerSec = (t: Throughput) => ((t.count + t.warmup) / (t.importCpuMs + t.validateCpuMs + t.warmupCpuMs)) * 1000;
/** Reports per second of wall time, waits for a core included. */
const wallPerSec = (t: Throughput) => (t.count / (t.importMs + t.validateMs)) * 1000;

function profileTable(title: string, p: { self: HotFunction[]; inclusive: HotFunction[] }): string {
  const rows = (xs: HotFunction[]) => xs.map((h) => `| \`${h.name || "(anonymous)"}\` | ${h.where} | ${h.percent.toFixed(1)} % |`).join("\n");
  return [
    `#### ${title}`,
    "",
    "Inclusive time of the workspace's own functions (share of all samples):",
    "",
    "| function | file | inclusive |",
    "| --- | --- | ---: |",
    rows(p.inclusive),
    "",
    "Self time (any code):",
    "",
    "| function | file | self |",
    "| --- | --- | ---: |",
    rows(p.self),
    "",
  ].join("\n");
}

async function main() {
  const m = machine();
  log("machine", m);
  if (ONLY === "size") {
    const size = await coreSize();
    const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
    console.log(
      [
        "| bundle | min | min+gzip |",
        "| --- | ---: | ---: |",
        `| core main entry + zod + decimal.js | ${kb(size.all.min)} | ${kb(size.all.gzip)} |`,
        `| core validator entry + zh-CN messages + decimal.js | ${kb(size.validator.min)} | ${kb(size.validator.gzip)} |`,
        "",
        targetRow("core validator entry + one locale", "≤ 40 KB", kb(size.validator.gzip), size.validator.gzip <= 40 * 1024),
      ].join("\n"),
    );
    return;
  }
  /** One part of the bench alone: the machine, its target rows and its section, to BENCH_OUT if set, else to stdout. */
  const only = (what: string, targets: readonly string[], section: readonly string[]) => {
    const md = [
      `${what}: ${m.model}, nproc ${m.nproc}, Node ${m.node}, commit ${m.commit}, ${m.date} UTC, load average at start ${m.loadavg}, at end ${loadavg()
        .map((x) => x.toFixed(2))
        .join(" ")}.`,
      "",
      "| target | wanted | measured | result |",
      "| --- | --- | --- | --- |",
      ...targets,
      "",
      ...section,
    ].join("\n");
    if (process.env.BENCH_OUT) {
      writeFileSync(OUT, md);
      log(`wrote ${OUT}`);
    } else console.log(md);
  };
  if (ONLY === "pdf") {
    const pdf = await pdfBench();
    only("PDF benchmark only (BENCH_ONLY=pdf)", pdfTargetRows(pdf), pdfSection(pdf));
    return;
  }
  if (ONLY === "cost") {
    console.log(costSection(costBench()).join("\n"));
    return;
  }
  if (ONLY && ONLY !== "batch" && ONLY !== "cold") throw new Error(`BENCH_ONLY=${ONLY}: only "pdf", "size", "batch", "cold" and "cost" are supported`);
  if (!existsSync(CLI)) throw new Error(`build the CLI first: pnpm --filter @gov-disclosure/cli build (${CLI} missing)`);
  if (ONLY === "cold") {
    const cold = coldStart(15);
    only(`CLI cold start only (BENCH_ONLY=cold; \`node -e 0\` median ${fmt(cold.nodeBaseline, 1)} ms)`, coldTargetRows(cold), []);
    return;
  }
  if (ONLY === "batch") {
    const batches = await batchBench();
    only(`CLI batch benchmark only (BENCH_ONLY=batch, BENCH_BATCH=${BATCH.join(",")})`, batchTargetRows(batches), batchSection(batches));
    return;
  }

  const results: Throughput[] = [];
  for (const f of FORMATS) {
    const n = f.slow ? SLOW_COUNT : COUNT;
    log(`throughput ${f.name} × ${n}`);
    const t = runThroughput(f.name, n);
    log(`  ${fmt(perSec(t))} reports/s, imported ${t.imported}/${t.count}, peak RSS ${mb(t.maxRssKb)}`);
    results.push(t);
  }

  const pdf = await pdfBench();

  log("profiles");
  const profJson = profile("json", Math.min(COUNT, 3000));
  const profGlued = profile("glued", Math.min(COUNT, 1500));
  const profHtml = profile("html", Math.min(COUNT, 1500));

  log("CLI cold start");
  const coldDir = mkdtempSync(join(tmpdir(), "gd-cold-"));
  spawnSync(process.execPath, ["--cpu-prof", "--cpu-prof-interval", "100", `--cpu-prof-dir=${coldDir}`, CLI, "--version"]);
  const coldFile = readdirSync(coldDir).find((f) => f.endsWith(".cpuprofile"));
  const coldProfile = coldFile ? summariseProfile(join(coldDir, coldFile), 6).self : [];
  rmSync(coldDir, { recursive: true, force: true });
  const cold = coldStart(15);
  log(`  median ${cold.median.toFixed(1)} ms`);

  const batches = await batchBench();

  log("hostile inputs: cost per kind");
  const cost = costBench();

  log("core size");
  const size = await coreSize();

  // ------------------------------------------------------------------------------------------ write
  const json = results.find((r) => r.format === "json") as Throughput;
  const floorPerSec = (json.count / json.parseFloorMs) * 1000;
  const ratio = (json.importMs + json.validateMs) / json.parseFloorMs;
  const textRates = results.filter((r) => ["json", "glued", "lines", "html", "markdown"].includes(r.format)).map((r) => ({ f: r.format, v: perSec(r) }));
  const officeRates = results.filter((r) => ["xlsx", "docx"].includes(r.format)).map((r) => ({ f: r.format, v: perSec(r) }));
  const worstText = textRates.reduce((a, b) => (b.v < a.v ? b : a));
  const peakRss = Math.max(...results.map((r) => r.maxRssKb));
  const label = (name: string) => FORMATS.find((f) => f.name === name)?.label ?? name;

  const lines: string[] = [];
  const p = (s = "") => lines.push(s);
  p("# Benchmarks");
  p();
  p("Written by `pnpm bench` (tools/bench/src/bench.ts); do not edit by hand. Re-run to refresh.");
  p();
  p("## Machine");
  p();
  p(`- CPU: ${m.model}, \`nproc\` = ${m.nproc}`);
  p(`- Memory: ${m.memory}`);
  p(`- Node ${m.node}; commit ${m.commit}; ${m.date} UTC`);
  p(
    `- Load average at start ${m.loadavg}, at end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}: the machine is shared with other engineers' builds and tests, so every figure here is lower than on an idle machine.`,
  );
  p();
  p("## Targets");
  p();
  p("| target | wanted | measured | result |");
  p("| --- | --- | --- | --- |");
  for (const t of [...textRates.map((r) => ({ ...r, want: 2000 })), ...officeRates.map((r) => ({ ...r, want: 500 }))]) {
    const run = results.find((r) => r.format === t.f);
    const perSecond = (ms: number | undefined) => (run && ms ? (run.count / ms) * 1000 : undefined);
    const htmlFloor = t.f === "html" ? perSecond(run?.htmlFloorMs) : undefined;
    const htmlFloorCpu = t.f === "html" ? perSecond(run?.htmlFloorCpuMs) : undefined;
    const xmlFloor = t.f === "xlsx" || t.f === "docx" ? perSecond(run?.xmlFloorMs) : undefined;
    const xmlFloorCpu = t.f === "xlsx" || t.f === "docx" ? perSecond(run?.xmlFloorCpuMs) : undefined;
    // a floor is below the target when it is, counted as the rate is (CPU time)
    const cpuNote = (cpu: number | undefined) =>
      cpu === undefined ? "" : `, ${fmt(cpu)}/s/core in CPU time${cpu < t.want ? ", below the target before any work of ours" : ""}`;
    p(
      targetRow(
        `import + validate, ${label(t.f)}`,
        `≥ ${fmt(t.want)} reports/s/core`,
        `${fmt(t.v)} reports/s/core`,
        t.v >= t.want,
        [
          t.v >= t.want ? "" : `${fmt(t.want / t.v, 1)}× too slow`,
          htmlFloor === undefined ? "" : `parse5.parse alone on the same documents: ${fmt(htmlFloor)}/s wall${cpuNote(htmlFloorCpu)}`,
          xmlFloor === undefined
            ? ""
            : `the XML parts the fast reader reads, alone (inflated by fflate, tokenized by saxes with no handler but one for errors): ${fmt(xmlFloor)}/s wall${cpuNote(xmlFloorCpu)}`,
        ]
          .filter(Boolean)
          .join("; "),
      ),
    );
  }
  p(
    targetRow(
      "canonical JSON vs the `JSON.parse` floor",
      "within 4×",
      `${fmt(ratio, 1)}×`,
      ratio <= 4,
      ratio <= 4 ? "" : `${fmt(ratio / 4, 1)}× over the allowance`,
    ),
  );
  const withErrors = results.filter((r) => r.withErrors > 0);
  p(
    targetRow(
      "errors after import, every format, valid generated reports",
      "0",
      results.map((r) => `${label(r.format)} ${fmt(r.withErrors)}`).join(", "),
      withErrors.length === 0,
    ),
  );
  const checked = results.reduce((a, r) => a + r.ambiguitiesChecked, 0);
  const real = results.reduce((a, r) => a + r.ambiguitiesReal, 0);
  p(
    targetRow(
      "“ambiguous” only where the input has several splits (enumerated on a sample)",
      "every sampled ambiguity real",
      `${fmt(real)} of ${fmt(checked)} sampled ambiguities real`,
      checked > 0 && real === checked,
    ),
  );
  for (const row of batchTargetRows(batches)) p(row);
  for (const row of pdfTargetRows(pdf)) p(row);
  for (const row of coldTargetRows(cold)) p(row);
  p(
    targetRow(
      "core validator entry + one locale, min+gzip with dependencies",
      "≤ 40 KB",
      `${fmt(size.validator.gzip / 1024, 1)} KB (whole main entry: ${fmt(size.all.gzip / 1024, 1)} KB)`,
      size.validator.gzip <= 40 * 1024,
      size.validator.gzip <= 40 * 1024 ? "" : `${fmt((size.validator.gzip - 40 * 1024) / 1024, 1)} KB over`,
    ),
  );
  const element = elementFirstLoad();
  p(
    targetRow(
      "the element's first load (entry and static imports), gzip",
      "≤ 100 KB",
      element === undefined ? "not built" : `${fmt(element / 1024, 1)} KB`,
      element !== undefined && element <= 100 * 1024,
    ),
  );
  p();
  p(`Worst text/JSON format: ${label(worstText.f)} at ${fmt(worstText.v)} reports/s/core.`);
  p();
  p("## Import + validate throughput, per input format");
  p();
  p(
    `One process per format, one thread (so reports/s is per core). The packages are their built \`dist/\`, as installed from npm. A generated corpus (\`generateCorpus\`, seed ${SEED}, every edition) is streamed 200 reports at a time: the chunk is written in the format (not timed; a text is decoded from its UTF-8 bytes, as a program reading a file has it: one flat string), then each report is imported (\`importText\`/\`importReport\`) and validated (\`validateReport\`) one after the other, its input read into the cache just before (as a file just read is), and dropped; then the chunk is dropped (writing a report between two imports would count the generator's garbage in the import's time). The first ${fmt(json.warmup)} reports of each run (a fifth of the count, at most 2,000) warm the JIT up and are not counted in "reports/s/core": V8 takes that many varied reports to compile the importer's paths (glued text costs 3.7 ms a report over the first thousand, 2.3 over the second, 1.2–1.4 over the next two, about 1.0 from the sixth); "with the warm-up" counts the whole run. XLSX and DOCX run ${fmt(SLOW_COUNT)} reports${SLOW_COUNT === COUNT ? ", as the others (before session 10 they ran 1,000, whose warm-up of 200 left V8 compiling the readers in the counted reports)" : " (BENCH_SLOW_COUNT)"}. "imported" = a report came back; "errors after import" = the report of a valid input fails an error rule (the importer read a number wrong); "ambiguous" = the importer reported at least one ambiguous split (\`IMPORT-SPLIT-AMBIGUOUS\`). Validation is given the import's issues, as the CLI does. "reports/s/core" counts CPU time (what a report costs a core, garbage collection and V8's compiler threads included): \`process.cpuUsage\` is read once per chunk of 200, because one read takes 50–90 µs here while V8's threads are busy (read around every step, as before session 6, it added a tenth to a glued report and a third to a JSON one), and each chunk's CPU time (which also holds a read of each input into the cache, about a microsecond, and a few flags noted per report) is shared between import and validation by their share of its wall time; "wall" counts elapsed time, which on this shared machine also holds the waits for a core. "heap kept" is the heap in use after a full garbage collection (untimed) once the first 1,000 reports are counted and at the end: what the run holds on to, whatever size V8 lets its heap grow to (peak RSS).`,
  );
  p();
  p(
    "| format | reports | reports/s/core | with the warm-up | import CPU ms/report | validate CPU ms/report | wall reports/s | imported | errors after import | ambiguous | avg input | peak RSS | heap kept at 1k → end |",
  );
  p("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const h = Object.entries(r.heapAt).sort((a, b) => Number(a[0]) - Number(b[0]));
    const heapFirst = h[0]?.[1] ?? 0;
    const heapLast = h[h.length - 1]?.[1] ?? 0;
    p(
      `| ${label(r.format)} | ${fmt(r.count)} | ${r.imported ? fmt(perSec(r)) : "n/a (import fails)"} | ${fmt(withWarmupPerSec(r))} | ${fmt(r.importCpuMs / r.count, 3)} | ${fmt(r.validateCpuMs / r.count, 3)} | ${fmt(wallPerSec(r))} | ${fmt(r.imported)} | ${fmt(r.withErrors)} | ${fmt(r.ambiguous)} | ${fmt(r.inputBytes / r.count / 1024, 1)} KB | ${mb(r.maxRssKb)} | ${fmt(heapFirst / 2 ** 20)} → ${fmt(heapLast / 2 ** 20)} MB |`,
    );
  }
  p();
  for (const r of results.filter((x) => x.failedImports > 0))
    p(
      `- ${label(r.format)}: ${fmt(r.failedImports)} of ${fmt(r.count)} inputs gave no report; first issues: ${r.firstFailure.map((s) => `“${s}”`).join(", ")}`,
    );
  for (const r of results.filter((x) => x.ambiguitiesChecked > 0))
    p(
      `- ${label(r.format)}: the ambiguities are real — of the first ${fmt(r.ambiguitiesChecked)} ambiguous splits in national tables, ${fmt(r.ambiguitiesReal)} list at least two readings that differ on every cell named and each satisfy every error-level rule on the cells they fill (checked by enumerating the listed readings through \`validateReport\`)${r.ambiguitiesFalse.length ? `; not proved: ${r.ambiguitiesFalse.join("; ")}` : ""}.`,
    );
  p();
  p(`Peak RSS of any throughput process: ${mb(peakRss)}.`);
  p();
  for (const l of pdfSection(pdf)) p(l);
  p("## Canonical JSON against the `JSON.parse` floor");
  p();
  p(
    "Same strings, same process, timed one report at a time, each string in the cache before each step (the floor is timed over a chunk before the chunk is imported). Before session 6 the floor was the first to read each string and paid for V8 flattening the writer's rope string (about 25 of its 70 µs), while the validation's wall time held one read of the CPU clock (50–90 µs): the two errors pulled the ratio opposite ways, and it read 4.8× where it was about 6×.",
  );
  p();
  p("| step | ms/report | reports/s | × JSON.parse |");
  p("| --- | ---: | ---: | ---: |");
  const row = (name: string, ms: number) =>
    p(`| ${name} | ${fmt(ms / json.count, 4)} | ${fmt((json.count / ms) * 1000)} | ${fmt(ms / json.parseFloorMs, 1)} |`);
  row("`JSON.parse` (the floor)", json.parseFloorMs);
  row("core `parseReportJson` alone", json.parseReportMs);
  row("`importText` (JSON path)", json.importMs);
  row("`validateReport`", json.validateMs);
  row("import + validate", json.importMs + json.validateMs);
  p();
  p(`Floor: ${fmt(floorPerSec)} reports/s; import + validate is ${fmt(ratio, 1)}× the floor.`);
  p();
  for (const l of costSection(cost)) p(l);
  p("## Profiles");
  p();
  p(
    "`node --cpu-prof` over the same throughput runs (fewer reports), on the packages' TypeScript source (through tsx) so that each sample names its file. Shares are of all samples, which include generating and writing the corpus (generator, render) as well as import and validate.",
  );
  p();
  p(profileTable(`Canonical JSON (${fmt(Math.min(COUNT, 3000))} reports)`, profJson));
  p(profileTable(`Glued flattened text (${fmt(Math.min(COUNT, 1500))} reports)`, profGlued));
  p(profileTable(`HTML (${fmt(Math.min(COUNT, 1500))} reports)`, profHtml));
  p("## CLI");
  p();
  p(`### Cold start`);
  p();
  p(
    `\`node packages/cli/dist/cli.js --version\`, ${cold.runs} runs timed from node (child_process.spawnSync), after one untimed run: median **${fmt(cold.median, 1)} ms** (min ${fmt(cold.min, 1)}, max ${fmt(cold.max, 1)}). A bare \`node -e 0\` takes ${fmt(cold.nodeBaseline, 1)} ms here, so the bundle itself costs about ${fmt(cold.median - cold.nodeBaseline, 1)} ms. \`validate fixtures/real/taishun-2018.txt\` (a real 5 KB report: read, import, validate, print), same runs interleaved: median **${fmt(cold.validate.median, 1)} ms** (min ${fmt(cold.validate.min, 1)}, max ${fmt(cold.validate.max, 1)}). The CLI is split into chunks: \`--version\` loads only the entry, \`validate\` the command, core and import; render's exceljs, mammoth and PDF.js load only when a workbook, a Word file or a PDF needs them.`,
  );
  p();
  p("Where a `--version` run spends its time (`node --cpu-prof --cpu-prof-interval 100`, self time):");
  p();
  p("| function | file | self |");
  p("| --- | --- | ---: |");
  for (const h of coldProfile) p(`| \`${h.name || "(anonymous)"}\` | ${h.where} | ${h.percent.toFixed(1)} % |`);
  p();
  p(`The bundle is ${fmt(statSync(CLI).size / 1024)} KB in one file.`);
  p();
  for (const l of batchSection(batches)) p(l);
  p("## Core bundle size");
  p();
  p("`packages/core/src/index.ts` bundled by esbuild (ESM, browser, minified), gzip level 9 with node:zlib:");
  p();
  p("| bundle | min | min+gzip |");
  p("| --- | ---: | ---: |");
  p(`| core + zod + decimal.js | ${fmt(size.all.min / 1024, 1)} KB | **${fmt(size.all.gzip / 1024, 1)} KB** |`);
  p(`| core + decimal.js (zod external) | ${fmt(size.noZod.min / 1024, 1)} KB | ${fmt(size.noZod.gzip / 1024, 1)} KB |`);
  p(`| core alone (zod, decimal.js external) | ${fmt(size.own.min / 1024, 1)} KB | ${fmt(size.own.gzip / 1024, 1)} KB |`);
  p(
    `| validator entry + zh-CN messages (\`@gov-disclosure/core/validator\`) | ${fmt(size.validator.min / 1024, 1)} KB | **${fmt(size.validator.gzip / 1024, 1)} KB** |`,
  );
  p();
  p("Minified bytes per package in the full bundle:");
  p();
  p("| package | min |");
  p("| --- | ---: |");
  for (const [k, v] of [...size.all.byPkg].sort((a, b) => b[1] - a[1])) p(`| ${k} | ${fmt(v / 1024, 1)} KB |`);
  p();
  const why = process.env.BENCH_NOTES
    ? readFileSync(process.env.BENCH_NOTES, "utf8")
    : existsSync(join(here, "../NOTES.md"))
      ? readFileSync(join(here, "../NOTES.md"), "utf8")
      : "";
  if (why) {
    p(why.trim());
    p();
  }
  writeFileSync(OUT, lines.join("\n"));
  log(`wrote ${OUT}`);
}

await main();
