// Child process of the bomb tests: imports one file and prints one JSON line (report found?, issues, peak RSS).
import { readFileSync } from "node:fs";
import { formatIssue } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";

const [file = "", filename = ""] = process.argv.slice(2);
const r = await importReport(new Uint8Array(readFileSync(file)), { filename });
console.log(
  JSON.stringify({
    report: r.report !== undefined,
    codes: r.issues.map((d) => d.code),
    messages: r.issues.map((d) => formatIssue(d, "en").slice(0, 200)),
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
