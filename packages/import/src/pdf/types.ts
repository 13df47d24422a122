import type { Grid, GridCell } from "../grid";

/** Most pages read from one PDF; longer files get `pdf-too-many-pages` before any page is parsed. */
export const MAX_PDF_PAGES = 60;
/** Largest PDF read, in bytes (the same 20 MiB as the importer's `MAX_INPUT_BYTES`); larger gets `pdf-too-large`. */
export const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** Most text items read from one PDF (all pages together); more gets `pdf-too-large` (a bomb, not a report). */
export const MAX_PDF_TEXT_ITEMS = 200_000;
/**
 * Most bytes that the compressed streams of one PDF (content streams, fonts, object streams; images, which reading
 * text never decodes, left out) may inflate to, all together: 64 MiB. Counted before PDF.js reads anything (the
 * largest streams inflated, the small rest bounded by their input times the filter's largest ratio, DEFLATE's 1032,
 * once that fits); more gets `pdf-too-large` with unit "inflated-bytes" (a decompression bomb: a real report
 * inflates to a few MB).
 */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;
/**
 * Most time spent reading one PDF's text with PDF.js, in milliseconds (checked between pages and between chunks of a
 * page's text): 6 s, where a real five-page report takes well under 0.5 s. More gets `pdf-too-large` with unit
 * "milliseconds". A read without the font programs the text does not need that fails on its text is made again on
 * the file as it is, with a budget of its own: at most twice this in all.
 */
export const MAX_PDF_READ_MS = 6000;

/** Why a PDF could not be read. Each code has fixed params (numbers and short strings only, no messages). */
export type PdfFailure =
  /** No page has a text layer: a scan or pictures of pages. */
  | { readonly ok: false; readonly code: "pdf-no-text"; readonly params: { readonly pages: number } }
  /** The PDF needs a password to open. */
  | { readonly ok: false; readonly code: "pdf-encrypted"; readonly params: Record<string, never> }
  /** Not a readable PDF: damaged, truncated, or a page that cannot be parsed. `page` is 1-based when one page failed. */
  | { readonly ok: false; readonly code: "pdf-damaged"; readonly params: { readonly detail: string; readonly page?: number } }
  /** More pages than the cap. */
  | { readonly ok: false; readonly code: "pdf-too-many-pages"; readonly params: { readonly pages: number; readonly limit: number } }
  /**
   * Over a cap: the file's bytes, the bytes its compressed streams inflate to (`size` is the count when reading
   * stopped, just past `limit`), its text items, or the time its text took to read (`page`: the page being read).
   */
  | {
      readonly ok: false;
      readonly code: "pdf-too-large";
      readonly params: {
        readonly size: number;
        readonly limit: number;
        readonly unit: "bytes" | "inflated-bytes" | "text-items" | "milliseconds";
        readonly page?: number;
      };
    }
  /** Text whose fonts have no Unicode map: private-use, replacement or control characters, or symbols where CJK is expected. */
  | {
      readonly ok: false;
      readonly code: "pdf-garbled";
      readonly params: { readonly pages: readonly number[]; readonly sample: string; readonly garbled: number; readonly total: number };
    };

/** Every failure code `readPdf` returns. */
export type PdfFailureCode = PdfFailure["code"];

/** A warning about a PDF that was read: the result is usable, but something is missing. */
export type PdfWarning =
  /** Pages without any text (pictures of pages inside an otherwise text PDF). */
  | { readonly code: "pdf-pages-without-text"; readonly params: { readonly pages: readonly number[] } }
  /** A CMap or standard font that the PDF asked for and the data loader could not give: text in that font may be missing. */
  | { readonly code: "pdf-missing-data"; readonly params: { readonly kind: "cmap" | "font"; readonly name: string } }
  /** Text items that are neither horizontal nor vertical (rotated), read as separate lines. */
  | { readonly code: "pdf-rotated-text"; readonly params: { readonly page: number; readonly count: number } };

/** Where a piece of text is on a page: 1-based page, box in points from the page's top-left corner, raw text. */
export interface PdfSource {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly raw: string;
}

/** A grid cell read from a PDF: the grid cell plus where its text was (absent for cells left empty). */
export interface PdfGridCell extends GridCell {
  readonly source?: PdfSource;
}

/** A table read from a PDF, expanded on a grid like an HTML table. */
export interface PdfGrid extends Grid {
  readonly rows: readonly (readonly PdfGridCell[])[];
  /** 1-based pages the table is printed on (more than one when it continues over a page break). */
  readonly pages: readonly number[];
  /** Number of header rows at the top of `rows`. */
  readonly headerRows: number;
  /** Number of label columns at the left of `rows` (then come the value columns). */
  readonly labelColumns: number;
}

/** One line of the reading-order text, with where it came from. */
export interface PdfLine {
  /** Offset of the line in `PdfDoc.text`. */
  readonly offset: number;
  readonly text: string;
  readonly sources: readonly PdfSource[];
}

/** A PDF read into reading-order text plus its tables on grids: the shape `analyze` takes (with `format: "pdf"`). */
export interface PdfDoc {
  readonly ok: true;
  /** Reading-order text: prose paragraphs joined, page furniture dropped, each table rendered like `gridText`. */
  readonly text: string;
  readonly grids: PdfGrid[];
  /** Offsets of each table's rendering in `text`. */
  readonly tableRanges: [number, number][];
  /** Prose lines (tables excluded) with their sources, in text order. */
  readonly lines: readonly PdfLine[];
  readonly pages: number;
  /** Document information (Title, Author, Creator, Producer) when present. */
  readonly info: Readonly<Record<string, string>>;
  readonly warnings: readonly PdfWarning[];
}

/** Gives PDF.js's binary CMaps (`kind: "cmap"`, name like `UniGB-UCS2-H`) and standard font files (`kind: "font"`). */
export type PdfDataLoader = (kind: "cmap" | "font", name: string) => Promise<Uint8Array | undefined>;

/** Options of `readPdf`. */
export interface PdfReadOptions {
  /** Page cap (default `MAX_PDF_PAGES`). */
  readonly maxPages?: number;
  /** Byte cap (default `MAX_PDF_BYTES`). */
  readonly maxBytes?: number;
  /** Text item cap (default `MAX_PDF_TEXT_ITEMS`). */
  readonly maxTextItems?: number;
  /** Cap on the bytes the compressed streams inflate to (default `MAX_PDF_INFLATED_BYTES`). */
  readonly maxInflatedBytes?: number;
  /** Time budget for reading the text, in milliseconds (default `MAX_PDF_READ_MS`). */
  readonly maxMs?: number;
  /**
   * Where CMaps and standard fonts come from. Default: in Node, the files of the installed pdfjs-dist package;
   * elsewhere none (pass a loader that reads the files your bundle ships). Nothing is ever fetched from a network
   * by the reader itself.
   */
  readonly data?: PdfDataLoader;
  /**
   * Hand PDF.js the file as it is, font programs included (by default the programs the text does not need are left
   * out of the copy PDF.js reads: the same text, a third less time). For comparing the two.
   */
  readonly keepFontPrograms?: boolean;
}
