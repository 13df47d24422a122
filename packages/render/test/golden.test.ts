// Golden files of every output on real fixtures. Reviewed by eye: they must be right, not only stable.
import { importIssue, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import {
  compareReports,
  renderComparisonHtml,
  renderComparisonMarkdown,
  renderComparisonText,
  renderCsv,
  renderHtml,
  renderJUnit,
  renderMarkdown,
  renderNdjson,
  renderOutcomeChart,
  renderSarif,
  renderTrendChart,
  renderValidationHtml,
  renderValidationJson,
  renderValidationText,
} from "../src/index";
import { pingtan2021, pingtan2021WithSlip, shanghai2019, taishun2018 } from "./fixtures";

const reports = { "taishun-2018": taishun2018, "shanghai-2019": shanghai2019, "pingtan-2021": pingtan2021, "pingtan-2021-slip": pingtan2021WithSlip } as const;
const g = (name: string) => `./__golden__/${name}`;

describe.each(Object.entries(reports))("%s", (name, make) => {
  const report = make();
  const result = validateReport(report);
  it("HTML", async () => {
    await expect(renderHtml(report)).toMatchFileSnapshot(g(`${name}.html`));
  });
  it("Markdown", async () => {
    await expect(renderMarkdown(report)).toMatchFileSnapshot(g(`${name}.md`));
  });
  it("CSV and NDJSON", async () => {
    await expect(renderCsv(report, { findings: [result.findings] })).toMatchFileSnapshot(g(`${name}.csv`));
    await expect(renderNdjson(report, { findings: [result.findings] })).toMatchFileSnapshot(g(`${name}.ndjson`));
  });
  it("validation: text, HTML, JSON, SARIF, JUnit", async () => {
    await expect(renderValidationText(report, result)).toMatchFileSnapshot(g(`${name}.validation.txt`));
    await expect(renderValidationHtml(report, result)).toMatchFileSnapshot(g(`${name}.validation.html`));
    await expect(renderValidationJson(report, result)).toMatchFileSnapshot(g(`${name}.validation.json`));
    await expect(renderSarif({ report, result })).toMatchFileSnapshot(g(`${name}.sarif`));
    await expect(renderJUnit({ report, result })).toMatchFileSnapshot(g(`${name}.junit.xml`));
  });
  it("outcome chart", async () => {
    await expect(renderOutcomeChart(report)).toMatchFileSnapshot(g(`${name}.outcomes.svg`));
  });
});

describe("English", () => {
  it("HTML, Markdown, validation text with colour, chart", async () => {
    const report = shanghai2019();
    const result = validateReport(report);
    await expect(renderHtml(report, { locale: "en" })).toMatchFileSnapshot(g("shanghai-2019.en.html"));
    await expect(renderMarkdown(report, { locale: "en" })).toMatchFileSnapshot(g("shanghai-2019.en.md"));
    await expect(renderValidationText(report, result, { locale: "en", color: true })).toMatchFileSnapshot(g("shanghai-2019.en.validation.ansi.txt"));
    await expect(renderValidationHtml(report, result, { locale: "en" })).toMatchFileSnapshot(g("shanghai-2019.en.validation.html"));
    await expect(renderOutcomeChart(report, { locale: "en" })).toMatchFileSnapshot(g("shanghai-2019.en.outcomes.svg"));
  });
});

describe("import issues", () => {
  it("an ambiguous split (fixtures/real/pingtan-2021.txt line 10) in text, JSON, HTML, SARIF and JUnit, in both languages", async () => {
    const base = pingtan2021WithSlip();
    const report = { ...base, meta: { ...base.meta, source: { filename: "pingtan-2021.txt" } } };
    const cells = ["t3.unable_1.natural", "t3.unable_1.business"];
    const split = importIssue(
      "IMPORT-SPLIT-AMBIGUOUS",
      "warning",
      { n: 2, cells, chosen: "most-plausible" },
      { cells, source: { line: 10, column: 2609, raw: "220000325" } },
    );
    const result = validateReport(report, { importIssues: [split] });
    const name = "pingtan-2021-slip-ambiguous";
    await expect(renderValidationText(report, result)).toMatchFileSnapshot(g(`${name}.validation.txt`));
    await expect(renderValidationText(report, result, { locale: "en", verbose: true })).toMatchFileSnapshot(g(`${name}.en.validation.txt`));
    await expect(renderValidationJson(report, result, { locale: "en" })).toMatchFileSnapshot(g(`${name}.en.validation.json`));
    await expect(renderValidationHtml(report, result)).toMatchFileSnapshot(g(`${name}.validation.html`));
    await expect(renderSarif({ report, result }, { locale: "en" })).toMatchFileSnapshot(g(`${name}.en.sarif`));
    await expect(renderJUnit({ report, result })).toMatchFileSnapshot(g(`${name}.junit.xml`));
    await expect(renderCsv(report, { findings: [result.findings] })).toMatchFileSnapshot(g(`${name}.csv`));
  });
});

describe("several reports", () => {
  it("JUnit per rule family and SARIF of two reports", async () => {
    const items = [pingtan2021WithSlip(), shanghai2019()].map((report) => ({ report, result: validateReport(report) }));
    await expect(renderJUnit(items, { groupBy: "family" })).toMatchFileSnapshot(g("two-reports.by-family.junit.xml"));
    await expect(
      renderCsv(
        items.map((i) => i.report),
        { findings: items.map((i) => i.result.findings) },
      ),
    ).toMatchFileSnapshot(g("two-reports.csv"));
  });
  it("comparison of two bodies' reports (2019 format vs 2021 format)", async () => {
    const a = shanghai2019();
    const b = pingtan2021();
    const cmp = compareReports(a, b);
    await expect(renderComparisonText(a, b, cmp)).toMatchFileSnapshot(g("compare-shanghai-2019-pingtan-2021.txt"));
    await expect(renderComparisonMarkdown(a, b, cmp)).toMatchFileSnapshot(g("compare-shanghai-2019-pingtan-2021.md"));
    await expect(renderComparisonHtml(a, b, cmp)).toMatchFileSnapshot(g("compare-shanghai-2019-pingtan-2021.html"));
  });
  it("comparison of one body's report with a corrected copy", async () => {
    const a = pingtan2021WithSlip();
    const b = pingtan2021();
    await expect(renderComparisonText(a, b)).toMatchFileSnapshot(g("compare-pingtan-2021-slip-fixed.txt"));
  });
  it("trend chart of Pingtan", async () => {
    // Two years of one body: 2021 from the fixture, and 2019 from pingtan-2019.expected.json's table 三 totals.
    const { createReport } = await import("@gov-disclosure/core");
    const { expectedOf } = await import("./fixtures");
    const t = (expectedOf("pingtan-2019").expected as { table3_total: Record<string, number> }).table3_total;
    const y2019 = createReport({
      edition: "gen2019",
      meta: { body: "平潭综合实验区", year: 2019 },
      cells: { "t3.new.total": t.本年新收 ?? null, "t3.total.total": t.总计 ?? null },
    });
    await expect(renderTrendChart([pingtan2021(), y2019])).toMatchFileSnapshot(g("pingtan-trend.svg"));
  });
});
