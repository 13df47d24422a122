import { readFileSync } from "node:fs";
import { blankReport, parseReportJson, type Report, validateReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { applyCorrection, check, defsOfReport, fillBlankTotals, isEmptyReport, setCellText, switchEdition } from "../src/state";

const canonical = (name: string): Report => {
  const parsed = parseReportJson(readFileSync(new URL(`../../../fixtures/canonical/${name}.json`, import.meta.url), "utf8"));
  if (!parsed.success) throw new Error(`${name}: ${JSON.stringify(parsed.issues)}`);
  return parsed.report;
};

describe("live validation of what is typed", () => {
  it("a blank gen2021 form has no data and no failing finding", () => {
    const c = check(blankReport("gen2021"));
    expect(c.result.noData).toBe(true);
    expect(c.failing).toEqual([]);
    expect(c.marks.size).toBe(0);
  });

  it("typing into table 三 raises the balance and row-total errors, and they clear when the row adds up", () => {
    let r = blankReport("gen2021");
    r = setCellText(r, "t3.new.natural", "５");
    expect(r.cells["t3.new.natural"]).toEqual({ kind: "count", value: 5 });
    r = setCellText(r, "t3.new.total", "5");
    r = setCellText(r, "t3.granted.natural", "4");
    r = setCellText(r, "t3.granted.total", "4");
    r = setCellText(r, "t3.total.natural", "4");
    r = setCellText(r, "t3.total.total", "4");
    const open = check(r, "en");
    // 5 new, 4 decided, nothing carried over: 一 + 二 ≠ （七） + 四 in both columns.
    const balance = open.failing.filter((f) => f.ruleId === "T3-BALANCE");
    expect(balance.map((f) => f.key).sort()).toEqual(["natural", "total"]);
    expect(balance.every((f) => f.severity === "error")).toBe(true);
    expect(open.marks.get("t3.carry_out.natural")?.severity).toBe("error");
    expect(open.marks.get("t3.new.natural")?.findings.length).toBeGreaterThan(0);
    // The cell that is the subject of a failing finding is marked as such.
    const subject = balance[0]?.cells[0] as string;
    expect(open.marks.get(subject)?.subject).toBe(true);

    r = setCellText(r, "t3.carry_out.natural", "1");
    r = setCellText(r, "t3.carry_out.total", "1");
    const closed = check(r, "en");
    expect(closed.failing.filter((f) => f.severity === "error")).toEqual([]);
    expect(closed.marks.get("t3.carry_out.natural")).toBeUndefined();
  });

  it("— and 无 count as 0 in sums but are kept, so the same table still balances", () => {
    let r = blankReport("gen2021");
    for (const [id, v] of [
      ["t4.review.upheld", "2"],
      ["t4.review.corrected", "—"],
      ["t4.review.other", "无"],
      ["t4.review.pending", ""],
      ["t4.review.total", "2"],
    ] as const)
      r = setCellText(r, id, v);
    expect(r.cells["t4.review.corrected"]).toEqual({ kind: "na", raw: "—" });
    expect(r.cells["t4.review.other"]).toEqual({ kind: "none", raw: "无" });
    expect(r.cells["t4.review.pending"]).toBeUndefined();
    expect(check(r).failing.filter((f) => f.ruleId === "T4-REVIEW-SUM")).toEqual([]);
    r = setCellText(r, "t4.review.total", "3");
    const f = check(r, "en").failing.find((x) => x.ruleId === "T4-REVIEW-SUM");
    expect(f?.severity).toBe("error");
    expect(f?.cells[0]).toBe("t4.review.total");
  });

  it("text in a number cell is flagged, and unknown cell ids are ignored", () => {
    let r = blankReport("gen2019");
    r = setCellText(r, "t3.new.natural", "约20");
    expect(check(r).failing.map((f) => f.ruleId)).toContain("CELL-NOT-NUMERIC");
    expect(setCellText(r, "t9.nothing", "1")).toBe(r);
  });

  it("messages follow the locale", () => {
    const r = setCellText(setCellText(blankReport("gen2021"), "t4.review.upheld", "2"), "t4.review.total", "3");
    const zh = check(r, "zh-CN").failing.find((f) => f.ruleId === "T4-REVIEW-SUM")?.message ?? "";
    const en = check(r, "en").failing.find((f) => f.ruleId === "T4-REVIEW-SUM")?.message ?? "";
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]{4}/);
    expect(zh).not.toBe(en);
  });
});

describe("real reports", () => {
  it("Pingtan 2021 (canonical) is clean, and a slipped digit gets a suggested correction that restores it", () => {
    const good = canonical("pingtan-2021");
    expect(check(good).failing.filter((f) => f.severity === "error")).toEqual([]);
    const cell = "t3.granted.natural";
    const before = good.cells[cell];
    expect(before?.kind).toBe("count");
    const typo = setCellText(good, cell, String((before as { value: number }).value + 9));
    const c = check(typo, "en");
    expect(c.failing.filter((f) => f.severity === "error").length).toBeGreaterThan(1);
    const fix = c.corrections.find((x) => x.cell === cell);
    expect(fix?.to).toBe(String((before as { value: number }).value));
    expect(c.marks.get(cell)?.correction).toBe(c.corrections.indexOf(fix as never));
    const fixed = applyCorrection(typo, fix as never);
    expect(fixed.cells[cell]).toEqual(before);
    expect(check(fixed).failing.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("Shanghai 2019 leaves 总计 cells blank: warnings, and fill totals clears them", () => {
    const sh = canonical("shanghai-govoffice-2019");
    const c = check(sh, "en");
    const missing = c.failing.filter((f) => f.ruleId === "T3-TOTAL-MISSING");
    expect(missing.length).toBeGreaterThan(5);
    expect(missing.every((f) => f.severity === "warning")).toBe(true);
    const { report, filled } = fillBlankTotals(sh);
    expect(filled.length).toBe(missing.length);
    expect(filled.every((id) => id.endsWith(".total"))).toBe(true);
    const after = check(report, "en");
    expect(after.failing.filter((f) => f.ruleId === "T3-TOTAL-MISSING")).toEqual([]);
    expect(after.failing.filter((f) => f.severity === "error")).toEqual([]);
    // The filled values are those validateReport derived.
    for (const f of missing) expect(String((report.cells[f.cells[0] as string] as { value: number }).value)).toBe(f.expected);
    expect(fillBlankTotals(report).filled).toEqual([]);
  });

  it("failing findings are listed errors first, and the result is core's", () => {
    let r = canonical("shanghai-govoffice-2019");
    r = setCellText(r, "t4.review.total", "99");
    const c = check(r, "en");
    const sev = c.failing.map((f) => f.severity);
    expect(sev[0]).toBe("error");
    const rank = { error: 3, warning: 2, info: 1 };
    for (let i = 1; i < sev.length; i++) expect(rank[sev[i - 1] as "error"]).toBeGreaterThanOrEqual(rank[sev[i] as "error"]);
    expect(c.result).toEqual(validateReport(r, { locale: "en" }));
  });

  it("Taishun 2018 (gen2014) shows no error; switching edition keeps the metadata and empties the cells", () => {
    const t = canonical("taishun-2018");
    expect(t.edition).toBe("gen2014");
    expect(check(t).failing.filter((f) => f.severity === "error")).toEqual([]);
    expect(defsOfReport(t).size).toBe(58);
    const s = switchEdition(t, "gen2021");
    expect(s.edition).toBe("gen2021");
    expect(s.meta).toEqual(t.meta);
    expect(isEmptyReport(s)).toBe(true);
    expect(isEmptyReport(t)).toBe(false);
  });

  it("local tables (Pingtan 2011) resolve their declared rows", () => {
    const p = canonical("pingtan-2011");
    expect(p.edition).toBe("local");
    const defs = defsOfReport(p);
    expect(defs.size).toBe((p.local?.rows.length ?? 0) * 2);
    const id = [...defs.keys()][0] as string;
    expect(setCellText(p, id, "7").cells[id]).toEqual({ kind: "count", value: 7 });
  });
});
