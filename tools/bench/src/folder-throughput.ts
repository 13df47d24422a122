// The library on a folder, in its own process and one thread (the baseline the CLI batch is held to):
// `folder-throughput.ts <dir>`. Reads each file of the folder in name order (as the CLI does, a file at a time, read
// included in the time), imports it (`importReport` on the bytes, the file name given) and validates it
// (`validateReport` with the import's issues). No warm-up is left out: the CLI pays for its own. Prints one JSON line.
// `folder-throughput.ts <dir> <part> <parts>` does the part-th (0-based) of `parts` consecutive blocks of the sorted
// files (each block holds the formats in turn): the bench runs one such process per core at once, the most the
// library itself does with every core of this machine. `startedAt`/`endedAt` are absolute (ms since the epoch).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";

const [dir, partArg = "0", partsArg = "1"] = process.argv.slice(2);
if (!dir) throw new Error("usage: folder-throughput.ts <dir> [<part> <parts>]");
const part = Number(partArg);
const parts = Number(partsArg);
if (!Number.isInteger(part) || !Number.isInteger(parts) || parts < 1 || part < 0 || part >= parts) throw new Error("part: 0 ≤ part < parts");
const names = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => e.name)
  .sort();
const mine = names.slice(Math.floor((part * names.length) / parts), Math.floor(((part + 1) * names.length) / parts));

const rssAt: Record<number, number> = {};
let imported = 0;
let failed = 0;
let bytes = 0;
const t0 = performance.now();
for (const [i, name] of mine.entries()) {
  const input = new Uint8Array(readFileSync(join(dir, name)));
  bytes += input.length;
  const result = await importReport(input, { filename: name });
  if (result.report) {
    validateReport(result.report, { importIssues: result.issues });
    imported++;
  } else failed++;
  const done = i + 1;
  if (done % 1000 === 0 || done === mine.length) rssAt[done] = process.resourceUsage().maxRSS;
}
const t1 = performance.now();
const ms = t1 - t0;

console.log(
  JSON.stringify({
    files: mine.length,
    ms,
    startedAt: performance.timeOrigin + t0,
    endedAt: performance.timeOrigin + t1,
    filesPerSec: (mine.length / ms) * 1000,
    imported,
    failed,
    bytes,
    rssAt,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
