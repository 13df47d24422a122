import { generateCorpus, toFlattenedText } from "@gov-disclosure/generator";
import { importText } from "@gov-disclosure/import";
import { renderMarkdown, renderHtml } from "@gov-disclosure/render";
const [mode, idxs, what] = [process.argv[2]!, process.argv[3]!.split(",").map(Number), process.argv[4] ?? ""];
let i = -1;
for (const r of generateCorpus({ count: Math.max(...idxs) + 1, seed: 20240601 })) {
  i++;
  if (!idxs.includes(i)) continue;
  const text = mode === "md" ? renderMarkdown(r) : mode === "html" ? renderHtml(r) : toFlattenedText(r, { style: mode as "lines" | "glued" });
  const res = importText(text, { filename: mode === "md" ? "a.md" : "a.txt" });
  console.log(`#${i} ${r.edition}`);
  if (what) {
    const k = text.indexOf(what);
    console.log(text.slice(Math.max(0, k - 100), k + 1500));
  }
  for (const d of res.diagnostics) if (d.severity !== "info") console.log(" ", d.code, d.messageEn.slice(0, 160), (d.cells ?? []).slice(0, 8).join(","));
  for (const [k, val] of Object.entries(r.cells)) {
    const g = res.report?.cells[k];
    if (JSON.stringify(g) !== JSON.stringify(val)) console.log("  DIFF", k, JSON.stringify(val), JSON.stringify(g));
  }
}
