// Public API of @gov-disclosure/import. Anything not listed here is internal.

/** Imports a report from a string or bytes of any supported format (async: Word and Excel need it). Never throws. */
export { importReport } from "./import";
/** Imports a report from text, HTML, Markdown or canonical JSON, synchronously. Never throws. */
export { importText } from "./import";
/** Input size limit in bytes or characters; larger input gets one `IMPORT-TOO-LARGE` error. */
export { MAX_INPUT_BYTES } from "./import";
/**
 * PDF caps: bytes, pages, bytes its compressed streams may inflate to, text runs, and milliseconds of reading; past any
 * of them the PDF gets one error issue.
 */
export { MAX_PDF_BYTES, MAX_PDF_INFLATED_BYTES, MAX_PDF_PAGES, MAX_PDF_READ_MS, MAX_PDF_TEXT_ITEMS } from "./pdf/types";
/** Deepest HTML nesting walked as structure. */
export { MAX_HTML_DEPTH } from "./import";
/** Most entries a .docx/.xlsx archive may hold; more gets one `IMPORT-LIMIT` error before anything is unzipped. */
export { MAX_ZIP_ENTRIES } from "./zip";
/** Most bytes a .docx/.xlsx may inflate to in all (declared, and counted while inflating); more gets `IMPORT-LIMIT`. */
export { MAX_UNZIPPED_BYTES } from "./zip";
/** Most slots and characters of cell text the tables of one document may expand to; more gets `IMPORT-LIMIT`. */
export { MAX_GRID_CELLS, MAX_GRID_TEXT } from "./grid";
/** Most `<c>`/`<row>` elements and merged ranges an .xlsx may hold, and the window merged ranges are clipped to. */
export { MAX_XLSX_CELLS, MAX_XLSX_MERGES, XLSX_COLS, XLSX_ROWS } from "./office";
/** One budget for all split enumeration of a document; past it cells are undecided (`IMPORT-SPLIT-TRUNCATED`). */
export { MAX_SPLIT_WORK } from "./split";
/** Decodes text bytes: BOM, strict UTF-8, then GB18030/GBK. */
export { decodeText } from "./decode";
/** Parses HTML into text plus tables expanded on a real grid (rowspan/colspan). */
export { readHtml, type HtmlDoc } from "./html";
/** A table of a source document expanded on a grid (rowspan/colspan applied), and one cell of it (as `readHtml` gives them). */
export type { Grid as SourceGrid, GridCell as SourceGridCell } from "./grid";
/** Reads one table cell's text as a count, signed count or money value (or blank, dash, 无, text). */
export { parseCellText } from "./numbers";
/** Parses a number written in prose: Arabic, Chinese numerals, 万. */
export { parseProseNumber } from "./numbers";
/** Reads a Chinese numeral such as 二十三 or 一百零五. */
export { parseChineseNumeral } from "./numbers";
/** Import result, options and evidence types (issues are core's `Issue`; word them with core's `formatIssue`). */
export type { ImportEvidence, ImportOptions, ImportResult, InputFormat, SplitEvidence } from "./types";
