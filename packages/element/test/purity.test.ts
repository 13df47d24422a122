import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const NETWORK = /\bfetch\s*\(|XMLHttpRequest|sendBeacon|WebSocket|EventSource|RTCPeerConnection|\bnavigator\.serviceWorker/;
const src = new URL("../src/", import.meta.url);

describe("the element never talks to a network", () => {
  it("its source calls no network API", () => {
    const files = readdirSync(src).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(readFileSync(new URL(f, src), "utf8"), f).not.toMatch(NETWORK);
  });

  it("its bundle (when built), lazy chunks included, holds no network API either", () => {
    const dist = new URL("../dist/", import.meta.url);
    if (!existsSync(new URL("gov-disclosure-validator.js", dist))) return;
    const files = ["gov-disclosure-validator.js", ...readdirSync(new URL("chunks/", dist)).map((f) => `chunks/${f}`)].filter((f) => f.endsWith(".js"));
    // The importer's readers and the XLSX writer are in there too (exceljs, mammoth, parse5, iconv-lite).
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(readFileSync(new URL(f, dist), "utf8"), f).not.toMatch(NETWORK);
  });
});
