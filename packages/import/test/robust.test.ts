import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ImportResult, importReport, importText, MAX_INPUT_BYTES } from "../src/index";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/real");
const bytesOf = (f: string) => new Uint8Array(readFileSync(join(DIR, f)));

async function timed<T>(f: () => Promise<T>, ms: number): Promise<T> {
  const t0 = performance.now();
  const r = await f();
  expect(performance.now() - t0).toBeLessThan(ms);
  return r;
}

describe("hostile input never crashes or hangs", () => {
  // random input is never a report: it gets exactly one error saying why, and nothing else is claimed
  const oneError = (r: ImportResult) => {
    expect(r.report).toBeUndefined();
    expect(r.issues.filter((d) => d.severity === "error")).toHaveLength(1);
    for (const d of r.issues) expect(d.phase).toBe("import");
  };
  it("random bytes give one error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), async (b) => {
        oneError(await importReport(b));
      }),
      { numRuns: 150, seed: 1 },
    );
  });
  it("random strings give one error", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000, unit: "grapheme" }), (s) => {
        oneError(importText(s));
      }),
      { numRuns: 200, seed: 2 },
    );
  });
  it("every truncation of every fixture gives a result or a diagnostic", async () => {
    for (const f of ["pingtan-2021.txt", "shanghai-govoffice-2019.html", "shanghai-govoffice-2025.md", "taishun-2018.txt"]) {
      const b = bytesOf(f);
      for (let n = 0; n < b.length; n += Math.ceil(b.length / 25)) {
        const r = await timed(() => importReport(b.subarray(0, n), { filename: f }), 5000);
        expect(r.report !== undefined || r.issues.some((d) => d.severity === "error")).toBe(true);
      }
    }
  });
  it("truncated and corrupted .docx / .xlsx / PDF / images get one clear error", async () => {
    const zipHead = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml"), 1, 2, 3]);
    const r1 = await importReport(zipHead);
    expect(r1.issues.map((d) => [d.code, d.severity])).toEqual([["IMPORT-DAMAGED", "error"]]);
    const pdf = await importReport(new TextEncoder().encode("%PDF-1.7\n..."));
    expect(pdf.report).toBeUndefined();
    expect(pdf.issues.filter((d) => d.severity === "error").map((d) => d.code)).toEqual([expect.stringMatching(/^IMPORT-PDF-/)]);
    const png = await importReport(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    expect(png.issues.map((d) => d.code)).toEqual(["IMPORT-IMAGE"]);
  });
  it("HTML with tens of thousands of nested tags", { timeout: 60000 }, async () => {
    const html = `${"<div><span>".repeat(30000)}本年新收政府信息公开申请数量${"</span></div>".repeat(30000)}`;
    const r = await timed(() => importReport(html, { mediaType: "text/html" }), 20000);
    // deeper than MAX_HTML_DEPTH: read as text, said so; one label and no values is no table
    expect(r.issues.map((d) => d.code)).toContain("IMPORT-NESTING");
    expect(r.report).toBeUndefined();
    const tables = `${"<table><tr><td>".repeat(5000)}x${"</td></tr></table>".repeat(5000)}`;
    expect((await timed(() => importReport(tables), 20000)).issues.map((d) => d.code)).toEqual(["IMPORT-NOT-A-REPORT"]);
  });
  it("very large files: a long report is read in bounded time; over the limit is refused", { timeout: 60000 }, async () => {
    const big = `${read20()}\n${"某段落内容。".repeat(300000)}`;
    const r = await timed(() => importReport(big), 20000);
    expect(r.report?.cells["t3.new.total"]).toEqual({ kind: "count", value: 70 });
    const huge = new Uint8Array(MAX_INPUT_BYTES + 1);
    expect((await importReport(huge)).issues.map((d) => [d.code, d.params])).toEqual([
      ["IMPORT-TOO-LARGE", { size: MAX_INPUT_BYTES + 1, limit: MAX_INPUT_BYTES }],
    ]);
  });
});

function read20(): string {
  return readFileSync(join(DIR, "pingtan-2021.txt"), "utf8");
}
