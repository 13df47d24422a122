// A cheap DOCX writer for benchmarks and hostile tests: turns render's Markdown (tables + paragraphs) into a minimal
// WordprocessingML package zipped with fflate. Not a general converter: enough for the importer's DOCX path.
import { strToU8, zipSync } from "fflate";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const unMd = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, "$1").replace(/\*\*/g, "");

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

function splitRow(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === "\\" && i + 1 < body.length) {
      cur += ch + body[i + 1];
      i++;
    } else if (ch === "|") {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells.map((c) => unMd(c.trim()));
}

const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows
    .map((r) => `<w:tr>${r.map((c) => `<w:tc>${para(c)}</w:tc>`).join("")}</w:tr>`)
    .join("")}</w:tbl>`;

/** The `word/document.xml` body for Markdown text: pipe tables become Word tables, other lines paragraphs. */
export function markdownToDocumentXml(markdown: string): string {
  const out: string[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length) out.push(table(rows));
    rows = [];
  };
  for (const line of markdown.split("\n")) {
    if (/^\s*\|/.test(line)) {
      if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) continue; // the |---| separator
      rows.push(splitRow(line));
      continue;
    }
    flush();
    const t = unMd(line.replace(/^#+\s*/, "").replace(/^>\s?/, "")).trim();
    if (t) out.push(para(t));
  }
  flush();
  return documentXml(out.join(""));
}

/** Wraps body XML in a `w:document`. */
export const documentXml = (body: string, prolog = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A .docx whose `word/document.xml` is the given XML (store level 6 unless told). */
export function docxFromDocumentXml(xml: string | Uint8Array, level: 0 | 6 | 9 = 6): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(CONTENT_TYPES),
      "_rels/.rels": strToU8(RELS),
      "word/document.xml": typeof xml === "string" ? strToU8(xml) : xml,
    },
    { level },
  );
}

/** A .docx of render's Markdown of a report. */
export const docxFromMarkdown = (markdown: string): Uint8Array => docxFromDocumentXml(markdownToDocumentXml(markdown));
