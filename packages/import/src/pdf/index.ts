// PDF reading: bytes -> reading-order text + table grids with the page and position of every piece.

/** Reads a PDF's text layer into text and table grids (PDF.js, loaded on first use). Never throws. */
export { readPdf } from "./read";
/** Caps: pages, bytes, inflated stream bytes, text items and time spent on one PDF. */
export { MAX_PDF_BYTES, MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES, MAX_PDF_READ_MS, MAX_PDF_TEXT_ITEMS } from "./types";
/** Result, failure, warning, grid and option types of `readPdf`. */
export type {
  PdfDataLoader,
  PdfDoc,
  PdfFailure,
  PdfFailureCode,
  PdfGrid,
  PdfGridCell,
  PdfLine,
  PdfReadOptions,
  PdfSource,
  PdfWarning,
} from "./types";
