// Hand-made PDFs for the tests of the reader's bounds: numbered objects, a correct xref table, one font.
import { zlibSync } from "fflate";

/** One indirect object: its dictionary (or any object) and, for a stream, its data as stored. */
export interface PdfObject {
  readonly body: string;
  readonly stream?: Uint8Array;
}

const enc = new TextEncoder();

/** A PDF from objects (object n is `objects[n - 1]`, object 1 the catalog), with its xref table and trailer. */
export function writePdf(objects: readonly PdfObject[]): Uint8Array {
  const parts: Uint8Array[] = [enc.encode("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const head = enc.encode(`${i + 1} 0 obj\n${o.body}\n${o.stream ? "stream\n" : ""}`);
    const tail = enc.encode(`${o.stream ? "\nendstream" : ""}\nendobj\n`);
    for (const p of o.stream ? [head, o.stream, tail] : [head, tail]) {
      parts.push(p);
      offset += p.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)].join("");
  parts.push(enc.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}

/** A content stream stored as is. */
export const plain = (s: string): PdfObject => ({ body: `<< /Length ${enc.encode(s).length} >>`, stream: enc.encode(s) });
/** A content stream compressed with FlateDecode (zlib). */
export const flate = (s: string | Uint8Array): PdfObject => {
  const data = zlibSync(typeof s === "string" ? enc.encode(s) : s);
  return { body: `<< /Length ${data.length} /Filter /FlateDecode >>`, stream: data };
};

/** Catalog, page tree, Helvetica, then one page per content stream (objects 4…: contents, pages after them). */
export function pagesPdf(contents: readonly PdfObject[]): Uint8Array {
  const n = contents.length;
  const pageIds = contents.map((_, i) => 4 + n + i);
  return writePdf([
    { body: "<< /Type /Catalog /Pages 2 0 R >>" },
    { body: `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${n} >>` },
    { body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" },
    ...contents,
    ...contents.map((_, i) => ({
      body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${4 + i} 0 R >>`,
    })),
  ]);
}

/** A line of text at a height (points from the bottom). */
export const line = (text: string, y: number): string => `BT /F1 12 Tf 72 ${y} Td (${text}) Tj ET\n`;
