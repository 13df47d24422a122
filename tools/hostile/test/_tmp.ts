import { generateReport, toFlattenedText, breakReport } from "@gov-disclosure/generator";
import { importText } from "@gov-disclosure/import";
const valid = generateReport({ edition: "local", seed: 503196348 });
const broken = breakReport(valid, "text-in-cell", 503196348);
console.log(broken.note, broken.expectedRules);
const t = toFlattenedText(broken.report, { style: "lines" });
const i = t.indexOf("指标名称");
console.log(JSON.stringify(t.slice(i, i + 900)));
const r = importText(t, { filename: "a.txt" });
console.log(r.diagnostics.map((d) => d.code + " " + d.messageEn.slice(0, 100)));
for (const [k, v] of Object.entries(broken.report.cells)) {
  const g = r.report?.cells[k];
  if (JSON.stringify(g) !== JSON.stringify(v)) console.log(k, JSON.stringify(v), JSON.stringify(g));
}
