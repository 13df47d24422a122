import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { encodeCell, formatIssue, parseReportJson, type Report, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { importReport } from "../../src/index";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const bytes = (p: string) => new Uint8Array(readFileSync(join(ROOT, p)));
const canonical = (name: string): Report => {
  const r = parseReportJson(readFileSync(join(ROOT, "fixtures/canonical", `${name}.json`), "utf8"));
  if (!r.success) throw new Error(name);
  return r.report;
};

/** Every cell of the original compared with what came back: exact, or named by an import issue, never silently different. */
function compare(original: Report, back: Report, named: ReadonlySet<string>) {
  const exact: string[] = [];
  const explained: string[] = [];
  const wrong: string[] = [];
  for (const [id, v] of Object.entries(original.cells)) {
    const got = back.cells[id];
    if (got && JSON.stringify(encodeCell(got)) === JSON.stringify(encodeCell(v))) exact.push(id);
    else if (named.has(id)) explained.push(id);
    else wrong.push(`${id}: ${JSON.stringify(encodeCell(v))} → ${got ? JSON.stringify(encodeCell(got)) : "blank"}`);
  }
  return { exact, explained, wrong };
}

describe("PDFs made the ways governments make them, read back through importReport", () => {
  const original = canonical("pingtan-2021");

  it("the official HTML printed by Chromium (page break inside table 三, repeated header): every figure exact, validates clean", async () => {
    const r = await importReport(bytes("fixtures/pdf/pingtan-2021-chromium.pdf"), { filename: "pingtan-2021-chromium.pdf" });
    expect(r.edition).toBe("gen2021");
    expect(r.evidence.format).toBe("pdf");
    const back = r.report as Report;
    const { exact, wrong } = compare(original, back, new Set());
    expect(wrong).toEqual([]);
    expect(exact.length).toBe(Object.keys(original.cells).length);
    const v = validateReport(back, { importIssues: r.issues });
    expect(v.counts.error).toBe(0);
    // provenance: page and position of every value
    const src = back.sources["t3.new.total"];
    expect(src?.page).toBeGreaterThanOrEqual(1);
    expect(src?.x).toBeGreaterThan(0);
    expect(src?.raw).toBe(String(encodeCell(original.cells["t3.new.total"] ?? { kind: "blank" })));
  });

  it("a DOCX exported by LibreOffice: every figure exact or named by an import issue, none silently different", async () => {
    const r = await importReport(bytes("fixtures/pdf/pingtan-2021-libreoffice.pdf"), { filename: "pingtan-2021-libreoffice.pdf" });
    const back = r.report as Report;
    const named = new Set(r.issues.flatMap((i) => i.cells));
    const { exact, explained, wrong } = compare(original, back, named);
    expect(wrong).toEqual([]);
    expect(exact.length).toBeGreaterThanOrEqual(190);
    // what was not read is said, as a warning that a clerk sees, with the row's label
    for (const id of explained) expect(r.issues.some((i) => i.cells.includes(id) && i.severity !== "info")).toBe(true);
    const v = validateReport(back, { importIssues: r.issues });
    expect(v.counts.error).toBe(0);
    expect(v.corrections.filter((c) => explained.includes(c.cell))).toEqual([]);
  });

  it("bad PDFs: one clear error each, in both languages, and no report", async () => {
    const cases: [string, string][] = [
      ["fixtures/pdf/scan-no-text.pdf", "IMPORT-PDF-NO-TEXT"],
      ["fixtures/pdf/encrypted.pdf", "IMPORT-PDF-ENCRYPTED"],
      ["fixtures/pdf/pages-61.pdf", "IMPORT-PDF-TOO-MANY-PAGES"],
      ["fixtures/pdf/garbled-no-unicode.pdf", "IMPORT-PDF-GARBLED"],
    ];
    for (const [file, code] of cases) {
      const r = await importReport(bytes(file), { filename: file });
      expect(r.report, file).toBeUndefined();
      expect(
        r.issues.map((i) => i.code),
        file,
      ).toEqual([code]);
      const [issue] = r.issues;
      expect(formatIssue(issue!, "zh-CN")).not.toMatch(/\{\w+\}/);
      expect(formatIssue(issue!, "en")).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const whole = bytes("fixtures/real/hongze-district-2024.pdf");
    const cut = await importReport(whole.slice(0, Math.floor(whole.length / 2)), { filename: "cut.pdf" });
    expect(cut.report).toBeUndefined();
    expect(cut.issues.map((i) => i.code)).toEqual(["IMPORT-PDF-DAMAGED"]);
  });
});
