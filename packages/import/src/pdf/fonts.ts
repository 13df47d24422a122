// Font programs that reading text does not need. To read a page's text PDF.js loads each of its fonts, and loading
// parses the embedded font program and rebuilds it for drawing: most of the time of reading a report that Word, WPS or
// a browser exported. The text needs only what the font's dictionaries say: the ToUnicode map from codes to
// characters and the widths. So an embedded TrueType subset whose font carries its own ToUnicode map is handed to
// PDF.js without its program: the key that names the program is renamed in a copy of the file, one byte changed, so
// every offset of the file stays valid. PDF.js then treats the font as not embedded and reads its text from the
// ToUnicode map, which it reads first anyway (the program only fills in codes for a font without one). The one
// difference seen, on the fixtures and on generated Chromium and LibreOffice PDFs: a vertical font's comma comes out
// as its vertical form (︑ for 、), which the reader folds back.
//
// What is left alone, so that nothing is read differently:
// - a font without its own ToUnicode stream (PDF.js may take its characters from the program), and a descriptor that
//   such a font shares;
// - Type 1 and CFF fonts (without the program PDF.js reads a Type 1 code with no glyph name as a space), fonts not
//   subset (a standard name without its program makes PDF.js load a standard font), and a CID font whose glyph map is
//   not the identity (PDF.js builds its map from it when the program is missing);
// - a descriptor referred to anywhere but from a font dictionary's /FontDescriptor, or from an object holding
//   several fonts;
// - a whole file with object streams (fonts inside them cannot be seen here), encryption, an object defined twice, or
//   an object or a stream without its end.
// The reader goes back to the file as it is when the text read this way fails (`readPdf`).

import { ascii, find, isSpace, latin1 } from "./bytes";

/** An object's number and generation, as `R` refers to it. */
type Ref = string;

interface PdfObject {
  /** The object's dictionary text (up to `stream` or `endobj`). */
  readonly dict: string;
  /** Where the dictionary text starts in the file. */
  readonly at: number;
}

const REF = /(\d+)\s+(\d+)\s+R\b/g;
const refOf = (m: RegExpExecArray): Ref => `${m[1]} ${m[2]}`;
/** How many times `re` (global) matches in `text`. */
const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;
const TO_UNICODE = /\/ToUnicode\s*(\d+)\s+(\d+)\s+R\b/;
const FONT_DESCRIPTOR = /\/FontDescriptor\s*(\d+)\s+(\d+)\s+R\b/;
const refAfter = (dict: string, key: RegExp): Ref | undefined => {
  const m = key.exec(dict);
  return m ? `${m[1]} ${m[2]}` : undefined;
};

const OBJ = ascii("obj");
const ENDOBJ = ascii("endobj");
const STREAM = ascii("stream");
const ENDSTREAM = ascii("endstream");
const FONT_FILE = ascii("/FontFile");
const ENCRYPT = ascii("/Encrypt");

const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

/**
 * Where an object's stream starts: the keyword `stream` right after the dictionary's `>>` (and white space) and
 * before an end of line, as the format writes it (-1 when the object has none). The word inside a string or a name
 * (`/URI (…/livestream)`) is not it.
 */
function streamKeyword(b: Uint8Array, from: number, end: number): number {
  for (let at = find(b, STREAM, from, end); at >= 0; at = find(b, STREAM, at + 6, end)) {
    const next = b[at + 6];
    if (next !== 0x0a && next !== 0x0d) continue;
    let j = at - 1;
    while (j >= from && isSpace(b[j])) j--;
    if (b[j] === 0x3e && b[j - 1] === 0x3e) return at;
  }
  return -1;
}

/**
 * The file's objects outside object streams, each with its dictionary as text; stream data is skipped, not read.
 * Undefined when an object is defined twice (an updated file) or the file's structure is not what it seems (an
 * object or a stream without its end): such a file is left alone.
 */
function objectsOf(b: Uint8Array): Map<Ref, PdfObject> | undefined {
  const out = new Map<Ref, PdfObject>();
  for (let i = find(b, OBJ, 0); i >= 0; i = find(b, OBJ, i + 3)) {
    // "N G obj": the generation and number before the keyword
    let j = i - 1;
    if (!isSpace(b[j])) continue;
    while (isSpace(b[j])) j--;
    const genEnd = j + 1;
    while (isDigit(b[j])) j--;
    if (j + 1 === genEnd || !isSpace(b[j])) continue;
    const gen = latin1(b.subarray(j + 1, genEnd));
    while (isSpace(b[j])) j--;
    const numEnd = j + 1;
    while (isDigit(b[j])) j--;
    if (j + 1 === numEnd) continue;
    const ref: Ref = `${latin1(b.subarray(j + 1, numEnd))} ${gen}`;
    const from = i + 3;
    let end = find(b, ENDOBJ, from);
    if (end < 0) return undefined;
    const stream = streamKeyword(b, from, end);
    const dictEnd = stream >= 0 ? stream : end;
    if (stream >= 0) {
      const endstream = find(b, ENDSTREAM, stream + 6);
      if (endstream < 0) return undefined;
      end = find(b, ENDOBJ, endstream);
      if (end < 0) return undefined;
    }
    if (out.has(ref)) return undefined;
    out.set(ref, { dict: latin1(b.subarray(from, dictEnd)), at: from });
    i = end + 3;
  }
  return out;
}

/**
 * A copy of the PDF in which the font programs that reading text does not need are unnamed (see the top of this
 * file), or undefined when there are none (or the file is of a kind left alone). The bytes given are not changed.
 * Linear in the file's size. @internal
 */
export function withoutFontPrograms(bytes: Uint8Array): Uint8Array | undefined {
  if (find(bytes, FONT_FILE, 0) < 0 || find(bytes, ENCRYPT, 0) >= 0) return undefined;
  const objects = objectsOf(bytes);
  if (!objects) return undefined;
  for (const { dict } of objects.values()) if (/\/Type\s*\/ObjStm\b/.test(dict)) return undefined;
  // how many times each object is referred to, from any object's dictionary
  const refs = new Map<Ref, number>();
  for (const { dict } of objects.values()) {
    REF.lastIndex = 0;
    for (let m = REF.exec(dict); m; m = REF.exec(dict)) refs.set(refOf(m), (refs.get(refOf(m)) ?? 0) + 1);
  }
  const isFont = (dict: string) => /\/Type\s*\/Font\b/.test(dict);
  const ownMap = (dict: string) => refAfter(dict, TO_UNICODE) !== undefined;
  // CID fonts read through their Type 0 parents: each parent (every reference to it) must carry a ToUnicode stream
  const parentsWithMap = new Map<Ref, number>();
  for (const { dict } of objects.values()) {
    if (!isFont(dict) || !/\/Subtype\s*\/Type0\b/.test(dict) || !ownMap(dict)) continue;
    const m = /\/DescendantFonts\s*\[\s*(\d+)\s+(\d+)\s+R\s*\]/.exec(dict);
    if (m) parentsWithMap.set(`${m[1]} ${m[2]}`, (parentsWithMap.get(`${m[1]} ${m[2]}`) ?? 0) + 1);
  }
  // each descriptor: how many fonts that read their text from their own map name it. TrueType programs only (simple
  // or CID): without its program PDF.js turns a Type 1 font's codes that have no glyph name into spaces. An object
  // holding more than one font (fonts written inline in a page's resources) is not read: its names are left counted
  // against the descriptors they name, so those keep their programs.
  const fromMapped = new Map<Ref, number>();
  for (const [ref, { dict }] of objects) {
    if (!isFont(dict) || count(dict, /\/FontDescriptor\b/g) !== 1 || count(dict, /\/Type\s*\/Font\b/g) !== 1) continue;
    const descriptor = refAfter(dict, FONT_DESCRIPTOR);
    if (!descriptor) continue;
    let mapped: boolean;
    if (/\/Subtype\s*\/CIDFontType2\b/.test(dict)) {
      const identity = !/\/CIDToGIDMap\b/.test(dict) || /\/CIDToGIDMap\s*\/Identity\b/.test(dict);
      const parents = parentsWithMap.get(ref) ?? 0;
      mapped = identity && parents > 0 && parents === refs.get(ref);
    } else mapped = /\/Subtype\s*\/TrueType\b/.test(dict) && ownMap(dict);
    if (mapped) fromMapped.set(descriptor, (fromMapped.get(descriptor) ?? 0) + 1);
  }
  let out: Uint8Array | undefined;
  for (const [ref, count] of fromMapped) {
    if (count !== refs.get(ref)) continue;
    const obj = objects.get(ref);
    // an embedded subset (ABCDEF+Name): a font of a standard name without its program would make PDF.js load and
    // parse a standard font instead
    if (!obj || !/\/Type\s*\/FontDescriptor\b/.test(obj.dict) || !/\/FontName\s*\/[A-Z]{6}\+/.test(obj.dict)) continue;
    const key = /\/FontFile[23]?(?=[\s/<[(])/g;
    for (let m = key.exec(obj.dict); m; m = key.exec(obj.dict)) {
      out ??= bytes.slice();
      out[obj.at + m.index + 8] = 0x58; // "/FontFile" → "/FontFilX": a key nothing reads
    }
  }
  return out;
}
