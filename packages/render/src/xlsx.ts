import {
  type CellDef,
  type CellValue,
  Decimal,
  encodeCell,
  type Locale,
  type Report,
  SECTION_TITLES,
  type Section,
  WORKBOOK,
  type WorkbookMeta,
} from "@gov-disclosure/core";
import type ExcelJS from "exceljs";
import { defsOf } from "./defs";
import { reportTitle } from "./html";
import { labelled, uiFor } from "./i18n";
import { expandGrid, type OfficialTable, officialTables } from "./layout";

/** Options of `renderXlsx`. */
export interface XlsxOptions {
  /** Language of labels and sheet names; zh-CN (the official labels) by default. */
  readonly locale?: Locale;
}

/** A1 column letters of a 1-based column number. */
export function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The exact decimal value of a finite double (every double is a finite binary fraction). */
export function exactDecimalOfDouble(x: number): string {
  if (Number.isInteger(x)) return BigInt(x).toString();
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e = -1074;
  if (expBits !== 0) {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  // x = ±mant · 2^e with e < 0 (x is not an integer) = ±mant · 5^−e / 10^−e
  const k = -e;
  const digits = (mant * 5n ** BigInt(k)).toString().padStart(k + 1, "0");
  const frac = digits.slice(-k).replace(/0+$/, "");
  return `${x < 0 ? "-" : ""}${digits.slice(0, -k)}${frac ? `.${frac}` : ""}`;
}

/** True when a decimal is exactly a binary double, so writing it as a spreadsheet number loses nothing. */
export function isExactDouble(d: Decimal): boolean {
  if (!d.isFinite()) return false;
  const x = d.toNumber();
  return Number.isFinite(x) && new Decimal(exactDecimalOfDouble(x)).eq(d);
}

/** The spreadsheet value of a cell: counts as numbers, money as a number only when exact (else its decimal text), specials as text. */
export function xlsxValue(v: CellValue | undefined): number | string | null {
  if (!v || v.kind === "blank") return null;
  if (v.kind === "count") return v.value;
  if (v.kind === "money") return !v.unit && isExactDouble(v.value) ? v.value.toNumber() : String(encodeCell(v));
  return v.raw;
}

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEAD_FILL = { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb: "FFF2F2F2" } };

/** A row of the map sheet, its fields in the columns core's WORKBOOK contract gives them. */
function mapRow(cell: string, sheet: string, address: string): string[] {
  const row: string[] = [];
  const { mapColumns: at } = WORKBOOK;
  row[at.cell - 1] = cell;
  row[at.sheet - 1] = sheet;
  row[at.address - 1] = address;
  return row;
}

function columnWidths(table: OfficialTable): number[] {
  switch (table.id) {
    case "t2":
      return [26, 18, 18, 18];
    case "t3":
      return [12, 14, 40, 9, 9, 9, 11, 11, 9, 9];
    case "t4":
      return Array.from({ length: 15 }, () => 9);
    case "old":
      return [70, 8, 14];
    default:
      return [50, 10, 14, 14];
  }
}

function writeTable(
  wb: ExcelJS.Workbook,
  table: OfficialTable,
  report: Report,
  defs: ReadonlyMap<string, CellDef>,
  name: string,
  locale: Locale,
  map: string[][],
) {
  const ui = uiFor(locale);
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: table.columns > 6 ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = columnWidths(table).map((width) => ({ width }));
  const last = columnLetters(table.columns);
  ws.mergeCells(`A1:${last}1`);
  const title = ws.getCell("A1");
  title.value = table.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.mergeCells(`A2:${last}2`);
  const who = [
    labelled(ui.fillingUnit, report.meta.body ?? "", locale).trimEnd(),
    report.meta.year !== undefined ? labelled(ui.year, String(report.meta.year), locale) : "",
  ]
    .filter(Boolean)
    .join("    ");
  ws.getCell("A2").value = who;
  const top = 3;
  const grid = expandGrid(table);
  const headRows = table.groups.filter((g) => g.head).reduce((n, g) => n + g.rows.length, 0);
  grid.forEach((row, r) => {
    row.forEach((slot, c) => {
      const cell = ws.getCell(top + r, c + 1);
      cell.border = BORDER;
      if (!slot.origin) return;
      const g = slot.cell;
      if (g.rowspan > 1 || g.colspan > 1) ws.mergeCells(top + r, c + 1, top + r + g.rowspan - 1, c + g.colspan);
      if (g.cell !== undefined) {
        const def = defs.get(g.cell);
        const v = xlsxValue(report.cells[g.cell]);
        if (v !== null) cell.value = v;
        cell.protection = { locked: false };
        cell.alignment = { horizontal: "center", vertical: "middle" };
        if (def?.kind === "money") cell.numFmt = "@";
        else {
          cell.numFmt = "0";
          cell.dataValidation = {
            type: "whole",
            operator: def?.kind === "signed" ? "between" : "greaterThanOrEqual",
            allowBlank: true,
            formulae: def?.kind === "signed" ? [-1e9, 1e9] : [0],
            showErrorMessage: true,
            errorStyle: "warning",
            errorTitle: ui.wholeNumberTitle,
            error: ui.wholeNumberError,
          };
        }
        map.push(mapRow(g.cell, name, `${columnLetters(c + 1)}${top + r}`));
      } else {
        cell.value = g.text;
        cell.alignment = { horizontal: g.role === "row" ? "left" : "center", vertical: "middle", wrapText: true, ...(g.indent ? { indent: g.indent } : {}) };
        if (g.header) cell.fill = HEAD_FILL;
        if (g.role === "title") cell.font = { bold: true };
      }
    });
  });
  ws.views = [{ state: "frozen", ySplit: top - 1 + headRows, xSplit: 0 }];
  ws.pageSetup.printTitlesRow = `${top}:${top - 1 + Math.max(headRows, 1)}`;
}

/**
 * The official tables of a report (or of a blank report: `blankReport(edition)`) as an XLSX workbook a county can
 * fill in: one worksheet per table with the merged cells of the format, value cells unlocked with whole-number
 * validation (a warning only: "—" and "无" stay possible), a sheet for the narrative, and the two hidden sheets of
 * the import contract, all as core's `WORKBOOK` names and lays them out: the cell map (cellId | sheet | address for
 * every cell) and the meta sheet (A1: `WorkbookMeta` as JSON). Counts are numbers, money a number only when exact (otherwise the
 * decimal as text), blanks empty, "—"/"无" text.
 */
export async function renderXlsx(report: Report, options: XlsxOptions = {}): Promise<Uint8Array> {
  const locale = options.locale ?? "zh-CN";
  // exceljs (the largest dependency) is loaded only when a workbook is written: nothing else pays for it
  const mod = (await import("exceljs")) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  const Excel = mod.default ?? mod;
  const wb = new Excel.Workbook();
  wb.creator = "gov-disclosure";
  wb.title = reportTitle(report, locale);
  const created = report.meta.publishedAt ? new Date(`${report.meta.publishedAt}T00:00:00Z`) : new Date(Date.UTC(2000, 0, 1));
  wb.created = Number.isNaN(created.getTime()) ? new Date(Date.UTC(2000, 0, 1)) : created;
  wb.modified = wb.created;
  const defs = defsOf(report);
  const ui = uiFor(locale);
  const map: string[][] = [mapRow("cellId", "sheet", "address")];
  for (const table of officialTables(report, locale)) writeTable(wb, table, report, defs, ui.sheetNames[table.id], locale, map);
  const sections: readonly Section[] =
    report.sections.length || report.edition === "local" || report.edition === "gen2014"
      ? report.sections
      : SECTION_TITLES[report.edition].map((title, i) => ({ number: i + 1, title, text: "" }));
  const text = wb.addWorksheet(WORKBOOK.sectionsSheet);
  const at = WORKBOOK.sectionColumns;
  const sectionRow = (n: string | number | null, title: string, body: string) => {
    const row: (string | number | null)[] = [];
    row[at.number - 1] = n;
    row[at.title - 1] = title;
    row[at.text - 1] = body;
    return row;
  };
  const widths: { width: number }[] = [];
  widths[at.number - 1] = { width: 6 };
  widths[at.title - 1] = { width: 36 };
  widths[at.text - 1] = { width: 100 };
  text.columns = widths;
  text.addRow(sectionRow("#", ui.sheetTitle, ui.sheetText)).font = { bold: true };
  for (const s of sections) {
    const row = text.addRow(sectionRow(s.number ?? null, s.title, s.text));
    row.alignment = { vertical: "top", wrapText: true };
  }
  const mapSheet = wb.addWorksheet(WORKBOOK.mapSheet, { state: "hidden" });
  for (const row of map) mapSheet.addRow(row);
  const metaSheet = wb.addWorksheet(WORKBOOK.metaSheet, { state: "hidden" });
  const meta: WorkbookMeta = { version: 1, edition: report.edition, meta: report.meta, local: report.local ?? null };
  metaSheet.getCell("A1").value = JSON.stringify(meta);
  const buf: ArrayLike<number> | ArrayBuffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
