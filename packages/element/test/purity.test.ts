import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firstLoad } from "../scripts/first-load.mjs";

const NETWORK = /\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|RTCPeerConnection|\bnavigator\.serviceWorker/;
const src = new URL("../src/", import.meta.url);

describe("the element never talks to a network", () => {
  it("its source calls no network API", () => {
    const files = readdirSync(src).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(new URL(f, src), "utf8"), f).not.toMatch(NETWORK);
  });

  // Reported as skipped (not passed) when the bundle is not built; under CI (where the build runs first) it must be there.
  const dist = new URL("../dist/", import.meta.url);
  const built = existsSync(new URL("gov-disclosure-validator.js", dist));
  it.skipIf(!built && !process.env.CI)("its bundle, lazy chunks included, holds no network API either (PDF.js's own files apart)", () => {
    expect(built).toBe(true);
    const dir = (d: string) => (existsSync(new URL(`${d}/`, dist)) ? readdirSync(new URL(`${d}/`, dist)).map((f) => `${d}/${f}`) : []);
    const files = ["gov-disclosure-validator.js", ...dir("chunks"), ...dir("assets")].filter((f) => f.endsWith(".js"));
    // The importer's readers and the XLSX writer are in there too (exceljs, mammoth, parse5, iconv-lite).
    expect(files.length).toBeGreaterThan(3);
    // PDF.js (pdfjs-dist 4.10.38) can load a document or its CMaps from a URL: the importer never gives it one (it passes
    // the bytes, `useWorkerFetch: false` and its own data factories, whose `async fetch(...)` methods read this bundle's
    // chunks). Its files are recognised by its build banner and left out here; the browser test records every request.
    const pdfjs = files.filter((f) => /\bpdfjsVersion\b|[`"']4\.10\.38[`"']/.test(readFileSync(new URL(f, dist), "utf8")));
    expect(pdfjs.length).toBeGreaterThanOrEqual(2);
    for (const f of files.filter((x) => !pdfjs.includes(x))) {
      const text = readFileSync(new URL(f, dist), "utf8").replace(/\basync fetch\(\{/g, "async factoryRead({");
      expect(text, f).not.toMatch(NETWORK);
    }
  });

  it.skipIf(!built && !process.env.CI)("its first load (the entry and its static imports) is under 150 KB gzip and holds no XLSX writer", () => {
    const root = new URL(".", dist).pathname;
    const loaded = firstLoad(root);
    const first = new Set(loaded.files);
    expect(first.size).toBeGreaterThan(1);
    const gz = loaded.gz;
    for (const f of first) {
      const text = readFileSync(join(root, f));
      // exceljs's own strings: the workbook parts it writes.
      expect(text.toString("utf8"), f).not.toMatch(/xl\/worksheets\/sheet|exceljs/i);
      // Nor core's canonical JSON reader and its schema library (zod): it is loaded when JSON is read or saved.
      expect(text.toString("utf8"), f).not.toMatch(/safeParse|ZodError/);
      // Nor PDF.js.
      expect(text.toString("utf8"), f).not.toMatch(/GlobalWorkerOptions|pdfjsVersion/);
    }
    // The budget is 150 KB; issue 16 asks for 100 KB at most, which the first load keeps.
    expect(gz).toBeLessThan(100 * 1024);
    // …while the writer is among the lazy chunks.
    const lazy = readdirSync(new URL("chunks/", dist)).filter((f) => !first.has(`chunks/${f}`) && f.endsWith(".js"));
    expect(lazy.some((f) => /xl\/worksheets\/sheet/.test(readFileSync(new URL(`chunks/${f}`, dist), "utf8")))).toBe(true);
  });
});
