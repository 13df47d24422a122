import {
  blankReport,
  type CellDef,
  type CellValue,
  type Correction,
  type Edition,
  fillTotals,
  type Issue,
  type Report,
  reportCells,
  type ValidationResult,
  validateReport,
  withCell,
} from "@gov-disclosure/core";
import { parseEntry } from "./entry";

/** Severity of a failing issue. */
export type MarkSeverity = "error" | "warning" | "info";

/** How one entry cell is marked: the worst failing issue that names it, the issues (by index) and its suggested fix. */
export interface CellMark {
  /** Worst severity among the failing issues that name the cell. */
  readonly severity: MarkSeverity;
  /** True when the cell is the subject (first cell) of a failing issue, not only one of its terms. */
  readonly subject: boolean;
  /** Indices into `Checked.failing` of the issues that name the cell. */
  readonly findings: readonly number[];
  /** Index into `Checked.corrections` of the best suggestion for this cell, if any. */
  readonly correction?: number;
}

/** What `check` takes besides the report. */
export interface CheckOptions {
  /** The same body's report for the year before, for the cross-year rules. */
  readonly previous?: Report;
  /** The import's issues about this report (the issues of the file it was read from). */
  readonly importIssues?: readonly Issue[];
}

/**
 * A report with its validation, ready to display in any language: the failing issues (import and rule), the
 * corrections and the marks per cell. Locale-free: word it with core's `formatIssue(item, locale, report)`.
 */
export interface Checked {
  readonly report: Report;
  readonly result: ValidationResult;
  /** Failing issues, the import's and the rules', errors first, then warnings, then info (stable within a severity). */
  readonly failing: readonly Issue[];
  /** The fault localiser's suggestions, best first. */
  readonly corrections: readonly Correction[];
  /** Marks by cell id, only for cells named by a failing issue or by a correction. */
  readonly marks: ReadonlyMap<string, CellMark>;
}

const RANK: Readonly<Record<MarkSeverity, number>> = { error: 3, warning: 2, info: 1 };

/** The cell definitions of a report (for `local`, its declared rows), by id: core's `reportCells`. */
export function defsOfReport(report: Pick<Report, "edition" | "local">): ReadonlyMap<string, CellDef> {
  return reportCells(report).byId;
}

/**
 * Validates a report once (core's `validateReport`, with the import's issues when the report was read from a file) and
 * works out what to show: failing issues in severity order, corrections, and a mark per cell.
 */
export function check(report: Report, options: CheckOptions = {}): Checked {
  const result = validateReport(report, {
    ...(options.previous ? { previous: options.previous } : {}),
    ...(options.importIssues?.length ? { importIssues: options.importIssues } : {}),
  });
  const failing = result.findings
    .map((f, i) => [f, i] as const)
    .filter(([f]) => f.status === "fail")
    .sort(([a, i], [b, j]) => RANK[b.severity] - RANK[a.severity] || i - j)
    .map(([f]) => f);
  const corrections = result.corrections;
  const cells = defsOfReport(report);
  const marks = new Map<string, { severity: MarkSeverity; subject: boolean; findings: number[]; correction?: number }>();
  failing.forEach((f, i) => {
    f.cells.forEach((cell, k) => {
      if (!cells.has(cell)) return;
      const m = marks.get(cell);
      if (!m) marks.set(cell, { severity: f.severity, subject: k === 0, findings: [i] });
      else {
        if (RANK[f.severity] > RANK[m.severity]) m.severity = f.severity;
        if (k === 0) m.subject = true;
        m.findings.push(i);
      }
    });
  });
  corrections.forEach((c, i) => {
    const m = marks.get(c.cell);
    if (m && m.correction === undefined) m.correction = i;
    else if (!m) marks.set(c.cell, { severity: "error", subject: true, findings: [], correction: i });
  });
  return { report, result, failing, corrections, marks };
}

/** Sets one cell from the text typed into it (see `parseEntry`); unknown cell ids leave the report unchanged. */
export function setCellText(report: Report, cellId: string, text: string): Report {
  const def = defsOfReport(report).get(cellId);
  if (!def) return report;
  return withCell(report, cellId, parseEntry(text, def.kind));
}

/** Sets one cell to a typed value; unknown cell ids leave the report unchanged. */
export function setCellValue(report: Report, cellId: string, value: CellValue): Report {
  return defsOfReport(report).has(cellId) ? withCell(report, cellId, value) : report;
}

/** Applies one of the fault localiser's suggested corrections: the cell takes the suggested value. */
export function applyCorrection(report: Report, correction: Pick<Correction, "cell" | "to">): Report {
  return setCellText(report, correction.cell, correction.to);
}

/** Fills every blank total from its parts (core's `fillTotals`); returns the report and the cells it filled. */
export function fillBlankTotals(report: Report): { readonly report: Report; readonly filled: readonly string[] } {
  const next = fillTotals(report);
  const filled = Object.keys(next.cells).filter((id) => next.cells[id] !== report.cells[id]);
  return { report: next, filled };
}

/** A blank report of another edition that keeps the metadata (body, year, level) of the current one. */
export function switchEdition(report: Report | undefined, edition: Exclude<Edition, "local">): Report {
  return blankReport(edition, report?.meta ?? {});
}

/** True when the report holds no cell value and no narrative: switching its edition loses nothing. */
export const isEmptyReport = (report: Report): boolean => Object.keys(report.cells).length === 0 && report.sections.length === 0;
