// Public API of @gov-disclosure/import. Anything not listed here is internal.

/** Imports a report from a string or bytes of any supported format (async: Word and Excel need it). Never throws. */
export { importReport } from "./import";
/** Imports a report from text, HTML, Markdown or canonical JSON, synchronously. Never throws. */
export { importText } from "./import";
/** Input size limit in bytes or characters; larger input gets one `import.too-large` error. */
export { MAX_INPUT_BYTES } from "./import";
/** Deepest HTML nesting walked as structure. */
export { MAX_HTML_DEPTH } from "./import";
/** Most entries a .docx/.xlsx archive may hold; more gets one `import.zip-limit` error before anything is unzipped. */
export { MAX_ZIP_ENTRIES } from "./zip";
/** Most bytes a .docx/.xlsx may inflate to in all (declared, and counted while inflating); more gets `import.zip-limit`. */
export { MAX_UNZIPPED_BYTES } from "./zip";
/** Decodes text bytes: BOM, strict UTF-8, then GB18030/GBK. */
export { decodeText } from "./decode";
/** Parses HTML into text plus tables expanded on a real grid (rowspan/colspan). */
export { readHtml, type HtmlDoc } from "./html";
/** Expands rows of cells with rowspan/colspan onto a grid. */
export { expandGrid, type Grid, type GridCell } from "./grid";
/** Reads one table cell's text as a count, signed count or money value (or blank, dash, 无, text). */
export { parseCellText } from "./numbers";
/** Parses a number written in prose: Arabic, Chinese numerals, 万. */
export { parseProseNumber } from "./numbers";
/** Reads a Chinese numeral such as 二十三 or 一百零五. */
export { parseChineseNumeral } from "./numbers";
/** Import result, options, diagnostics and evidence types. */
export type { Diagnostic, DiagnosticSeverity, ImportEvidence, ImportOptions, ImportResult, InputFormat, SplitEvidence } from "./types";
