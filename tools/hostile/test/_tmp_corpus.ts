import { generateCorpus, toFlattenedText } from "@gov-disclosure/generator";
import { importText } from "@gov-disclosure/import";
import { renderMarkdown, renderHtml } from "@gov-disclosure/render";
import { validateReport } from "@gov-disclosure/core";
const mode = process.argv[2] ?? "lines";
const count = Number(process.argv[3] ?? 2000);
const show = Number(process.argv[4] ?? 5);
let n = 0,
  failedImport = 0,
  errs = 0,
  silentWrong = 0,
  flaggedWrong = 0;
const byEd: Record<string, number> = {};
const examples: string[] = [];
let i = -1;
for (const r of generateCorpus({ count, seed: 20240601 })) {
  i++;
  const text = mode === "md" ? renderMarkdown(r) : mode === "html" ? renderHtml(r) : toFlattenedText(r, { style: mode as "lines" | "glued" });
  const name = mode === "md" ? "a.md" : mode === "html" ? "a.html" : "a.txt";
  const res = importText(text, { filename: name });
  n++;
  if (!res.report) {
    failedImport++;
    byEd["noreport-" + r.edition] = (byEd["noreport-" + r.edition] ?? 0) + 1;
    continue;
  }
  const v = validateReport(res.report);
  const errRule = v.findings.filter((f) => f.status === "fail" && f.severity === "error");
  const diff: string[] = [];
  for (const [k, val] of Object.entries(r.cells)) {
    const g = res.report.cells[k];
    if (JSON.stringify(g) !== JSON.stringify(val)) diff.push(`${k}: want ${JSON.stringify(val)} got ${JSON.stringify(g)}`);
  }
  for (const k of Object.keys(res.report.cells)) if (!(k in r.cells)) diff.push(`${k}: extra ${JSON.stringify(res.report.cells[k])}`);
  const flagged = new Set([...Object.keys(res.ambiguous), ...res.diagnostics.flatMap((d) => (d.severity !== "info" ? (d.cells ?? []) : []))]);
  const unflagged = diff.filter((d) => !flagged.has(d.split(":")[0]!));
  if (errRule.length) errs++;
  if (diff.length) {
    if (unflagged.length) silentWrong++;
    else flaggedWrong++;
  }
  if (unflagged.length) {
    byEd[r.edition] = (byEd[r.edition] ?? 0) + 1;
    if (examples.length < show)
      examples.push(
        `#${i} ${r.edition} errRules=${errRule.map((f) => f.ruleId).join(",")} ${unflagged.slice(0, 6).join(" | ")} diags=${res.diagnostics
          .filter((d) => d.severity !== "info")
          .map((d) => d.code)
          .join(",")}`,
      );
  }
}
console.log({ mode, n, failedImport, errs, silentWrong, flaggedWrong, byEd });
console.log(examples.join("\n"));
