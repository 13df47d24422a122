// The input formats the bench measures: how each is written from a generated report, and its file name.
import { type Report, stringifyReport } from "@gov-disclosure/core";
import { toFlattenedText } from "@gov-disclosure/generator";
import { renderHtml, renderMarkdown, renderXlsx } from "@gov-disclosure/render";
import { docxFromMarkdown } from "./docx";

/** One input format: its name in the tables, how to write a report in it, the file name the importer is given. */
export interface Format {
  readonly name: string;
  readonly label: string;
  readonly filename: string;
  /** Slow formats (writing one takes milliseconds) run BENCH_SLOW_COUNT reports when it is set lower. */
  readonly slow: boolean;
  write(report: Report): string | Uint8Array | Promise<Uint8Array>;
}

/** Every format, in the order of the tables. */
export const FORMATS: readonly Format[] = [
  { name: "json", label: "canonical JSON", filename: "report.json", slow: false, write: (r) => stringifyReport(r) },
  { name: "glued", label: "flattened text, glued (Pingtan-like)", filename: "report.txt", slow: false, write: (r) => toFlattenedText(r, { style: "glued" }) },
  {
    name: "lines",
    label: "flattened text, label/value lines (Taishun-like)",
    filename: "report.txt",
    slow: false,
    write: (r) => toFlattenedText(r, { style: "lines" }),
  },
  { name: "html", label: "HTML (render's renderHtml)", filename: "report.html", slow: false, write: (r) => renderHtml(r) },
  { name: "markdown", label: "Markdown (render's renderMarkdown)", filename: "report.md", slow: false, write: (r) => renderMarkdown(r) },
  { name: "xlsx", label: "XLSX (render's renderXlsx)", filename: "report.xlsx", slow: true, write: (r) => renderXlsx(r) },
  {
    name: "docx",
    label: "DOCX (bench's own writer from renderMarkdown)",
    filename: "report.docx",
    slow: true,
    write: (r) => docxFromMarkdown(renderMarkdown(r)),
  },
];

/** The format called `name`. */
export function formatNamed(name: string): Format {
  const f = FORMATS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown format ${name}`);
  return f;
}
