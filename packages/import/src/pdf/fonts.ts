// Font programs that reading text does not need. To read a page's text PDF.js loads each of its fonts, and loading
// parses the embedded font program (TrueType, CFF, Type 1) and rebuilds it for drawing: two thirds of the time of
// reading a report that Word, WPS or a browser exported. The text needs only what the font's dictionaries say: the
// ToUnicode map from codes to characters and the widths. So a font whose dictionary carries its own ToUnicode map is
// handed to PDF.js without its program: the key that names the program is renamed in a copy of the file, one byte
// changed, so every offset of the file stays valid. PDF.js then treats the font as not embedded and reads its text
// from the ToUnicode map, which it reads first anyway (the program only fills in codes for a font without one).
//
// What is left alone, so that nothing is read differently:
// - a font without its own ToUnicode stream (PDF.js may take its characters from the program), and a descriptor that
//   such a font shares;
// - a CID font whose glyph map is not the identity (PDF.js builds its map from it when the program is missing);
// - a descriptor referred to anywhere but from a font dictionary's /FontDescriptor;
// - a whole file with object streams (fonts inside them cannot be seen here), encryption, or an object defined twice.
// The reader goes back to the file as it is when the text it reads this way looks wrong (`readPdf`).

/** An object's number and generation, as `R` refers to it. */
type Ref = string;

interface PdfObject {
  /** The object's dictionary text (up to `stream` or `endobj`). */
  readonly dict: string;
  /** Where the dictionary text starts in the file. */
  readonly at: number;
}

const HEAD = /(\d+)\s+(\d+)\s+obj\b/g;
const REF = /(\d+)\s+(\d+)\s+R\b/g;
const refOf = (m: RegExpExecArray): Ref => `${m[1]} ${m[2]}`;
const refAfter = (dict: string, key: string): Ref | undefined => {
  const m = new RegExp(`/${key}\\s*(\\d+)\\s+(\\d+)\\s+R\\b`).exec(dict);
  return m ? `${m[1]} ${m[2]}` : undefined;
};

/** The file's objects outside object streams (undefined when one is defined twice: an updated file, left alone). */
function objectsOf(text: string): Map<Ref, PdfObject> | undefined {
  const out = new Map<Ref, PdfObject>();
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(text); m; m = HEAD.exec(text)) {
    const from = m.index + m[0].length;
    let end = text.indexOf("endobj", from);
    if (end < 0) break;
    const stream = text.indexOf("stream", from);
    let dictEnd = end;
    if (stream >= 0 && stream < end) {
      dictEnd = stream;
      const endstream = text.indexOf("endstream", stream + 6);
      if (endstream < 0) break;
      end = text.indexOf("endobj", endstream);
      if (end < 0) break;
    }
    const ref = refOf(m);
    if (out.has(ref)) return undefined;
    out.set(ref, { dict: text.slice(from, dictEnd), at: from });
    HEAD.lastIndex = end + 6;
  }
  return out;
}

/** The file as text, one character per byte (offsets in the text are offsets in the file). Faster than TextDecoder. */
function latin1(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]));
  return parts.join("");
}

/**
 * A copy of the PDF in which the font programs that reading text does not need are unnamed (see the top of this
 * file), or undefined when there are none (or the file is of a kind left alone). The bytes given are not changed.
 * Linear in the file's size. @internal
 */
export function withoutFontPrograms(bytes: Uint8Array): Uint8Array | undefined {
  const text = latin1(bytes);
  if (!text.includes("/FontFile") || text.includes("/ObjStm") || text.includes("/Encrypt")) return undefined;
  const objects = objectsOf(text);
  if (!objects) return undefined;
  // how many times each object is referred to, from any object's dictionary
  const refs = new Map<Ref, number>();
  for (const { dict } of objects.values()) {
    REF.lastIndex = 0;
    for (let m = REF.exec(dict); m; m = REF.exec(dict)) refs.set(refOf(m), (refs.get(refOf(m)) ?? 0) + 1);
  }
  const isFont = (dict: string) => /\/Type\s*\/Font\b/.test(dict);
  const ownMap = (dict: string) => refAfter(dict, "ToUnicode") !== undefined;
  // CID fonts read through their Type 0 parents: each parent (every reference to it) must carry a ToUnicode stream
  const parentsWithMap = new Map<Ref, number>();
  for (const { dict } of objects.values()) {
    if (!isFont(dict) || !/\/Subtype\s*\/Type0\b/.test(dict) || !ownMap(dict)) continue;
    const m = /\/DescendantFonts\s*\[\s*(\d+)\s+(\d+)\s+R\s*\]/.exec(dict);
    if (m) parentsWithMap.set(`${m[1]} ${m[2]}`, (parentsWithMap.get(`${m[1]} ${m[2]}`) ?? 0) + 1);
  }
  // each descriptor: how many fonts that read their text from their own map name it
  const fromMapped = new Map<Ref, number>();
  for (const [ref, { dict }] of objects) {
    if (!isFont(dict)) continue;
    const descriptor = refAfter(dict, "FontDescriptor");
    if (!descriptor) continue;
    let mapped: boolean;
    if (/\/Subtype\s*\/CIDFontType[02]\b/.test(dict)) {
      const identity = !/\/CIDToGIDMap\b/.test(dict) || /\/CIDToGIDMap\s*\/Identity\b/.test(dict);
      const parents = parentsWithMap.get(ref) ?? 0;
      mapped = identity && parents > 0 && parents === refs.get(ref);
    } else mapped = /\/Subtype\s*\/(TrueType|Type1|MMType1)\b/.test(dict) && ownMap(dict);
    if (mapped) fromMapped.set(descriptor, (fromMapped.get(descriptor) ?? 0) + 1);
  }
  let out: Uint8Array | undefined;
  for (const [ref, count] of fromMapped) {
    if (count !== refs.get(ref)) continue;
    const obj = objects.get(ref);
    if (!obj || !/\/Type\s*\/FontDescriptor\b/.test(obj.dict)) continue;
    const key = /\/FontFile[23]?(?=[\s/<[(])/g;
    for (let m = key.exec(obj.dict); m; m = key.exec(obj.dict)) {
      out ??= bytes.slice();
      out[obj.at + m.index + 8] = 0x58; // "/FontFile" → "/FontFilX": a key nothing reads
    }
  }
  return out;
}
