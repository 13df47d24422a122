// The library on a folder, in its own process and one thread (the baseline the CLI batch is held to):
// `folder-throughput.ts <dir>`. Reads each file of the folder in name order (as the CLI does, a file at a time, read
// included in the time), imports it (`importReport` on the bytes, the file name given) and validates it
// (`validateReport` with the import's issues). No warm-up is left out: the CLI pays for its own. Prints one JSON line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateReport } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";

const [dir] = process.argv.slice(2);
if (!dir) throw new Error("usage: folder-throughput.ts <dir>");
const names = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => e.name)
  .sort();

const rssAt: Record<number, number> = {};
let imported = 0;
let failed = 0;
let bytes = 0;
const t0 = performance.now();
for (const [i, name] of names.entries()) {
  const input = new Uint8Array(readFileSync(join(dir, name)));
  bytes += input.length;
  const result = await importReport(input, { filename: name });
  if (result.report) {
    validateReport(result.report, { importIssues: result.issues });
    imported++;
  } else failed++;
  const done = i + 1;
  if (done % 1000 === 0 || done === names.length) rssAt[done] = process.resourceUsage().maxRSS;
}
const ms = performance.now() - t0;

console.log(
  JSON.stringify({
    files: names.length,
    ms,
    filesPerSec: (names.length / ms) * 1000,
    imported,
    failed,
    bytes,
    rssAt,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
