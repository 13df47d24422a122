import { basename } from "node:path";
import { type Locale, type Report, type Severity, serializeReport, validateReport } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { renderValidationJson, renderValidationText } from "@gov-disclosure/render";
import { readInput } from "./io";

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
  /** Why the file could not be read as a report. */
  readonly problem?: string;
  readonly failed: boolean;
  readonly body?: string;
  readonly year?: number;
  readonly edition?: string;
  readonly counts?: { error: number; warning: number; info: number };
  /** Failing rule ids (error and warning), for `stats`. */
  readonly failedRules?: readonly string[];
  /** Rendered output for text and json formats. */
  readonly output?: string;
  /** The report and result as JSON, for the formats that need every report at once (SARIF, JUnit, HTML). */
  readonly reportJson?: string;
}

const rank = { info: 0, warning: 1, error: 2 } as const;

async function load(name: string, bytes: Uint8Array, locale: Locale, previous?: Report) {
  const imported = await importReport(bytes, { filename: basename(name), locale, ...(previous ? { previous } : {}) });
  return imported;
}

/** Imports, validates and renders one file. Never throws for a bad file: it comes back unreadable, with the reason. */
export async function validateTask(task: ValidateTask): Promise<ValidateOutcome> {
  try {
    const bytes = task.bytes ?? readInput({ name: task.name, ...(task.path ? { path: task.path } : {}), fromFolder: false });
    let previous: Report | undefined;
    if (task.previousPath || task.previousBytes) {
      const pb = task.previousBytes ?? readInput({ name: task.previousPath as string, path: task.previousPath as string, fromFolder: false });
      previous = (await load(task.previousPath ?? "previous", pb, task.locale)).report;
    }
    const imported = await load(task.name, bytes, task.locale, previous);
    const report = imported.report;
    if (!report) {
      const why = imported.diagnostics.find((d) => d.severity === "error")?.message ?? "no report";
      return { name: task.name, readable: false, problem: why, failed: true };
    }
    const result = validateReport(report, { locale: task.locale, ...(previous ? { previous } : {}) });
    const failing = result.findings.filter((f) => f.status === "fail" && rank[f.severity] >= rank[task.failOn]);
    const importProblems = imported.diagnostics.filter((d) => d.severity !== "info");
    let output: string | undefined;
    if (task.format === "text") {
      const diag = importProblems.map((d) => `  ${d.severity === "error" ? "✗" : "!"} ${d.message}`).join("\n");
      output = `${task.name}\n${renderValidationText(report, result, { locale: task.locale, color: task.color })}${diag ? `\n${diag}` : ""}`;
    } else if (task.format === "json") {
      output = renderValidationJson(report, result);
    }
    return {
      name: task.name,
      readable: true,
      failed: failing.length > 0,
      ...(report.meta.body ? { body: report.meta.body } : {}),
      ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
      edition: report.edition,
      counts: { error: result.counts.error, warning: result.counts.warning, info: result.counts.info },
      failedRules: [...new Set(result.findings.filter((f) => f.status === "fail" && f.severity !== "info").map((f) => f.ruleId))],
      ...(output !== undefined ? { output } : {}),
      ...(task.format === "report" ? { reportJson: JSON.stringify({ report: serializeReport(report), result }) } : {}),
    };
  } catch (e) {
    return { name: task.name, readable: false, problem: e instanceof Error ? e.message : String(e), failed: true };
  }
}

/** Reads only who and when a file is about, to pair consecutive years of one body in a folder. */
export async function indexTask(task: { name: string; path: string }): Promise<{ name: string; body?: string; year?: number }> {
  try {
    const imported = await load(task.name, readInput({ name: task.name, path: task.path, fromFolder: true }), "zh-CN");
    const meta = imported.report?.meta;
    return { name: task.name, ...(meta?.body ? { body: meta.body } : {}), ...(meta?.year !== undefined ? { year: meta.year } : {}) };
  } catch {
    return { name: task.name };
  }
}
