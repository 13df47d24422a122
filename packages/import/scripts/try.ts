import { readFileSync } from "node:fs";
import { validateReport } from "@gov-disclosure/core";
import { importReport } from "../src/index";
const f = process.argv[2]!;
const r = await importReport(new Uint8Array(readFileSync(f)), { filename: f });
console.log("edition", r.edition, JSON.stringify(r.evidence.rowsRecognised));
for (const d of r.diagnostics) console.log(d.severity, d.code, d.messageEn.slice(0, 300));
if (r.report) {
  console.log(
    JSON.stringify(r.report.meta),
    r.report.sections.map((s) => s.title),
  );
  console.log(
    Object.entries(r.report.cells)
      .map(([k, v]) => `${k}=${v.kind === "count" ? v.value : v.kind === "money" ? v.value.toFixed() : v.kind}`)
      .join(" "),
  );
  console.log("claims", JSON.stringify(r.report.claims?.map((c) => [c.cell, c.value, c.approximate])));
  const v = validateReport(r.report);
  for (const f of v.findings.filter((x) => x.status === "fail" || x.severity === "error"))
    console.log("FIND", f.ruleId, f.severity, f.status, f.message.slice(0, 150));
}
