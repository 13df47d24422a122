// Word and Excel archives: mammoth's Node build, and zip bombs capped before exceljs or mammoth see the archive.
import { deflateSync, strToU8, zipSync } from "fflate";
import { formatIssue } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { importReport, MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES } from "../src/index";
import { docxToHtml, mammothInput } from "../src/office";

const GIB = 2 ** 30;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DOCX_PARTS = {
  "[Content_Types].xml": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  "_rels/.rels": strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  ),
};
const documentXml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`;

// ------------------------------------------------------------------ a zip writer that can lie, and DEFLATE bombs

interface Entry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  size: number;
}
const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** Writes a zip with the sizes as given (CRC 0: the importer must reject before any CRC could be checked). */
function writeZip(entries: Entry[]): Uint8Array {
  const parts: number[][] = [];
  const central: number[][] = [];
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = [...strToU8(e.name)];
    const common = [
      ...u16(20),
      ...u16(0),
      ...u16(e.method),
      ...u16(0),
      ...u16(0x21),
      ...u32(0),
      ...u32(e.data.length),
      ...u32(e.size),
      ...u16(name.length),
      ...u16(0),
    ];
    const local = [...u32(0x04034b50), ...common, ...name];
    parts.push(local);
    blobs.push(new Uint8Array(local), e.data);
    central.push([...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name]);
    offset += local.length + e.data.length;
  }
  const cd = central.flat();
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(cd.length), ...u32(offset), ...u16(0)];
  blobs.push(new Uint8Array(cd), new Uint8Array(end));
  const out = new Uint8Array(blobs.reduce((a, b) => a + b.length, 0));
  let p = 0;
  for (const b of blobs) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

/** Raw DEFLATE that inflates to `n` spaces: one literal, then <length 258, distance 1> matches (13 bits each). */
function spacesBomb(n: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((n / 258) * 13) / 8 + 16);
  let len = 0;
  let acc = 0;
  let bits = 0;
  const put = (v: number, k: number) => {
    acc |= (v & ((1 << k) - 1)) << bits;
    bits += k;
    while (bits >= 8) {
      out[len++] = acc & 0xff;
      acc >>>= 8;
      bits -= 8;
    }
  };
  const code = (v: number, k: number) => {
    let r = 0;
    for (let i = 0; i < k; i++) r |= ((v >>> i) & 1) << (k - 1 - i);
    put(r, k);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  code(0x30 + 0x20, 8); // literal " "
  let match = 0;
  for (let i = 7; i >= 0; i--) match |= ((0b11000101 >>> i) & 1) << (7 - i); // length 258 (code 285)
  const matches = Math.floor((n - 1) / 258);
  for (let i = 0; i < matches; i++) put(match, 13); // + distance code 0 (5 bits) = distance 1
  for (let i = 0; i < n - 1 - matches * 258; i++) code(0x30 + 0x20, 8);
  code(0, 7); // end of block
  if (bits) put(0, 8 - bits);
  return out.slice(0, len);
}

const stored = (name: string, text: string): Entry => {
  const data = strToU8(text);
  return { name, data, method: 0, size: data.length };
};

/**
 * The time a hostile archive may take: a guard against work that grows with the square of the input (the cases below
 * took 50 s to minutes before they were bounded), not a speed target. They take 0.4–0.6 s alone here; on this 2-core
 * machine under the load of other test runs one took 2.1 s, so the bound is 10 s.
 */
const BOUND_MS = 10_000;

async function bounded(bytes: Uint8Array, filename: string) {
  const heap0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await importReport(bytes, { filename });
  const ms = performance.now() - t0;
  const grew = process.memoryUsage().rss - heap0;
  return { r, ms, grew };
}

describe("Word in Node (mammoth's Node build)", () => {
  it("passes mammoth a Node Buffer in Node, and a .docx given as a view into a larger buffer reads", async () => {
    const input = mammothInput(new Uint8Array([1, 2, 3]));
    expect("buffer" in input && Buffer.isBuffer(input.buffer)).toBe(true);
    const zip = zipSync({ ...DOCX_PARTS, "word/document.xml": strToU8(documentXml("本年新收政府信息公开申请数量")) });
    // a subarray with a non-zero offset, as from a file read into a pooled buffer
    const pooled = new Uint8Array(zip.length + 100);
    pooled.set(zip, 37);
    const html = await docxToHtml(pooled.subarray(37, 37 + zip.length));
    expect(html).toContain("本年新收政府信息公开申请数量");
  });
});

describe("zip bombs are refused before exceljs or mammoth inflate them (one diagnostic, bounded time, < 200 MB)", () => {
  const sheetHead = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const cases: [string, string, () => Uint8Array, Record<string, unknown>][] = [
    [
      "XLSX: sheet1.xml declares and inflates to 2 GiB",
      "bomb.xlsx",
      () =>
        writeZip([
          stored("[Content_Types].xml", "<Types/>"),
          stored("xl/workbook.xml", "<workbook/>"),
          { name: "xl/worksheets/sheet1.xml", data: spacesBomb(2 * GIB - 4096), method: 8, size: 2 * GIB - 4096 },
        ]),
      { what: "zip-bytes" },
    ],
    [
      "XLSX: a 1 GiB entry that declares 4 KB",
      "lying.xlsx",
      () =>
        writeZip([
          stored("[Content_Types].xml", "<Types/>"),
          stored("xl/workbook.xml", "<workbook/>"),
          { name: "xl/worksheets/sheet1.xml", data: spacesBomb(GIB), method: 8, size: 4096 },
        ]),
      { what: "zip-entry-size", limit: 4096 },
    ],
    [
      "DOCX: word/document.xml declares and inflates to 2 GiB",
      "bomb.docx",
      () =>
        writeZip([
          stored("[Content_Types].xml", "<Types/>"),
          stored("_rels/.rels", "<Relationships/>"),
          { name: "word/document.xml", data: spacesBomb(2 * GIB - 4096), method: 8, size: 2 * GIB - 4096 },
        ]),
      { what: "zip-bytes" },
    ],
    [
      "DOCX: a 1 GiB document.xml that declares 4 KB",
      "lying.docx",
      () =>
        writeZip([
          stored("[Content_Types].xml", "<Types/>"),
          stored("_rels/.rels", "<Relationships/>"),
          { name: "word/document.xml", data: spacesBomb(GIB), method: 8, size: 4096 },
        ]),
      { what: "zip-entry-size", limit: 4096 },
    ],
    [
      "XLSX: a stored entry whose size lies",
      "stored.xlsx",
      () => writeZip([stored("[Content_Types].xml", "<Types/>"), { ...stored("xl/worksheets/sheet1.xml", `${sheetHead}</sheetData></worksheet>`), size: 10 }]),
      { what: "zip-entry-size", limit: 10 },
    ],
    [
      "XLSX: a small deflated entry (read in one call) that inflates to 8 MiB and declares 100 bytes",
      "small-lying.xlsx",
      () => {
        const data = deflateSync(new Uint8Array(8 * 1024 * 1024).fill(32));
        expect(data.length).toBeLessThan(16 * 1024);
        return writeZip([stored("[Content_Types].xml", "<Types/>"), { name: "xl/worksheets/sheet1.xml", data, method: 8, size: 100 }]);
      },
      { what: "zip-entry-size", limit: 100 },
    ],
    [
      "XLSX: a small entry of stored deflate blocks that holds more than it declares",
      "small-stored.xlsx",
      () => {
        const data = deflateSync(new Uint8Array(5000).fill(32), { level: 0 });
        return writeZip([stored("[Content_Types].xml", "<Types/>"), { name: "xl/worksheets/sheet1.xml", data, method: 8, size: 100 }]);
      },
      { what: "zip-entry-size", limit: 100 },
    ],
    [
      `XLSX: more than ${MAX_ZIP_ENTRIES} entries`,
      "many.xlsx",
      () => writeZip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => stored(`xl/e${i}.xml`, "<a/>"))),
      { what: "zip-entries", limit: MAX_ZIP_ENTRIES },
    ],
    [
      "XLSX: many honest entries that together inflate past the limit",
      "sum.xlsx",
      () => {
        const one = Math.ceil(MAX_UNZIPPED_BYTES / 8);
        const data = deflateSync(new Uint8Array(one).fill(32));
        return writeZip(Array.from({ length: 9 }, (_, i) => ({ name: `xl/worksheets/sheet${i}.xml`, data, method: 8 as const, size: one })));
      },
      { what: "zip-bytes", limit: MAX_UNZIPPED_BYTES },
    ],
  ];
  for (const [name, filename, make, detail] of cases)
    it(name, async () => {
      const bytes = make();
      expect(bytes.length).toBeLessThan(20 * 1024 * 1024);
      const { r, ms, grew } = await bounded(bytes, filename);
      expect(r.report).toBeUndefined();
      expect(r.issues.map((d) => d.code)).toEqual(["IMPORT-LIMIT"]);
      expect(r.issues[0]?.params).toMatchObject(detail);
      expect(formatIssue(r.issues[0]!, "en")).toMatch(/^The file is over a reading limit and was not read: .+ \d+, limit \d+\.$/);
      expect(formatIssue(r.issues[0]!, "zh-CN")).toMatch(/^文件超出读取上限，未读取：.+为 \d+，上限 \d+。$/);
      expect(ms).toBeLessThan(BOUND_MS);
      expect(grew).toBeLessThan(200 * 1024 * 1024);
    });

  it("a sheet of 20,000 empty merged-range blocks (500 KB) is read in bounded time: each block is searched alone (the whole text from each: 50 s)", async () => {
    const sheet = `${sheetHead}</sheetData>${"<mergeCells></mergeCells>".repeat(20000)}</worksheet>`;
    const bytes = writeZip([
      stored("[Content_Types].xml", "<Types/>"),
      { name: "xl/worksheets/sheet1.xml", data: deflateSync(strToU8(sheet)), method: 8, size: sheet.length },
    ]);
    const { r, ms } = await bounded(bytes, "blocks.xlsx");
    expect(r.report).toBeUndefined();
    expect(r.issues.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("a truncated archive is one import.truncated error, not a limit", async () => {
    const zip = zipSync({ ...DOCX_PARTS, "word/document.xml": strToU8(documentXml("x")) });
    const r = await importReport(zip.subarray(0, zip.length - 30), { filename: "a.docx" });
    expect(r.issues.map((d) => d.code)).toEqual(["IMPORT-DAMAGED"]);
  });

  it("entity expansion stays inert: billion laughs and an external entity give no report and no expansion", async () => {
    const ents = ['<!ENTITY lol0 "lol">'];
    for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
    const laughs = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [${ents.join("")}]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`;
    const xxe = `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;
    for (const doc of [laughs, xxe]) {
      const { r, ms } = await bounded(zipSync({ ...DOCX_PARTS, "word/document.xml": strToU8(doc) }), "a.docx");
      expect(r.report).toBeUndefined();
      expect(ms).toBeLessThan(BOUND_MS);
      expect(JSON.stringify(r)).not.toContain("lollollol");
      expect(JSON.stringify(r)).not.toContain("root:");
    }
  });
});
