// Validates the bundled Taishun 2018 report (canonical JSON) and prints its findings.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseReportJson, validateReport } from "../src/index";

const file = fileURLToPath(new URL("../../../fixtures/canonical/taishun-2018.json", import.meta.url));
const parsed = parseReportJson(readFileSync(file, "utf8"));
if (!parsed.success) {
  for (const i of parsed.issues) console.error(`${file}: ${i.path.join(".")}: ${i.message}`);
  process.exit(2);
}
const locale = process.argv.includes("--en") ? "en" : "zh-CN";
const result = validateReport(parsed.report, { locale, includePasses: true });
const { meta } = parsed.report;
console.log(`${meta.title ?? file} (${parsed.report.edition}, ${meta.year})`);
for (const f of result.findings) {
  const mark = f.status === "pass" ? "✓" : f.status === "fail" ? (f.severity === "error" ? "✗" : "!") : "·";
  const detail = f.status === "pass" && f.actual !== undefined ? ` ${f.actual}${f.expected === undefined ? "" : ` vs ${f.expected}`}` : "";
  console.log(
    `${mark} ${f.severity.padEnd(7)} ${f.ruleId}${f.key && f.key !== f.ruleId ? `[${f.key}]` : ""}${detail}  ${f.status === "pass" ? "" : f.message}`,
  );
}
const c = result.counts;
console.log(`\n${c.error} error(s), ${c.warning} warning(s), ${c.info} info, ${c.notAssessable} not assessable, ${c.passed} passed`);
process.exit(c.error > 0 ? 1 : 0);
