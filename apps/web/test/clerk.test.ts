// The page as a county clerk on a deadline uses it (issue 15), at a laptop's 1366 px and a phone's 375 px, and PDFs
// read in the browser (issue 11). Real Chromium, real fixtures; screenshots kept in test-artifacts/; axe-core audits
// every state reached; every request is recorded and none may leave the page's origin.
import { readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { formatIssue, type Issue, stringifyReport, type ValidationResult } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, type AxeViolation, audit, ensureBuilt, FIXTURES, launch, serve, skipReason } from "./harness";

const skip = skipReason();
const TAG = "gov-disclosure-validator";
const domId = (cell: string) => `#cell-${cell.replace(/[^A-Za-z0-9_-]/g, "-")}`;
const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
/** A cell id (`t3.granted.natural`, `old.A1`) or an import/parse code shown as text: internal ids never reach the screen. */
const INTERNAL = /\b(?:t[234]|old|local)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)?\b|\b(?:IMPORT|PARSE)-[A-Z-]+/;
const RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

interface Listed {
  readonly code: string;
  readonly phase: string;
  readonly severity: string;
  readonly text: string;
  readonly cell?: string;
}

/** Every issue listed in the result summary, in order. */
const listed = (page: Page): Promise<Listed[]> =>
  page.locator(TAG).evaluate((el) =>
    [...((el as HTMLElement).shadowRoot?.querySelectorAll("ol.findings li") ?? [])].map((li) => {
      const h = li as HTMLElement;
      const cell = h.querySelector<HTMLElement>("button.goto")?.dataset.cell;
      return { code: h.dataset.code ?? "", phase: h.dataset.phase ?? "", severity: h.dataset.severity ?? "", text: h.textContent, ...(cell ? { cell } : {}) };
    }),
  );

const statusOf = async (page: Page) => ((await page.locator(`${TAG} #status`).textContent()) ?? "").trim();
const summaryOf = async (page: Page) => ((await page.locator(`${TAG} #summary`).textContent()) ?? "").trim();
const active = (page: Page) =>
  page.locator(TAG).evaluate((el) => {
    const a = (el as HTMLElement).shadowRoot?.activeElement as HTMLElement | null;
    return a ? (a.dataset.cell ?? a.id) : undefined;
  });
const resultOf = (page: Page) =>
  page.locator(TAG).evaluate((el) => JSON.parse(JSON.stringify((el as unknown as { result: unknown }).result))) as Promise<ValidationResult>;

/** Waits until a read has finished (the status says what was read, or why nothing was). */
async function waitRead(page: Page): Promise<string> {
  await page.waitForFunction(
    (tag) => {
      const s = document.querySelector(tag)?.shadowRoot?.querySelector("#status")?.textContent?.trim() ?? "";
      return s !== "" && !/正在读取|Reading…/.test(s);
    },
    TAG,
    { timeout: 60_000 },
  );
  return statusOf(page);
}

/**
 * Clicks one of the page's samples and waits until the element says it read it (the sample's text is a chunk loaded
 * first, so the status of the previous read stays for a moment).
 */
async function readSample(page: Page, sample: "pingtan" | "taishun"): Promise<string> {
  const name = sample === "pingtan" ? "pingtan-2021.json" : "taishun-2018.txt";
  await page.locator(`#sample-${sample}`).click();
  await expect.poll(() => statusOf(page), { timeout: 30_000 }).toContain(name);
  return statusOf(page);
}

/** Types into a cell and leaves it: the form is checked on leaving a cell. */
async function typeCell(page: Page, cell: string, text: string): Promise<void> {
  const input = page.locator(`${TAG} ${domId(cell)}`);
  await input.fill(text);
  await input.blur();
}

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 375, height: 800 },
] as const;

describe.skipIf(!!skip)("the clerk on a deadline, and PDFs, in Chromium", () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let close: () => Promise<void>;
  const requests: { url: string; method: string }[] = [];
  const workers: string[] = [];
  const pageErrors: string[] = [];
  const violations: { state: string; found: AxeViolation[] }[] = [];

  beforeAll(async () => {
    ensureBuilt();
    ({ server, origin } = await serve());
    ({ context, close } = await launch());
    context.on("request", (r) => requests.push({ url: r.url(), method: r.method() }));
  });

  afterAll(async () => {
    await close?.();
    await new Promise((ok) => server?.close(ok));
  });

  async function open(size: { width: number; height: number }, query = ""): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize(size);
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${origin}/${query}`);
    await page.locator(`${TAG} table#table-t3`).waitFor();
    return page;
  }

  /** Audits the page with axe-core and records what it found under the state's name (asserted to be nothing). */
  async function checkA11y(page: Page, state: string): Promise<void> {
    const found = await audit(page);
    violations.push({ state, found });
    expect(found, state).toEqual([]);
  }

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

  it("the accessibility audit sees inside the element: an unlabelled cell is a violation", async () => {
    const page = await open(WIDTHS[0]);
    await page.locator(`${TAG} ${domId("t3.new.natural")}`).evaluate((e) => e.removeAttribute("aria-label"));
    const found = await audit(page);
    expect(found.map((v) => v.id)).toContain("label");
    await page.close();
  });

  describe("PDFs are read in the browser (issue 11)", () => {
    const pdfInNode = async (path: string) => importReport(new Uint8Array(readFileSync(join(FIXTURES, path))), { filename: path.split("/").pop() as string });

    it("Hongze 2024 (WPS export): the tables as published, its import issues listed and counted, PDF.js in a Web Worker", async () => {
      const before = requests.length;
      const node = await pdfInNode("real/hongze-district-2024.pdf");
      const page = await open(WIDTHS[0]);
      await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "real", "hongze-district-2024.pdf"));
      const status = await waitRead(page);
      expect(status).toBe("已读取文件“hongze-district-2024.pdf”（PDF 文件）。");
      expect(await page.locator(`${TAG} ${domId("t3.new.total")}`).inputValue()).toBe("95");
      expect(await page.locator(`${TAG} ${domId("t3.granted.total")}`).inputValue()).toBe("50");
      const back = JSON.parse(await page.locator(TAG).evaluate((el) => (el as unknown as { exportJson(): Promise<string> }).exportJson()));
      expect(back.cells).toEqual(JSON.parse(stringifyReport(node.report as never)).cells);
      // The PDF's issues, as the importer gives them in Node, listed (worded, no code on screen) and counted.
      const shown = (await listed(page)).filter((l) => l.phase !== "rule");
      expect(shown.map((l) => `${l.code}:${l.severity}`).sort()).toEqual(node.issues.map((i) => `${i.code}:${i.severity}`).sort());
      expect(shown.length).toBeGreaterThan(0);
      for (const l of shown) expect(l.text).not.toMatch(INTERNAL);
      expect(await summaryOf(page)).toContain(`其中 ${shown.length} 项来自文件读取`);
      // PDF.js parsed in a real Web Worker, a file of this origin; nothing was fetched from elsewhere.
      expect(workers.some((w) => w.startsWith(`${origin}/assets/pdf.worker-`))).toBe(true);
      const during = requests.slice(before);
      expect(during.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith("blob:") && !r.url.startsWith("data:"))).toEqual([]);
      expect(during.some((r) => /\/assets\/pdf-[\w-]+\.js$/.test(r.url))).toBe(true);
      await shot(page, "pdf-hongze-1366");
      await checkA11y(page, "pdf hongze");
      await page.close();
    });

    it("a PDF printed by Chromium (Pingtan 2021, a page break inside table 三): every figure as in Node", async () => {
      const node = await pdfInNode("pdf/pingtan-2021-chromium.pdf");
      expect(node.report).toBeDefined();
      const page = await open(WIDTHS[1]);
      await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "pdf", "pingtan-2021-chromium.pdf"));
      expect(await waitRead(page)).toContain("pingtan-2021-chromium.pdf");
      const back = JSON.parse(await page.locator(TAG).evaluate((el) => (el as unknown as { exportJson(): Promise<string> }).exportJson()));
      expect(Object.keys(back.cells).length).toBeGreaterThan(100);
      expect(back.cells).toEqual(JSON.parse(stringifyReport(node.report as never)).cells);
      const shown = (await listed(page)).filter((l) => l.phase !== "rule");
      expect(shown.map((l) => l.code).sort()).toEqual(node.issues.map((i) => i.code).sort());
      await shot(page, "pdf-pingtan-chromium-375");
      await checkA11y(page, "pdf pingtan chromium");
      await page.close();
    });

    it("a scan: the one clear IMPORT-PDF-NO-TEXT message, counted, the form left as it was", async () => {
      const node = await pdfInNode("pdf/scan-no-text.pdf");
      const issue = node.issues[0] as Issue;
      expect(node.issues.map((i) => i.code)).toEqual(["IMPORT-PDF-NO-TEXT"]);
      const page = await open(WIDTHS[0]);
      await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "pdf", "scan-no-text.pdf"));
      const status = await waitRead(page);
      expect(status).toContain(formatIssue(issue, "zh-CN"));
      const shown = await listed(page);
      expect(shown.map((l) => [l.code, l.severity])).toEqual([["IMPORT-PDF-NO-TEXT", "error"]]);
      expect(shown[0]?.text).toContain(formatIssue(issue, "zh-CN"));
      expect(await summaryOf(page)).toBe("表格尚无数据。 错误 1 项，警告 0 项，提示 0 项（其中 1 项来自文件读取）");
      await page.locator(`${TAG} #lang-toggle`).click();
      expect(await statusOf(page)).toContain(formatIssue(issue, "en"));
      await shot(page, "pdf-scan-1366");
      await checkA11y(page, "pdf scan");
      await page.close();
    });
  });

  for (const size of WIDTHS) {
    const w = size.width;
    describe(`at ${w} px`, () => {
      it("1. the result summary comes where the clerk is looking, with a skip link, errors first, each linked to its cell", async () => {
        const page = await open(size);
        await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "real", "shanghai-govoffice-2019.html"));
        await waitRead(page);
        // The summary is scrolled into view and has the focus (a screen reader reads it).
        expect(await active(page)).toBe("result");
        const box = await page.locator(`${TAG} #result`).boundingBox();
        expect(box?.y).toBeGreaterThanOrEqual(-1);
        expect(box?.y).toBeLessThan(size.height / 2);
        if (w === 375) expect(await page.evaluate(() => scrollY)).toBeGreaterThan(300);
        await shot(page, `clerk-1-summary-${w}`);
        // Errors, then warnings, then notes, the import's issues among them.
        const items = await listed(page);
        expect(items.length).toBeGreaterThan(5);
        const ranks = items.map((l) => RANK[l.severity] ?? 0);
        expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
        expect(new Set(items.map((l) => l.phase)).size).toBe(2);
        // Each finding about a cell has a button to it.
        const withCell = items.filter((l) => l.cell);
        expect(withCell.length).toBeGreaterThan(5);
        const target = withCell[0] as Listed;
        await page.locator(`${TAG} ol.findings li button.goto[data-cell="${target.cell}"]`).first().click();
        expect(await active(page)).toBe(target.cell);
        // The skip link, first in the element, goes from the controls to the summary.
        await page.evaluate(() => scrollTo(0, 0));
        await page.locator(`${TAG} a.skip`).focus();
        await page.keyboard.press("Enter");
        expect(await active(page)).toBe("result");
        expect((await page.locator(`${TAG} #result`).boundingBox())?.y).toBeLessThan(size.height / 2);
        await checkA11y(page, `summary ${w}`);
        await page.close();
      });

      it("2. the table marks what was inferred (with its candidates), the cell most likely wrong, and what the user typed", async () => {
        const page = await open(size);
        await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "real", "pingtan-2019.txt"));
        await waitRead(page);
        const result = await resultOf(page);
        expect(result.uncertainCells.length).toBeGreaterThan(0);
        const marked = await page.locator(`${TAG} td.uncertain input`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.cell));
        expect(marked.sort()).toEqual([...result.uncertainCells].sort());
        // An inferred cell is explained by the import's issue about it, in words, with the values it could take.
        const ambiguous = result.findings.find((f) => f.code === "IMPORT-SPLIT-AMBIGUOUS" && (f.candidates?.length ?? 0) > 1) as Issue;
        expect(ambiguous).toBeDefined();
        const cell = ambiguous.cells.find((c) => new Set(ambiguous.candidates?.map((k) => k[c])).size > 1) as string;
        const input = page.locator(`${TAG} ${domId(cell)}`);
        const by = ((await input.getAttribute("aria-describedby")) ?? "").split(" ");
        const described = await Promise.all(by.map(async (id) => (await page.locator(`${TAG} #${id}`).textContent()) ?? ""));
        const values = [...new Set(ambiguous.candidates?.map((k) => k[cell]))] as string[];
        const explained = described.find((t) => t.includes("可能的值")) ?? "";
        for (const v of values) expect(explained).toContain(v);
        expect(explained).not.toMatch(INTERNAL);
        expect(await input.getAttribute("title")).toContain("可能的值");
        // Inferred is not wrong: no inferred cell is marked invalid because of its reading.
        expect(await page.locator(`${TAG} td.uncertain.fault`).count()).toBe(0);
        expect(await page.locator(`${TAG} .legend`).textContent()).toContain("读取时推断或按顺序放置");
        await shot(page, `clerk-2-inferred-${w}`, true);
        await checkA11y(page, `inferred ${w}`);

        // A slipped digit in a clean report: one cell at fault (the correction's), the rest of its checks only involved.
        await readSample(page, "pingtan");
        const slip = "t3.granted.natural";
        const good = await page.locator(`${TAG} ${domId(slip)}`).inputValue();
        await typeCell(page, slip, String(Number(good) + 9));
        const fault = await page.locator(`${TAG} td.fault input`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.cell));
        expect(fault).toEqual([slip]);
        expect(await page.locator(`${TAG} td.involved`).count()).toBeGreaterThan(3);
        expect(await page.locator(`${TAG} td[class~="involved"] input[aria-invalid="true"]`).count()).toBe(0);
        expect(await page.locator(`${TAG} td.typed input`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.cell))).toEqual([slip]);
        expect(await page.locator(`${TAG} .legend`).textContent()).toMatch(/最可能出错[\s\S]*您填写或修改/);
        await shot(page, `clerk-2-fault-${w}`);
        await checkA11y(page, `fault ${w}`);

        // Two slips in one column: no single correction; core's fault area names the two cells, not the whole column.
        const partial = "t3.partial.natural";
        await typeCell(page, slip, String(Number(good) + 3));
        await typeCell(page, partial, String(Number(await page.locator(`${TAG} ${domId(partial)}`).inputValue()) + 3));
        const area = (await resultOf(page)).faultArea;
        expect(area?.cells).toEqual([slip, partial]);
        const twoFaults = await page.locator(`${TAG} td.fault input`).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).dataset.cell));
        expect(twoFaults.sort()).toEqual([partial, slip].sort());
        expect(await page.locator(`${TAG} td.involved`).count()).toBeGreaterThan(10);
        await shot(page, `clerk-2-fault-area-${w}`);
        await checkA11y(page, `fault area ${w}`);
        await page.close();
      });

      it("3. the import's issues are counted in the summary and worded for people, no internal ids, in both languages", async () => {
        const page = await open(size);
        await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "real", "pingtan-2019.txt"));
        await waitRead(page);
        const items = await listed(page);
        const read = items.filter((l) => l.phase !== "rule");
        expect(read.length).toBeGreaterThan(3);
        const c = (await resultOf(page)).counts;
        expect(items.length).toBe(c.error + c.warning + c.info);
        expect(await summaryOf(page)).toBe(`错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项（其中 ${read.length} 项来自文件读取）`);
        const panel = async () => `${await page.locator(`${TAG} #result`).textContent()}\n${await statusOf(page)}`;
        expect(await panel()).not.toMatch(INTERNAL);
        await page.locator(`${TAG} #lang-toggle`).click();
        expect(await summaryOf(page)).toContain(`(${read.length} from reading the file)`);
        expect(await panel()).not.toMatch(INTERNAL);
        await shot(page, `clerk-3-import-notes-en-${w}`);
        await checkA11y(page, `import notes en ${w}`);
        await page.close();
      });

      it("4. live checking waits for a pause or for leaving the cell, and proposes no correction on a mostly blank form", async () => {
        const page = await open(size);
        const upheld = page.locator(`${TAG} ${domId("t4.review.upheld")}`);
        await upheld.focus();
        await page.keyboard.type("10");
        // Still typing: nothing checked yet.
        expect(await summaryOf(page)).toBe("表格尚无数据。");
        await page.waitForTimeout(250);
        expect(await summaryOf(page)).toBe("表格尚无数据。");
        // After a pause the form is checked, the cell still has the focus and shows what was typed.
        await expect.poll(() => summaryOf(page), { timeout: 3000 }).not.toBe("表格尚无数据。");
        expect(await active(page)).toBe("t4.review.upheld");
        // Leaving a cell checks at once.
        const total = page.locator(`${TAG} ${domId("t4.review.total")}`);
        await total.focus();
        await page.keyboard.type("0");
        await page.keyboard.press("Tab");
        expect((await listed(page)).map((l) => l.code)).toContain("T4-REVIEW-SUM");
        // Core has a correction for this identity, but two cells of a blank form are not a slip to correct.
        const raw = await resultOf(page);
        expect(raw.corrections.length).toBeGreaterThan(0);
        expect(await page.locator(`${TAG} ol.corrections`).count()).toBe(0);
        expect(await page.locator(`${TAG} td.suggested`).count()).toBe(0);
        expect(await page.locator(`${TAG} .held`).textContent()).toBe("表格填写不足五分之一，暂不提出更正建议。");
        await shot(page, `clerk-4-blank-form-${w}`);
        await checkA11y(page, `blank form ${w}`);
        await page.close();
      });

      it("5. asks before a read replaces typed cells; ← and → move between cells", async () => {
        const page = await open(size);
        await typeCell(page, "t3.new.natural", "4");
        const asked: string[] = [];
        page.once("dialog", (d) => {
          asked.push(d.message());
          void d.dismiss();
        });
        await page.locator("#sample-taishun").click();
        await expect.poll(() => asked.length).toBe(1);
        expect(asked[0]).toBe("读取后将替换您已填写的 1 个单元格，是否继续？");
        expect(await page.locator(`${TAG} ${domId("t3.new.natural")}`).inputValue()).toBe("4");
        expect(await page.locator(`${TAG} #edition`).inputValue()).toBe("gen2021");
        // Pasted text asks too; accepting reads it.
        await page.locator(`${TAG} #paste`).fill(readFileSync(join(FIXTURES, "real", "taishun-2018.txt"), "utf8"));
        page.once("dialog", (d) => {
          asked.push(d.message());
          void d.accept();
        });
        await page.locator(`${TAG} #read-pasted`).click();
        expect(await waitRead(page)).toBe("已读取粘贴的内容（纯文本）。");
        expect(asked.length).toBe(2);
        expect(await page.locator(`${TAG} ${domId("old.A1")}`).inputValue()).toBe("22727");
        // Nothing typed since: the next read does not ask.
        await readSample(page, "pingtan");
        expect(asked.length).toBe(2);
        // ←/→ like ↑/↓: into the next cell of the row when the caret is at that edge or the whole text is selected.
        const start = page.locator(`${TAG} ${domId("t3.new.natural")}`);
        await start.focus();
        await start.evaluate((e) => (e as HTMLInputElement).select());
        await page.keyboard.press("ArrowRight");
        expect(await active(page)).toBe("t3.new.business");
        await page.keyboard.press("ArrowRight");
        expect(await active(page)).toBe("t3.new.research");
        await page.keyboard.press("ArrowLeft");
        expect(await active(page)).toBe("t3.new.business");
        await page.keyboard.type("12");
        // The caret inside the text moves as usual: ← leaves it between "1" and "2", → takes it to the end, then out.
        await page.keyboard.press("ArrowLeft");
        expect(await active(page)).toBe("t3.new.business");
        await page.keyboard.press("ArrowRight");
        expect(await active(page)).toBe("t3.new.business");
        await page.keyboard.press("ArrowRight");
        expect(await active(page)).toBe("t3.new.research");
        await page.keyboard.press("ArrowDown");
        expect(await active(page)).toBe("t3.carry_in.research");
        await checkA11y(page, `keyboard ${w}`);
        await page.close();
      });

      it("6. table 四 fits or scrolls visibly; print is a document with its findings and marks, without controls", async () => {
        const page = await open(size);
        await page.locator(`${TAG} #file`).setInputFiles(join(FIXTURES, "real", "shanghai-govoffice-2019.html"));
        await waitRead(page);
        const t4 = page.locator(`${TAG} .scroll[data-table="t4"]`);
        await t4.scrollIntoViewIfNeeded();
        const box = await t4.evaluate((b) => ({
          scroll: b.scrollWidth,
          client: b.clientWidth,
          overflow: getComputedStyle(b).overflowX,
          edge: getComputedStyle(b).borderRightWidth,
          flagged: b.hasAttribute("data-overflow"),
        }));
        expect(box.overflow).toBe("auto");
        if (w === 1366) {
          expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
          expect(box.flagged).toBe(false);
          expect(await page.locator(`${TAG} #hint-t4`).isVisible()).toBe(false);
        } else {
          expect(box.scroll).toBeGreaterThan(box.client);
          expect(box.flagged).toBe(true);
          // Headless Chromium hides scroll bars: what shows that more is to the right is the cut edge and the hint.
          expect(box.edge).toBe("4px");
          expect(await page.locator(`${TAG} #hint-t4`).isVisible()).toBe(true);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(w + 1);
        }
        await t4.screenshot({ path: join(ARTIFACTS, `clerk-6-table4-${w}.png`) });
        await checkA11y(page, `table 4 ${w}`);
        await page.emulateMedia({ media: "print" });
        for (const hidden of [".input-area", "#fill-totals", "a.skip", "#lang-toggle", "#edition", "button.goto"])
          expect(await page.locator(`${TAG} ${hidden}`).first().isVisible(), hidden).toBe(false);
        expect(await page.locator("#event-log").isVisible()).toBe(false);
        for (const shown of ["#result", "ol.findings", "#table-t3", "#table-t4", ".legend"])
          expect(await page.locator(`${TAG} ${shown}`).isVisible(), shown).toBe(true);
        // The marks print: glyphs, not only colours.
        const mark = await page
          .locator(`${TAG} td.fault`)
          .first()
          .evaluate((td) => getComputedStyle(td, "::before").content);
        expect(mark).toBe('"!"');
        await shot(page, `clerk-6-print-${w}`, true);
        if (w === 1366) writeFileSync(join(ARTIFACTS, "clerk-6-print.pdf"), await page.pdf({ format: "A4" }));
        await page.emulateMedia({ media: "screen" });
        await page.close();
      });

      it("7. complete English (page, samples, status, import notes, html lang) and the wording fixes", async () => {
        const page = await open(size);
        // One heading per page: the page's h1, in one language; the element's heading is its own.
        expect(await page.locator("h1").count()).toBe(1);
        expect(await page.locator("h1").textContent()).toBe("政府信息公开工作年度报告校验");
        expect(await page.locator(`${TAG} h2`).textContent()).not.toBe(await page.locator("h1").textContent());
        // Pasted text names what was read; a fraction in a count cell is "not a whole number".
        await page.locator(`${TAG} #paste`).fill(readFileSync(join(FIXTURES, "real", "pingtan-2019.txt"), "utf8"));
        await page.locator(`${TAG} #read-pasted`).click();
        expect(await waitRead(page)).toBe("已读取粘贴的内容（纯文本）。");
        await typeCell(page, "t4.review.upheld", "1.5");
        const fraction = (await listed(page)).find((l) => l.code === "CELL-NOT-NUMERIC");
        expect(fraction?.text).toContain("“1.5”不是整数");
        await page.locator(`${TAG} #lang-toggle`).click();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
        expect((await listed(page)).find((l) => l.code === "CELL-NOT-NUMERIC")?.text).toContain("“1.5”, which is not a whole number");
        // The page around the element, in English.
        const pageText = await page.evaluate(() =>
          [
            document.title,
            document.querySelector("h1")?.textContent,
            document.querySelector(".intro")?.textContent,
            document.querySelector(".samples")?.textContent,
            document.querySelector("footer")?.textContent,
          ].join("\n"),
        );
        expect(pageText).not.toMatch(CJK);
        expect(await page.locator("h1").textContent()).toBe("Check an annual report on government information disclosure");
        // A sample read in English: the status, the summary, the listed issues and the event log are English. What
        // is quoted from the published document (labels in “…”) is the document's own Chinese.
        page.once("dialog", (d) => void d.accept());
        const status = await readSample(page, "taishun");
        expect(status).toBe("Read the file “taishun-2018.txt” (plain text).");
        const texts = [await summaryOf(page), ...(await listed(page)).map((l) => l.text), await page.locator("#event-log").textContent()];
        // The document's own words, as the import quotes them: the labels an edition was detected from, a row's label.
        const body = await page.locator(TAG).evaluate((el) => (el as unknown as { report: { meta: { body?: string } } }).report.meta.body);
        const quoted = [body, ...(await resultOf(page)).findings.flatMap((f) => Object.values(f.params).flatMap((v) => (Array.isArray(v) ? v : [v])))];
        const strip = (t: string) => quoted.reduce<string>((x, q) => (typeof q === "string" && CJK.test(q) ? x.replaceAll(q, "…") : x), t);
        for (const t of texts) expect(strip(t ?? "").replace(/“[^”]*”/g, "“…”"), t ?? "").not.toMatch(CJK);
        expect(await page.locator("#event-log").textContent()).toMatch(/^Tables updated \(reading\)/);
        await shot(page, `clerk-7-english-${w}`, true);
        await checkA11y(page, `english ${w}`);
        // And back: Chinese, with <html lang> following.
        await page.locator(`${TAG} #lang-toggle`).click();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
        expect(await page.locator("h1").textContent()).toBe("政府信息公开工作年度报告校验");
        // ?lang=en opens in English.
        const en = await open(size, "?lang=en");
        expect(await en.evaluate(() => document.documentElement.lang)).toBe("en");
        expect(await en.locator(`${TAG} #summary`).textContent()).toBe("The tables hold no data yet.");
        await checkA11y(en, `english blank ${w}`);
        await en.close();
        await page.close();
      });
    });
  }

  it("8. axe-core found no violation in any state reached; no request left the origin; no page error", () => {
    expect(violations.length).toBeGreaterThanOrEqual(20);
    expect(violations.filter((v) => v.found.length)).toEqual([]);
    const foreign = requests.filter((r) => !(r.url.startsWith(`${origin}/`) || r.url.startsWith("blob:") || r.url.startsWith("data:")));
    expect(foreign).toEqual([]);
    expect(requests.filter((r) => r.method !== "GET")).toEqual([]);
    expect(pageErrors.filter((e) => !/Service Worker registration blocked/.test(e))).toEqual([]);
    writeFileSync(join(ARTIFACTS, "axe.json"), JSON.stringify(violations, null, 2));
  });
});
