// Child process of the cost tests: imports one file, prints one JSON line: import time (ms, the import alone), peak
// RSS (KiB), whether a report came back, and the issue codes.
import { readFileSync } from "node:fs";
import { importReport } from "@gov-disclosure/import";

const [file = "", filename = ""] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const t = performance.now();
const r = await importReport(bytes, { filename });
const ms = performance.now() - t;
console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, report: r.report !== undefined, codes: [...new Set(r.issues.map((i) => i.code))] }));
