import { basename } from "node:path";
import { formatIssue, type Locale, type Report, type Severity, serializeReport, type ValidationResult, validateReport } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { pdfOptions } from "./pdf";
import { renderValidationJson, renderValidationText } from "@gov-disclosure/render";
import { readInput } from "./io";
import { t } from "./messages";

/** One file to validate (plain data: it crosses to worker threads). */
export interface ValidateTask {
  readonly name: string;
  readonly path?: string;
  /** Bytes, for standard input (never sent to a worker). */
  readonly bytes?: Uint8Array;
  readonly previousPath?: string;
  readonly previousBytes?: Uint8Array;
  readonly format: "text" | "json" | "report";
  readonly locale: Locale;
  readonly color: boolean;
  readonly failOn: Severity;
}

/** What came of one file. */
export interface ValidateOutcome {
  readonly name: string;
  readonly readable: boolean;
  /** Why the file could not be read as a report, in the task's locale. */
  readonly problem?: string;
  readonly failed: boolean;
  readonly body?: string;
  readonly year?: number;
  readonly edition?: string;
  readonly counts?: { error: number; warning: number; info: number };
  /** Codes of the failing issues (rule ids and import codes; error and warning), for `stats`. */
  readonly failedRules?: readonly string[];
  /** Rendered output for text and json formats. */
  readonly output?: string;
  /** The report and result as JSON, for the formats that need every report at once (SARIF, JUnit, HTML). */
  readonly reportJson?: string;
}

const rank = { info: 0, warning: 1, error: 2 } as const;

const load = (name: string, bytes: Uint8Array, previous?: Report) =>
  importReport(bytes, { filename: basename(name), ...(previous ? { previous } : {}), ...pdfOptions() });

/** The JSON of a validation result; the locale is passed for the renderers that word messages into it. */
const validationJson = renderValidationJson as (report: Report, result: ValidationResult, options?: { locale?: Locale }) => string;

/** Imports, validates and renders one file. Never throws for a bad file: it comes back unreadable, with the reason. */
export async function validateTask(task: ValidateTask): Promise<ValidateOutcome> {
  try {
    const bytes = task.bytes ?? readInput({ name: task.name, ...(task.path ? { path: task.path } : {}), fromFolder: false });
    let previous: Report | undefined;
    if (task.previousPath || task.previousBytes) {
      const pb = task.previousBytes ?? readInput({ name: task.previousPath as string, path: task.previousPath as string, fromFolder: false });
      previous = (await load(task.previousPath ?? "previous", pb)).report;
    }
    const imported = await load(task.name, bytes, previous);
    const report = imported.report;
    if (!report) {
      const first = imported.issues.find((i) => i.severity === "error");
      const problem = first ? formatIssue(first, task.locale) : t(task.locale, "noReportFound");
      return { name: task.name, readable: false, problem, failed: true };
    }
    // The import's issues go in with the report: every output lists and counts them, and --fail-on weighs them.
    const result = validateReport(report, { ...(previous ? { previous } : {}), importIssues: imported.issues });
    const failing = result.findings.filter((f) => f.status === "fail" && rank[f.severity] >= rank[task.failOn]);
    let output: string | undefined;
    if (task.format === "text") output = `${task.name}\n${renderValidationText(report, result, { locale: task.locale, color: task.color })}`;
    else if (task.format === "json") output = validationJson(report, result, { locale: task.locale });
    return {
      name: task.name,
      readable: true,
      failed: failing.length > 0,
      ...(report.meta.body ? { body: report.meta.body } : {}),
      ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
      edition: report.edition,
      counts: { error: result.counts.error, warning: result.counts.warning, info: result.counts.info },
      failedRules: [...new Set(result.findings.filter((f) => f.status === "fail" && f.severity !== "info").map((f) => f.code))],
      ...(output !== undefined ? { output } : {}),
      ...(task.format === "report" ? { reportJson: JSON.stringify({ report: serializeReport(report), result }) } : {}),
    };
  } catch (e) {
    return { name: task.name, readable: false, problem: t(task.locale, "internalError", { detail: e instanceof Error ? e.message : String(e) }), failed: true };
  }
}

/** Reads only who and when a file is about, to pair consecutive years of one body in a folder. */
export async function indexTask(task: { name: string; path: string }): Promise<{ name: string; body?: string; year?: number }> {
  try {
    const imported = await load(task.name, readInput({ name: task.name, path: task.path, fromFolder: true }));
    const meta = imported.report?.meta;
    return { name: task.name, ...(meta?.body ? { body: meta.body } : {}), ...(meta?.year !== undefined ? { year: meta.year } : {}) };
  } catch {
    return { name: task.name };
  }
}
