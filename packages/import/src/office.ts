import {
  cellRecord,
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
import { chargeGrid, type Grid, type GridCell, gridBudget, gridText } from "./grid";
import { type HtmlDoc, readHtml } from "./html";
import { zipSync } from "fflate";
import { lazily } from "./lazy";
import { checkZip, checkZipParts, ZipLimitError } from "./zip";

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
  return mammothHtml(bytes);
}

/** mammoth's HTML of an archive already checked. */
async function mammothHtml(bytes: Uint8Array): Promise<string> {
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
  readonly state?: string | undefined;
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

/** Rows and columns of each sheet the importer reads (the window merged ranges are clipped to). */
export const XLSX_ROWS = 2000;
/** Columns of each sheet the importer reads. */
export const XLSX_COLS = 60;
/** Most cell and row elements (`<c>`, `<row>`) all sheets of a workbook may hold; exceljs builds an object for each. */
export const MAX_XLSX_CELLS = 50_000;
/** Most merged ranges a workbook may declare (exceljs compares each new range with every earlier one). */
export const MAX_XLSX_MERGES = 4000;

const enc = new TextEncoder();
declare const TextEncoder: { new (): { encode(s: string): Uint8Array } };
declare const TextDecoder: { new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): { decode(input: Uint8Array): string } };
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

const isNameChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46;

/**
 * Where the name of the next start tag of an element named `local` (any namespace prefix) at or after `from` stands,
 * with the tag's "<" in `tagStart`; -1 when none. Nothing is allocated: `countElements` calls it for every cell.
 */
let tagStart = -1;
function nextTagName(xml: string, local: string, from: number): number {
  for (let p = xml.indexOf(local, from); p >= 0; p = xml.indexOf(local, p + 1)) {
    const after = xml.charCodeAt(p + local.length);
    // the name ends here: a blank, "/" or ">"
    if (!(after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62)) continue;
    let start = p - 1;
    if (xml.charCodeAt(start) === 58) {
      let q = start - 1;
      while (q >= 0 && start - q <= 40 && isNameChar(xml.charCodeAt(q))) q--;
      if (q === start - 1) continue;
      start = q;
    }
    if (xml.charCodeAt(start) !== 60) continue;
    tagStart = start;
    return p;
  }
  return -1;
}

/**
 * The next start tag of an element named `local` (any namespace prefix) at or after `from`: where it starts and ends,
 * and its prefix ("x:" or ""). Callers resume after `end`, so a scan is linear in the text. Undefined when none.
 */
function nextTag(xml: string, local: string, from: number): { start: number; end: number; tag: string; prefix: string } | undefined {
  const p = nextTagName(xml, local, from);
  if (p < 0) return undefined;
  const start = tagStart;
  const end = xml.indexOf(">", p);
  if (end < 0) return undefined;
  return { start, end: end + 1, tag: xml.slice(start, end + 1), prefix: xml.slice(start + 1, p) };
}

/** Removes every element named `local` (with its content) from `xml`. */
function dropElements(xml: string, local: string): string {
  let out = "";
  let at = 0;
  for (let t = nextTag(xml, local, 0); t; t = nextTag(xml, local, at)) {
    out += xml.slice(at, t.start);
    if (t.tag.endsWith("/>")) at = t.end;
    else {
      const close = `</${t.prefix}${local}>`;
      const c = xml.indexOf(close, t.end);
      at = c < 0 ? xml.length : c + close.length;
    }
  }
  return at === 0 ? xml : out + xml.slice(at);
}

function decodeRef(a: string): { r: number; c: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a);
  if (!m) return undefined;
  let c = 0;
  for (const ch of m[1]!.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]), c };
}

/**
 * Reads a sheet's merged ranges and clips them to the window the importer reads (`XLSX_ROWS` × `XLSX_COLS`);
 * a range wholly outside it is dropped. Returns the sheet rewritten (or the same text when nothing changed), the
 * number of ranges and their area after clipping.
 */
function clipMerges(xml: string): { xml: string; merges: number; area: number } {
  let out = "";
  let at = 0;
  let changed = false;
  let area = 0;
  let merges = 0;
  // every block, not only the first: a sheet may repeat it (exceljs keeps the last), and a comment may hold a fake one
  for (let open = nextTag(xml, "mergeCells", 0); open; open = nextTag(xml, "mergeCells", at)) {
    if (open.tag.endsWith("/>")) {
      out += xml.slice(at, open.end);
      at = open.end;
      continue;
    }
    const close = `</${open.prefix}mergeCells>`;
    const endAt = xml.indexOf(close, open.end);
    if (endAt < 0) break; // not well-formed: no XML reader reads it
    const refs: string[] = [];
    // the block alone is searched: a search of the whole text from each block would be quadratic in the blocks
    const body = xml.slice(open.end, endAt);
    for (let t = nextTag(body, "mergeCell", 0); t; t = nextTag(body, "mergeCell", t.end)) {
      merges++;
      const ref = /\bref\s*=\s*["']([^"']{0,40})["']/.exec(t.tag)?.[1] ?? "";
      const [a = "", b = a] = ref.split(":");
      const tl = decodeRef(a);
      const br = decodeRef(b);
      if (!tl || !br) {
        changed = true;
        continue;
      }
      const top = Math.min(tl.r, br.r);
      const left = Math.min(tl.c, br.c);
      const bottom = Math.min(Math.max(tl.r, br.r), XLSX_ROWS);
      const right = Math.min(Math.max(tl.c, br.c), XLSX_COLS);
      if (top > bottom || left > right || (top === bottom && left === right)) {
        changed = true;
        continue;
      }
      if (bottom !== Math.max(tl.r, br.r) || right !== Math.max(tl.c, br.c)) changed = true;
      area += (bottom - top + 1) * (right - left + 1);
      refs.push(`${colName(left - 1)}${top}:${colName(right - 1)}${bottom}`);
    }
    const p = open.prefix;
    out += xml.slice(at, open.start);
    if (refs.length) out += `<${p}mergeCells count="${refs.length}">${refs.map((r) => `<${p}mergeCell ref="${r}"/>`).join("")}</${p}mergeCells>`;
    at = endAt + close.length;
  }
  return changed ? { xml: out + xml.slice(at), merges, area } : { xml, merges, area };
}

/** Number of elements named `local` (any prefix) in `xml`. */
function countElements(xml: string, local: string): number {
  let n = 0;
  for (let p = nextTagName(xml, local, 0); p >= 0; ) {
    const end = xml.indexOf(">", p);
    if (end < 0) break;
    n++;
    p = nextTagName(xml, local, end + 1);
  }
  return n;
}

/**
 * Checks an .xlsx before exceljs opens it, within the archive limits (`checkZipParts`): at most `MAX_XLSX_CELLS` cell
 * and row elements and `MAX_XLSX_MERGES` merged ranges in all sheets; merged ranges clipped to the window the importer
 * reads (a range over the whole sheet would make exceljs build every one of its 17 billion cells); column ranges and
 * data validations (which exceljs expands cell by cell) removed. Returns the workbook to give exceljs: the same bytes,
 * or a rebuilt archive when a sheet was rewritten. Throws `ZipLimitError`. @internal
 */
export function precheckXlsx(bytes: Uint8Array): Uint8Array {
  return precheck(bytes).forLibrary();
}

/** `precheckXlsx`, keeping the parts and each sheet's text with its merged ranges clipped (what the fast reader reads). */
function precheck(bytes: Uint8Array) {
  const { entries, parts } = checkZipParts(bytes, () => true);
  let cells = 0;
  let merges = 0;
  let area = 0;
  // a sheet whose bytes are not strict UTF-8 is left to exceljs (which reads them its own way)
  let lossy = false;
  const sheets = new Map<string, string>();
  const rewritten = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const raw = parts.get(e.name)!;
    if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) lossy = true;
    let original: string;
    try {
      original = strictUtf8.decode(raw);
    } catch {
      lossy = true;
      original = new TextDecoder("utf-8").decode(raw);
    }
    cells += countElements(original, "c") + countElements(original, "row");
    if (cells > MAX_XLSX_CELLS) throw new ZipLimitError("xlsx-cells", cells, MAX_XLSX_CELLS);
    const clipped = clipMerges(original);
    merges += clipped.merges;
    area += clipped.area;
    if (merges > MAX_XLSX_MERGES) throw new ZipLimitError("xlsx-merges", merges, MAX_XLSX_MERGES);
    if (area > XLSX_ROWS * XLSX_COLS) throw new ZipLimitError("xlsx-merged-area", area, XLSX_ROWS * XLSX_COLS);
    const xml = dropElements(dropElements(clipped.xml, "cols"), "dataValidations");
    sheets.set(e.name, xml);
    if (xml !== original) rewritten.set(e.name, enc.encode(xml));
  }
  // the archive exceljs is given: the same bytes, or (built only when exceljs reads it) one with the sheets rewritten
  const forLibrary = () => {
    if (!rewritten.size) return bytes;
    const files: Record<string, [Uint8Array, { level: 0 }]> = {};
    for (const e of entries) files[e.name] = [rewritten.get(e.name) ?? parts.get(e.name)!, { level: 0 }];
    return zipSync(files);
  };
  return { forLibrary, entries, parts, sheets, lossy };
}

/** How a .docx or .xlsx is read: `library` skips the fast OOXML readers; `onReader` is told which reader read it. @internal */
export interface OfficeReading {
  readonly library?: boolean;
  readonly onReader?: (reader: "fast" | "library") => void;
}

const loadReaders = lazily(() => import("./ooxml"));

/**
 * The fast OOXML readers (their own chunk, with saxes), or undefined when the chunk cannot be loaded: the library reads
 * (and the next file tries the chunk again). Loaded once: an `import()` per workbook went through the module loader
 * every time (a tenth of a Word document's import when a loader hook was installed, as under tsx).
 */
const fastReaders = (): Promise<typeof import("./ooxml") | undefined> => loadReaders().catch(() => undefined);

/** Reads an .xlsx (the fast reader when it reads every part of it, else exceljs), after checking the archive and its sheets (`precheckXlsx`). */
export async function readXlsx(bytes: Uint8Array, maxCells = 200000, how: OfficeReading = {}): Promise<XlsxDoc> {
  const pre = precheck(bytes);
  const fast = how.library || pre.lossy ? undefined : await fastReaders();
  if (fast) {
    try {
      const doc = readBook(fast.readXlsxBook(pre.entries, pre.parts, pre.sheets, XLSX_ROWS * XLSX_COLS), maxCells);
      how.onReader?.("fast");
      return doc;
    } catch (e) {
      if (!(e instanceof fast.Decline)) throw e;
    }
  }
  how.onReader?.("library");
  const ExcelJS = (await import("exceljs")).default ?? (await import("exceljs"));
  const wb = new (ExcelJS as unknown as { Workbook: new () => XBook & { xlsx: { load(b: ArrayBuffer): Promise<unknown> } } }).Workbook();
  const given = pre.forLibrary();
  const ab = given.buffer.slice(given.byteOffset, given.byteOffset + given.byteLength) as ArrayBuffer;
  await wb.xlsx.load(ab);
  return readBook(wb, maxCells);
}

/** Reads a loaded workbook (exceljs's, or the fast reader's of the same shape) through the map, or as grids. */
function readBook(wb: XBook, maxCells: number): XlsxDoc {
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
      // hash tables from the start (core's cellRecord): a report's keys differ from workbook to workbook
      const cells = cellRecord<unknown>();
      const sources = cellRecord<SourceLocation>();
      const badRefs: ImportIssue[] = [];
      // every text read is charged to a budget: many map rows naming one cell of a long shared string stop here
      const budget = gridBudget();
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
        chargeGrid(budget, 1, raw.length + id.length + sheetName.length + addr.length);
        const v = cell.value;
        cells[id] = typeof v === "number" ? v : raw === "" ? null : raw;
        sources[id] = { sheet: sheetName, raw, row: Number(/\d+/.exec(addr)![0]) - 1, col: colIndex(addr) };
      }
      // The narrative, from render's visible sections sheet (# | title | text); rows with neither title nor text are not sections.
      const sections: { number?: number; title: string; text: string }[] = [];
      const textSheet = wb.getWorksheet(WORKBOOK.sectionsSheet);
      const sc = WORKBOOK.sectionColumns;
      for (let r = 2; textSheet && r <= Math.min(textSheet.rowCount, 200); r++) {
        const title = cellText(textSheet.getCell(r, sc.title)).trim();
        const text = cellText(textSheet.getCell(r, sc.text));
        chargeGrid(budget, 1, title.length + text.length);
        // a section with a title and no text is a section (render writes every section of the report)
        if (!text.trim() && !title) continue;
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
  // one grid budget for the workbook, charged per cell as it is read (a merged cell's text once per cell it covers),
  // before anything else reads the cells: a long shared string in many cells stops here, not in gridText
  const budget = gridBudget();
  for (const ws of wb.worksheets) {
    // render's hidden sheets (and any other sheet named like them) hold no table
    if (ws.name.startsWith("_") || ws.name === WORKBOOK.mapSheet || ws.name === WORKBOOK.metaSheet) continue;
    const rows: GridCell[][] = [];
    const nr = Math.min(ws.rowCount, XLSX_ROWS);
    const nc = Math.min(ws.columnCount, XLSX_COLS);
    // a merged range is one cell: the master's slot object, referenced from every cell of the range
    const masters = new Map<string, GridCell>();
    let origin = 0;
    for (let r = 1; r <= nr && used < maxCells; r++) {
      const row: GridCell[] = [];
      for (let c = 1; c <= nc; c++, used++) {
        const cell = ws.getCell(r, c);
        const at = cell.isMerged && cell.master ? cell.master.address : undefined;
        let slot = at ? masters.get(at) : undefined;
        if (!slot) {
          slot = { text: cellText(at ? ws.getCell(at) : cell), origin: origin++ };
          if (at) masters.set(at, slot);
        }
        chargeGrid(budget, 1, slot.text.length);
        row.push(slot);
      }
      rows.push(row);
    }
    grids.push({ rows, index: grids.length, sheet: ws.name });
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

const KNOWN = new Map<Edition, ReadonlySet<string>>();
/** An edition's cell ids, worked out once per edition. */
function knownCells(edition: Edition): ReadonlySet<string> {
  let known = KNOWN.get(edition);
  if (!known) {
    known = new Set(cellsOf(edition).map((c) => c.id));
    KNOWN.set(edition, known);
  }
  return known;
}

/** Validates mapped workbook JSON through core, keeping the sheet sources. @internal */
export function mappedReport(m: NonNullable<XlsxDoc["mapped"]>) {
  const known = m.edition === "local" ? undefined : knownCells(m.edition);
  const cells = Object.fromEntries(Object.entries(m.json.cells as Record<string, unknown>).filter(([id]) => !known || known.has(id)));
  // own keys only: a map row naming "constructor" or "toString" is an unknown cell like any other, not one of cells'
  return parseReport({ ...m.json, cells, sources: Object.fromEntries(Object.entries(m.sources).filter(([id]) => Object.hasOwn(cells, id))) });
}

/**
 * Reads a .docx, within the archive limits (`checkZip`): `word/document.xml` straight into what the HTML reader reads
 * of mammoth's HTML when the fast reader reads every element of it, else mammoth's HTML through the HTML reader.
 * @internal
 */
export async function readDocx(bytes: Uint8Array, how: OfficeReading = {}): Promise<HtmlDoc> {
  const { entries, parts } = checkZipParts(bytes, (name) => /\.(xml|rels)$/i.test(name));
  const fast = how.library ? undefined : await fastReaders();
  if (fast) {
    try {
      const doc = fast.readDocxDoc(entries, parts);
      how.onReader?.("fast");
      return doc;
    } catch (e) {
      if (!(e instanceof fast.Decline)) throw e;
    }
  }
  how.onReader?.("library");
  return readHtml(await mammothHtml(bytes));
}
