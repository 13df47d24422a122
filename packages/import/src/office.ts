import {
  cellsOf,
  type Edition,
  type ImportIssue,
  importIssue,
  isEdition,
  parseReport,
  type SourceLocation,
  WORKBOOK,
  type WorkbookMeta,
} from "@gov-disclosure/core";
import { expandGrid, type Grid, gridText, type RawCell } from "./grid";
import { readHtml } from "./html";
import { checkZip } from "./zip";

interface Mammoth {
  convertToHtml(input: { buffer: Uint8Array } | { arrayBuffer: ArrayBuffer }, options?: Record<string, unknown>): Promise<{ value: string }>;
  images: { imgElement(f: (image: unknown) => Promise<Record<string, string>>): unknown };
}
interface BufferCtor {
  from(bytes: Uint8Array): Uint8Array;
}

/**
 * What mammoth's running build reads: its Node build opens `{ buffer }` (a Node Buffer) and rejects `{ arrayBuffer }`
 * ("Could not find file in options"); its browser build opens only `{ arrayBuffer }`. Node is told apart at run time by
 * `globalThis.Buffer`, so that this file needs no `node:` import. @internal
 */
export function mammothInput(bytes: Uint8Array): { buffer: Uint8Array } | { arrayBuffer: ArrayBuffer } {
  const NodeBuffer = (globalThis as { Buffer?: BufferCtor }).Buffer;
  if (NodeBuffer && typeof NodeBuffer.from === "function") return { buffer: NodeBuffer.from(bytes) };
  return { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
}

/**
 * Converts a .docx to HTML with mammoth (tables keep their merged cells). The archive is checked first (entry count,
 * inflated size, lying sizes: `checkZip`); images are left out (never inflated or inlined as base64).
 */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  checkZip(bytes);
  const mod = (await import("mammoth")) as unknown as { default?: Mammoth } & Mammoth;
  const mammoth = mod.default ?? mod;
  const r = await mammoth.convertToHtml(mammothInput(bytes), { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })) });
  return r.value;
}

interface XCell {
  readonly text?: string;
  readonly value?: unknown;
  readonly isMerged?: boolean;
  readonly master?: { readonly address: string };
  readonly address: string;
}
interface XSheet {
  readonly name: string;
  readonly state?: string;
  readonly rowCount: number;
  readonly columnCount: number;
  getCell(r: number | string, c?: number): XCell;
}
interface XBook {
  readonly worksheets: readonly XSheet[];
  getWorksheet(name: string): XSheet | undefined;
}

function cellText(cell: XCell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === "string") return v;
  if (typeof v === "object") {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: string };
    if (o.richText) return o.richText.map((t) => t.text).join("");
    if (o.result !== undefined) return String(o.result);
    if (typeof o.text === "string") return o.text;
  }
  return cell.text ?? String(v);
}

/** A workbook read either through render's cell map (`WORKBOOK.mapSheet`), or as grids of labels and numbers. */
export interface XlsxDoc {
  readonly mapped?: { edition: Edition; json: Record<string, unknown>; sources: Record<string, SourceLocation>; badRefs: ImportIssue[] };
  readonly text: string;
  readonly grids: Grid[];
}

/** Reads an .xlsx with exceljs, after checking the archive (`checkZip`). */
export async function readXlsx(bytes: Uint8Array, maxCells = 200000): Promise<XlsxDoc> {
  checkZip(bytes);
  const ExcelJS = (await import("exceljs")).default ?? (await import("exceljs"));
  const wb = new (ExcelJS as unknown as { Workbook: new () => XBook & { xlsx: { load(b: ArrayBuffer): Promise<unknown> } } }).Workbook();
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  await wb.xlsx.load(ab);
  const map = wb.getWorksheet(WORKBOOK.mapSheet);
  const metaSheet = wb.getWorksheet(WORKBOOK.metaSheet);
  const col = WORKBOOK.mapColumns;
  if (map && metaSheet) {
    // the meta sheet's A1 holds core's `WorkbookMeta` as JSON; read as unknown values until parseReport checks them
    let meta: { readonly [K in keyof WorkbookMeta]?: unknown } = {};
    try {
      meta = JSON.parse(cellText(metaSheet.getCell("A1"))) as typeof meta;
    } catch {
      meta = {};
    }
    if (isEdition(meta.edition)) {
      const cells: Record<string, unknown> = {};
      const sources: Record<string, SourceLocation> = {};
      const badRefs: ImportIssue[] = [];
      // row 1 is the header
      for (let r = 2; r <= Math.min(map.rowCount, 5000); r++) {
        const id = cellText(map.getCell(r, col.cell)).trim();
        const sheetName = cellText(map.getCell(r, col.sheet)).trim();
        const addr = cellText(map.getCell(r, col.address)).trim();
        if (!id) continue;
        const ws = sheetName && /^[A-Z]{1,3}\d{1,6}$/.test(addr) ? wb.getWorksheet(sheetName) : undefined;
        if (!ws) {
          if (badRefs.length < 50)
            badRefs.push(importIssue("IMPORT-XLSX-BAD-REF", "warning", { cell: id, ref: `${sheetName}!${addr}`.slice(0, 80) }, { cells: [id] }));
          continue;
        }
        const cell = ws.getCell(addr);
        const raw = cellText(cell);
        const v = cell.value;
        cells[id] = typeof v === "number" ? v : raw === "" ? null : raw;
        sources[id] = { sheet: sheetName, raw, row: Number(/\d+/.exec(addr)![0]) - 1, col: colIndex(addr) };
      }
      // The narrative, from render's visible sections sheet (# | title | text); sections left empty are not sections.
      const sections: { number?: number; title: string; text: string }[] = [];
      const textSheet = wb.getWorksheet(WORKBOOK.sectionsSheet);
      const sc = WORKBOOK.sectionColumns;
      for (let r = 2; textSheet && r <= Math.min(textSheet.rowCount, 200); r++) {
        const title = cellText(textSheet.getCell(r, sc.title)).trim();
        const text = cellText(textSheet.getCell(r, sc.text));
        if (!text.trim()) continue;
        const n = Number(cellText(textSheet.getCell(r, sc.number)));
        sections.push({ ...(Number.isInteger(n) && n >= 1 ? { number: n } : {}), title, text });
      }
      return {
        mapped: {
          edition: meta.edition,
          json: { version: 1, edition: meta.edition, meta: meta.meta ?? {}, ...(meta.local ? { local: meta.local } : {}), sections, cells },
          sources,
          badRefs,
        },
        text: "",
        grids: [],
      };
    }
  }
  const grids: Grid[] = [];
  let used = 0;
  for (const ws of wb.worksheets) {
    // render's hidden sheets (and any other sheet named like them) hold no table
    if (ws.name.startsWith("_") || ws.name === WORKBOOK.mapSheet || ws.name === WORKBOOK.metaSheet) continue;
    const rows: RawCell[][] = [];
    const nr = Math.min(ws.rowCount, 2000);
    const nc = Math.min(ws.columnCount, 60);
    for (let r = 1; r <= nr && used < maxCells; r++) {
      const row: RawCell[] = [];
      for (let c = 1; c <= nc; c++, used++) {
        const cell = ws.getCell(r, c);
        // merged cells repeat the master's text; expandGrid sees them as one origin through identical placement
        const master = cell.isMerged && cell.master && cell.master.address !== cell.address ? ws.getCell(cell.master.address) : undefined;
        row.push({ text: master ? `\u0000${master.address}` : cellText(cell), rowspan: 1, colspan: 1 });
      }
      rows.push(row);
    }
    const g = expandGrid(rows, grids.length, ws.name);
    // give merged cells the origin of their master so that they read as one cell
    const masterOrigin = new Map<string, number>();
    const fixed = g.rows.map((row, r) =>
      row.map((cell, c) => {
        const addr = `${colName(c)}${r + 1}`;
        masterOrigin.set(addr, cell.origin);
        return cell;
      }),
    );
    const merged = fixed.map((row) =>
      row.map((cell) => {
        if (!cell.text.startsWith("\u0000")) return cell;
        const addr = cell.text.slice(1);
        const [mr, mc] = [Number(/\d+/.exec(addr)![0]) - 1, colIndex(addr)];
        const m = fixed[mr]?.[mc];
        return m ? { text: m.text, origin: masterOrigin.get(addr) ?? m.origin } : { text: "", origin: cell.origin };
      }),
    );
    grids.push({ rows: merged, index: g.index, sheet: ws.name });
  }
  return { text: grids.map((g) => gridText(g)).join("\n\n"), grids };
}

function colIndex(addr: string): number {
  const letters = /^[A-Z]+/.exec(addr)![0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colName(i: number): string {
  let s = "";
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Validates mapped workbook JSON through core, keeping the sheet sources. @internal */
export function mappedReport(m: NonNullable<XlsxDoc["mapped"]>) {
  const known = m.edition === "local" ? undefined : new Set(cellsOf(m.edition).map((c) => c.id));
  const cells = Object.fromEntries(Object.entries(m.json.cells as Record<string, unknown>).filter(([id]) => !known || known.has(id)));
  return parseReport({ ...m.json, cells, sources: Object.fromEntries(Object.entries(m.sources).filter(([id]) => id in cells)) });
}

/** Reads a .docx: mammoth's HTML through the HTML reader. @internal */
export async function readDocx(bytes: Uint8Array) {
  return readHtml(await docxToHtml(bytes));
}
