import { lazily } from "./lazy";
import { type ImportIssue, importIssue, WORKBOOK } from "@gov-disclosure/core";
import { analyze, failed, importJson, invalidJson } from "./analyze";
import { GridLimitError } from "./grid";
import { decodeText, looksBinary, sniffBytes, sniffText } from "./decode";
import { readHtml } from "./html";
import { mappedReport, type OfficeReading, readDocx, readXlsx } from "./office";
import type { ImportOptions, ImportResult, InputFormat, InternalImportOptions } from "./types";
import { ZipLimitError } from "./zip";

/** Largest input read, in bytes (binary files) or characters (text). Larger input gets one `IMPORT-TOO-LARGE` error. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** Deepest HTML nesting walked as structure; deeper content is read as plain text. */
export const MAX_HTML_DEPTH = 2000;

const WORKBOOK_MAP_LABEL = WORKBOOK.mapSheet;

/** The internal options that choose how Word and Excel are read (tests compare the fast readers with the libraries). */
function reading(options: ImportOptions): OfficeReading {
  const o = options as InternalImportOptions;
  return { ...(o.officeLibrary ? { library: true } : {}), ...(o.onOfficeReader ? { onReader: o.onOfficeReader } : {}) };
}

const detailOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/** One issue for a document that could not be read: over a zip or grid limit, or damaged. */
function officeError(e: unknown): ImportIssue {
  if (e instanceof GridLimitError) return importIssue("IMPORT-LIMIT", "error", { what: e.what, count: e.size, limit: e.limit });
  if (e instanceof ZipLimitError) return importIssue("IMPORT-LIMIT", "error", { what: e.what, count: e.count, limit: e.limit });
  return importIssue("IMPORT-DAMAGED", "error", { detail: detailOf(e) });
}

function guard(format: InputFormat, run: () => ImportResult): ImportResult {
  try {
    return run();
  } catch (e) {
    return failed(format, [officeError(e)]);
  }
}

/**
 * Imports a report from text: flattened web text, HTML, Markdown or canonical JSON (synchronous).
 * Never throws: problems come back as issues.
 */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  if (typeof text !== "string") return failed("unknown", [importIssue("IMPORT-BINARY", "error", { what: "type" })]);
  if (text.length > MAX_INPUT_BYTES) return failed("unknown", [importIssue("IMPORT-TOO-LARGE", "error", { size: text.length, limit: MAX_INPUT_BYTES })]);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format = sniffText(body, options.filename, options.mediaType);
  return guard(format, () => {
    if (format === "json") return importJson(body, options);
    if (format === "html") {
      const h = readHtml(body, MAX_HTML_DEPTH);
      const extra = h.depthExceeded ? [importIssue("IMPORT-NESTING", "warning", { limit: MAX_HTML_DEPTH })] : [];
      return analyze({ text: h.text, grids: h.grids, tableRanges: h.tableRanges, format, issues: extra }, options);
    }
    if (looksBinary(body)) return failed("binary", [importIssue("IMPORT-BINARY", "error", { what: "control" })]);
    return analyze({ text: body, grids: [], format }, options);
  });
}

/**
 * Imports a report from a string or bytes of any supported format: text, HTML, Markdown, JSON (UTF-8 with or without
 * BOM, UTF-16 with BOM, GB18030/GBK), Word (.docx), Excel (.xlsx) and PDF (its text layer, read with PDF.js, loaded on
 * first use). Scanned PDFs and images get one clear issue.
 * Never throws.
 */
export async function importReport(input: string | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    if (typeof input === "string") return importText(input, options);
    if (!(input instanceof Uint8Array)) return failed("unknown", [importIssue("IMPORT-BINARY", "error", { what: "type" })]);
    if (input.length > MAX_INPUT_BYTES) return failed("unknown", [importIssue("IMPORT-TOO-LARGE", "error", { size: input.length, limit: MAX_INPUT_BYTES })]);
    const kind = sniffBytes(input);
    if (kind === "pdf") return await importPdf(input, options);
    if (kind === "image") return failed("image", [importIssue("IMPORT-IMAGE", "error", {})]);
    if (kind === "doc-ole") return failed("binary", [importIssue("IMPORT-BINARY", "error", { what: "ole" })]);
    if (kind === "zip") return failed("binary", [importIssue("IMPORT-BINARY", "error", { what: "zip" })]);
    if (kind === "docx") {
      try {
        const h = await readDocx(input, reading(options));
        return guard("docx", () => analyze({ text: h.text, grids: h.grids, tableRanges: h.tableRanges, format: "docx" }, options));
      } catch (e) {
        return failed("docx", [officeError(e)]);
      }
    }
    if (kind === "xlsx") {
      try {
        const x = await readXlsx(input, undefined, reading(options));
        if (x.mapped) {
          const parsed = mappedReport(x.mapped);
          if (parsed.success)
            return {
              report: parsed.report,
              edition: parsed.report.edition,
              evidence: { format: "xlsx", editionLabels: [WORKBOOK_MAP_LABEL], rowsRecognised: {}, splits: [] },
              issues: [importIssue("IMPORT-XLSX-MAP", "info", {}), ...x.mapped.badRefs],
              ambiguous: {},
            };
          return failed("xlsx", invalidJson(parsed.issues));
        }
        return guard("xlsx", () => analyze({ text: x.text, grids: x.grids, format: "xlsx" }, options));
      } catch (e) {
        return failed("xlsx", [officeError(e)]);
      }
    }
    const { text, encoding } = decodeText(input);
    if (looksBinary(text)) return failed("binary", [importIssue("IMPORT-BINARY", "error", { what: "not-text" })], encoding);
    const r = importText(text, options);
    return { ...r, evidence: { ...r.evidence, encoding } };
  } catch (e) {
    return failed("unknown", [officeError(e)]);
  }
}

type PdfModules = readonly [typeof import("./pdf/index"), typeof import("./pdf/issues")];

/** The PDF reader's chunks, loaded on first use and kept (a failed load is tried again by the next PDF). */
const loadPdfModules = lazily((): Promise<PdfModules> => Promise.all([import("./pdf/index"), import("./pdf/issues")] as const));

/** Reads a PDF's text layer (PDF.js, loaded on first use) and analyses it like any other document. @internal */
async function importPdf(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  let pdf: PdfModules[0];
  let issues: PdfModules[1];
  try {
    [pdf, issues] = await loadPdfModules();
  } catch {
    return failed("pdf", [importIssue("IMPORT-PDF-UNSUPPORTED", "error", {})]);
  }
  const doc = await pdf.readPdf(bytes, options.pdfData ? { data: options.pdfData } : {});
  if (!doc.ok) return failed("pdf", [issues.pdfFailureIssue(doc)]);
  const warnings = doc.warnings.map(issues.pdfWarningIssue);
  return guard("pdf", () => analyze({ text: doc.text, grids: doc.grids, tableRanges: doc.tableRanges, format: "pdf", issues: warnings }, options));
}
