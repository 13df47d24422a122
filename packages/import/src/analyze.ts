import { type Issue, importIssue, type ParseIssue, parseReportJson } from "@gov-disclosure/core";
import { assemble, failed } from "./assemble";
import { type DocInput, locate } from "./locate";
import { solveTables } from "./solve";
import type { ImportOptions, ImportResult } from "./types";

export { failed } from "./assemble";
export type { DocInput } from "./locate";

/** The issues of JSON that is not a valid report: one `IMPORT-JSON-INVALID`, then core's parse issues themselves. @internal */
export function invalidJson(parseIssues: readonly ParseIssue[]): Issue[] {
  return [importIssue("IMPORT-JSON-INVALID", "error", { count: parseIssues.length }), ...parseIssues];
}

/**
 * Reads canonical JSON through core's `parseReportJson`, which refuses a number a double cannot hold exactly (an issue
 * with its path, never a rounded value). @internal
 */
export function importJson(text: string, _options: ImportOptions): ImportResult {
  const parsed = parseReportJson(text);
  if (!parsed.success) return failed("json", invalidJson(parsed.issues));
  return {
    report: parsed.report,
    edition: parsed.report.edition,
    evidence: { format: "json", editionLabels: [], rowsRecognised: {}, splits: [], ...(parsed.report.meta.year ? { year: parsed.report.meta.year } : {}) },
    issues: [],
    ambiguous: {},
  };
}

/**
 * Reads a document reduced to text and grids: locate (edition, rows, claims) → solve (every glued split) → assemble
 * (the report, its sources and the issues that need the cells). @internal
 */
export function analyze(doc: DocInput, options: ImportOptions): ImportResult {
  const located = locate(doc, options);
  if (located.edition === undefined) return failed(doc.format, located.issues, doc.encoding);
  return assemble(doc, located, solveTables(located, options), options);
}
