import type { LocalRow } from "./cells/local";
import type { Edition } from "./editions";
import type { CellValue } from "./value";

/** Administrative level of the issuing body, when known. Decides who may issue 规章 (T2-RULE-AUTHORITY). */
export const LEVELS = ["state-council-department", "province", "prefecture", "county", "township", "department", "other"] as const;

/** Administrative level of the issuing body. `department` is a department of a local government. */
export type Level = (typeof LEVELS)[number];

/** Where a value came from in the published document: line and column in text; table, row and column in a grid. */
export interface SourceLocation {
  /** 1-based line in text input. */
  readonly line?: number;
  /** 1-based column (in characters) in text input. */
  readonly column?: number;
  /** 0-based index of the table in an HTML, DOCX or Markdown document. */
  readonly table?: number;
  /** 0-based row in the table grid (after rowspan/colspan expansion). */
  readonly row?: number;
  /** 0-based column in the table grid. */
  readonly col?: number;
  /** Worksheet name in a spreadsheet. */
  readonly sheet?: string;
  /** 1-based page of a PDF. */
  readonly page?: number;
  /** PDF: left edge of the text, in points from the page's left edge. */
  readonly x?: number;
  /** PDF: top of the text, in points from the page's top edge. */
  readonly y?: number;
  /** PDF: width of the text, in points. */
  readonly width?: number;
  /** PDF: height of the text, in points. */
  readonly height?: number;
  /** The text the value was read from, as written. */
  readonly raw?: string;
}

/** What the report says about itself. Every field is optional because published reports often omit it. */
export interface ReportMeta {
  /** Issuing body (发布机构), e.g. 泰顺县人民政府. */
  readonly body?: string;
  readonly level?: Level;
  /** Year the statistics cover. */
  readonly year?: number;
  /** Publication date, `YYYY-MM-DD`. */
  readonly publishedAt?: string;
  /** Title as printed. */
  readonly title?: string;
  readonly source?: { readonly filename?: string; readonly url?: string; readonly mediaType?: string };
}

/** One narrative section (一 … 六 in 2019+, or the old outline), as text. */
export interface Section {
  /** 1–6 for the numbered sections of 2019+ reports; the position for older outlines. */
  readonly number?: number;
  readonly title: string;
  readonly text: string;
}

/** The declared rows of a local table (edition `local`). */
export interface LocalTableSpec {
  /**
   * Column labels as printed, e.g. ["2017年度", "历年累计"]; one label (["年末统计"]) for a single-column table, whose
   * rows have a `current` cell only.
   */
  readonly columns?: readonly [string, string] | readonly [string];
  readonly rows: readonly LocalRow[];
}

/** A number stated in the narrative, mapped to a cell, for the NARR-* rules. Produced by the importer. */
export interface NarrativeClaim {
  /** The cell the claim speaks of. */
  readonly cell: string;
  /** The number as stated, as a decimal string. */
  readonly value: string;
  /** True when the prose hedges ("余", "多", "约", "近"): compared approximately. */
  readonly approximate?: boolean;
  /** The sentence it came from. */
  readonly text: string;
  readonly source?: SourceLocation;
}

/** A typed, parsed report: metadata, narrative, and the statistics cells of its edition keyed by cell id. */
export interface Report {
  readonly version: 1;
  readonly edition: Edition;
  readonly meta: ReportMeta;
  readonly sections: readonly Section[];
  /** Only for edition `local`. */
  readonly local?: LocalTableSpec;
  /** Cell values by stable cell id. A missing id is blank. */
  readonly cells: Readonly<Record<string, CellValue>>;
  /** Source location of each imported value, by cell id. */
  readonly sources: Readonly<Record<string, SourceLocation>>;
  readonly claims?: readonly NarrativeClaim[];
}
