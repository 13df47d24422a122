import type { SourceLocation } from "./report";
import type { NotAssessableReason, RuleId } from "./rules/ids";

/** Severity of an issue: an identity the form defines (error), an expectation (warning), or an observation (info). */
export type Severity = "error" | "warning" | "info";

/** Where an issue was found: reading canonical JSON (`parse`), reading a published document (`import`), or a rule (`rule`). */
export type Phase = "parse" | "import" | "rule";

/** Whether an issue is a failure, a rule that could not be assessed, or (on request) a passing check. */
export type IssueStatus = "fail" | "not-assessable" | "pass";

/** Every code of an issue found while reading canonical JSON. */
export const PARSE_CODES = [
  "PARSE-JSON-SYNTAX",
  "PARSE-INVALID-TYPE",
  "PARSE-INVALID-VALUE",
  "PARSE-UNKNOWN-KEYS",
  "PARSE-TOO-SMALL",
  "PARSE-TOO-BIG",
  "PARSE-NOT-INTEGER",
  "PARSE-UNSAFE-INTEGER",
  "PARSE-NOT-DECIMAL",
  "PARSE-INEXACT-NUMBER",
  "PARSE-UNKNOWN-CELL",
  "PARSE-DUPLICATE-ROW",
  "PARSE-UNKNOWN-PARENT",
  "PARSE-INVALID",
] as const;

/** A code of an issue found while reading canonical JSON. */
export type ParseCode = (typeof PARSE_CODES)[number];

/** Every code of an issue found while importing a published document. Public API: codes are never renamed. */
export const IMPORT_CODES = [
  "IMPORT-NOT-A-REPORT",
  "IMPORT-NO-TABLES",
  "IMPORT-NARRATIVE-ONLY",
  "IMPORT-PDF-UNSUPPORTED",
  "IMPORT-PDF-NO-TEXT",
  "IMPORT-PDF-ENCRYPTED",
  "IMPORT-PDF-DAMAGED",
  "IMPORT-PDF-TOO-MANY-PAGES",
  "IMPORT-PDF-GARBLED",
  "IMPORT-PDF-TOO-MANY-ITEMS",
  "IMPORT-PDF-PAGES-WITHOUT-TEXT",
  "IMPORT-PDF-MISSING-DATA",
  "IMPORT-PDF-ROTATED-TEXT",
  "IMPORT-IMAGE",
  "IMPORT-BINARY",
  "IMPORT-TOO-LARGE",
  "IMPORT-DAMAGED",
  "IMPORT-LIMIT",
  "IMPORT-JSON-INVALID",
  "IMPORT-NESTING",
  "IMPORT-EDITION-DETECTED",
  "IMPORT-ROW-MISSING",
  "IMPORT-ROW-NO-VALUES",
  "IMPORT-ROW-OVERFLOW",
  "IMPORT-ROW-UNSPLITTABLE",
  "IMPORT-ROW-BROKEN",
  "IMPORT-SPLIT-AMBIGUOUS",
  "IMPORT-SPLIT-DECIDED",
  "IMPORT-SPLIT-TRUNCATED",
  "IMPORT-SPLIT-UNVERIFIED",
  "IMPORT-SPLIT-INCONSISTENT",
  "IMPORT-PLACED-BY-ORDER",
  "IMPORT-CELL-NOT-NUMERIC",
  "IMPORT-NARRATIVE-MISMATCH",
  "IMPORT-NARRATIVE-BREAKDOWN",
  "IMPORT-XLSX-MAP",
  "IMPORT-XLSX-BAD-REF",
] as const;

/** A code of an issue found while importing a published document. */
export type ImportCode = (typeof IMPORT_CODES)[number];

/**
 * Import codes whose cells were not read as printed facts: guessed among several splits, placed by order, or split
 * without any identity to check them. No correction is ever proposed for such cells, and findings that read them say so.
 */
export const UNCERTAIN_CODES: ReadonlySet<ImportCode> = new Set<ImportCode>([
  "IMPORT-SPLIT-AMBIGUOUS",
  "IMPORT-SPLIT-UNVERIFIED",
  "IMPORT-SPLIT-INCONSISTENT",
  "IMPORT-PLACED-BY-ORDER",
  "IMPORT-ROW-UNSPLITTABLE",
  "IMPORT-ROW-MISSING",
]);

/** The codes of the fault localiser's suggested corrections. */
export type CorrectionCode = "FIX-CELL" | "FIX-BLANK";

/** Any issue code: a rule id, an import code or a parse code. */
export type IssueCode = RuleId | ImportCode | ParseCode;

/** What kind of thing a parse issue expected, as a key of the locale's `expected` table. */
export type ExpectedKind =
  | "json"
  | "integer"
  | "safe-integer"
  | "decimal-string"
  | "count-value"
  | "money-value"
  | "known-keys"
  | "one-of-forms"
  | "unique-row-id"
  | "row-id"
  | "cell-id"
  | "string"
  | "number"
  | "object"
  | "array"
  | "boolean"
  | "value";

/** Which reading limit an input went over, as a key of the locale's `limits` table. */
export type LimitKind =
  | "zip-entries"
  | "zip-bytes"
  | "zip-entry-size"
  | "xlsx-cells"
  | "xlsx-merges"
  | "xlsx-merged-area"
  | "grid-cells"
  | "grid-text"
  | "pdf-inflated-bytes"
  | "pdf-time";

/** Why an input is binary, as a key of the locale's `binary` table. */
export type BinaryKind = "control" | "ole" | "zip" | "not-text" | "type";

/** What decided a glued split, as a key of the locale's `evidence` table. */
export type EvidenceKind =
  | "unique"
  | "row-total"
  | "column-sum"
  | "balance"
  | "block-sum"
  | "narrative"
  | "previous"
  | "children-sum"
  | "order"
  | "prior"
  | "no-leading-zero";

/** The parameters of each parse code. Values that are cell ids are shown as the cell's label. */
export interface ParseParams {
  "PARSE-JSON-SYNTAX": { readonly position: number; readonly detail: string };
  "PARSE-INVALID-TYPE": { readonly expected: ExpectedKind; readonly received: string };
  "PARSE-INVALID-VALUE": { readonly expected: ExpectedKind; readonly received: string };
  "PARSE-UNKNOWN-KEYS": { readonly keys: readonly string[] };
  "PARSE-TOO-SMALL": { readonly limit: string; readonly received: string };
  "PARSE-TOO-BIG": { readonly limit: string; readonly received: string };
  "PARSE-NOT-INTEGER": { readonly cell: string; readonly received: string };
  "PARSE-UNSAFE-INTEGER": { readonly cell: string; readonly received: string };
  "PARSE-NOT-DECIMAL": { readonly cell: string; readonly received: string };
  "PARSE-INEXACT-NUMBER": { readonly received: string; readonly why: "digits" | "underflow" | "overflow" };
  "PARSE-UNKNOWN-CELL": { readonly id: string; readonly edition: string };
  "PARSE-DUPLICATE-ROW": { readonly id: string };
  "PARSE-UNKNOWN-PARENT": { readonly id: string };
  "PARSE-INVALID": { readonly received: string };
}

/** The parameters of each import code. Values that are cell ids are shown as the cell's label; lists are joined. */
export interface ImportParams {
  "IMPORT-NOT-A-REPORT": Record<string, never>;
  "IMPORT-NO-TABLES": Record<string, never>;
  "IMPORT-NARRATIVE-ONLY": { readonly sections: number; readonly edition: string; readonly year: number | string };
  "IMPORT-PDF-UNSUPPORTED": Record<string, never>;
  "IMPORT-PDF-NO-TEXT": { readonly pages: number };
  "IMPORT-PDF-ENCRYPTED": Record<string, never>;
  "IMPORT-PDF-DAMAGED": { readonly detail: string; readonly page?: number };
  "IMPORT-PDF-TOO-MANY-PAGES": { readonly pages: number; readonly limit: number };
  "IMPORT-PDF-GARBLED": { readonly pages: readonly string[]; readonly garbled: number; readonly total: number };
  "IMPORT-PDF-TOO-MANY-ITEMS": { readonly size: number; readonly limit: number };
  "IMPORT-PDF-PAGES-WITHOUT-TEXT": { readonly pages: readonly string[] };
  "IMPORT-PDF-MISSING-DATA": { readonly kind: "cmap" | "font"; readonly name: string };
  "IMPORT-PDF-ROTATED-TEXT": { readonly page: number; readonly count: number };
  "IMPORT-IMAGE": Record<string, never>;
  "IMPORT-BINARY": { readonly what: BinaryKind };
  "IMPORT-TOO-LARGE": { readonly size: number; readonly limit: number };
  "IMPORT-DAMAGED": { readonly detail: string };
  "IMPORT-LIMIT": { readonly what: LimitKind; readonly count: number; readonly limit: number };
  "IMPORT-JSON-INVALID": { readonly count: number };
  "IMPORT-NESTING": { readonly limit: number };
  "IMPORT-EDITION-DETECTED": { readonly edition: string; readonly labels: readonly string[] };
  "IMPORT-ROW-MISSING": { readonly row: string };
  "IMPORT-ROW-NO-VALUES": { readonly row: string };
  "IMPORT-ROW-OVERFLOW": { readonly row: string; readonly got: number; readonly want: number };
  "IMPORT-ROW-UNSPLITTABLE": { readonly row: string; readonly raw: string; readonly want: number };
  "IMPORT-ROW-BROKEN": { readonly row: string; readonly raw: string; readonly want: number };
  "IMPORT-SPLIT-AMBIGUOUS": { readonly n: number; readonly cells: readonly string[]; readonly chosen: "most-plausible" | "blank" };
  "IMPORT-SPLIT-DECIDED": { readonly raw: string; readonly by: readonly EvidenceKind[] };
  "IMPORT-SPLIT-TRUNCATED": { readonly row: string };
  "IMPORT-SPLIT-UNVERIFIED": { readonly missing: number; readonly count: number };
  "IMPORT-SPLIT-INCONSISTENT": Record<string, never>;
  "IMPORT-PLACED-BY-ORDER": { readonly count: number; readonly table: string };
  "IMPORT-CELL-NOT-NUMERIC": { readonly cell: string; readonly raw: string };
  "IMPORT-NARRATIVE-MISMATCH": { readonly text: string; readonly claimed: string; readonly cell: string; readonly actual: string };
  "IMPORT-NARRATIVE-BREAKDOWN": { readonly text: string; readonly sum: string; readonly total: string };
  "IMPORT-XLSX-MAP": Record<string, never>;
  "IMPORT-XLSX-BAD-REF": { readonly cell: string; readonly ref: string };
}

/** A parameter value: text, a number, or a list (cell ids, labels, evidence kinds) joined when shown. */
export type ParamValue = string | number | readonly string[];

/**
 * One thing a user is told, from any phase: a parse issue, an import issue or a rule finding. JSON-safe (numbers are
 * decimal strings) and locale-free: the message is made where it is shown, by `formatIssue(issue, locale, report)`.
 */
export interface Issue {
  /** Stable code: a rule id (`T3-BALANCE`), an import code (`IMPORT-SPLIT-AMBIGUOUS`) or a parse code (`PARSE-INVALID-TYPE`). */
  readonly code: IssueCode;
  readonly phase: Phase;
  readonly severity: Severity;
  readonly status: IssueStatus;
  /** Cells of this report the issue speaks of; for a rule, every cell the check read, the first the one to look at. */
  readonly cells: readonly string[];
  /** Cells of the previous year's report a rule read. */
  readonly previousCells?: readonly string[];
  /** Parse issues: where in the JSON input (object keys and array indexes). */
  readonly path?: readonly (string | number)[];
  /** Rules: the instance within the rule, the column, row or cell it is about (`natural`, `C1`). */
  readonly key?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** actual − expected. */
  readonly difference?: string;
  /** Why a rule could not be assessed. */
  readonly reason?: NotAssessableReason;
  /** Typed message parameters (see `ParseParams`, `ImportParams`; rules: cell ids and figures). */
  readonly params: Readonly<Record<string, ParamValue>>;
  /** Where the value came from in the published document. */
  readonly source?: SourceLocation;
  /** Ambiguous splits: every candidate assignment of the cells that satisfies all the evidence. */
  readonly candidates?: readonly Readonly<Record<string, string>>[];
  /**
   * Rules: cells this check read whose values the import guessed, placed by order or could not verify. The failure
   * may come from the reading, not from the published table; see the import issues on these cells.
   */
  readonly uncertainCells?: readonly string[];
}

/** An issue found while reading canonical JSON. */
export type ParseIssue = Issue & { readonly phase: "parse"; readonly code: ParseCode; readonly path: readonly (string | number)[] };

/** An issue found while importing a published document. */
export type ImportIssue = Issue & { readonly phase: "import"; readonly code: ImportCode };

/** Extra fields of an import issue. */
export interface ImportIssueExtra {
  readonly cells?: readonly string[];
  readonly source?: SourceLocation;
  readonly candidates?: readonly Readonly<Record<string, string>>[];
}

/** Builds an import issue with the parameters its code takes. */
export function importIssue<C extends ImportCode>(code: C, severity: Severity, params: ImportParams[C], extra: ImportIssueExtra = {}): ImportIssue {
  return {
    code,
    phase: "import",
    severity,
    status: "fail",
    cells: extra.cells ?? [],
    params: params as Readonly<Record<string, ParamValue>>,
    ...(extra.source ? { source: extra.source } : {}),
    ...(extra.candidates ? { candidates: extra.candidates } : {}),
  };
}

/** Builds a parse issue with the parameters its code takes. */
export function parseIssue<C extends ParseCode>(code: C, path: readonly (string | number)[], params: ParseParams[C]): ParseIssue {
  return { code, phase: "parse", severity: "error", status: "fail", cells: [], path, params: params as Readonly<Record<string, ParamValue>> };
}

/** True when an import issue says its cells were not read as printed facts (guessed, placed by order, unverified). */
export const isUncertain = (issue: Issue): boolean => issue.phase === "import" && UNCERTAIN_CODES.has(issue.code as ImportCode);

/**
 * The cells of rows the import did not find in the document (`IMPORT-ROW-MISSING`): absent, not printed blank, so
 * no rule fails on them.
 */
export function absentCellsOf(issues: readonly Issue[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const i of issues) if (i.phase === "import" && i.code === "IMPORT-ROW-MISSING") for (const c of i.cells) out.add(c);
  return out;
}

/** The cells that import issues mark as uncertain. */
export function uncertainCellsOf(issues: readonly Issue[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const i of issues) if (isUncertain(i)) for (const c of i.cells) out.add(c);
  return out;
}

/** Turns a path into `a.b[0]["t3.new.natural"]` form for display. */
export function toDotPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** A short, language-neutral picture of a value for issues: `"abc"`, `1.5`, `null`, `[…]`, `{…}`. */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "∅";
  if (Array.isArray(v)) return "[…]";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (typeof v === "object") return "{…}";
  return typeof v;
}
