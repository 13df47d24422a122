import { type ImportIssue, importIssue } from "@gov-disclosure/core";
import type { PdfFailure, PdfWarning } from "./types";

/** The import issue of a PDF that could not be read: one clear error, nothing guessed. @internal */
export function pdfFailureIssue(f: PdfFailure): ImportIssue {
  switch (f.code) {
    case "pdf-no-text":
      return importIssue("IMPORT-PDF-NO-TEXT", "error", { pages: f.params.pages });
    case "pdf-encrypted":
      return importIssue("IMPORT-PDF-ENCRYPTED", "error", {});
    case "pdf-damaged":
      return importIssue("IMPORT-PDF-DAMAGED", "error", { detail: f.params.detail }, f.params.page !== undefined ? { source: { page: f.params.page } } : {});
    case "pdf-too-many-pages":
      return importIssue("IMPORT-PDF-TOO-MANY-PAGES", "error", { pages: f.params.pages, limit: f.params.limit });
    case "pdf-too-large": {
      const { size, limit, unit, page } = f.params;
      const at = page !== undefined ? { source: { page } } : {};
      if (unit === "bytes") return importIssue("IMPORT-TOO-LARGE", "error", { size, limit });
      if (unit === "inflated-bytes") return importIssue("IMPORT-LIMIT", "error", { what: "pdf-inflated-bytes", count: size, limit }, at);
      if (unit === "text-items") return importIssue("IMPORT-PDF-TOO-MANY-ITEMS", "error", { size, limit }, at);
      return importIssue("IMPORT-LIMIT", "error", { what: "pdf-time", count: size, limit }, at);
    }
    case "pdf-garbled":
      return importIssue("IMPORT-PDF-GARBLED", "error", { pages: f.params.pages.map(String), garbled: f.params.garbled, total: f.params.total });
  }
}

/** The import issue of something a PDF read with: pages without text, missing font data, rotated text. @internal */
export function pdfWarningIssue(w: PdfWarning): ImportIssue {
  switch (w.code) {
    case "pdf-pages-without-text":
      return importIssue("IMPORT-PDF-PAGES-WITHOUT-TEXT", "warning", { pages: w.params.pages.map(String) });
    case "pdf-missing-data":
      return importIssue("IMPORT-PDF-MISSING-DATA", "warning", { kind: w.params.kind, name: w.params.name });
    case "pdf-rotated-text":
      return importIssue("IMPORT-PDF-ROTATED-TEXT", "info", { page: w.params.page, count: w.params.count });
  }
}
