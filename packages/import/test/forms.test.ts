// The forms of real reports that #12 names, each with a fixture of our own in fixtures/forms (made from real reports).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue, parseReportJson, reportCells, validateReport } from "@gov-disclosure/core";
import { generateReport, toFlattenedText } from "@gov-disclosure/generator";
import { describe, expect, it } from "vitest";
import { importText } from "../src/index";

const FORMS = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/forms");
const REAL = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/real");
const CANONICAL = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/canonical");
const form = (f: string) => readFileSync(join(FORMS, f), "utf8");

describe("a report with no statistics table (narrative only)", () => {
  // Pingtan's 2011 report as published, with its attached table (附件1) cut off, as many early reports were published.
  const r = importText(form("pingtan-2011-narrative-only.txt"), { filename: "pingtan-2011-narrative-only.txt" });

  it("is a report: meta, sections and one warning that the table is missing, not 'no report'", () => {
    expect(r.report?.meta).toMatchObject({ body: "平潭综合实验区", year: 2011, publishedAt: "2012-04-11" });
    expect(r.report?.meta.title).toBe("平潭综合实验区2011年政府信息公开工作年度报告");
    // before 2014 a report's table was a provincial one: edition local, no rows declared, no cells
    expect(r.edition).toBe("local");
    expect(r.report?.local?.rows).toEqual([]);
    expect(r.report?.cells).toEqual({});
    expect(r.report?.sections.map((s) => s.title)).toEqual([
      "一、概述",
      "二、主动公开政府信息情况",
      "三、政府信息依申请公开工作情况",
      "四、政府信息公开工作存在的主要问题及改进情况",
    ]);
    expect(r.report?.sections[2]?.text).toBe("2011年全区未收到有关政府信息公开的申请，未收到有关政府信息公开行政复议申请。");
    const missing = r.issues.filter((i) => i.code === "IMPORT-NARRATIVE-ONLY");
    expect(missing).toHaveLength(1);
    expect(missing[0]?.severity).toBe("warning");
    expect(formatIssue(missing[0]!, "zh-CN")).toContain("4 个正文部分");
    expect(formatIssue(missing[0]!, "en")).toContain("4 sections");
    // the edition is a guess from the year, and says so
    expect(formatIssue(missing[0]!, "zh-CN")).toContain("按年度（2011 年）推定");
    expect(formatIssue(missing[0]!, "en")).toContain("inferred from the year 2011");
    expect(r.issues.some((i) => i.code === "IMPORT-NO-TABLES" || i.code === "IMPORT-NOT-A-REPORT")).toBe(false);
  });

  it("is still checked where it can be: its prose breakdown (148+21+21+8+49+23+33+55+63 = 421, said 425) is named", () => {
    const breakdown = r.issues.find((i) => i.code === "IMPORT-NARRATIVE-BREAKDOWN");
    expect(breakdown).toBeDefined();
    const v = validateReport(r.report!, { importIssues: r.issues });
    expect(v.counts.error).toBe(0);
    expect(v.counts.warning).toBeGreaterThanOrEqual(2);
  });

  it("the same report with its table is read from the table, with no narrative-only warning", () => {
    const whole = importText(readFileSync(join(REAL, "pingtan-2011.txt"), "utf8"));
    expect(whole.issues.some((i) => i.code === "IMPORT-NARRATIVE-ONLY")).toBe(false);
    expect(Object.keys(whole.report?.cells ?? {}).length).toBeGreaterThan(20);
  });

  it("a text with no table whose title is not an annual report's, or whose year is unknown, is still not a report", () => {
    const letter = importText(readFileSync(join(REAL, "pingtan-2014-letter-not-a-report.txt"), "utf8"));
    expect(letter.report).toBeUndefined();
    const noYear = form("pingtan-2011-narrative-only.txt")
      .replace(/2011/g, "")
      .replace(/二○一二/g, "");
    const r2 = importText(noYear);
    expect(r2.report).toBeUndefined();
    expect(r2.issues.map((i) => i.code)).toContain("IMPORT-NO-TABLES");
  });
});

describe("a glued row whose only split breaks the table's identities (a published table that is broken)", () => {
  // Pingtan 2021 with its 上年结转 row printed 0000001000000: a total of 1000000 whose parts are all 0.
  const r = importText(form("pingtan-2021-broken-total.txt"), { filename: "pingtan-2021-broken-total.txt" });
  const row = ["natural", "business", "research", "nonprofit", "legal", "other", "total"].map((c) => `t3.carry_in.${c}`);

  it("is read as printed (the one way to cut the digits), and the import says the row does not add up", () => {
    expect(row.map((id) => r.report?.cells[id])).toEqual([0, 0, 0, 0, 0, 0, 1000000].map((value) => ({ kind: "count", value })));
    const broken = r.issues.filter((i) => i.code === "IMPORT-ROW-BROKEN");
    expect(broken).toHaveLength(1);
    expect(broken[0]?.cells).toEqual(row);
    expect(broken[0]?.source?.raw ?? formatIssue(broken[0]!, "zh-CN")).toContain("0000001000000");
    // the other rows of table 三 are read exactly as from the published report
    const whole = importText(readFileSync(join(REAL, "pingtan-2021.txt"), "utf8"));
    for (const [id, v] of Object.entries(whole.report?.cells ?? {})) if (!row.includes(id)) expect(r.report?.cells[id], id).toEqual(v);
  });

  it("fails the rules with errors that are not put down to the reading: the broken row is no guess", () => {
    const v = validateReport(r.report!, { importIssues: r.issues });
    for (const id of row) expect(v.uncertainCells).not.toContain(id);
    const errors = v.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.severity === "error");
    const rowTotal = errors.find((f) => f.cells.includes("t3.carry_in.total") && f.cells.includes("t3.carry_in.natural"));
    expect(rowTotal).toBeDefined();
    expect(formatIssue(rowTotal!, "zh-CN")).not.toContain("导入时推断");
    // the balance fails on the published figures, not on a reading: the other rows were read whole, none unverified
    const balance = errors.find((f) => f.code === "T3-BALANCE");
    expect(balance).toBeDefined();
    expect(formatIssue(balance!, "zh-CN")).not.toContain("导入时推断");
    expect(r.issues.some((i) => i.code === "IMPORT-SPLIT-UNVERIFIED")).toBe(false);
    expect(v.counts.error).toBeGreaterThanOrEqual(2);
  });
});

describe("a fragment: table 三 cut off part-way", () => {
  // Pingtan 2021 as published, cut off at table 三's （四）无法提供 (a page lost, a copy that stops)
  const full = readFileSync(join(REAL, "pingtan-2021.txt"), "utf8");
  const r = importText(full.slice(0, full.indexOf("（四）无法提供")));
  const v = validateReport(r.report!, { importIssues: r.issues });
  const absent = new Set(r.issues.filter((i) => i.code === "IMPORT-ROW-MISSING").flatMap((i) => i.cells));

  it("names the rows it lacks, and no rule fails on them (balance, column sums, narrative)", () => {
    expect(absent.has("t3.total.total")).toBe(true);
    expect(absent.has("t3.carry_out.total")).toBe(true);
    const onAbsent = v.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.cells.some((c) => absent.has(c)));
    expect(onAbsent.map((f) => f.code)).toEqual([]);
    expect(v.counts.error).toBe(0);
    const notAssessed = v.findings.filter((f) => f.reason === "row_missing");
    expect(notAssessed.map((f) => f.code)).toEqual(expect.arrayContaining(["T3-BALANCE", "T3-OUTCOME-SUM"]));
    expect(formatIssue(notAssessed[0]!, "zh-CN", r.report)).toMatch(/^无法核对：涉及的“.+”所在行在原文中未找到。$/);
  });

  it("still checks what it has: the rows read are the published ones", () => {
    const whole = importText(full);
    for (const id of ["t3.new.total", "t3.carry_in.total", "t3.granted.total", "t3.partial.natural"])
      expect(r.report?.cells[id], id).toEqual(whole.report?.cells[id]);
  });
});

describe("a local 附表 (Pingtan 2011): item numbers glued to the digits, and a table that stops part-way", () => {
  const full = readFileSync(join(REAL, "pingtan-2011.txt"), "utf8");
  const whole = importText(full);

  it("keeps each row's item number and its parent: the published table holds, so no rule fails", () => {
    const labels = whole.report?.local?.rows.map((r) => r.label) ?? [];
    expect(labels).toContain("2.政府公报公开");
    expect(labels.filter((l) => /^[.．、]/.test(l))).toEqual([]);
    const rows = whole.report?.local?.rows ?? [];
    const bulletin = rows.find((r) => r.label === "2.政府公报公开");
    expect(bulletin?.parent).toBe(rows.find((r) => r.label === "主动公开信息数")?.id);
    const v = validateReport(whole.report!, { importIssues: whole.issues });
    expect(v.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.severity !== "info").map((f) => f.code)).toEqual([]);
  });

  it("a 附表 cut off part-way: the rows there are read as in the whole table, the others are absent, not 0", () => {
    const part = importText(full.slice(0, full.indexOf("对申请的答复数")));
    const rows = part.report?.local?.rows ?? [];
    expect(rows.map((r) => r.label)).toEqual(whole.report?.local?.rows.slice(0, rows.length).map((r) => r.label));
    expect(rows.length).toBe(10);
    for (const [id, v] of Object.entries(part.report?.cells ?? {})) expect(v, id).toEqual(whole.report?.cells[id]);
    expect(Object.keys(part.report?.cells ?? {}).length).toBe(20);
    expect(part.issues.some((i) => i.code === "IMPORT-NO-TABLES" || i.code === "IMPORT-NARRATIVE-ONLY")).toBe(false);
    const v = validateReport(part.report!, { importIssues: part.issues });
    expect(v.counts.error).toBe(0);
  });
});

describe("a single-column 附表 (指标名称 | 计量单位 | 年末统计), as label/unit/value triples on one line", () => {
  // Pingtan 2011's table with only its 2011 column, as the 2009–2013 single-column tables print it; spaced and glued
  const whole = importText(readFileSync(join(REAL, "pingtan-2011.txt"), "utf8"));
  for (const f of ["pingtan-2011-single-column.txt", "pingtan-2011-single-column-glued.txt"])
    it(`${f}: one value column, every row with its parent and the published value, no 历年累计 invented`, () => {
      const r = importText(form(f), { filename: f });
      expect(r.edition).toBe("local");
      expect(r.report?.local?.columns).toEqual(["年末统计"]);
      const rows = r.report?.local?.rows ?? [];
      expect(rows.map((x) => x.label.replace("否决公开答复总数", "否决公开答复数"))).toEqual(whole.report?.local?.rows.map((x) => x.label));
      expect(rows.map((x) => x.parent ?? null)).toEqual(whole.report?.local?.rows.map((x) => x.parent ?? null));
      const cells = r.report?.cells ?? {};
      expect(Object.keys(cells).every((id) => id.endsWith(".current"))).toBe(true);
      for (const row of rows) expect(cells[`local.${row.id}.current`], row.label).toEqual(whole.report?.cells[`local.${row.id}.current`]);
      const v = validateReport(r.report!, { importIssues: r.issues });
      expect(v.findings.filter((x) => x.phase === "rule" && x.status === "fail").map((x) => x.code)).toEqual([]);
      // the cumulative rules have nothing to read: no finding about a column the table does not have
      expect(v.findings.some((x) => x.code === "LOCAL-CUM-GE-CURRENT" && x.status !== "not-assessable")).toBe(false);
    });
});

describe("glued table 四 whose zero cells were left blank (as 上海 2019 left them)", () => {
  it("is read block by block under the block sums: every cell right or named, no error, no row left unsplit", () => {
    let reports = 0;
    let cells = 0;
    let exact = 0;
    for (let seed = 1; seed < 3000 && reports < 40; seed++)
      for (const edition of ["gen2021", "gen2019"] as const) {
        const report = generateReport({ edition, seed });
        const t4 = Object.keys(report.cells).filter((id) => id.startsWith("t4."));
        if (t4.length === 0 || t4.length === 15) continue; // only tables 四 with blank cells
        reports++;
        const r = importText(toFlattenedText(report, { style: "glued" }));
        const named = new Set(r.issues.flatMap((i) => i.cells));
        expect(
          r.issues.some((i) => i.code === "IMPORT-ROW-UNSPLITTABLE" && i.cells.some((c) => c.startsWith("t4."))),
          `${edition} ${seed}`,
        ).toBe(false);
        for (const id of t4) {
          cells++;
          const same = JSON.stringify(r.report?.cells[id]) === JSON.stringify(report.cells[id]);
          if (same) exact++;
          else expect(named.has(id), `${edition} ${seed} ${id}`).toBe(true);
        }
        expect(validateReport(r.report!, { importIssues: r.issues }).counts.error, `${edition} ${seed}`).toBe(0);
      }
    expect(reports).toBe(40);
    // the printed figures that only one reading explains (the totals, most often) are read; the rest are named
    expect(exact / cells).toBeGreaterThan(0.4);
  });
});

describe("a table that left its zero cells blank, its labels printed apart by a PDF converter (上海 2019)", () => {
  // Shanghai 2019 (fixtures/canonical, entered from the published report) as a converter writes it: each label of
  // table 三 on a line of its own above its value row, the blank cells as empty pipe cells, a row of nothing but blanks
  const r = importText(form("shanghai-2019-labels-apart.md"), { filename: "shanghai-2019-labels-apart.md" });
  const canonical = parseReportJson(readFileSync(join(CANONICAL, "shanghai-govoffice-2019.json"), "utf8"));
  const want = canonical.success ? canonical.report : undefined;

  it("reads every cell of table 三 as published: its figures, and its blanks as blanks (not 0), none guessed", () => {
    expect(want).toBeDefined();
    const ids = reportCells(want!)
      .list.filter((d) => d.table === "t3")
      .map((d) => d.id);
    expect(ids.length).toBeGreaterThan(150);
    const wrong = ids.filter((id) => JSON.stringify(r.report?.cells[id] ?? null) !== JSON.stringify(want!.cells[id] ?? null));
    expect(wrong).toEqual([]);
    // (figures: 一、本年新收 821 35 · · 2 1 859; a row of blanks such as 2.其他法律行政法规禁止公开 stays blank)
    expect(r.report?.cells["t3.new.total"]).toEqual({ kind: "count", value: 859 });
    expect(r.report?.cells["t3.denied_2.natural"]).toBeUndefined();
    const t3Issues = r.issues.filter((i) => i.cells.some((c) => c.startsWith("t3.")) && i.severity !== "info");
    expect(t3Issues.map((i) => i.code)).toEqual([]);
  });

  it("validates as the published table: the blank totals it left are derived, not called errors", () => {
    const v = validateReport(r.report!, { importIssues: r.issues });
    const published = validateReport(want!);
    expect(v.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.code.startsWith("T3")).map((f) => `${f.code}:${f.key ?? ""}`)).toEqual(
      published.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.code.startsWith("T3")).map((f) => `${f.code}:${f.key ?? ""}`),
    );
  });
});
