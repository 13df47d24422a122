import {
  blankReport,
  type CellDef,
  type CellValue,
  type Correction,
  type Edition,
  fillTotals,
  type Issue,
  isUncertain,
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
  /**
   * True when the cell is the one most likely at fault for a failing issue: the cell of its correction when there is
   * one, else the cells of core's `faultArea` that the issue reads, else the issue's first cell. The other cells an
   * issue reads are only involved (not every cell of a failing identity is wrong).
   */
  readonly fault: boolean;
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
  /**
   * Share of the edition's cells (0 to 1) that must be filled before corrections are proposed: a form that is still
   * mostly blank gets none (typing "10" into a blank form is not a mistake to correct). Default 0 (always proposed).
   */
  readonly minFilledForCorrections?: number;
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
  /** The fault localiser's suggestions, best first (none while the form is filled less than `minFilledForCorrections`). */
  readonly corrections: readonly Correction[];
  /** True when core proposed corrections and they are held back because the form is still mostly blank. */
  readonly correctionsHeld: boolean;
  /** Share of the report's cells that hold a value (0 to 1). */
  readonly filled: number;
  /** The cells the import guessed, placed by order or could not verify (core's `result.uncertainCells`). */
  readonly uncertain: ReadonlySet<string>;
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
  const filled = filledShare(report);
  const correctionsHeld = result.corrections.length > 0 && filled < (options.minFilledForCorrections ?? 0);
  const corrections = correctionsHeld ? [] : result.corrections;
  const cells = defsOfReport(report);
  const area = new Set(result.faultArea?.cells ?? []);
  const guessed = new Set(result.uncertainCells);
  const marks = new Map<string, { severity: MarkSeverity; subject: boolean; fault: boolean; findings: number[]; correction?: number }>();
  failing.forEach((f, i) => {
    // The cell most likely at fault for this issue: its correction's, else the fault area's, else its first cell.
    const fixed = f.cells.filter((c) => result.corrections.some((k) => k.cell === c));
    // An inferred cell (guessed, placed by order, missing) is never blamed: an import issue about it marks it as
    // inferred, and a failing rule that reads it may fail because of the reading.
    const readsGuessed = f.cells.some((c) => guessed.has(c));
    const inArea = f.cells.filter((c) => area.has(c));
    const fault = new Set(isUncertain(f) ? [] : fixed.length ? fixed : readsGuessed ? [] : inArea.length ? inArea : f.cells.slice(0, 1));
    f.cells.forEach((cell, k) => {
      if (!cells.has(cell)) return;
      const m = marks.get(cell);
      if (!m) marks.set(cell, { severity: f.severity, subject: k === 0, fault: fault.has(cell), findings: [i] });
      else {
        if (RANK[f.severity] > RANK[m.severity]) m.severity = f.severity;
        if (k === 0) m.subject = true;
        if (fault.has(cell)) m.fault = true;
        m.findings.push(i);
      }
    });
  });
  corrections.forEach((c, i) => {
    const m = marks.get(c.cell);
    if (m && m.correction === undefined) m.correction = i;
    else if (!m) marks.set(c.cell, { severity: "error", subject: true, fault: true, findings: [], correction: i });
  });
  return { report, result, failing, corrections, correctionsHeld, filled, uncertain: new Set(result.uncertainCells), marks };
}

/** Share of a report's cells (its edition's, or its local rows') that hold a value, blank and "" not counted: 0 to 1. */
export function filledShare(report: Report): number {
  const list = reportCells(report).list;
  if (!list.length) return 0;
  let n = 0;
  for (const def of list) {
    const v = report.cells[def.id];
    if (v && v.kind !== "blank") n++;
  }
  return n / list.length;
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
