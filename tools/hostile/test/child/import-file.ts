// Child process of the bomb tests: imports one file and prints one JSON line (report found?, issues, peak RSS, time
// taken by importReport itself, without the child's start-up, and the cells read).
import { readFileSync } from "node:fs";
import { encodeCell, formatIssue } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";

const [file = "", filename = ""] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(file));
const t = performance.now();
const r = await importReport(bytes, { filename });
const importMs = performance.now() - t;
console.log(
  JSON.stringify({
    report: r.report !== undefined,
    codes: r.issues.map((d) => d.code),
    messages: r.issues.map((d) => formatIssue(d, "en").slice(0, 200)),
    maxRssKb: process.resourceUsage().maxRSS,
    importMs,
    cells: r.report ? Object.fromEntries(Object.entries(r.report.cells).map(([id, v]) => [id, encodeCell(v)])) : undefined,
  }),
);
