// What is done to one file, in a worker thread or in this one: read, sort out what is not a report, import, validate,
// render. Every function here takes and returns plain data (it crosses to worker threads).
import { basename, extname } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import {
  type CellValue,
  formatIssue,
  type Issue,
  type Locale,
  money,
  type Report,
  reportCells,
  type Severity,
  type ValidationResult,
  validateReport,
} from "@gov-disclosure/core";
import { importReport, MAX_INPUT_BYTES } from "@gov-disclosure/import";
import { renderValidationJson, renderValidationText, tidyRows } from "@gov-disclosure/render";
import { type IndicatorTuple, indicatorTuples } from "./indicators";
import { readCapped } from "./io";
import { jsonSafe, termSafe } from "./safe";
import { t } from "./messages";
import { pdfOptions } from "./pdf";

/** One file of a batch (plain data). */
export interface FileItem {
  /** Its place in the batch. */
  readonly index: number;
  /** Display name. */
  readonly name: string;
  readonly path?: string;
  /** Bytes, for standard input. */
  readonly bytes?: Uint8Array;
  /** The report and its import issues as this run already imported them (`packReport`), to validate without reading the file again. */
  readonly packed?: Uint8Array;
  /** Last year's report (`packReport`), for the cross-year rules (only who, when, edition and cells are used). */
  readonly previous?: Uint8Array;
  /** Display name of last year's file. */
  readonly previousName?: string;
}

/** What to do with each file of a batch. */
export interface BatchOptions {
  /**
   * `import`: read and import only (the report comes back as `transport`); `pack`: the same, the report and its issues
   * deflated (`packed`, to hold between the passes of a batch); `validate`: import (unless given) and validate.
   */
  readonly mode: "import" | "pack" | "validate";
  readonly locale: Locale;
  /** What to render per file: terminal text, a JSON entry (indented, or on one line for NDJSON), or nothing. */
  readonly render: "text" | "json" | "ndjson" | "none";
  /** Send the harmonised indicators back (`stats`). */
  readonly indicators?: boolean;
  readonly color: boolean;
  readonly verbose: boolean;
  readonly failOn: Severity;
  /** Send the report and result back (SARIF, JUnit, HTML, aggregate). */
  readonly keepReport: boolean;
  /** Rows for `export`, labels in this locale. */
  readonly exportRows?: boolean;
}

/** How a file ended up. */
export type FileStatus = "read" | "skipped" | "unreadable" | "timed-out";

/** What came of one file. */
export interface FileOutcome {
  readonly index: number;
  readonly name: string;
  readonly status: FileStatus;
  /** Display name of last year's file, when the cross-year rules were given one. */
  readonly previous?: string;
  /** Why it was skipped or could not be read, worded in the batch's locale (raw: make it safe before a terminal). */
  readonly reason?: string;
  /** The reason's code: an import code (`IMPORT-…`), an errno code (`ENOENT`), `NOT-A-REPORT`, `EMPTY`, `TIMEOUT`, `WORKER`. */
  readonly reasonCode?: string;
  /** The import's issues of a file that could not be read, as JSON objects with their message. */
  readonly issues?: readonly unknown[];
  /** A failing issue at or above the threshold. */
  readonly failed: boolean;
  /** The report holds no figures (a blank template). */
  readonly noData?: boolean;
  readonly body?: string;
  readonly year?: number;
  readonly edition?: string;
  readonly counts?: ValidationResult["counts"];
  /** Codes of the failing issues (error and warning), for `stats`. */
  readonly failedRules?: readonly string[];
  /** Terminal text of the findings. */
  readonly text?: string;
  /** The file's entry of batch JSON or NDJSON (see `entryOf`). */
  readonly json?: string;
  /** The harmonised indicators, in the order of core's `INDICATORS` (see `indicatorTuples`). */
  readonly indicators?: readonly IndicatorTuple[];
  /** The report as imported (`transport`). */
  readonly transport?: string;
  /** The report and the import's issues, deflated (mode `pack`; see `packReport`). */
  readonly packed?: Uint8Array;
  /** The import (mode `import` or `pack`) left a split ambiguous: last year's report, once paired, may decide it. */
  readonly splitAmbiguous?: boolean;
  /** The validation result as JSON (with `keepReport`). */
  readonly result?: string;
  /** `export` rows: cells, issues and indicators. */
  readonly rows?: ExportRows;
}

/** The rows one report adds to each table of `export` (columns as in `EXPORT_COLUMNS`). */
export interface ExportRows {
  readonly cells: readonly (readonly (string | number | boolean | null)[])[];
  readonly issues: readonly (readonly (string | number | boolean | null)[])[];
  readonly indicators: readonly (string | number | boolean | null)[];
}

/** A report as plain JSON text (money as decimal strings), cheaper to send and take back than canonical JSON. */
export const toTransport = (report: Report): string => JSON.stringify(report);

/** Money cells of a report parsed from JSON made exact decimals again (in place). */
function reviveMoney(r: { cells: Record<string, CellValue> }): Report {
  for (const [id, v] of Object.entries(r.cells)) {
    if (v.kind === "money") {
      const m = v as unknown as { value: string; unit?: "元" | "万元" };
      r.cells[id] = money(m.value, m.unit);
    }
  }
  return r as unknown as Report;
}

/** Takes a report back from `toTransport`: money cells become exact decimals again. */
export const fromTransport = (s: string): Report => reviveMoney(JSON.parse(s) as { cells: Record<string, CellValue> });

/**
 * A report and its import issues as one deflated JSON text (money as decimal strings): about a fifth of the JSON's
 * size, to hold between the passes of a batch and to send to a worker. Serialised once (no JSON inside JSON).
 */
export function packReport(report: Report, issues: readonly Issue[]): Uint8Array {
  // copied out: zlib returns a view into its output buffer, which would be held (and cloned whole) for every file
  return new Uint8Array(deflateRawSync(JSON.stringify({ report, issues }), { level: 1 }));
}

/** Takes a report and its import issues back from `packReport`. */
export function unpackReport(packed: Uint8Array): { report: Report; issues: Issue[] } {
  const held = JSON.parse(inflateRawSync(packed).toString("utf8")) as { report: { cells: Record<string, CellValue> }; issues: Issue[] };
  return { report: reviveMoney(held.report), issues: held.issues };
}

/** Last year's report as it is needed by the cross-year rules: who, when, edition and cells (no text, no sources). */
export function slimReport(report: Report): Report {
  const { sections: _s, sources: _src, claims: _c, ...rest } = report;
  return { ...rest, sections: [], sources: {} } as Report;
}

const rank = { info: 0, warning: 1, error: 2 } as const;
const JSON_REPORT_KEY = /"(?:version|edition)"\s*:/;

/** True when JSON text is an object with `version` or `edition` at its top (what canonical report JSON has). */
function looksLikeReportJson(text: string): boolean {
  if (!JSON_REPORT_KEY.test(text)) return false;
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === "object" && v !== null && !Array.isArray(v) && ("version" in v || "edition" in v);
  } catch {
    return true; // broken JSON: the importer says what is wrong with it
  }
}

const issueJson = (i: Issue, locale: Locale) => {
  const { code, phase, severity, status, ...rest } = i;
  return { code, phase, severity, status, message: formatIssue(i, locale), ...rest };
};

/** Reads and imports a file: the report, or why there is none. Never throws. */
async function readAndImport(
  item: FileItem,
  locale: Locale,
  previous?: Report,
): Promise<{ report: Report; issues: readonly Issue[] } | Omit<FileOutcome, "index" | "name" | "failed">> {
  let bytes: Uint8Array;
  // For the CLI's own tests of --timeout: a file of this name never finishes (a stand-in for a file that hangs a reader).
  if (process.env.GOV_DISCLOSURE_TEST_STALL && basename(item.name) === process.env.GOV_DISCLOSURE_TEST_STALL) await new Promise(() => {});
  try {
    bytes = item.bytes ?? readCapped(item.path as string, MAX_INPUT_BYTES);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).name;
    return { status: "unreadable", reasonCode: code, reason: t(locale, "cannotRead", { code }) };
  }
  if (bytes.length === 0) return { status: "unreadable", reasonCode: "EMPTY", reason: t(locale, "emptyFile") };
  const json = extname(item.name).toLowerCase() === ".json" && bytes.length <= MAX_INPUT_BYTES;
  const text = json ? new TextDecoder("utf-8", { fatal: false }).decode(bytes) : "";
  if (json && !text.trim()) return { status: "unreadable", reasonCode: "EMPTY", reason: t(locale, "emptyFile") };
  // last year's report, when paired or given, is evidence for splitting glued digits (its 现行有效, 结转, 历年累计)
  const r = await importReport(bytes, { filename: basename(item.name), ...pdfOptions(), ...(previous ? { previous } : {}) });
  // a JSON file that is not a report (a note beside the reports) is skipped, not unreadable: asked only when the
  // import found no report, so that a report's JSON is parsed once
  if (!r.report && json && !looksLikeReportJson(text)) return { status: "skipped", reasonCode: "NOT-A-REPORT", reason: t(locale, "notReportJson") };
  if (!r.report) {
    const first = r.issues.find((i) => i.severity === "error");
    return {
      status: "unreadable",
      reasonCode: first?.code ?? "IMPORT-NOT-A-REPORT",
      reason: first ? formatIssue(first, locale) : t(locale, "noReportFound"),
      issues: r.issues.map((i) => issueJson(i, locale)),
    };
  }
  return { report: r.report, issues: r.issues };
}

/** The export rows of one validated report. */
function exportRows(item: FileItem, report: Report, result: ValidationResult, locale: Locale): ExportRows {
  const file = item.name;
  const body = report.meta.body ?? null;
  const year = report.meta.year ?? null;
  const zh = tidyRows(report, { locale: "zh-CN", findings: [result.findings] });
  const en = tidyRows(report, { locale: "en" });
  const defs = reportCells(report).byId;
  const cells = zh.map((row, i) => {
    const v = report.cells[row.cell];
    const s = report.sources[row.cell];
    const kind = v?.kind ?? "blank";
    const value = v?.kind === "count" ? v.value : v?.kind === "money" ? Number(v.value.toString()) : null;
    const enRow = en[i];
    return [
      file,
      body,
      year,
      report.edition,
      row.table,
      row.cell,
      [row.rowLabel, row.columnLabel].filter(Boolean).join(" / "),
      enRow ? [enRow.rowLabel, enRow.columnLabel].filter(Boolean).join(" / ") : null,
      kind,
      value,
      v?.kind === "money" ? v.value.toString() : v?.kind === "count" ? String(v.value) : v && "raw" in v ? v.raw : null,
      v?.kind === "money" ? (v.unit ?? defs.get(row.cell)?.unit ?? null) : (defs.get(row.cell)?.unit ?? null),
      s?.page ?? null,
      s?.line ?? null,
      s?.column ?? null,
      s?.sheet ?? null,
      s?.raw ?? null,
      row.status || null,
      row.codes || null,
      row.uncertain,
    ];
  });
  const issues = result.findings.map((f) => [
    file,
    body,
    year,
    report.edition,
    f.phase,
    f.code,
    f.severity,
    f.status,
    f.key ?? null,
    f.cells.join(" ") || null,
    formatIssue(f, locale, report),
    f.source?.page ?? null,
    f.source?.line ?? null,
    f.source?.column ?? null,
    f.source?.raw ?? null,
  ]);
  const indicators: (string | number | boolean | null)[] = [file, body, year, report.edition];
  // a figure that sums a cell the import guessed says so (`<id>_guessed`)
  for (const [value, status, exactness, guessed] of indicatorTuples(report, result.uncertainCells)) {
    indicators.push(value === null ? null : Number(value), status, exactness, guessed);
  }
  return { cells, issues, indicators };
}

/**
 * The report as terminal text shows it: its name, body and title made safe first (a CR, LF or bidi control in a
 * body's name must not forge a line of the report), the rest as it is.
 */
function shownReport(report: Report): Report {
  const meta = { ...report.meta };
  for (const k of ["body", "title"] as const) if (typeof meta[k] === "string") meta[k] = termSafe(meta[k]);
  return { ...report, meta };
}

/**
 * The batch entry of a file that was read: its path, `read: true`, last year's file when paired, then render's
 * validation JSON (report, counts, uncertain cells, corrections) with the import's issues apart from the rule findings.
 */
function readEntry(item: FileItem, report: Report, result: ValidationResult, locale: Locale, indent: number | undefined): string {
  const { findings, version: _v, ...rest } = JSON.parse(renderValidationJson(report, result, { locale })) as { findings: { phase: string }[]; version: number };
  return jsonSafe(
    JSON.stringify(
      {
        path: item.name,
        status: "read",
        read: true,
        ...(item.previousName ? { previous: item.previousName } : {}),
        ...rest,
        importIssues: findings.filter((f) => f.phase !== "rule"),
        findings: findings.filter((f) => f.phase === "rule"),
      },
      null,
      indent,
    ),
  );
}

/** The batch entry of a file that was not read: its path, why, and the import's issues about it. */
export function unreadEntry(o: FileOutcome, indent: number | undefined): string {
  return jsonSafe(
    JSON.stringify(
      { path: o.name, status: o.status, read: false, reasonCode: o.reasonCode ?? null, reason: o.reason ?? null, importIssues: o.issues ?? [], findings: [] },
      null,
      indent,
    ),
  );
}

/** Imports (unless the item carries the report), validates and renders one file. Never throws for a bad file. */
export async function processItem(item: FileItem, o: BatchOptions): Promise<FileOutcome> {
  const base = { index: item.index, name: item.name };
  try {
    let report: Report;
    let importIssues: readonly Issue[];
    const previous = item.previous ? slimReport(unpackReport(item.previous).report) : undefined;
    if (item.packed) {
      const held = unpackReport(item.packed);
      report = held.report;
      importIssues = held.issues;
    } else {
      const r = await readAndImport(item, o.locale, previous);
      if (!("report" in r)) return { ...base, failed: r.status !== "skipped", ...r };
      report = r.report;
      importIssues = r.issues;
    }
    const who = {
      ...(report.meta.body ? { body: report.meta.body } : {}),
      ...(report.meta.year !== undefined ? { year: report.meta.year } : {}),
      edition: report.edition,
    };
    if (o.mode !== "validate")
      return {
        ...base,
        status: "read",
        failed: false,
        ...who,
        ...(importIssues.some((i) => i.code === "IMPORT-SPLIT-AMBIGUOUS") ? { splitAmbiguous: true } : {}),
        ...(o.mode === "pack"
          ? { packed: packReport(report, importIssues) }
          : { transport: JSON.stringify({ report: toTransport(report), issues: importIssues }) }),
      };
    // The import's issues go in with the report: every output lists and counts them, and --fail-on weighs them.
    const result = validateReport(report, { ...(previous ? { previous } : {}), importIssues });
    const failing = result.findings.filter((f) => f.status === "fail" && rank[f.severity] >= rank[o.failOn]);
    return {
      ...base,
      status: "read",
      ...(item.previousName ? { previous: item.previousName } : {}),
      failed: failing.length > 0,
      ...(result.noData ? { noData: true } : {}),
      ...who,
      counts: result.counts,
      failedRules: [...new Set(result.findings.filter((f) => f.status === "fail" && f.severity !== "info").map((f) => f.code))],
      ...(o.render === "text" ? { text: renderValidationText(shownReport(report), result, { locale: o.locale, color: o.color, verbose: o.verbose }) } : {}),
      ...(o.render === "json" || o.render === "ndjson" ? { json: readEntry(item, report, result, o.locale, o.render === "json" ? 2 : undefined) } : {}),
      ...(o.indicators ? { indicators: indicatorTuples(report, result.uncertainCells) } : {}),
      ...(o.keepReport ? { transport: toTransport(report), result: JSON.stringify(result) } : {}),
      ...(o.exportRows ? { rows: exportRows(item, report, result, o.locale) } : {}),
    };
  } catch (e) {
    return {
      ...base,
      status: "unreadable",
      failed: true,
      reasonCode: "INTERNAL",
      reason: t(o.locale, "internalError", { detail: e instanceof Error ? e.message : String(e) }),
    };
  }
}
