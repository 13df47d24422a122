// Measures batch throughput side by side on the same generated files: the library on one thread (importReport +
// validateReport, as the CLI does per file), the built CLI with --jobs 1, and the CLI on every core.
// Run: pnpm --filter @gov-disclosure/cli build && npx tsx --conditions=@gov-disclosure/source scripts/batch-rate.ts [count] [seed]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serializeReport, validateReport } from "@gov-disclosure/core";
import { generateCorpus, toFlattenedText } from "@gov-disclosure/generator";
import { importReport } from "@gov-disclosure/import";

const count = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 20240601);
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gd-rate-"));
const folder = join(dir, "reports");
mkdirSync(folder);

// Half flattened web text (the importer's hardest path), half canonical JSON (its lightest).
let n = 0;
for (const report of generateCorpus({ count, seed })) {
  const name = String(n).padStart(5, "0");
  if (n % 2 === 0 && report.edition !== "local")
    writeFileSync(join(folder, `${name}.txt`), toFlattenedText(report, { style: n % 4 === 0 ? "glued" : "lines" }));
  else writeFileSync(join(folder, `${name}.json`), JSON.stringify(serializeReport(report)));
  n++;
}
const files = readdirSync(folder).sort();
const bytes = files.reduce((s, f) => s + readFileSync(join(folder, f)).length, 0);

interface Timing {
  wall: number;
  cpu: number;
  maxRssMb?: number;
}

async function library(): Promise<Timing> {
  // Warm-up (JIT) on the first 50, not counted.
  for (const f of files.slice(0, 50)) await importReport(readFileSync(join(folder, f)), { filename: f });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const f of files) {
    const r = await importReport(new Uint8Array(readFileSync(join(folder, f))), { filename: f });
    if (r.report) validateReport(r.report, { importIssues: r.issues });
  }
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** The whole CLI process (start-up, folder walk, pairing, JSON written), timed by GNU time when there is one. */
function cli(jobs: number | undefined): Timing & { code: number | null } {
  const args = [CLI, "validate", folder, "--format", "json", "-o", join(dir, `out-${jobs ?? "all"}.json`), ...(jobs ? ["--jobs", String(jobs)] : [])];
  const gnuTime = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "GDTIME %U %S %M", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) process.stderr.write(r.stderr.slice(0, 2000));
  const m = /GDTIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  return { wall, cpu: m ? Number(m[1]) + Number(m[2]) : Number.NaN, ...(m ? { maxRssMb: Number(m[3]) / 1024 } : {}), code: r.status };
}

const lib = await library();
const one = cli(1);
const all = cli(undefined);
const cores = availableParallelism();
const rate = (s: number) => (files.length / s).toFixed(0);
const line = (label: string, t: Timing) =>
  `${label.padEnd(42)} wall ${t.wall.toFixed(2)} s (${rate(t.wall)} files/s)  cpu ${t.cpu.toFixed(2)} s (${rate(t.cpu)} files/cpu-s)${t.maxRssMb ? `  max RSS ${t.maxRssMb.toFixed(0)} MB` : ""}`;
console.log(`${files.length} files (${(bytes / 1024).toFixed(0)} KiB), ${cores} cores, load average ${loadavg()[0]?.toFixed(1)}`);
console.log(line("library, one thread (import + validate)", lib));
console.log(line(`CLI validate --jobs 1 (exit ${one.code})`, one));
console.log(line(`CLI validate, all cores (exit ${all.code})`, all));
console.log(`CLI all cores / (library rate × cores), wall: ${((files.length / all.wall / ((files.length / lib.wall) * cores)) * 100).toFixed(0)} %`);
rmSync(dir, { recursive: true, force: true });
