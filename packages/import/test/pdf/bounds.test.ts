import { formatIssue } from "@gov-disclosure/core";
import { zlibSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importReport } from "../../src/index";
import { MAX_PDF_INFLATED_BYTES, readPdf } from "../../src/pdf/index";
import { inflatedSize as countInflated } from "../../src/pdf/inflate";
import { pdfFailureIssue } from "../../src/pdf/issues";
import { layoutPdf } from "../../src/pdf/layout";
import { flate, line, pagesPdf, plain, writePdf } from "./make";

const enc = new TextEncoder();
const MIB = 2 ** 20;

/** PDF's LZW (9- to 12-bit codes, a clear code first, EarlyChange 1), to check the counter against PDF.js. */
function lzw(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let nbits = 0;
  let width = 9;
  const put = (code: number) => {
    acc = (acc << width) | code;
    nbits += width;
    while (nbits >= 8) {
      out.push((acc >>> (nbits - 8)) & 0xff);
      nbits -= 8;
    }
    acc &= (1 << nbits) - 1;
  };
  let dict = new Map<string, number>();
  let next = 258;
  put(256);
  let w = "";
  for (const b of data) {
    const wc = `${w},${b}`;
    if (w === "" || dict.has(wc)) {
      w = w === "" ? String(b) : wc;
      if (!dict.has(w) && !/,/.test(w)) dict.set(w, b);
      continue;
    }
    put(w.includes(",") ? dict.get(w)! : Number(w));
    dict.set(wc, next++);
    if (next + 1 > 1 << width && width < 12) width++;
    if (next >= 4094) {
      put(256);
      dict = new Map();
      next = 258;
      width = 9;
    }
    w = String(b);
  }
  if (w) put(w.includes(",") ? dict.get(w)! : Number(w));
  put(257);
  if (nbits) out.push((acc << (8 - nbits)) & 0xff);
  return new Uint8Array(out);
}

describe.each(["zlib", "stream", "fflate"] as const)(
  "inflatedSize (%s): what the compressed streams of a PDF inflate to, counted before PDF.js reads them",
  (engine) => {
    // every stream inflated (`exact`), so that the counts can be checked
    const inflatedSize = (b: Uint8Array, budget: number) => countInflated(b, budget, engine, true);
    const content = `${line("Annual report 2021: 12 34 56", 760)}${"q 1 0 0 1 0 0 cm Q\n".repeat(20_000)}`;
    const size = enc.encode(content).length;

    it("counts a FlateDecode content stream exactly, and stops just past a budget", async () => {
      expect(await inflatedSize(pagesPdf([flate(content)]), MAX_PDF_INFLATED_BYTES)).toEqual({ bytes: size, over: false, streams: 1, bounded: 0, bound: 0 });
      const over = await inflatedSize(pagesPdf([flate(content)]), 100_000);
      expect(over.over).toBe(true);
      expect(over.bytes).toBeGreaterThan(100_000);
      expect(over.bytes).toBeLessThanOrEqual(size);
    });

    it("counts LZW, run-length and filter chains (ASCIIHex then Flate), leaves images and stored streams out", async () => {
      const hexFlate = [...zlibSync(enc.encode(content))].map((b) => b.toString(16).padStart(2, "0")).join("");
      const lz = lzw(enc.encode(content));
      const rl = new Uint8Array([0x81, 0x41, 0x81, 0x42, 2, 0x43, 0x44, 0x45, 0x80]); // AAAA… 128 A, 128 B, CDE
      const image = zlibSync(new Uint8Array(300_000));
      const pdf = writePdf([
        { body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { body: `<< /Length ${hexFlate.length + 1} /Filter [/ASCIIHexDecode /FlateDecode] >>`, stream: enc.encode(`${hexFlate}>`) },
        { body: `<< /Length ${lz.length} /Filter /LZWDecode >>`, stream: lz },
        { body: `<< /Length ${rl.length} /Filter /RunLengthDecode >>`, stream: rl },
        {
          body: `<< /Type /XObject /Subtype /Image /Width 600 /Height 500 /BitsPerComponent 8 /ColorSpace /DeviceGray /Length ${image.length} /Filter /FlateDecode >>`,
          stream: image,
        },
        plain(content),
      ]);
      expect(await inflatedSize(pdf, MAX_PDF_INFLATED_BYTES)).toEqual({ bytes: size + size + 259, over: false, streams: 3, bounded: 0, bound: 0 });
    });

    it("reads a DEFLATE stream with an indirect /Length to its own end, past an `endstream` hidden in its data", async () => {
      // a stored block holding "endstream", then 2 MiB of spaces: PDF.js takes the length from object 5
      const head = enc.encode("BT /F1 12 Tf 72 760 Td (x) Tj ET\nendstream\n");
      const data = new Uint8Array(head.length + 2 * MIB).fill(0x20);
      data.set(head);
      const z = zlibSync(data, { level: 0 });
      const pdf = writePdf([
        { body: "<< /Type /Catalog /Pages 2 0 R >>" },
        { body: "<< /Type /Pages /Kids [] /Count 0 >>" },
        { body: "<< /Length 5 0 R /Filter /FlateDecode >>", stream: z },
        { body: "<< >>" },
        { body: String(z.length) },
      ]);
      expect((await inflatedSize(pdf, MAX_PDF_INFLATED_BYTES)).bytes).toBe(data.length);
    });

    it("an LZW stream as PDF.js reads it: the text comes back, so the counter decodes the same bytes", async () => {
      const text = line("LZW text 2021", 700) + "q Q\n".repeat(3000);
      const lz = lzw(enc.encode(text));
      const pdf = pagesPdf([{ body: `<< /Length ${lz.length} /Filter /LZWDecode >>`, stream: lz }]);
      expect((await inflatedSize(pdf, MAX_PDF_INFLATED_BYTES)).bytes).toBe(enc.encode(text).length);
      const r = await readPdf(pdf);
      expect(r.ok && r.text).toContain("LZW text 2021");
    });
  },
);

describe("inflatedSize without `exact`: streams that cannot reach the budget are bounded, not inflated", () => {
  const content = `${line("Annual report 2021: 12 34 56", 760)}${"q 1 0 0 1 0 0 cm Q\n".repeat(20_000)}`;
  const size = enc.encode(content).length;
  const MAX_DEFLATE_RATIO = 1032;

  it("a stream whose input bounds its output under the budget is left alone; under a smaller budget it is counted", async () => {
    const pdf = pagesPdf([flate(content)]);
    const compressed = flate(content).stream!.length;
    const r = await countInflated(pdf, MAX_PDF_INFLATED_BYTES);
    expect(r).toMatchObject({ bytes: 0, over: false, streams: 0, bounded: 1 });
    // the bound is the input times DEFLATE's largest ratio (plus a little), at least what the stream really gives
    expect(r.bound).toBeGreaterThanOrEqual(size);
    expect(r.bound).toBeGreaterThanOrEqual(MAX_DEFLATE_RATIO * compressed);
    expect(r.bound).toBeLessThanOrEqual(MAX_DEFLATE_RATIO * compressed + 1024);
    // a budget below the bound: inflated and counted
    expect(await countInflated(pdf, MAX_DEFLATE_RATIO * compressed)).toMatchObject({ bytes: size, over: false, streams: 1, bounded: 0 });
    expect((await countInflated(pdf, size - 1)).over).toBe(true);
  });

  it("the largest streams are inflated first, the small ones bounded; bytes + bound stays within the budget", async () => {
    // 1 MiB that does not compress: its bound (a thousand times its input) is far over the budget
    const noise = new Uint8Array(MIB);
    for (let i = 0, x = 1; i < noise.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      noise[i] = x >>> 24;
    }
    const pdf = pagesPdf([flate(content), flate(noise), flate(line("small", 700))]);
    const budget = 4 * MIB;
    const r = await countInflated(pdf, budget);
    expect(r).toMatchObject({ bytes: MIB, over: false, streams: 1, bounded: 2 });
    expect(r.bytes + r.bound).toBeLessThanOrEqual(budget);
  });

  it("many streams, each far under the budget, that pass it together are still stopped", async () => {
    // 70 pages of 1 MiB of spaces each: every stream's bound (about 1 MiB) fits in 64 MiB, their sum does not
    const page = flate(new Uint8Array(MIB).fill(0x20));
    const pdf = pagesPdf(Array.from({ length: 70 }, () => page));
    expect(pdf.length).toBeLessThan(MIB);
    const r = await countInflated(pdf, MAX_PDF_INFLATED_BYTES);
    expect(r.over).toBe(true);
    expect(r.bytes).toBeGreaterThan(MAX_PDF_INFLATED_BYTES);
    expect(await readPdf(pdf)).toMatchObject({ ok: false, code: "pdf-too-large", params: { unit: "inflated-bytes", limit: MAX_PDF_INFLATED_BYTES } });
  });

  it("LZW and run-length are bounded by their own ratios; a chain (ASCIIHex then Flate) is always inflated", async () => {
    const hexFlate = [...zlibSync(enc.encode(content))].map((b) => b.toString(16).padStart(2, "0")).join("");
    const lz = lzw(enc.encode(content));
    const rl = new Uint8Array([0x81, 0x41, 0x81, 0x42, 2, 0x43, 0x44, 0x45, 0x80]);
    const pdf = writePdf([
      { body: "<< /Type /Catalog /Pages 2 0 R >>" },
      { body: "<< /Type /Pages /Kids [] /Count 0 >>" },
      { body: `<< /Length ${hexFlate.length + 1} /Filter [/ASCIIHexDecode /FlateDecode] >>`, stream: enc.encode(`${hexFlate}>`) },
      { body: `<< /Length ${lz.length} /Filter /LZWDecode >>`, stream: lz },
      { body: `<< /Length ${rl.length} /Filter /RunLengthDecode >>`, stream: rl },
    ]);
    const r = await countInflated(pdf, MAX_PDF_INFLATED_BYTES);
    expect(r).toMatchObject({ bytes: size, over: false, streams: 1, bounded: 2 });
    // LZW: at most 4096 bytes per 9-bit code; run-length: 128 bytes per two
    expect(r.bound).toBe(4096 * (lz.length + 1) + 64 * rl.length + 128);
    // a budget the bounds do not fit in: everything is inflated, the chain first
    expect(await countInflated(pdf, size + size + 259)).toMatchObject({ bytes: size + size + 259, over: false, streams: 3, bounded: 0 });
  });
});

describe("readPdf: bounded work on hostile PDFs, one clear failure each", () => {
  it(`a decompression bomb (a content stream inflating past ${MAX_PDF_INFLATED_BYTES / MIB} MiB) is pdf-too-large in inflated bytes, before PDF.js`, async () => {
    const spaces = new Uint8Array(MAX_PDF_INFLATED_BYTES + 1).fill(0x20);
    const pdf = pagesPdf([{ ...flate(spaces) }]);
    expect(pdf.length).toBeLessThan(MIB);
    const t = performance.now();
    const r = await readPdf(pdf);
    expect(performance.now() - t).toBeLessThan(5000);
    expect(r).toMatchObject({ ok: false, code: "pdf-too-large", params: { unit: "inflated-bytes", limit: MAX_PDF_INFLATED_BYTES } });
    if (!r.ok && r.code === "pdf-too-large") expect(r.params.size).toBeGreaterThan(MAX_PDF_INFLATED_BYTES);
    // the import says so, once, as an error, in both languages
    const imported = await importReport(pdf, { filename: "bomb.pdf" });
    expect(imported.report).toBeUndefined();
    expect(imported.issues.map((i) => i.code)).toEqual(["IMPORT-LIMIT"]);
    expect(formatIssue(imported.issues[0]!, "en")).toContain(String(MAX_PDF_INFLATED_BYTES));
  });

  it("a lower cap on inflated bytes is kept too; a real report is far under the default", async () => {
    const pdf = pagesPdf([flate(line("Annual report 2021: 12 34 56", 760) + " ".repeat(2 * MIB))]);
    expect(await readPdf(pdf, { maxInflatedBytes: MIB })).toMatchObject({ ok: false, code: "pdf-too-large", params: { unit: "inflated-bytes", limit: MIB } });
    expect((await readPdf(pdf)).ok).toBe(true);
  });

  it("too many text runs stop PDF.js while it streams them: pdf-too-large in text items, well before the end", async () => {
    const pdf = pagesPdf([flate(`BT /F1 12 Tf 72 400 Td\n${"0 0 Td (7) Tj\n".repeat(20_000)}ET\n`)]);
    const r = await readPdf(pdf, { maxTextItems: 1000 });
    expect(r).toMatchObject({ ok: false, code: "pdf-too-large", params: { unit: "text-items", limit: 1000 } });
    if (!r.ok && r.code === "pdf-too-large") {
      expect(r.params.size).toBeGreaterThan(1000);
      expect(r.params.size).toBeLessThan(2000);
    }
    expect(pdfFailureIssue(r as Parameters<typeof pdfFailureIssue>[0]).code).toBe("IMPORT-PDF-TOO-MANY-ITEMS");
  });

  it("past the time budget: pdf-too-large in milliseconds with the page, said as an error in both languages", async () => {
    const pdf = pagesPdf([plain(line("one", 700)), plain(line("two", 700))]);
    const r = await readPdf(pdf, { maxMs: -1 });
    expect(r).toMatchObject({ ok: false, code: "pdf-too-large", params: { unit: "milliseconds", limit: -1, page: 1 } });
    const issue = pdfFailureIssue(r as Parameters<typeof pdfFailureIssue>[0]);
    expect(issue).toMatchObject({ code: "IMPORT-LIMIT", severity: "error", params: { what: "pdf-time", limit: -1 }, source: { page: 1 } });
    expect(formatIssue(issue, "en")).not.toMatch(/[\u4e00-\u9fff]|\{\w+\}/);
    expect(formatIssue(issue, "zh-CN")).not.toMatch(/\{\w+\}/);
  });
});

describe("readPdf: a page PDF.js could not parse is damaged, not a scan", () => {
  const nested = plain(`${"<< /A ".repeat(100_000)}${">> ".repeat(100_000)}\n${line("12 34 56", 700)}`);

  it("the only page's content stream cannot be parsed: pdf-damaged on page 1", async () => {
    expect(await readPdf(pagesPdf([nested]))).toMatchObject({ ok: false, code: "pdf-damaged", params: { page: 1 } });
  });

  it("page 2 of 3 cannot be parsed: pdf-damaged on page 2", async () => {
    const r = await readPdf(pagesPdf([plain(line("Page one 2021", 700)), nested, plain(line("Page three 2021", 700))]));
    expect(r).toMatchObject({ ok: false, code: "pdf-damaged", params: { page: 2 } });
  });

  it("a blank page is no damage: the text of the others is read, the blank one named", async () => {
    const r = await readPdf(pagesPdf([plain(line("Page one 2021", 700)), plain("q Q\n"), plain(line("Page three 2021", 700))]));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.warnings).toEqual([{ code: "pdf-pages-without-text", params: { pages: [2] } }]);
      expect(r.text).toContain("Page three 2021");
    }
  });
});

describe("layout: work grows with the number of text items, not with its square", () => {
  const base = { page: 1, size: 10, font: "f", dir: "horizontal" as const, length: 0 };
  // 40,000 items in rows of a label and three figures took a minute before; one line of 150,000 overflowed the stack.
  it("10,000 rows of a table and a line of 150,000 pieces are laid out (the test's time limit catches a regression)", () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      ...base,
      text: i % 4 === 0 ? "项目" : String(i % 7),
      x: (i % 4) * 60,
      y: 50 + Math.floor(i / 4) * 12,
      width: 20,
    }));
    const laid = layoutPdf([{ page: 1, width: 1e7, height: 1e7, items: rows } as Parameters<typeof layoutPdf>[0][number]]);
    expect(laid.grids.map((g) => g.rows.length)).toEqual([10_000]);
    const long = Array.from({ length: 150_000 }, (_, i) => ({ ...base, text: "1", x: i * 20, y: 100, width: 5 }));
    expect(() => layoutPdf([{ page: 1, width: 1e7, height: 1e7, items: long } as Parameters<typeof layoutPdf>[0][number]])).not.toThrow();
  });
});
