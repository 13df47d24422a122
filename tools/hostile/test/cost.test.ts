// The cost model, measured: inputs of every kind (text, HTML, Markdown, XLSX, DOCX, JSON) up to 1 MB, each built to
// hit one stage's worst case, imported in a child process with limits (a heap cap, a kill timeout). Prints the worst
// import time per MB and the peak memory per kind. Asserted: no child dies (signal, crash, out of memory), every
// child answers, peak RSS stays under 1 GiB; the 5 s target is reported (a shared machine makes time a poor assertion),
// and a child that exceeds the kill timeout fails.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CostInput, costInputs } from "./cost-inputs";
import { printTallies, tally } from "./helpers";

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [64 * 1024, 1024 * 1024];
const KILL_MS = 60_000; // safety: a child still running after this is killed and the case fails
const TARGET_MS = 5_000;
const RSS_LIMIT_KB = 1024 * 1024; // 1 GiB
const HEAP_MB = 1536; // the child's heap cap: a runaway allocation ends as a failed case, not a frozen machine
const PARALLEL = 2;

interface Measured {
  readonly input: CostInput;
  readonly size: number;
  readonly ms?: number;
  readonly wallMs: number;
  readonly rssKb?: number;
  readonly report?: boolean;
  readonly codes?: readonly string[];
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

function runChild(file: string, input: CostInput): Promise<Measured> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, "--conditions=@gov-disclosure/source", "--import", "tsx", join(here, "child/cost-import.ts"), file, input.filename],
      { cwd: join(here, ".."), stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err = (err + d).slice(-2000);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), KILL_MS);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      let parsed: { ms: number; maxRssKb: number; report: boolean; codes: string[] } | undefined;
      try {
        parsed = JSON.parse(out.trim().split("\n").pop() ?? "");
      } catch {
        parsed = undefined;
      }
      resolve({
        input,
        size: input.bytes.length,
        wallMs: performance.now() - t,
        status,
        signal,
        stderr: err,
        ...(parsed ? { ms: parsed.ms, rssKb: parsed.maxRssKb, report: parsed.report, codes: parsed.codes } : {}),
      });
    });
  });
}

let dir = "";
const results: Measured[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "gd-cost-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // the report: per kind, the worst import time per MB of input, the slowest case and the peak RSS
  const kinds = [...new Set(results.map((r) => r.input.kind))];
  console.log("[cost] kind      cases  worst s/MB  slowest case (s, size)                                      peak RSS MiB");
  for (const k of kinds) {
    const rs = results.filter((r) => r.input.kind === k && r.ms !== undefined);
    const perMb = Math.max(...rs.map((r) => r.ms! / 1000 / Math.max(r.size / 2 ** 20, 1 / 16)));
    const slowest = rs.reduce((a, b) => (b.ms! > a.ms! ? b : a));
    const peak = Math.max(...rs.map((r) => r.rssKb ?? 0));
    console.log(
      `[cost] ${k.padEnd(9)} ${String(rs.length).padStart(5)}  ${perMb.toFixed(2).padStart(10)}  ${`${slowest.input.name} (${(slowest.ms! / 1000).toFixed(2)} s, ${(slowest.size / 1024).toFixed(0)} KiB)`.padEnd(60)} ${(peak / 1024).toFixed(0).padStart(6)}`,
    );
  }
  const over = results.filter((r) => (r.ms ?? 0) > TARGET_MS || (r.rssKb ?? 0) > RSS_LIMIT_KB);
  for (const r of over)
    console.log(
      `[cost] over target: ${r.input.kind} ${r.input.name} (${(r.size / 1024).toFixed(0)} KiB): ${(r.ms! / 1000).toFixed(2)} s, ${((r.rssKb ?? 0) / 1024).toFixed(0)} MiB`,
    );
  console.log(`[cost] ${results.length} cases, ${over.length} over the 5 s / 1 GiB target`);
  printTallies("cost");
});

describe("every stage's work is bounded by its input: inputs up to 1 MB of every kind, in child processes", () => {
  for (const size of SIZES)
    it(`inputs of ${(size / 1024).toFixed(0)} KiB: no child dies, each answers under 1 GiB`, { timeout: 30 * 60_000 }, async () => {
      const inputs = await costInputs(size);
      const files = inputs.map((input, i) => {
        const file = join(dir, `${size}-${i}-${input.filename}`);
        writeFileSync(file, input.bytes);
        return file;
      });
      const measured: Measured[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: PARALLEL }, async () => {
          while (next < inputs.length) {
            const i = next++;
            measured.push(await runChild(files[i]!, inputs[i]!));
          }
        }),
      );
      results.push(...measured);
      for (const m of measured) {
        tally(m.input.kind);
        const detail = `${m.input.kind} ${m.input.name} (${m.size} bytes): status ${m.status} signal ${m.signal} after ${m.wallMs.toFixed(0)} ms; ${m.stderr.slice(-400)}`;
        expect(m.signal, detail).toBeNull();
        expect(m.status, detail).toBe(0);
        expect(m.ms, detail).toBeDefined();
        expect(m.rssKb ?? Number.POSITIVE_INFINITY, detail).toBeLessThan(RSS_LIMIT_KB);
      }
    });
});
