// The HTML outputs opened in headless Chromium (Debian's /usr/bin/chromium via playwright-core): merged-cell
// structure, highlighted failing cells and their links, inert hostile text, well-formed SVG/XML, A4 printing.
// Screenshots and PDFs go to test-artifacts/ (gitignored). Skipped only when Chromium is absent outside CI.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { importIssue, validateReport } from "@gov-disclosure/core";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandGrid, officialTables, outcomeBars, renderHtml, renderJUnit, renderOutcomeChart, renderTrendChart, renderValidationHtml } from "../src/index";
import { pingtan2021, pingtan2021WithSlip, shanghai2019, taishun2018 } from "./fixtures";
import { hostile2021, hostileLocal, SCRIPT } from "./hostile";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const skip = !present && !process.env.CI;
if (skip) console.warn(`browser tests skipped: ${CHROMIUM} is absent (they run, and fail, when CI is set)`);
const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), "../test-artifacts");

describe.skipIf(skip)(skip ? `browser (skipped: ${CHROMIUM} is absent)` : "browser", () => {
  let ctx: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "render-chromium-")), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setViewportSize({ width: 1000, height: 1400 });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
  });

  /** Every header cell's text with its spans, and every value cell's grid position, as the browser sees them. */
  const structure = (tableId: string) =>
    page.evaluate((id) => {
      const table = document.getElementById(id) as HTMLTableElement;
      const spans = [...table.querySelectorAll("th")].map((th) => ({
        text: th.textContent ?? "",
        rowSpan: th.rowSpan,
        colSpan: th.colSpan,
        scope: th.getAttribute("scope"),
      }));
      // Grid expansion of the rendered table.
      const grid: (string | null)[][] = [];
      [...table.rows].forEach((tr, r) => {
        grid[r] ??= [];
        let c = 0;
        for (const cell of [...tr.cells]) {
          while (grid[r]?.[c] !== undefined) c++;
          for (let dr = 0; dr < cell.rowSpan; dr++)
            for (let dc = 0; dc < cell.colSpan; dc++) {
              grid[r + dr] ??= [];
              (grid[r + dr] as (string | null)[])[c + dc] = cell.getAttribute("data-cell") ?? null;
            }
          c += cell.colSpan;
        }
      });
      return {
        spans,
        widths: grid.map((row) => row.length),
        holes: grid.map((row) => [...row].filter((x) => x === undefined).length),
        grid,
        caption: table.caption?.textContent ?? "",
      };
    }, tableId);

  const th = (spans: { text: string; rowSpan: number; colSpan: number; scope: string | null }[], text: string) => {
    const found = spans.find((s) => s.text === text || s.text.startsWith(text));
    if (!found) throw new Error(`no header cell ${text}`);
    return found;
  };

  it("Pingtan 2021: table 三 has the official merged header and row groups (rowspan 22)", async () => {
    const report = pingtan2021();
    await page.setContent(renderHtml(report));
    const s = await structure("table-t3");
    expect(s.caption).toBe("三、收到和处理政府信息公开申请情况");
    expect(new Set(s.widths)).toEqual(new Set([10]));
    expect(s.holes.every((h) => h === 0)).toBe(true);
    const corner = th(s.spans, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    expect([corner.rowSpan, corner.colSpan]).toEqual([3, 3]);
    expect(th(s.spans, "申请人情况").colSpan).toBe(7);
    expect(th(s.spans, "法人或其他组织").colSpan).toBe(5);
    expect([th(s.spans, "自然人").rowSpan, th(s.spans, "总计").rowSpan]).toEqual([2, 2]);
    expect(th(s.spans, "三、本年度办理结果").rowSpan).toBe(22);
    expect(th(s.spans, "（三）不予公开").rowSpan).toBe(8);
    expect(th(s.spans, "（四）无法提供").rowSpan).toBe(3);
    expect(th(s.spans, "（五）不予处理").rowSpan).toBe(5);
    expect(th(s.spans, "（六）其他处理").rowSpan).toBe(3);
    for (const t of ["（一）予以公开", "（二）部分公开", "（七）总计"]) expect(th(s.spans, t).colSpan, t).toBe(2);
    for (const t of ["一、本年新收", "二、上年结转", "四、结转下年度"]) expect(th(s.spans, t).colSpan, t).toBe(3);
    expect(th(s.spans, "三、本年度办理结果").scope).toBe("rowgroup");
    // Every value cell sits where the layout model puts it.
    const model = expandGrid(officialTables(report).find((t) => t.id === "t3") as ReturnType<typeof officialTables>[number]);
    expect(s.grid).toEqual(model.map((row) => row.map((slot) => slot.cell.cell ?? null)));
    await page.locator("#table-t3").screenshot({ path: join(ARTIFACTS, "pingtan-2021-t3.png") });
  });

  it("Pingtan 2021: tables 二 and 四", async () => {
    await page.setContent(renderHtml(pingtan2021()));
    const t2 = await structure("table-t2");
    expect(new Set(t2.widths)).toEqual(new Set([4]));
    for (const cell of ["t2.licensing.decisions", "t2.penalty.decisions", "t2.coercion.decisions", "t2.fees.amount"])
      expect(await page.locator(`td[data-cell="${cell}"]`).evaluate((e) => (e as HTMLTableCellElement).colSpan), cell).toBe(3);
    expect(await page.locator('td[data-cell="t2.fees.amount"]').textContent()).toBe("24252.311082");
    const t4 = await structure("table-t4");
    expect(new Set(t4.widths)).toEqual(new Set([15]));
    expect(th(t4.spans, "行政复议").colSpan).toBe(5);
    expect(th(t4.spans, "行政诉讼").colSpan).toBe(10);
    expect(th(t4.spans, "未经复议直接起诉").colSpan).toBe(5);
    expect(th(t4.spans, "复议后起诉").colSpan).toBe(5);
    expect(t4.spans.filter((x) => x.text === "结果维持").map((x) => x.rowSpan)).toEqual([2, 1, 1]);
    await page.screenshot({ path: join(ARTIFACTS, "pingtan-2021.png"), fullPage: true });
    writeFileSync(join(ARTIFACTS, "pingtan-2021.pdf"), await page.pdf({ format: "A4", printBackground: true }));
  });

  it("Shanghai 2019: rowspan 20 and a single （六）其他处理 row; blanks stay blank", async () => {
    await page.setContent(renderHtml(shanghai2019()));
    const s = await structure("table-t3");
    expect(th(s.spans, "三、本年度办理结果").rowSpan).toBe(20);
    expect(th(s.spans, "（六）其他处理").colSpan).toBe(2);
    expect(await page.locator('td[data-cell="t3.granted.total"]').textContent()).toBe("");
    expect(await page.locator('td[data-cell="t2.procurement.amount"]').textContent()).toBe("251000元");
    await page.screenshot({ path: join(ARTIFACTS, "shanghai-2019.png"), fullPage: true });
  });

  it("Taishun 2018: the 2014 table with its 7 header rows of “——”", async () => {
    await page.setContent(renderHtml(taishun2018()));
    const rows = await page.locator("#table-old tbody tr").count();
    expect(rows).toBe(65);
    expect(await page.locator("#table-old td.dash").count()).toBe(14);
    expect(await page.locator('td[data-cell="old.A1"]').textContent()).toBe("22727");
    expect(await page.locator("#table-old thead th").allTextContents()).toEqual(["统计指标", "单位", "统计数"]);
    await page.screenshot({ path: join(ARTIFACTS, "taishun-2018.png"), fullPage: true });
    writeFileSync(join(ARTIFACTS, "taishun-2018.pdf"), await page.pdf({ format: "A4", printBackground: true }));
  });

  it("validation HTML highlights the failing cells, links findings and cells both ways, shows the correction", async () => {
    const report = pingtan2021WithSlip();
    const result = validateReport(report);
    await page.setContent(renderValidationHtml(report, result));
    const failing = await page.locator("td.fail-error").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
    expect(failing.sort()).toEqual(["t3.granted.total", "t3.total.natural"]);
    const suggested = page.locator("td.suggested");
    expect(await suggested.getAttribute("data-cell")).toBe("t3.granted.natural");
    expect(await suggested.getAttribute("data-suggested")).toBe("27");
    const bg = await page.locator('td[data-cell="t3.total.natural"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    const plain = await page.locator('td[data-cell="t3.new.business"]').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toBe(plain);
    // Cell → finding links and finding → cell links all resolve.
    const broken = await page.evaluate(() =>
      [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute("href")?.slice(1) ?? "").filter((id) => !document.getElementById(id)),
    );
    expect(broken).toEqual([]);
    const described = await page.locator('td[data-cell="t3.total.natural"]').getAttribute("aria-describedby");
    const ruleOf = await page.locator(`#${described?.split(" ")[0]}`).getAttribute("data-rule");
    expect(ruleOf).toBe("T3-OUTCOME-SUM");
    await page.locator('td[data-cell="t3.total.natural"] a').click();
    expect(await page.evaluate(() => location.hash)).toBe(`#${described?.split(" ")[0]}`);
    await page.locator("#table-t3").screenshot({ path: join(ARTIFACTS, "pingtan-2021-slip-validation-t3.png") });
    await page.screenshot({ path: join(ARTIFACTS, "pingtan-2021-slip-validation.png"), fullPage: true });
  });

  it("validation HTML frames the cells the import guessed apart from the failing ones, and explains the frame", async () => {
    const report = pingtan2021WithSlip();
    const cells = ["t3.unable_1.natural", "t3.unable_1.business"];
    const split = importIssue("IMPORT-SPLIT-AMBIGUOUS", "warning", { n: 2, cells, chosen: "most-plausible" }, { cells, source: { line: 10, column: 2609 } });
    await page.setContent(renderValidationHtml(report, validateReport(report, { importIssues: [split] })));
    const style = (cell: string) =>
      page.locator(`td[data-cell="${cell}"]`).evaluate((e) => {
        const s = getComputedStyle(e);
        return { border: s.borderTopStyle, after: getComputedStyle(e, "::after").content };
      });
    expect(await style("t3.unable_1.business")).toEqual({ border: "dotted", after: '"?"' });
    expect((await style("t3.total.natural")).border).not.toBe("dotted");
    expect(await page.locator(".legend").isVisible()).toBe(true);
    expect(await page.locator("#import-issues li").count()).toBe(1);
    await page.locator("#table-t3").screenshot({ path: join(ARTIFACTS, "pingtan-2021-ambiguous-t3.png") });
  });

  it("hostile text stays inert: no script runs, no dialog opens, titles show the text literally", async () => {
    for (const report of [hostileLocal(), hostile2021()]) {
      for (const html of [renderHtml(report), renderValidationHtml(report, validateReport(report))]) {
        await page.setContent(html);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator("script, img").count()).toBe(0);
        expect(await page.locator("body").textContent()).toContain(SCRIPT);
      }
    }
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "hostile.png"), fullPage: true });
  });

  it("SVG charts and JUnit XML are well-formed XML, hostile or not", async () => {
    const docs = [
      renderOutcomeChart(shanghai2019()),
      renderOutcomeChart(taishun2018()),
      renderOutcomeChart(hostile2021()),
      renderTrendChart([pingtan2021()]),
      renderJUnit({ report: hostileLocal(), result: validateReport(hostileLocal()) }),
      renderJUnit({ report: hostile2021(), result: validateReport(hostile2021()) }, { groupBy: "family" }),
    ];
    const errors = await page.evaluate(
      (xs) => xs.map((x) => new DOMParser().parseFromString(x, "application/xml").getElementsByTagName("parsererror").length),
      docs,
    );
    expect(errors).toEqual(docs.map(() => 0));
    const title = await page.evaluate((x) => new DOMParser().parseFromString(x, "image/svg+xml").querySelector("title")?.textContent, docs[2] as string);
    expect(title).toContain('"><img src=x');
    await page.setContent(`<!DOCTYPE html><html><body>${docs[0]}${renderOutcomeChart(pingtan2021(), { idPrefix: "b" })}</body></html>`);
    expect(await page.locator("svg g.bar").count()).toBe(outcomeBars(shanghai2019()).length + outcomeBars(pingtan2021()).length);
    expect(outcomeBars(pingtan2021()).map((b) => b.value)).toEqual([30, 5, 8, 0, 0, 0, 0, 1, 0, 6, 1, 25, 0, 1]);
    await page.screenshot({ path: join(ARTIFACTS, "charts.png"), fullPage: true });
  });
});
