// The one place the command meets the render package: every output format by name.
import { blankReport, type Edition, type Locale, type Report, stringifyReport, type ValidationResult } from "@gov-disclosure/core";
import * as render from "@gov-disclosure/render";
import type { CONVERT_FORMATS } from "./constants";
import { jsonSafe } from "./safe";

/** A format `convert` and `aggregate` write. */
export type ConvertFormat = (typeof CONVERT_FORMATS)[number];

/**
 * A report in one of the output formats: text, or bytes for XLSX. With the validation result, HTML marks the failing
 * and the guessed cells and the tidy outputs fill their status, code and uncertain columns.
 */
export async function convertTo(report: Report, to: ConvertFormat, locale: Locale, result?: ValidationResult): Promise<string | Uint8Array> {
  const tidy = result ? { locale, findings: [result.findings] } : { locale };
  switch (to) {
    case "json":
      return jsonSafe(stringifyReport(report));
    case "html":
      return render.renderHtml(report, result ? { locale, findings: result.findings, uncertainCells: result.uncertainCells } : { locale });
    case "md":
      return render.renderMarkdown(report, { locale });
    case "csv":
      return render.renderCsv(report, tidy);
    case "ndjson":
      return render.renderNdjson(report, tidy);
    case "xlsx":
      return render.renderXlsx(report, { locale });
  }
}

/**
 * What an output that cannot mark guessed cells (canonical JSON, Markdown, XLSX, a comparison) must be told apart: the
 * sentence saying that some figures were read with uncertainty, for the terminal; undefined when there is nothing to say.
 */
export function unmarkedUncertainty(to: ConvertFormat | "diff", result: ValidationResult, locale: Locale): string | undefined {
  return to === "json" || to === "md" || to === "xlsx" || to === "diff" ? render.uncertaintyNote(result, locale) : undefined;
}

/** A blank report of an edition, as canonical JSON or as a workbook to fill in. */
export async function templateBytes(edition: Exclude<Edition, "local">, to: "json" | "xlsx", locale: Locale): Promise<string | Uint8Array> {
  const report = blankReport(edition);
  return to === "json" ? jsonSafe(stringifyReport(report)) : render.renderXlsx(report, { locale });
}

/** The changed cells of two reports, and whether any changed. */
export function diffOutput(a: Report, b: Report, format: "text" | "json" | "md" | "html", locale: Locale): { text: string; changed: boolean } {
  const d = render.compareReports(a, b, { locale });
  const text =
    format === "json"
      ? `${jsonSafe(JSON.stringify(d, null, 2))}\n`
      : format === "md"
        ? render.renderComparisonMarkdown(a, b, d, { locale })
        : format === "html"
          ? render.renderComparisonHtml(a, b, d, { locale })
          : render.renderComparisonText(a, b, d, { locale });
  return { text, changed: d.changes.length > 0 };
}

/** The formats that need every validated report at once. */
export function validationDocument(
  format: "html" | "sarif" | "junit",
  items: { report: Report; result: ValidationResult; uri?: string }[],
  locale: Locale,
  version: string,
): string {
  if (format === "sarif") return jsonSafe(render.renderSarif(items, { locale, toolVersion: version }));
  if (format === "junit") return render.renderJUnit(items, { locale });
  const one = items[0];
  return one ? render.renderValidationHtml(one.report, one.result, { locale }) : "";
}
