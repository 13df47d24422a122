import { type CellJson, encodeCell, type Issue, type Locale, type Phase, type Report, reportCells, uncertainCellsOf } from "@gov-disclosure/core";
import { csvField, neutraliseFormula, safeJson } from "./escape";
import { unitText } from "./i18n";

/** One cell of a report as a tidy row: who, which table and cell, its labels and unit, its value and what the issues say of it. */
export interface TidyRow {
  readonly edition: string;
  readonly body: string;
  readonly year: number | null;
  readonly table: string;
  readonly cell: string;
  /** The row's label path below the table title, joined with " / ". */
  readonly rowLabel: string;
  /** The column's label path, joined with " / " ("" for single-column tables). */
  readonly columnLabel: string;
  readonly unit: string;
  /** The value as canonical JSON: a number for counts, a decimal string for money, the glyph as written, null for blank. */
  readonly value: CellJson;
  /** "error", "warning" or "info" when a failing issue (import or rule) reads the cell (the worst), "" otherwise. */
  readonly status: "" | "error" | "warning" | "info";
  /** Codes of the failing issues that read the cell (rule ids, IMPORT-* codes), space-separated. */
  readonly codes: string;
  /** Phases of those issues (`import`, `rule`, `parse`), space-separated. */
  readonly phases: string;
  /** True when the import guessed the value or could not verify it. */
  readonly uncertain: boolean;
}

/** Options of the tidy outputs. */
export interface TidyOptions {
  /** Label language; zh-CN (the official labels) by default. */
  readonly locale?: Locale;
  /**
   * Issues per report, in the order of the reports (a validation result's `findings`, import issues included), for the
   * status, codes, phases and uncertain columns.
   */
  readonly findings?: readonly (readonly Issue[] | undefined)[];
}

const RANK = { "": 0, info: 1, warning: 2, error: 3 } as const;

/** One row per cell of each report's edition, in printed order, blanks included. */
export function tidyRows(reports: Report | readonly Report[], options: TidyOptions = {}): TidyRow[] {
  const list: readonly Report[] = Array.isArray(reports) ? reports : [reports as Report];
  const locale = options.locale ?? "zh-CN";
  const out: TidyRow[] = [];
  list.forEach((report, n) => {
    const issues = options.findings?.[n] ?? [];
    const uncertain = uncertainCellsOf(issues);
    const status = new Map<string, { status: TidyRow["status"]; codes: Set<string>; phases: Set<Phase> }>();
    for (const f of issues) {
      if (f.status !== "fail") continue;
      for (const c of f.cells) {
        const s = status.get(c) ?? { status: "" as TidyRow["status"], codes: new Set<string>(), phases: new Set<Phase>() };
        if (RANK[f.severity] > RANK[s.status]) s.status = f.severity;
        s.codes.add(f.code);
        s.phases.add(f.phase);
        status.set(c, s);
      }
    }
    for (const d of reportCells(report).list) {
      const rp = locale === "en" ? d.rowPathEn : d.rowPath;
      const cp = locale === "en" ? d.colPathEn : d.colPath;
      const v = report.cells[d.id];
      const s = status.get(d.id);
      out.push({
        edition: report.edition,
        body: report.meta.body ?? "",
        year: report.meta.year ?? null,
        table: d.table,
        cell: d.id,
        rowLabel: (d.table === "old" || d.table === "local" ? rp : rp.slice(1)).join(" / "),
        columnLabel: d.col === "value" ? "" : cp.join(" / "),
        unit: unitText(d.unit, locale),
        value: v ? encodeCell(v) : null,
        status: s?.status ?? "",
        codes: s ? [...s.codes].join(" ") : "",
        phases: s ? [...s.phases].join(" ") : "",
        uncertain: uncertain.has(d.id),
      });
    }
  });
  return out;
}

/** The CSV header, in column order. */
export const CSV_COLUMNS = [
  "edition",
  "body",
  "year",
  "table",
  "cell",
  "row_label",
  "column_label",
  "unit",
  "value",
  "status",
  "codes",
  "phases",
  "uncertain",
] as const;

/**
 * Tidy CSV, one row per cell: UTF-8 with a byte-order mark (so Excel opens Chinese correctly), CRLF line ends,
 * RFC 4180 quoting, and every text field that begins like a formula (= + - @, tab, CR) prefixed with an apostrophe.
 */
export function renderCsv(reports: Report | readonly Report[], options: TidyOptions = {}): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of tidyRows(reports, options)) {
    const fields = [
      r.edition,
      r.body,
      r.year === null ? "" : String(r.year),
      r.table,
      r.cell,
      r.rowLabel,
      r.columnLabel,
      r.unit,
      r.value === null ? "" : String(r.value),
      r.status,
      r.codes,
      r.phases,
      r.uncertain ? "true" : "false",
    ];
    lines.push(fields.map((f) => csvField(neutraliseFormula(f))).join(","));
  }
  return `\ufeff${lines.join("\r\n")}\r\n`;
}

/** Tidy NDJSON, one JSON object per cell and line (values as canonical JSON); `<`, `>` and `&` are \u-escaped. */
export function renderNdjson(reports: Report | readonly Report[], options: TidyOptions = {}): string {
  return tidyRows(reports, options)
    .map((r) => `${safeJson(r)}\n`)
    .join("");
}
