import type { CellValue, Edition, Issue, Report, SourceLocation } from "@gov-disclosure/core";

/** The input formats the importer reads. */
export type InputFormat = "text" | "html" | "markdown" | "json" | "docx" | "xlsx" | "pdf" | "image" | "binary" | "unknown";

/** Options of `importReport` and `importText`. */
export interface ImportOptions {
  /**
   * PDF only: where PDF.js's CMaps and standard fonts come from (`kind` "cmap" or "font", the file's name). By default,
   * in Node, the files of the installed pdfjs-dist; a bundle that carries them elsewhere (the CLI) passes its own.
   */
  readonly pdfData?: (kind: "cmap" | "font", name: string) => Promise<Uint8Array | undefined>;
  /** File name, used only to guess the format. */
  readonly filename?: string;
  /** Media type, used only to guess the format. */
  readonly mediaType?: string;
  /** Force an edition instead of detecting it from the labels. */
  readonly edition?: Edition;
  /** The same body's report of the previous year: its 历年累计 and 结转 figures are evidence for splitting glued digits. */
  readonly previous?: Report;
  /**
   * What to put in a cell whose split stays ambiguous after every identity and all evidence:
   * `"most-plausible"` (default) keeps the candidate ranked first by the documented plausibility priors and still
   * reports the ambiguity with all candidates; `"blank"` leaves the cell blank.
   */
  readonly ambiguous?: "most-plausible" | "blank";
}

/** `ImportOptions` plus what tests use to compare the readers of Word and Excel. @internal */
export interface InternalImportOptions extends ImportOptions {
  /** Read .docx and .xlsx with mammoth and exceljs only (the fast OOXML readers off). */
  readonly officeLibrary?: boolean;
  /** Told which reader read a .docx or .xlsx: the fast OOXML reader, or the library after it declined. */
  readonly onOfficeReader?: (reader: "fast" | "library") => void;
}

/** How one group of glued or misplaced cells was decided. */
export interface SplitEvidence {
  readonly cells: readonly string[];
  /** What decided it: `unique` (only one split is well-formed), `row-total`, `column-sum`, `balance`, `block-sum`, `narrative`, `previous`, `children-sum`, `order`, `prior`. */
  readonly decidedBy: readonly string[];
  /** Number of candidates left before the tie-breakers (1 = decided by the identities alone). */
  readonly candidates: number;
  readonly ambiguous: boolean;
}

/** What the importer saw and used to decide. */
export interface ImportEvidence {
  readonly format: InputFormat;
  readonly encoding?: string;
  /** Labels that decided the edition. */
  readonly editionLabels: readonly string[];
  /** Number of template rows recognised per table. */
  readonly rowsRecognised: Readonly<Record<string, number>>;
  readonly year?: number;
  readonly splits: readonly SplitEvidence[];
}

/**
 * The result of an import: the report (when one was found), the edition, the evidence and every issue. Issues are
 * core's `Issue`s, locale-free: word them with core's `formatIssue(issue, locale, report)`, and pass them to
 * `validateReport(report, { importIssues: result.issues })` so that every output shows and counts them.
 */
export interface ImportResult {
  readonly report?: Report;
  readonly edition?: Edition;
  readonly evidence: ImportEvidence;
  /**
   * Phase `import` (codes `IMPORT-*`); for canonical JSON (or a render workbook) that does not parse, one
   * `IMPORT-JSON-INVALID` followed by core's parse issues (phase `parse`). Issues whose cells were not read as printed
   * facts (ambiguous, unverified, placed by order, unsplittable) list exactly those cells.
   */
  readonly issues: readonly Issue[];
  /** Cells left ambiguous, with their candidate values (cell id → candidate values as text). */
  readonly ambiguous: Readonly<Record<string, readonly string[]>>;
}

/** A value read from the source with where it was. @internal */
export interface ReadCell {
  readonly value: CellValue;
  readonly source: SourceLocation;
}
