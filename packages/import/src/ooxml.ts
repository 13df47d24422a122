// Fast readers of the OOXML parts themselves (loaded on first use, like exceljs and mammoth): an .xlsx as the workbook
// exceljs would load, and a .docx as the tree the HTML reader would walk from mammoth's HTML. They read only what they
// fully understand; anything else (an element, a cell type, a part they do not know) declines, and the caller falls
// back to the library. XML is tokenised by saxes (the version exceljs itself uses); only the OOXML mapping is written here.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { expandGrid, gridBudget, gridText } from "./grid";
import { collapseSpaces } from "./normalize";
import type { HtmlDoc } from "./html";

/** The fast reader does not fully understand the document: the caller reads it with the library. @internal */
export class Decline extends Error {}
const no = (why: string): never => {
  throw new Decline(why);
};

declare const TextDecoder: { new (label: string, options: { fatal: boolean; ignoreBOM: boolean }): { decode(input: Uint8Array): string } };
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A part as text: strict UTF-8 without a byte order mark (the libraries read a BOM or bad bytes their own ways). */
function partText(bytes: Uint8Array | undefined, name: string): string {
  if (!bytes) return no(`missing ${name}`);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return no(`byte order mark in ${name}`);
  try {
    return utf8.decode(bytes);
  } catch {
    return no(`${name} is not UTF-8`);
  }
}

interface PlainHandlers {
  open(tag: SaxesTagPlain): void;
  text?: ((text: string) => void) | undefined;
  close?(name: string): void;
}

/** Tokenises `xml` with saxes (no namespace processing: names as written, as exceljs reads them); any error declines. */
function parsePlain(xml: string, h: PlainHandlers): void {
  const p = new SaxesParser();
  p.on("error", (e) => no(`xml: ${e.message}`));
  p.on("doctype", () => no("doctype"));
  p.on("cdata", () => no("cdata"));
  p.on("opentag", h.open);
  if (h.text) p.on("text", h.text);
  if (h.close) {
    const close = h.close;
    p.on("closetag", (t) => close(t.name));
  }
  p.write(xml).close();
}

/** What `parseTree` tells a handler: each element with its parent's name; `open` returning true skips its subtree. */
interface TreeHandlers {
  open(tag: SaxesTagPlain, parent: string | undefined): boolean | undefined;
  text?(text: string): void;
  close?(name: string, parent: string | undefined): void;
}

/**
 * `parsePlain` keeping the stack of open elements: a subtree the handler skips (properties, phonetic runs, parts of a
 * sheet no one reads) sends no event at all, its own close included.
 */
function parseTree(xml: string, h: TreeHandlers): void {
  const stack: string[] = [];
  let skip = 0;
  parsePlain(xml, {
    open(tag) {
      if (skip) skip++;
      else if (h.open(tag, stack[stack.length - 1])) skip = 1;
      else stack.push(tag.name);
    },
    text(x) {
      if (!skip) h.text?.(x);
    },
    close(name) {
      if (skip) skip--;
      else {
        stack.pop();
        h.close?.(name, stack[stack.length - 1]);
      }
    },
  });
}

/** Checks that a part is well-formed XML (a part the library parses and this reader does not need). */
function wellFormed(bytes: Uint8Array | undefined, name: string): void {
  if (bytes) parsePlain(partText(bytes, name), { open() {} });
}

// ------------------------------------------------------------------------------------------------------------ XLSX

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** Entries an .xlsx may hold for the fast reader (any other part, as exceljs might read it, declines). */
const XLSX_ENTRY =
  /^(?:\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(?:app|core|custom)\.xml|xl\/(?:workbook|styles|sharedStrings|calcChain)\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/theme\/theme\d{1,4}\.xml|xl\/worksheets\/sheet\d{1,6}\.xml|xl\/worksheets\/_rels\/sheet\d{1,6}\.xml\.rels|xl\/printerSettings\/printerSettings\d{1,4}\.bin)$/;
/** Worksheet children that hold no cell value (their content is not read). */
const SHEET_SKIP = new Set([
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "rowBreaks",
  "colBreaks",
  "phoneticPr",
  "ignoredErrors",
  "sheetCalcPr",
  "sheetProtection",
]);
/** Built-in number formats exceljs knows as dates (`numFmtId` 14–22, 45–47); other built-in ids are not dates to it. */
const DATE_FORMAT_ID = /^(?:1[4-9]|2[0-2]|4[5-7])$/;

/** exceljs's `isDateFmt`. */
function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(f);
}
/** exceljs's `xmlDecode` (applied to `t="str"` values on top of the XML parser's own decoding). */
const xmlDecode = (text: string) => text.replace(/&([a-z]*);/g, (c) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[c] ?? c);
/** exceljs's text of a `<t>` read by its TextXform (shared strings and rich-text runs): `_xHHHH_` escapes decoded. */
const unescapeX = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

type RichText = { richText: { text: string | undefined }[] };
type Shared = string | RichText;

function letters(s: string): number {
  let c = 0;
  for (let i = 0; i < s.length; i++) c = c * 26 + (s.charCodeAt(i) - 64);
  return c;
}
function colLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
const CELL_REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;

/** One cell as exceljs holds it after loading: its value (as `cell.value` gives it) and its own text (`cell.text`). */
class FastCell {
  master_: FastCell | undefined;
  mergeCount = 0;
  constructor(
    readonly address: string,
    /** 0: null, 1: a value, 2: merged into `master_`. */
    public kind: 0 | 1 | 2,
    public own: unknown,
    public ownText: string,
  ) {}
  get value(): unknown {
    return this.master_ ? this.master_.value : this.own;
  }
  get text(): string {
    // exceljs's MergeValue.toString is the master value's toString (never reached for a null one: cellText stops first)
    return this.master_ ? String(this.master_.value) : this.ownText;
  }
  get isMerged(): boolean {
    return this.mergeCount > 0 || this.kind === 2;
  }
  get master(): FastCell {
    return this.master_ ?? this;
  }
}

/** A worksheet as exceljs loads it: rows created by `<row>` elements, merges and reads; its row and column counts. */
class FastSheet {
  readonly rows = new Map<number, Map<number, FastCell>>();
  private last = 0;
  constructor(
    readonly name: string,
    readonly state: string | undefined,
  ) {}
  get rowCount(): number {
    return this.last;
  }
  /** exceljs: the most cells of a row that holds a value (a merged cell counts). */
  get columnCount(): number {
    let max = 0;
    for (const cells of this.rows.values()) {
      let len = 0;
      let has = false;
      for (const [c, cell] of cells) {
        if (c > len) len = c;
        if (cell.kind !== 0) has = true;
      }
      if (has && len > max) max = len;
    }
    return max;
  }
  row(r: number): Map<number, FastCell> {
    let m = this.rows.get(r);
    if (!m) {
      m = new Map();
      this.rows.set(r, m);
      if (r > this.last) this.last = r;
    }
    return m;
  }
  cellAt(r: number, c: number): FastCell {
    const row = this.row(r);
    let cell = row.get(c);
    if (!cell) {
      cell = new FastCell(`${colLetters(c)}${r}`, 0, null, "");
      row.set(c, cell);
    }
    return cell;
  }
  getCell(r: number | string, c?: number): FastCell {
    if (typeof r === "string") {
      const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(r);
      const row = m ? Number(m[2]) : 0;
      const col = m ? letters(m[1]!) : 0;
      // exceljs's address decoding is not followed outside the sheet's bounds
      if (!m || row < 1 || row > 1048576 || col > 16384) return no(`address ${r.slice(0, 20)}`);
      return this.cellAt(row, col);
    }
    if (!Number.isInteger(r) || r < 1 || !Number.isInteger(c) || c! < 1) return no("cell index");
    return this.cellAt(r, c!);
  }
}

/** A workbook as exceljs loads it, for the readers of office.ts. @internal */
export class FastBook {
  constructor(readonly worksheets: FastSheet[]) {}
  getWorksheet(name: string): FastSheet | undefined {
    return this.worksheets.find((ws) => ws.name === name);
  }
}

interface Rel {
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}

function readRels(bytes: Uint8Array | undefined, name: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  let depth = 0;
  parsePlain(partText(bytes, name), {
    open(t) {
      depth++;
      if (depth === 1) {
        if (t.name !== "Relationships" || t.attributes.xmlns !== PKG_RELS) no(`${name} root`);
      } else if (depth === 2 && t.name === "Relationship") {
        const a = t.attributes;
        if (!a.Id || a.Type === undefined || a.Target === undefined || rels.has(a.Id)) no(`${name} relationship`);
        rels.set(a.Id!, { type: a.Type!, target: a.Target!, external: a.TargetMode === "External" });
      } else no(`${name}: ${t.name}`);
    },
    close() {
      depth--;
    },
  });
  return rels;
}

function readSharedStrings(xml: string): Shared[] {
  const out: Shared[] = [];
  let t: string | undefined;
  let tCount = 0;
  let runs: { text: string | undefined }[] = [];
  let run: string | undefined;
  let runT = false;
  let buf: string[] | undefined;
  parseTree(xml, {
    open(tag, parent) {
      const n = tag.name;
      if (parent === undefined) {
        if (n !== "sst" || tag.attributes.xmlns !== SML) no("sharedStrings root");
      } else if (parent === "sst") {
        if (n !== "si") no(`sst: ${n}`);
        t = undefined;
        tCount = 0;
        runs = [];
      } else if (parent === "si") {
        if (n === "rPh" || n === "phoneticPr") {
          // phonetic runs: exceljs reads them apart and leaves them out of the text
          return true;
        }
        if (n === "t") {
          tCount++;
          buf = [];
        } else if (n === "r") {
          run = undefined;
          runT = false;
        } else no(`si: ${n}`);
      } else if (parent === "r") {
        if (n === "rPr") return true;
        if (n !== "t" || runT) no(`r: ${n}`);
        runT = true;
        buf = [];
      } else no(`${parent}: ${n}`);
      return false;
    },
    text(s) {
      buf?.push(s);
    },
    close(name, parent) {
      if (name === "t") {
        const text = unescapeX(buf!.join(""));
        buf = undefined;
        if (parent === "r") run = text;
        else t = text;
      } else if (name === "r") runs.push({ text: run });
      else if (name === "si") {
        if (runs.length && tCount) no("si with text and runs");
        if (tCount > 1) no("si with two texts");
        if (runs.length) out.push({ richText: runs });
        else if (t !== undefined) out.push(t);
        else no("empty si");
      }
    },
  });
  return out;
}

/** The number format of each cell style (`cellXfs`) that exceljs reads as a date. */
function readDateStyles(xml: string): (styleId: number) => boolean {
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  parseTree(xml, {
    open(tag, parent) {
      if (parent === undefined && (tag.name !== "styleSheet" || tag.attributes.xmlns !== SML)) no("styles root");
      if (parent === "numFmts" && tag.name === "numFmt") {
        const code = tag.attributes.formatCode;
        if (code === undefined) no("numFmt without formatCode");
        custom.set(Number.parseInt(tag.attributes.numFmtId ?? "", 10), code!.replace(/[\\](.)/g, "$1"));
      }
      if (parent === "cellXfs" && tag.name === "xf") xfs.push(Number.parseInt(tag.attributes.numFmtId ?? "", 10));
      return false;
    },
  });
  return (styleId) => {
    if (!styleId) return false;
    const id = xfs[styleId];
    if (!id) return false;
    const c = custom.get(id);
    return c ? isDateFmt(c) : DATE_FORMAT_ID.test(String(id));
  };
}

interface SheetContext {
  readonly sst: Shared[] | undefined;
  readonly isDate: ((styleId: number) => boolean) | undefined;
  /** Most cells a sheet's merged ranges may cover together (the caller's window: its pre-check clipped them to it). */
  readonly maxMergedArea: number;
}

/** Reads one worksheet's cells and merged ranges into `sheet`, as exceljs's worksheet reader and model do. */
function readSheet(xml: string, sheet: FastSheet, ctx: SheetContext): void {
  let lastRow = 0;
  let lastCol = 0;
  let rowNo = 0;
  const merges: string[] = [];
  const blocks = new Set<string>();
  const formulae = new Map<string, string>();
  // the cell being read
  let ref = "";
  let col = 0;
  let t: string | undefined;
  let s: string | undefined;
  let f: string | undefined;
  let fT: string | undefined;
  let fRef: string | undefined;
  let fSi: string | undefined;
  let v: string | undefined;
  let it: string | undefined;
  let runs: { text: string | undefined }[] | undefined;
  let run: string | undefined;
  let seen = 0;
  let target = 0; // 1 f, 2 v, 3 bare t, 4 run t
  let buf = "";
  const F = 1;
  const V = 2;
  const IS = 4;
  const RUNT = 8;
  parseTree(xml, {
    open(tag, parent) {
      const n = tag.name;
      const a = tag.attributes;
      switch (parent) {
        case undefined:
          if (n !== "worksheet" || a.xmlns !== SML) no("worksheet root");
          break;
        case "worksheet":
          if (n === "sheetData" || n === "mergeCells") {
            // exceljs keeps only the last of repeated blocks, and the caps were counted on the first: declined
            if (blocks.has(n)) no(`second ${n}`);
            blocks.add(n);
            break;
          }
          if (SHEET_SKIP.has(n)) return true;
          return no(`worksheet: ${n}`);
        case "sheetData": {
          if (n !== "row") no(`sheetData: ${n}`);
          const r = a.r ?? "";
          if (!/^[1-9]\d{0,6}$/.test(r) || Number(r) <= lastRow) no("row number");
          rowNo = lastRow = Number(r);
          lastCol = 0;
          sheet.row(rowNo);
          break;
        }
        case "row": {
          if (n !== "c") no(`row: ${n}`);
          const m = CELL_REF.exec(a.r ?? "");
          if (!m || Number(m[2]) !== rowNo) no("cell reference");
          col = letters(m![1]!);
          if (col <= lastCol || col > 16384) no("cell order");
          lastCol = col;
          ref = a.r!;
          t = a.t;
          s = a.s;
          f = fT = fRef = fSi = v = it = run = undefined;
          runs = undefined;
          seen = 0;
          break;
        }
        case "c":
          if (n === "f" && !(seen & F)) {
            seen |= F;
            fT = a.t;
            fRef = a.ref;
            fSi = a.si;
            target = 1;
          } else if (n === "v" && !(seen & V)) {
            seen |= V;
            target = 2;
          } else if (n === "is" && !(seen & IS)) seen |= IS;
          else no(`c: ${n}`);
          buf = "";
          break;
        case "is":
          if (n === "t") {
            if (runs) no("inline text and runs");
            it ??= "";
            target = 3;
            buf = "";
          } else if (n === "r") {
            if (it !== undefined) no("inline text and runs");
            runs ??= [];
            run = undefined;
            seen &= ~RUNT;
          } else no(`is: ${n}`);
          break;
        case "r":
          if (n === "rPr") return true;
          if (n !== "t" || seen & RUNT) no(`r: ${n}`);
          seen |= RUNT;
          target = 4;
          buf = "";
          break;
        case "mergeCells":
          if (n !== "mergeCell") no(`mergeCells: ${n}`);
          merges.push(a.ref ?? "");
          break;
        default:
          return no(`${parent}: ${n}`);
      }
      return false;
    },
    text(x) {
      if (target) buf += x;
    },
    close(name) {
      switch (name) {
        case "f":
          // exceljs keeps a text only when there is one (an empty element leaves it undefined)
          if (buf) f = buf;
          target = 0;
          break;
        case "v":
          if (buf) v = buf;
          target = 0;
          break;
        case "t":
          if (target === 3) it += buf;
          else if (buf) run = unescapeX(buf);
          target = 0;
          break;
        case "r":
          runs!.push({ text: run });
          break;
        case "c":
          setCell(sheet, rowNo, col, ref, ctx, formulae, { t, s, f, fT, fRef, fSi, v, it, runs });
          break;
      }
    },
  });
  applyMerges(sheet, merges, ctx.maxMergedArea);
}

interface RawCell {
  t: string | undefined;
  s: string | undefined;
  f: string | undefined;
  fT: string | undefined;
  fRef: string | undefined;
  fSi: string | undefined;
  v: string | undefined;
  it: string | undefined;
  runs: { text: string | undefined }[] | undefined;
}

/** exceljs's CellXform (parse and reconcile) and the row model, for one `<c>`. */
function setCell(sheet: FastSheet, r: number, c: number, address: string, ctx: SheetContext, formulae: Map<string, string>, x: RawCell): void {
  if (x.v !== undefined && (x.it !== undefined || x.runs)) no("value and inline string");
  // exceljs appends an inline string's `<t>` to the value, and keeps runs as rich text
  const value: string | RichText | undefined = x.runs ? { richText: x.runs } : (x.v ?? (x.it === "" ? undefined : x.it));
  const styleId = x.s ? Number.parseInt(x.s, 10) : undefined;
  const dated = styleId !== undefined && ctx.isDate?.(styleId) === true;
  let own: unknown;
  let text: string;
  if (x.f || x.fT) {
    if (typeof value !== "string") throw new Decline("formula without a cached value");
    if (x.t !== undefined && x.t !== "n" && x.t !== "str" && x.t !== "b" && x.t !== "e") no(`formula of type ${x.t}`);
    const result =
      x.t === "str" ? xmlDecode(value) : x.t === "b" ? Number.parseInt(value, 10) !== 0 : x.t === "e" ? { error: value } : Number.parseFloat(value);
    if (dated) no("date-formatted formula");
    // exceljs's formula value keeps only its truthy fields
    const o: Record<string, unknown> = {};
    let shareType = x.fT;
    let sharedFormula: string | undefined;
    if (x.fT === "shared") {
      if (x.fRef) formulae.set(x.fSi ?? "undefined", address);
      else {
        sharedFormula = formulae.get(x.fSi ?? "undefined");
        shareType = undefined;
      }
    }
    for (const [k, val] of [
      ["formula", x.f],
      ["result", result],
      ["ref", x.fRef],
      ["shareType", shareType],
      ["sharedFormula", sharedFormula],
    ] as const)
      if (val) o[k] = val;
    own = o;
    text = result ? String(result) : "";
  } else if (value !== undefined) {
    switch (x.t) {
      case "s": {
        if (typeof value !== "string" || !ctx.sst) throw new Decline("shared string");
        const i = Number.parseInt(value, 10);
        const sv = ctx.sst[i];
        if (sv === undefined || String(i) !== value.trim()) throw new Decline("shared string index");
        own = sv;
        text = typeof sv === "string" ? sv : richText(sv);
        break;
      }
      case "str":
        if (typeof value !== "string") throw new Decline("str");
        own = text = xmlDecode(value);
        break;
      case "inlineStr":
        own = value;
        text = typeof value === "string" ? value : richText(value);
        break;
      case "b":
        if (typeof value !== "string") throw new Decline("b");
        own = Number.parseInt(value, 10) !== 0;
        text = String(own);
        break;
      case "e":
        if (typeof value !== "string") throw new Decline("e");
        own = { error: value };
        text = value;
        break;
      case undefined:
      case "n": {
        if (typeof value !== "string") throw new Decline("n");
        if (dated) no("date-formatted number");
        const n = Number.parseFloat(value);
        own = n;
        text = n.toString();
        break;
      }
      default:
        throw new Decline(`cell type ${x.t}`);
    }
  } else if (styleId) {
    sheet.cellAt(r, c);
    return;
  } else return; // exceljs leaves a cell with neither value nor style out of its row
  const cell = sheet.cellAt(r, c);
  cell.kind = 1;
  cell.own = own;
  cell.ownText = text;
}

const richText = (v: RichText) => v.richText.map((t) => t.text).join("");

/** exceljs's merge of each range (after the importer's clipping): cells created over the range, all but the first merged into it. */
function applyMerges(sheet: FastSheet, merges: string[], maxArea: number): void {
  const covered = new Set<number>();
  let area = 0;
  for (const m of merges) {
    const [a = "", b = ""] = m.split(":");
    const tl = CELL_REF.exec(a);
    const br = CELL_REF.exec(b);
    if (!tl || !br) throw new Decline(`merged range ${m.slice(0, 40)}`);
    const r1 = Number(tl[2]);
    const r2 = Number(br[2]);
    const c1 = letters(tl[1]!);
    const c2 = letters(br[1]!);
    const top = Math.min(r1, r2);
    const bottom = Math.max(r1, r2);
    const left = Math.min(c1, c2);
    const right = Math.max(c1, c2);
    // never more than the pre-check let through (it clipped every block to the window): anything else is not ours
    area += (bottom - top + 1) * (right - left + 1);
    if (area > maxArea) no("merged area over the window");
    // overlapping ranges make exceljs throw
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const k = r * 16385 + c;
        if (covered.has(k)) no("overlapping merged ranges");
        covered.add(k);
      }
    const master = sheet.cellAt(top, left);
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        if (r === top && c === left) continue;
        const cell = sheet.cellAt(r, c);
        cell.kind = 2;
        cell.own = null;
        cell.ownText = "";
        cell.master_ = master;
        master.mergeCount++;
      }
  }
}

/** exceljs's checks of a sheet name (it throws, or truncates past 31 characters): such a workbook declines. */
const badSheetName = (name: string | undefined) => !name || name === "History" || /[*?:/\\[\]]/.test(name) || /(^')|('$)/.test(name) || name.length > 31;

/**
 * Reads an .xlsx into the workbook exceljs would load from it, from its parts (already inflated within the archive
 * limits) and its worksheets' text (merged ranges clipped: `precheckXlsx`). Throws `Decline` for anything it does not
 * fully read the way exceljs does. @internal
 */
export function readXlsxBook(
  entries: readonly { name: string }[],
  parts: ReadonlyMap<string, Uint8Array>,
  sheetText: ReadonlyMap<string, string>,
  maxMergedArea: number,
): FastBook {
  const names = new Set<string>();
  for (const e of entries) {
    if (e.name.endsWith("/")) continue;
    if (!XLSX_ENTRY.test(e.name) || names.has(e.name)) no(`entry ${e.name.slice(0, 80)}`);
    names.add(e.name);
  }
  for (const n of ["_rels/.rels", "docProps/app.xml", "docProps/core.xml"]) wellFormed(parts.get(n), n);
  const rels = readRels(parts.get("xl/_rels/workbook.xml.rels"), "workbook rels");
  const sheets: { name: string; id: number; state: string | undefined; rId: string }[] = [];
  let defined: { name: string; text: string } | undefined;
  parseTree(partText(parts.get("xl/workbook.xml"), "workbook"), {
    open(t, parent) {
      const a = t.attributes;
      if (parent === undefined && (t.name !== "workbook" || a.xmlns !== SML)) no("workbook root");
      if (parent === "sheets") {
        if (t.name !== "sheet") no(`sheets: ${t.name}`);
        if (!/^[1-9]\d{0,5}$/.test(a.sheetId ?? "") || !a["r:id"]) no("sheet");
        sheets.push({ name: a.name ?? "", id: Number(a.sheetId), state: a.state, rId: a["r:id"]! });
      }
      if (parent === "definedNames") {
        if (t.name !== "definedName") no(`definedNames: ${t.name}`);
        defined = { name: a.name ?? "", text: "" };
      } else if (parent === "definedName") no("definedName content");
      return false;
    },
    text(x) {
      if (defined) defined.text += x;
    },
    close(name) {
      if (name === "definedName") {
        // exceljs decodes a print area's first range and throws on one it cannot read
        if (defined!.name === "_xlnm.Print_Area" && !/^('[^']+'|[^'!,]+)!\$[A-Z]{1,3}\$\d+:\$[A-Z]{1,3}\$\d+$/.test(defined!.text)) no("print area");
        defined = undefined;
      }
    },
  });
  const ids = new Set<number>();
  const lower = new Set<string>();
  const used = new Set<string>();
  const book: FastSheet[] = [];
  const ctx: SheetContext = {
    sst: parts.has("xl/sharedStrings.xml") ? readSharedStrings(partText(parts.get("xl/sharedStrings.xml"), "sharedStrings")) : undefined,
    isDate: parts.has("xl/styles.xml") ? readDateStyles(partText(parts.get("xl/styles.xml"), "styles")) : undefined,
    maxMergedArea,
  };
  for (const s of sheets) {
    const rel = rels.get(s.rId);
    const path = rel && !rel.external ? `xl/${rel.target.replace(/^(\s|\/xl\/)+/, "")}` : "";
    if (!/^xl\/worksheets\/sheet\d{1,6}\.xml$/.test(path) || !names.has(path) || used.has(path)) no(`sheet part of ${s.name.slice(0, 40)}`);
    if (ids.has(s.id) || badSheetName(s.name) || lower.has(s.name.toLowerCase())) no(`sheet ${s.name.slice(0, 40)}`);
    used.add(path);
    ids.add(s.id);
    lower.add(s.name.toLowerCase());
    const relsName = path.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/").concat(".rels");
    if (names.has(relsName))
      for (const r of readRels(parts.get(relsName), relsName).values())
        if (!/\/(printerSettings|hyperlink)$/.test(r.type)) no(`sheet relationship ${r.type.slice(-40)}`);
    const ws = new FastSheet(s.name, s.state);
    const xml = sheetText.get(path);
    if (xml === undefined) return no(`sheet text ${path}`);
    readSheet(xml, ws, ctx);
    book.push(ws);
  }
  for (const n of names) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(n) && !used.has(n)) no(`worksheet ${n} outside the workbook`);
  return new FastBook(book);
}

// ------------------------------------------------------------------------------------------------------------ DOCX

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
/** Elements anywhere (properties included) that change the text mammoth writes, or that this reader does not follow. */
const NEVER = new Set(["ins", "del", "moveFrom", "moveTo", "numPr", "hMerge", "cellIns", "cellDel", "cellMerge", "pPrChange", "tcPrChange", "trPrChange"]);
/** Most elements of one table cell: the HTML reader's cell text walks at most 20 000 nodes of mammoth's HTML. */
const MAX_CELL_ELEMENTS = 5000;

/**
 * A start tag with its namespace resolved (saxes without namespace processing, which is twice as fast, plus scopes
 * here). One object serves every tag of a part: it is valid during the handler's call only.
 */
interface NsTag {
  readonly uri: string | undefined;
  readonly local: string;
  readonly tag: SaxesTagPlain;
  /** The prefix bound to the WordprocessingML namespace where the tag stands ("" when none is). */
  readonly w: string;
}

/** Most qualified names `parseNS` keeps resolved at once. */
const MAX_NAMES = 256;

/** The value of a `w:` attribute of a tag. */
const attrW = (t: NsTag, local: string): string | undefined => (t.w ? t.tag.attributes[`${t.w}:${local}`] : undefined);

/**
 * Tokenises `xml` with saxes, resolving element namespaces from the `xmlns` declarations in scope; errors decline.
 * Each prefix keeps a stack of the namespaces bound to it, so that a lookup, a declaration and its end each cost one
 * step however deep the nesting (a scan of every scope above made a 1 KB zip of nested declarations take minutes).
 */
function parseNS(xml: string, h: { open(t: NsTag): void; text?(text: string): void; close?(): void }): void {
  const bindings = new Map<string, string[]>();
  // the prefixes each open element declared (undefined: none)
  const declared: (string[] | undefined)[] = [];
  // the prefixes whose namespace in scope is W (attributes of W are always prefixed: more than one declines)
  const boundToW = new Set<string>();
  let w = "";
  const inScope = (prefix: string): string | undefined => {
    const stack = bindings.get(prefix);
    return stack?.length ? stack[stack.length - 1] : undefined;
  };
  const lookup = (prefix: string): string | undefined => inScope(prefix) ?? (prefix === "xml" ? "http://www.w3.org/XML/1998/namespace" : undefined);
  const track = (prefix: string) => {
    if (!prefix) return;
    if (inScope(prefix) === W) boundToW.add(prefix);
    else boundToW.delete(prefix);
  };
  const settle = () => {
    if (boundToW.size > 1) no("two prefixes for w");
    w = "";
    for (const p of boundToW) w = p;
  };
  // declarations left to find (an upper bound: "xmlns" anywhere in the text); none left, attributes are not scanned
  let left = 0;
  for (let i = xml.indexOf("xmlns"); i >= 0; i = xml.indexOf("xmlns", i + 5)) left++;
  // one tag object for every call: the handlers read it during the call and keep nothing of it
  const t: { uri: string | undefined; local: string; tag: SaxesTagPlain; w: string } = {
    uri: undefined,
    local: "",
    tag: undefined as unknown as SaxesTagPlain,
    w: "",
  };
  // each qualified name's namespace and local name while the bindings stay as they are (emptied when they change): one
  // look-up a tag, and the same local-name string each time, instead of two slices and a look-up of the prefix
  const names = new Map<string, { uri: string | undefined; local: string }>();
  parsePlain(xml, {
    open(tag) {
      let decl: string[] | undefined;
      if (left > 0)
        for (const k in tag.attributes)
          if (k.startsWith("xmlns") && (k.length === 5 || k.charCodeAt(5) === 58)) {
            left--;
            const prefix = k.length === 5 ? "" : k.slice(6);
            let stack = bindings.get(prefix);
            if (!stack) {
              stack = [];
              bindings.set(prefix, stack);
            }
            const uri = tag.attributes[k]!;
            // W itself is kept, so that the tests against it compare one string with itself, not 60 characters
            stack.push(uri === W ? W : uri);
            decl ??= [];
            decl.push(prefix);
            track(prefix);
          }
      declared.push(decl);
      if (decl) {
        settle();
        names.clear();
      }
      let name = names.get(tag.name);
      if (!name) {
        const c = tag.name.indexOf(":");
        const uri = lookup(c < 0 ? "" : tag.name.slice(0, c));
        if (c >= 0 && uri === undefined) no(`unbound prefix ${tag.name.slice(0, 40)}`);
        name = { uri, local: c < 0 ? tag.name : tag.name.slice(c + 1) };
        // bounded: a part of many distinct names starts afresh rather than keep them all
        if (names.size >= MAX_NAMES) names.clear();
        names.set(tag.name, name);
      }
      t.uri = name.uri;
      t.local = name.local;
      t.tag = tag;
      t.w = w;
      h.open(t);
    },
    text: h.text,
    close() {
      h.close?.();
      const decl = declared.pop();
      if (!decl) return;
      for (const prefix of decl) {
        bindings.get(prefix)?.pop();
        track(prefix);
      }
      settle();
      names.clear();
    },
  });
}

/** A table cell while its table is read: its text as the HTML reader's cell text gathers it, and mammoth's spans. */
interface Cell {
  /** A w:tcPr was read. */
  props?: boolean;
  /**
   * The HTML reader's cell text before white space is collapsed: each kept paragraph as " " and its text, a nested
   * table as its kept cells' texts, in order.
   */
  text: string;
  colSpan: number;
  rowSpan: number;
  vMerge: boolean;
  elements: number;
}

function readPart(parts: ReadonlyMap<string, Uint8Array>, relsOf: (name: string) => Map<string, Rel>, type: string, fallback: string): string {
  // mammoth: the first target of the type that exists in the archive, else the usual name
  for (const r of relsOf("word/_rels/document.xml.rels").values()) {
    if (r.type !== REL_BASE + type) continue;
    const path = r.target.startsWith("/") ? r.target.slice(1) : `word/${r.target}`;
    if (parts.has(path)) return path;
  }
  return fallback;
}

/** Paragraph styles of styles.xml: id → name. */
function readStyleNames(xml: string): Map<string, string> {
  const names = new Map<string, string>();
  let id: string | undefined;
  let depth = 0;
  let styleDepth = -1;
  parseNS(xml, {
    open(t) {
      depth++;
      if (t.uri !== W) return;
      if (t.local === "style") {
        id = attrW(t, "type") === "paragraph" ? attrW(t, "styleId") : undefined;
        styleDepth = depth;
      } else if (t.local === "name" && id !== undefined && depth === styleDepth + 1) names.set(id, attrW(t, "val") ?? "");
    },
    close() {
      if (depth-- === styleDepth) id = undefined;
    },
  });
  return names;
}

/** Paragraph style ids that numbering.xml ties to a list level (mammoth writes their paragraphs as list items). */
function readNumberedStyles(xml: string): Set<string> {
  const out = new Set<string>();
  parseNS(xml, {
    open(t) {
      if (t.uri === W && t.local === "pStyle") out.add(attrW(t, "val") ?? "");
    },
  });
  return out;
}

/**
 * Reads a .docx's `word/document.xml` as the HTML reader reads mammoth's HTML of it (paragraphs mammoth keeps, runs'
 * text, tabs and line breaks, hyperlinks' text, tables with mammoth's colspan and rowspan): the same text, grids and
 * table ranges, from the parts (inflated within the archive limits), with no tree in between. Throws `Decline` for any
 * element outside the set it reads. @internal
 */
export function readDocxDoc(entries: readonly { name: string }[], parts: ReadonlyMap<string, Uint8Array>): HtmlDoc {
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) no("duplicate entry");
    names.add(e.name);
    // an embedded style map changes mammoth's output
    if (e.name === "mammoth/style-map") no("embedded style map");
  }
  const relCache = new Map<string, Map<string, Rel>>();
  const relsOf = (name: string) => {
    let r = relCache.get(name);
    if (!r) {
      r = parts.has(name) ? readRels(parts.get(name), name) : new Map();
      relCache.set(name, r);
    }
    return r;
  };
  for (const r of relsOf("_rels/.rels").values())
    if (r.type === `${REL_BASE}officeDocument` && parts.has(r.target.replace(/^\//, "")) && r.target.replace(/^\//, "") !== "word/document.xml")
      no("main document elsewhere");
  wellFormed(parts.get("[Content_Types].xml"), "content types");
  for (const n of ["footnotes", "endnotes", "comments"]) {
    const path = readPart(parts, relsOf, n, `word/${n}.xml`);
    wellFormed(parts.get(path), n);
  }
  const stylesPath = readPart(parts, relsOf, "styles", "word/styles.xml");
  const styleNames = parts.has(stylesPath) ? readStyleNames(partText(parts.get(stylesPath), "styles")) : new Map<string, string>();
  const numberingPath = readPart(parts, relsOf, "numbering", "word/numbering.xml");
  const numbered = parts.has(numberingPath) ? readNumberedStyles(partText(parts.get(numberingPath), "numbering")) : new Set<string>();
  return readDocumentXml(partText(parts.get("word/document.xml"), "document"), styleNames, numbered);
}

type Frame =
  | { kind: "document" | "body" | "hyperlink" | "skip" | "run" | "t" }
  | P
  | { kind: "tbl"; rows: Cell[][] }
  | { kind: "tr"; cells: Cell[] }
  | { kind: "tc"; cell: Cell }
  | { kind: "pPr" | "tcPr"; depth: number; seen: number };

/**
 * A paragraph being read: its text as the HTML reader writes it (a line break as "\n" outside tables; inside a cell the
 * cell's text drops it), and whether mammoth keeps it (anything in it, an empty bookmark anchor included).
 */
interface P {
  kind: "p";
  /** A w:pPr was read. */
  props?: boolean;
  text: string;
  kept: boolean;
  inCell: boolean;
  style?: string | undefined;
}

// the frames that hold nothing: one object each for every element of their kind
const DOCUMENT: Frame = { kind: "document" };
const BODY: Frame = { kind: "body" };
const HYPERLINK: Frame = { kind: "hyperlink" };
const SKIP: Frame = { kind: "skip" };
const RUN: Frame = { kind: "run" };
const T: Frame = { kind: "t" };

function readDocumentXml(xml: string, styleNames: Map<string, string>, numbered: Set<string>): HtmlDoc {
  // what the HTML reader's walk of mammoth's HTML gives: the body's paragraphs and tables as text, each table of the
  // body on a grid (a nested table is text of its cell, as the HTML reader's cell text reads it)
  let text = "";
  const grids: HtmlDoc["grids"] = [];
  const tableRanges: [number, number][] = [];
  const budget = gridBudget();
  const stack: Frame[] = [];
  let tBuf = "";
  let skip = 0;
  let para: P | undefined;
  // the cells open, outermost first
  const cells: Cell[] = [];
  const cellNow = () => cells[cells.length - 1];
  const push = (f: Frame) => {
    stack.push(f);
  };
  const skipIt = () => {
    skip = 1;
  };
  parseNS(xml, {
    open(t) {
      // counted on the outermost cell open: every element inside a nested cell is inside it too, so no cell has more
      // (one step an element, however deep the nesting)
      const outer = cells[0];
      if (outer && ++outer.elements > MAX_CELL_ELEMENTS) no("table cell of too many elements");
      if (t.uri === W && NEVER.has(t.local)) no(`w:${t.local}`);
      if (skip) {
        skip++;
        return;
      }
      const parent = stack[stack.length - 1];
      const local = t.uri === W ? t.local : `{${t.uri}}${t.local}`;
      switch (parent?.kind) {
        case undefined:
          if (local !== "document") no("document root");
          return push(DOCUMENT);
        case "document":
          if (local !== "body") no(`document: ${local}`);
          return push(BODY);
        case "body":
        case "tc":
          if (local === "p") {
            para = { kind: "p", text: "", kept: false, inCell: parent.kind === "tc" };
            return push(para);
          }
          if (local === "tbl") return push({ kind: "tbl", rows: [] });
          if (local === "sectPr" && parent.kind === "body") return skipIt();
          if (local === "tcPr" && parent.kind === "tc") {
            // mammoth reads a cell's first properties only, and the first of each property in them
            if (parent.cell.props) no("two w:tcPr in a cell");
            parent.cell.props = true;
            return push({ kind: "tcPr", depth: 0, seen: 0 });
          }
          // bookmarks around paragraphs write nothing that the HTML reader reads
          if (local === "bookmarkStart" || local === "bookmarkEnd" || local === "proofErr") return skipIt();
          return no(`${parent.kind}: ${local}`);
        case "p":
        case "hyperlink": {
          if (local === "pPr" && parent.kind === "p") {
            // mammoth reads a paragraph's first properties only, and the first of each property in them
            if (parent.props) no("two w:pPr in a paragraph");
            parent.props = true;
            return push({ kind: "pPr", depth: 0, seen: 0 });
          }
          if (local === "r") return push(RUN);
          if (local === "hyperlink" && parent.kind === "p") return push(HYPERLINK);
          if (local === "bookmarkStart") {
            // mammoth writes a bookmark as an empty anchor that it always keeps (so its paragraph is not empty)
            if (attrW(t, "name") !== "_GoBack") para!.kept = true;
            return skipIt();
          }
          if (local === "bookmarkEnd" || local === "proofErr" || local === "commentRangeStart" || local === "commentRangeEnd") return skipIt();
          return no(`${parent.kind}: ${local}`);
        }
        case "run":
          if (local === "rPr" || local === "lastRenderedPageBreak") return skipIt();
          if (local === "t") {
            tBuf = "";
            return push(T);
          }
          if (local === "tab") add(para!, "\t");
          else if (local === "noBreakHyphen") add(para!, "\u2011");
          else if (local === "softHyphen") add(para!, "\u00ad");
          else if (local === "br") {
            const type = attrW(t, "type");
            // a line break: a line of the text; in a cell's text, nothing (the HTML reader's cell text drops <br>)
            if (type === undefined || type === "textWrapping") add(para!, cells.length ? "" : "\n");
            // mammoth writes nothing for page and column breaks
            else if (type !== "page" && type !== "column") no(`break ${type}`);
          } else no(`r: ${local}`);
          return skipIt();
        case "pPr":
          if (parent.depth === 0 && local === "pStyle") {
            if (parent.seen) no("two w:pStyle");
            parent.seen = 1;
            para!.style = attrW(t, "val");
            if (para!.style !== undefined && numbered.has(para!.style)) no("numbered paragraph style");
          }
          parent.depth++;
          return push(SKIP);
        case "tcPr":
          if (parent.depth === 0 && (local === "gridSpan" || local === "vMerge")) {
            // one bit a property seen
            const bit = local === "gridSpan" ? 1 : 2;
            if (parent.seen & bit) no(`two w:${local}`);
            parent.seen |= bit;
          }
          if (parent.depth === 0 && local === "gridSpan") {
            const v = attrW(t, "val") ?? "";
            if (!/^[1-9]\d{0,2}$/.test(v)) no(`gridSpan ${v.slice(0, 10)}`);
            cellNow()!.colSpan = Number(v);
          }
          if (parent.depth === 0 && local === "vMerge") {
            const v = attrW(t, "val");
            cellNow()!.vMerge = v === "continue" || !v;
          }
          parent.depth++;
          return push(SKIP);
        case "tbl":
          if (local === "tblPr" || local === "tblGrid") return skipIt();
          if (local === "tr") return push({ kind: "tr", cells: [] });
          return no(`tbl: ${local}`);
        case "tr":
          if (local === "trPr" || local === "tblPrEx") return skipIt();
          if (local === "tc") {
            const cell: Cell = { text: "", colSpan: 1, rowSpan: 1, vMerge: false, elements: 0 };
            cells.push(cell);
            return push({ kind: "tc", cell });
          }
          return no(`tr: ${local}`);
        case "skip":
          return push(SKIP);
        case "t":
          return no("element in w:t");
        default:
          // every kind of frame is read above
          return no(`unread element: ${local}`);
      }
    },
    text(s) {
      if (!skip && stack[stack.length - 1]?.kind === "t") tBuf += s;
    },
    close() {
      if (skip) {
        skip--;
        return;
      }
      const f = stack.pop()!;
      const parent = stack[stack.length - 1];
      switch (f.kind) {
        case "t":
          // a line break inside a text is not kept as such through mammoth's HTML (its XML parser also reads U+0085
          // and U+2028 written as such as line breaks: XML 1.1's end-of-line handling)
          if (/[\r\n\u0085\u2028]/.test(tBuf)) no("line break in w:t");
          if (tBuf) add(para!, tBuf);
          break;
        case "skip":
          if (parent && (parent.kind === "pPr" || parent.kind === "tcPr")) parent.depth--;
          break;
        case "p": {
          para = undefined;
          if (f.inCell && f.style !== undefined && /heading/i.test(`${f.style} ${styleNames.get(f.style) ?? ""}`)) no("heading in a table cell");
          // mammoth leaves out a paragraph with nothing in it
          if (!f.kept) break;
          // in a cell: a space and its text, in the cell's text; in the body: a line of its own
          const cell = cellNow();
          if (cell) cell.text += ` ${f.text}`;
          else text += `\n${f.text}\n`;
          break;
        }
        case "tc":
          cells.pop();
          (parent as Extract<Frame, { kind: "tr" }>).cells.push(f.cell);
          break;
        case "tr":
          (parent as Extract<Frame, { kind: "tbl" }>).rows.push(f.cells);
          break;
        case "tbl": {
          const kept = keptCells(f.rows);
          // a nested table: the text of the cells mammoth keeps, in order, in the text of its cell
          const cell = cellNow();
          if (cell) for (const row of kept) for (const c of row) cell.text += c.text;
          else {
            // a table of the body: a grid, and its text in the text
            const rows = kept.map((row) => row.map((c) => ({ text: collapseSpaces(c.text), rowspan: c.rowSpan, colspan: c.colSpan })));
            const g = expandGrid(rows, grids.length, undefined, budget);
            grids.push(g);
            const start = text.length + 1;
            text += `\n${gridText(g)}\n`;
            tableRanges.push([start, text.length]);
          }
          break;
        }
      }
    },
  });
  return { text, grids, tableRanges, depthExceeded: false };
}

/** Adds a piece of a paragraph's text (a paragraph with any piece is kept). */
function add(p: P, piece: string): void {
  p.text += piece;
  p.kept = true;
}

/**
 * The cells mammoth keeps, row by row, with its rowspans: a vMerge-continued cell joins the cell last started at its
 * grid column, and is dropped with all it holds.
 */
function keptCells(rows: Cell[][]): Cell[][] {
  const columns = new Map<number, Cell>();
  const kept: Cell[][] = [];
  for (const row of rows) {
    let index = 0;
    const keep: Cell[] = [];
    for (const cell of row) {
      const above = cell.vMerge ? columns.get(index) : undefined;
      if (above) above.rowSpan++;
      else {
        columns.set(index, cell);
        keep.push(cell);
      }
      index += cell.colSpan;
    }
    kept.push(keep);
  }
  return kept;
}
