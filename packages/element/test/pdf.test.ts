// PDFs read in the element's own way: `readBytes` gives the importer this package's CMaps and fonts (the modules of
// its bundle, here through vitest's Vite), never a network. In Node there is no Worker: PDF.js runs on this thread.
import { readFileSync } from "node:fs";
import { formatIssue } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { isPdf, readBytes } from "../src/io";
import { bundledPdfData, dataUrlBytes, pdfData, startPdfWorker } from "../src/pdf";
import { check } from "../src/state";

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url)));
const pdfjsFile = (path: string) => new Uint8Array(readFileSync(new URL(`../node_modules/pdfjs-dist/${path}`, import.meta.url)));

describe("PDF.js's data from the bundle", () => {
  it("carries every CMap and standard font of pdfjs-dist, byte for byte, and nothing else", async () => {
    const { cmaps, fonts } = bundledPdfData();
    expect(cmaps).toContain("UniGB-UCS2-H.bcmap");
    expect(cmaps.length).toBeGreaterThan(160);
    expect(fonts).toContain("FoxitSymbol.pfb");
    expect(fonts).toContain("LiberationSans-Regular.ttf");
    expect(await pdfData("cmap", "UniGB-UCS2-H")).toEqual(pdfjsFile("cmaps/UniGB-UCS2-H.bcmap"));
    expect(await pdfData("font", "FoxitSerif.pfb")).toEqual(pdfjsFile("standard_fonts/FoxitSerif.pfb"));
    expect(await pdfData("cmap", "No-Such-CMap")).toBeUndefined();
    expect(await pdfData("font", "../package.json")).toBeUndefined();
  });

  it("decodes data: URLs without fetching them", () => {
    expect([...dataUrlBytes("data:application/octet-stream;base64,AAEC/w==")]).toEqual([0, 1, 2, 255]);
    expect(new TextDecoder().decode(dataUrlBytes("data:text/plain,a%20b"))).toBe("a b");
  });

  it("starts no worker where there is no Worker (Node): PDF.js then runs on the calling thread", () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe("undefined");
    expect(startPdfWorker()).toBe(false);
  });
});

describe("reading PDFs with readBytes", () => {
  it("recognises a PDF by name or by its signature", () => {
    expect(isPdf(fixture("real/hongze-district-2024.pdf"), "report.bin")).toBe(true);
    expect(isPdf(new TextEncoder().encode("一、总体情况"), "a.pdf")).toBe(true);
    expect(isPdf(new TextEncoder().encode("一、总体情况"), "a.txt")).toBe(false);
    expect(isPdf("%PDF-1.7", "pasted.txt")).toBe(false);
  });

  it("Hongze 2024 (a WPS export): the tables as published, 95 new applications, its import issues worded", async () => {
    const r = await readBytes(fixture("real/hongze-district-2024.pdf"), "hongze-district-2024.pdf");
    expect(r.format).toBe("pdf");
    expect(r.failure).toBeUndefined();
    expect(r.report?.edition).toBe("gen2021");
    expect(r.report?.cells["t3.new.total"]).toEqual({ kind: "count", value: 95 });
    expect(r.report?.cells["t3.granted.total"]).toEqual({ kind: "count", value: 50 });
    // No CMap or font was missing: the bundle gave PDF.js all it asked for.
    expect(r.issues.map((i) => i.code)).not.toContain("IMPORT-PDF-MISSING-DATA");
    const c = check(r.report as never, { importIssues: r.issues });
    expect(c.failing.filter((f) => f.phase === "rule" && f.severity === "error")).toEqual([]);
    // In English, no Chinese but the labels quoted from the document (the edition was detected from them).
    for (const i of r.issues) {
      const quoted = Object.values(i.params).flatMap((v) => (Array.isArray(v) ? v : []));
      let en = formatIssue(i, "en", r.report);
      for (const q of quoted) en = en.replaceAll(q, "");
      expect(en, i.code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("a scan: no report, and the one IMPORT-PDF-NO-TEXT error with its page count", async () => {
    const r = await readBytes(fixture("pdf/scan-no-text.pdf"), "scan-no-text.pdf");
    expect(r.report).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toEqual(["IMPORT-PDF-NO-TEXT"]);
    expect(r.issues[0]?.severity).toBe("error");
    expect(Number(r.issues[0]?.params.pages)).toBeGreaterThan(0);
  });
});
