// Pipe text from PDF converters whose value rows lost their labels (#12): labels printed as prose lines above the
// value rows, a header row repeated inside a group, table 四 as one bare row of numbers under its heading. Made from
// render's Markdown of real and generated reports; every cell must come back exactly, or be named by an import issue.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseReportJson, type Report, reportCells } from "@gov-disclosure/core";
import { generateReport } from "@gov-disclosure/generator";
import { importText } from "@gov-disclosure/import";
import { renderMarkdown } from "@gov-disclosure/render";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const canonical = (name: string): Report => {
  const r = parseReportJson(readFileSync(join(here, "../../../fixtures/canonical", `${name}.json`), "utf8"));
  if (!r.success) throw new Error(name);
  return r.report;
};

/** The pipe rows of table `id` in render's Markdown, rewritten by `rewrite` (render's comments dropped). */
function rewriteTable(md: string, id: string, rewrite: (row: string[], header: boolean) => string[]): string {
  const out: string[] = [];
  let inTable = false;
  let header = true;
  for (const line of md.split("\n")) {
    if (line.startsWith(`<!-- gov-disclosure:table id=${id} `)) {
      inTable = true;
      header = true;
      continue;
    }
    if (line.startsWith("<!--")) continue;
    if (inTable && line.startsWith("|")) {
      if (line.startsWith("| ---") || line.startsWith("|---")) continue;
      out.push(
        ...rewrite(
          line
            .split("|")
            .slice(1, -1)
            .map((s) => s.trim()),
          header,
        ),
      );
      header = false;
      continue;
    }
    if (inTable && line.trim()) inTable = false;
    out.push(line);
  }
  return out.join("\n");
}

const pipe = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
/** Cells of table `prefix` that differ from the report and are not named by an import issue. */
function silentlyWrong(report: Report, text: string, prefix: string): { wrong: string[]; exact: number; total: number } {
  const r = importText(text, { filename: "converted.md" });
  const named = new Set(r.issues.flatMap((i) => i.cells));
  const ids = Object.keys(report.cells).filter((id) => id.startsWith(prefix));
  const wrong = ids.filter((id) => JSON.stringify(r.report?.cells[id]) !== JSON.stringify(report.cells[id]) && !named.has(id));
  const exact = ids.filter((id) => JSON.stringify(r.report?.cells[id]) === JSON.stringify(report.cells[id])).length;
  return { wrong, exact, total: ids.length };
}

/** Rows of the converted text the import says it did not find. */
const missingRows = (text: string) =>
  importText(text, { filename: "converted.md" })
    .issues.filter((i) => i.code === "IMPORT-ROW-MISSING")
    .flatMap((i) => i.cells);

/** True when some cell of the table is blank in the report (printed as an empty cell). */
const blanks = (report: Report, prefix: string) =>
  reportCells(report).list.some((d) => d.id.startsWith(prefix) && (report.cells[d.id] === undefined || report.cells[d.id]?.kind === "blank"));

const reports: [string, Report][] = [
  ["pingtan-2021", canonical("pingtan-2021")],
  ["shanghai-govoffice-2019", canonical("shanghai-govoffice-2019")],
  ...[1, 2, 3].map((seed) => [`gen2021 seed ${seed}`, generateReport({ edition: "gen2021", seed })] as [string, Report]),
  ...[1, 2, 3].map((seed) => [`gen2019 seed ${seed}`, generateReport({ edition: "gen2019", seed })] as [string, Report]),
];

describe("pipe rows whose labels were printed apart", () => {
  for (const [name, report] of reports) {
    it(`${name}: table 三's labels as prose lines above its value rows, its header row repeated inside a group`, () => {
      const md = renderMarkdown(report);
      let n = 0;
      const text = rewriteTable(md, "t3", (cells, header) => {
        if (header) return [pipe(cells)];
        const labels = [...new Set(cells.slice(0, 3))].join("");
        const values = pipe(cells.slice(3));
        // the converter repeats the table's header row once, half-way down (a page break)
        return ++n === 12 ? ["| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", labels, values] : [labels, values];
      });
      const { wrong, exact, total } = silentlyWrong(report, text, "t3.");
      expect(wrong).toEqual([]);
      // also a table that left its zero cells blank (Shanghai 2019): its empty cells, a row of them included, are read
      expect(exact).toBe(total);
      if (blanks(report, "t3.")) expect(missingRows(text)).toEqual([]);
    });

    it(`${name}: table 四 as one bare row of its numbers under the section heading`, () => {
      const md = renderMarkdown(report);
      const text = rewriteTable(md, "t4", (cells, header) => (header ? [] : [pipe(cells)]));
      const { wrong, exact, total } = silentlyWrong(report, text, "t4.");
      expect(wrong).toEqual([]);
      if (!blanks(report, "t4.")) expect(exact).toBe(total);
    });
  }
});
