import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { withoutFontPrograms } from "../../src/pdf/fonts";
import { readPdf } from "../../src/pdf/index";

const root = new URL("../../../../", import.meta.url);
const enc = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));
const dec = (b: Uint8Array) => Buffer.from(b).toString("latin1");
const obj = (n: number, body: string) => `${n} 0 obj\n${body}\nendobj\n`;
const stream = (n: number, dict: string, data: string) => `${n} 0 obj\n${dict}\nstream\n${data}\nendstream\nendobj\n`;
const descriptor = (n: number, file: number, key = "FontFile2") => obj(n, `<</Type /FontDescriptor /FontName /AAAAAA+SimSun /Flags 4 /${key} ${file} 0 R>>`);
const program = (n: number) => stream(n, "<</Length 9>>", "\x00\x01glyphs\x02");
const cmap = (n: number) => stream(n, "<</Length 4>>", "cmap");
const pdf = (...objects: string[]) => `%PDF-1.4\n${objects.join("")}trailer\n<</Root 1 0 R>>\n%%EOF\n`;

/** The font-program keys left in a file, in order. */
const keys = (b: Uint8Array) => dec(b).match(/\/FontFi\w+/g) ?? [];

describe("withoutFontPrograms", () => {
  it("unnames the program of a simple font with its own ToUnicode map, one byte changed, the input untouched", () => {
    const text = pdf(
      obj(3, "<</Type /Font /Subtype /TrueType /BaseFont /AAAAAA+SimSun /FontDescriptor 4 0 R /ToUnicode 6 0 R /Widths [500]>>"),
      descriptor(4, 5),
      program(5),
      cmap(6),
    );
    const input = enc(text);
    const out = withoutFontPrograms(input);
    expect(out).toBeDefined();
    expect(out?.length).toBe(input.length);
    expect(keys(out as Uint8Array)).toEqual(["/FontFilX2"]);
    expect([...(out as Uint8Array)].filter((b, i) => b !== input[i])).toHaveLength(1);
    expect(dec(input)).toBe(text);
  });

  it("leaves a font without its own ToUnicode map, and a descriptor such a font shares", () => {
    expect(withoutFontPrograms(enc(pdf(obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R>>"), descriptor(4, 5), program(5))))).toBeUndefined();
    const shared = pdf(
      obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R /ToUnicode 6 0 R>>"),
      obj(7, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R>>"),
      descriptor(4, 5),
      program(5),
      cmap(6),
    );
    expect(withoutFontPrograms(enc(shared))).toBeUndefined();
    // a ToUnicode that is a name (Identity-H), not a map of its own
    expect(
      withoutFontPrograms(enc(pdf(obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R /ToUnicode /Identity-H>>"), descriptor(4, 5), program(5)))),
    ).toBeUndefined();
  });

  it("unnames a CID font's program when its Type 0 parent has the map and its glyph map is the identity", () => {
    const cid = (gid: string) =>
      pdf(
        obj(2, "<</Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [3 0 R] /ToUnicode 6 0 R>>"),
        obj(3, `<</Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /FontDescriptor 4 0 R ${gid} /DW 1000>>`),
        descriptor(4, 5),
        program(5),
        cmap(6),
      );
    expect(keys(withoutFontPrograms(enc(cid("/CIDToGIDMap /Identity"))) as Uint8Array)).toEqual(["/FontFilX2"]);
    expect(keys(withoutFontPrograms(enc(cid(""))) as Uint8Array)).toEqual(["/FontFilX2"]);
    expect(withoutFontPrograms(enc(cid("/CIDToGIDMap 9 0 R")))).toBeUndefined();
    // a parent without the map
    expect(withoutFontPrograms(enc(cid("/CIDToGIDMap /Identity").replace(" /ToUnicode 6 0 R", "")))).toBeUndefined();
  });

  it("leaves a descriptor named anywhere else, and files with object streams, encryption or an object defined twice", () => {
    const font = obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R /ToUnicode 6 0 R>>");
    const base = [font, descriptor(4, 5), program(5), cmap(6)];
    expect(keys(withoutFontPrograms(enc(pdf(...base))) as Uint8Array)).toEqual(["/FontFilX2"]);
    expect(withoutFontPrograms(enc(pdf(...base, obj(8, "<</Other 4 0 R>>"))))).toBeUndefined();
    expect(withoutFontPrograms(enc(pdf(...base, stream(9, "<</Type /ObjStm /N 1 /First 4 /Length 8>>", "xxxxxxxx"))))).toBeUndefined();
    expect(withoutFontPrograms(enc(pdf(...base, obj(10, "<</Encrypt 11 0 R>>"))))).toBeUndefined();
    expect(withoutFontPrograms(enc(pdf(...base, obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R>>"))))).toBeUndefined();
    // an object or a stream without its end: the structure is not what it seems
    expect(withoutFontPrograms(enc(pdf(...base).replace(/endobj\n(?!.*endobj)/s, "")))).toBeUndefined();
  });

  it("leaves Type 1 and CFF programs, fonts that are not subsets, and objects holding several fonts", () => {
    const type1 = pdf(obj(3, "<</Type /Font /Subtype /Type1 /FontDescriptor 4 0 R /ToUnicode 6 0 R>>"), descriptor(4, 5, "FontFile"), program(5), cmap(6));
    expect(withoutFontPrograms(enc(type1))).toBeUndefined();
    const cff = pdf(
      obj(2, "<</Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [3 0 R] /ToUnicode 6 0 R>>"),
      obj(3, "<</Type /Font /Subtype /CIDFontType0 /FontDescriptor 4 0 R>>"),
      descriptor(4, 5, "FontFile3"),
      program(5),
      cmap(6),
    );
    expect(withoutFontPrograms(enc(cff))).toBeUndefined();
    const whole = pdf(obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R /ToUnicode 6 0 R>>"), descriptor(4, 5), program(5), cmap(6));
    expect(withoutFontPrograms(enc(whole.replace("AAAAAA+SimSun", "ArialMT")))).toBeUndefined();
    // two fonts written inline in one resources dictionary: one without a map, one with
    const inline = pdf(
      obj(
        7,
        "<</Font <</F1 <</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R>> /F2 <</Type /Font /Subtype /TrueType /FontDescriptor 8 0 R /ToUnicode 6 0 R>>>>>>",
      ),
      descriptor(4, 5),
      program(5),
      cmap(6),
      descriptor(8, 9),
      program(9),
    );
    expect(withoutFontPrograms(enc(inline))).toBeUndefined();
  });

  it("finds a stream by its keyword after the dictionary, not by the word in a string", () => {
    // a link whose address holds "stream" stands between a mapped font and an unmapped one that share a descriptor
    const text = pdf(
      obj(7, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R /ToUnicode 6 0 R>>"),
      descriptor(4, 5),
      obj(8, "<</Type /Annot /Subtype /Link /A <</S /URI /URI (https://example.org/livestream\n)>>>>"),
      obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R>>"),
      program(5),
      cmap(6),
    );
    expect(withoutFontPrograms(enc(text))).toBeUndefined();
  });

  it("changes nothing inside a stream, whatever its bytes say", () => {
    const text = pdf(
      obj(3, "<</Type /Font /Subtype /TrueType /FontDescriptor 4 0 R /ToUnicode 6 0 R>>"),
      descriptor(4, 5),
      stream(5, "<</Length 40>>", "/FontFile2 4 0 R 12 0 obj endobj"),
      cmap(6),
    );
    expect(keys(withoutFontPrograms(enc(text)) as Uint8Array)).toEqual(["/FontFilX2", "/FontFile2"]);
  });

  it("unnames every program of the real WPS export and of the LibreOffice and Chromium fixtures", () => {
    for (const [file, n] of [
      ["fixtures/real/hongze-district-2024.pdf", 6],
      ["fixtures/pdf/pingtan-2021-libreoffice.pdf", 4],
      ["fixtures/pdf/pingtan-2021-chromium.pdf", 3],
      ["packages/import/test/pdf/fixtures/local-2011-chromium.pdf", 3],
    ] as const) {
      const out = withoutFontPrograms(new Uint8Array(readFileSync(new URL(file, root))));
      expect(
        keys(out as Uint8Array).filter((k) => k.startsWith("/FontFilX")),
        file,
      ).toHaveLength(n);
    }
  });
});

describe("readPdf without the font programs the text does not need", () => {
  it("reads every fixture exactly as with them: the same text, grids, pages and positions", async () => {
    for (const file of [
      "fixtures/real/hongze-district-2024.pdf",
      "fixtures/pdf/pingtan-2021-libreoffice.pdf",
      "fixtures/pdf/pingtan-2021-chromium.pdf",
      "packages/import/test/pdf/fixtures/local-2011-chromium.pdf",
    ]) {
      const b = new Uint8Array(readFileSync(new URL(file, root)));
      expect(withoutFontPrograms(b), file).toBeDefined();
      const lean = await readPdf(b);
      const whole = await readPdf(b, { keepFontPrograms: true });
      expect(lean.ok, file).toBe(true);
      expect(lean, file).toEqual(whole);
    }
  }, 60_000);
});
