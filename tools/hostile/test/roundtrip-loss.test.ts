// Round trips that lose data say so: render's Markdown read back keeps the body, year, title and every section's prose; render's
// workbook keeps sections that have a title and no text.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseReportJson, type Report, stringifyReport } from "@gov-disclosure/core";
import { generateReport } from "@gov-disclosure/generator";
import { importReport, importText } from "@gov-disclosure/import";
import { renderHtml, renderMarkdown, renderXlsx } from "@gov-disclosure/render";
import { describe, expect, it } from "vitest";

const EDITIONS = ["gen2014", "gen2019", "gen2021", "local"] as const;
/** Prose compared as the importer keeps it: line breaks and runs of blanks are not kept, every other character is. */
const prose = (s: string | undefined) => (s ?? "").replace(/\s+/g, "");

describe("Markdown written by render, read by import", () => {
  for (const edition of EDITIONS)
    it(`${edition}: body, year, title and every section's number and title come back`, () => {
      const r = generateReport({ edition, seed: 11 });
      const back = importText(renderMarkdown(r), { filename: "r.md" }).report;
      expect(back?.meta.title).toBe(r.meta.title);
      expect(back?.meta.body).toBe(r.meta.body);
      expect(back?.meta.year).toBe(r.meta.year);
      expect(back?.sections.map((s) => [s.number, s.title])).toEqual(r.sections.map((s) => [s.number, s.title]));
      // every section's prose comes back whole, its full-width punctuation kept; the tables, render's note on merged
      // cells, block titles and the appendix heading (render's table area) are not prose
      for (const s of r.sections) expect(prose(back?.sections.find((x) => x.number === s.number)?.text), `section ${s.number}`).toBe(prose(s.text));
    });
});

describe("XLSX written by render, read by import", () => {
  it("sections with a title and no text are kept", async () => {
    const r = generateReport({ edition: "gen2021", seed: 11 });
    const withEmpty = { ...r, sections: [...r.sections, { number: 7, title: "七、附加说明", text: "" }] };
    expect(withEmpty.sections.filter((s) => !s.text.trim()).length).toBeGreaterThan(1);
    const back = await importReport(await renderXlsx(withEmpty), { filename: "r.xlsx" });
    expect(back.report?.sections.map((s) => s.title)).toEqual(withEmpty.sections.map((s) => s.title));
  });
});

describe("a single-column local table (指标名称 | 计量单位 | 年末统计) written by render and core, read back", () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const text = readFileSync(join(here, "../../../fixtures/forms/pingtan-2011-single-column.txt"), "utf8");
  const report = importText(text, { filename: "single.txt" }).report as Report;

  it("keeps its one column in canonical JSON; a 历年累计 cell is refused", () => {
    expect(report.local?.columns).toEqual(["年末统计"]);
    const back = parseReportJson(stringifyReport(report));
    expect(back.success && back.report.local?.columns).toEqual(["年末统计"]);
    const bad = JSON.parse(stringifyReport(report)) as { cells: Record<string, unknown> };
    bad.cells["local.r1.cumulative"] = 5;
    expect(parseReportJson(JSON.stringify(bad)).success).toBe(false);
  });

  it("HTML and Markdown print three columns, and read back to the same cells", async () => {
    const html = renderHtml(report);
    expect(html).toContain("年末统计");
    expect(html).not.toContain("历年累计");
    for (const [name, out] of [
      ["html", importText(html, { filename: "r.html" })],
      ["md", importText(renderMarkdown(report), { filename: "r.md" })],
      ["xlsx", await importReport(await renderXlsx(report), { filename: "r.xlsx" })],
    ] as const) {
      expect(out.report?.local?.columns, name).toEqual(["年末统计"]);
      expect(out.report?.cells, name).toEqual(report.cells);
    }
  });
});
