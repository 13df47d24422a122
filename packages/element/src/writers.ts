// The writers of the exports, in a chunk of their own (loaded on first use): render's XLSX writer pulls in exceljs.
import type { Locale, Report, ValidationResult } from "@gov-disclosure/core";
import { renderHtml, renderXlsx } from "@gov-disclosure/render";

/** The report as an XLSX workbook in the official layout. */
export const xlsx = (report: Report, locale: Locale): Promise<Uint8Array> => renderXlsx(report, { locale });

/** The part of a validation result an HTML export shows. */
export type HtmlFindings = Pick<ValidationResult, "findings" | "corrections" | "uncertainCells">;

/** The report as a printable HTML document with its issues (import and rule), corrections and uncertain cells. */
export const html = (report: Report, locale: Locale, result?: HtmlFindings): string =>
  renderHtml(report, {
    locale,
    ...(result?.findings.length ? { findings: result.findings } : {}),
    ...(result?.corrections.length ? { corrections: result.corrections } : {}),
    ...(result?.uncertainCells.length ? { uncertainCells: result.uncertainCells } : {}),
  });
