import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type CellValue,
  count,
  type Finding,
  formatIssue,
  type Issue,
  type Locale,
  parseReportJson,
  type Report,
  type ValidateOptions,
  validateReport,
  withCell,
} from "../src/index";

/** Reads a canonical fixture of the repository (fixtures/canonical/<name>.json) as a typed report. */
export function fixture(name: string): Report {
  const file = fileURLToPath(new URL(`../../../fixtures/canonical/${name}.json`, import.meta.url));
  const parsed = parseReportJson(readFileSync(file, "utf8"));
  if (!parsed.success) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.report;
}

/** Sets cells (numbers become counts) on a copy of the report. */
export function set(report: Report, cells: Record<string, number | CellValue | null>): Report {
  let r = report;
  for (const [id, v] of Object.entries(cells)) r = withCell(r, id, v === null ? { kind: "blank" } : typeof v === "number" ? count(v) : v);
  return r;
}

/** Replaces metadata fields on a copy of the report. */
export const withMeta = (report: Report, meta: Partial<Report["meta"]>): Report => ({ ...report, meta: { ...report.meta, ...meta } });

/** The findings of one rule with a given status. */
export function findings(report: Report, ruleId: string, status: Finding["status"] = "fail", options: ValidateOptions = {}): Issue[] {
  return validateReport(report, { includePasses: true, ...options }).findings.filter((f) => f.code === ruleId && f.status === status);
}

/** The messages of a finding in both languages, for snapshots. */
export function messages(report: Report, ruleId: string, key: string | undefined, options: ValidateOptions = {}): Record<Locale, string> {
  const f = validateReport(report, options).findings.find((f) => f.code === ruleId && f.status === "fail" && (key === undefined || f.key === key));
  const pick = (locale: Locale) => (f ? formatIssue(f, locale, report) : "");
  return { "zh-CN": pick("zh-CN"), en: pick("en") };
}

/** The message of an issue or correction in a locale. */
export const say = (item: Parameters<typeof formatIssue>[0], report?: Report, locale: Locale = "zh-CN"): string => formatIssue(item, locale, report);

/** Every failing finding at error or warning level, as `RULE:key` strings. */
export function problems(report: Report, options: ValidateOptions = {}): string[] {
  return validateReport(report, options)
    .findings.filter((f) => f.status === "fail" && f.severity !== "info")
    .map((f) => (f.key ? `${f.code}:${f.key}` : f.code));
}
