import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { cellRecord, count, createReport, formatIssue, parseReportJson, stringifyReport, validateReport, withCell } from "../src/index";

const failing = (r: ReturnType<typeof validateReport>) => r.findings.filter((f) => f.status === "fail").map((f) => f.code);

describe("regressions", () => {
  it("T2-19-PROC-ZERO skips a non-numeric 采购项目数量 instead of reading it as 0", () => {
    const r = createReport({
      edition: "gen2019",
      meta: { year: 2019, level: "county" },
      cells: { "t2.procurement.projects": "约12", "t2.procurement.amount": "350.5" },
    });
    const result = validateReport(r);
    expect(failing(result)).toContain("CELL-NOT-NUMERIC");
    expect(failing(result)).not.toContain("T2-19-PROC-ZERO");
  });

  it("NARR rules compare a claim with a blank total's derived value", () => {
    const r = createReport({ edition: "gen2021", meta: { year: 2021 }, cells: { "t3.new.natural": 3, "t3.new.business": 2 } });
    const result = validateReport({ ...r, claims: [{ cell: "t3.new.total", value: "5", text: "共收到申请5件" }] });
    expect(failing(result)).toContain("T3-TOTAL-MISSING");
    expect(failing(result)).not.toContain("NARR-APP-RECEIVED");
  });
});

describe("fault localiser on local tables", () => {
  it("names a mistyped 其中 row of a local table among the candidates (warning-level sums; parent or item, so ambiguous)", async () => {
    const { fixture, set } = await import("./helpers");
    const result = validateReport(set(fixture("pingtan-2017"), { "local.r2.current": 2112 }));
    expect(result.corrections.map((c) => [c.cell, c.from, c.to, c.ambiguous]).sort()).toEqual([
      ["local.r1.current", "2122", "2112", true],
      ["local.r2.current", "2112", "2122", true],
      ["local.r3.current", "0", "10", true],
    ]);
  });
});

describe("review findings (blank totals, previous-year rules, text parts, 无, money in count cells)", () => {
  const run = (edition: "gen2014" | "gen2019" | "gen2021", cells: Record<string, number | string | null>, year?: number) =>
    validateReport(createReport({ edition, meta: year ? { year } : {}, cells }), { includePasses: false });
  const failed = (r: ReturnType<typeof validateReport>) =>
    r.findings.filter((f) => f.status === "fail").map((f) => `${f.code}:${f.severity}:${f.key ?? ""}:${f.expected ?? ""}`);

  it("a blank total takes the value of its own parts, and a rule that merely compares it still reports the mismatch", () => {
    const r = run("gen2014", { "old.C2_1": 8, "old.C2_2": 2, "old.C3": 16, "old.C3_2": 16 });
    expect(failed(r)).toContain("TOTAL-MISSING:warning:OLD-APP-DONE-SUM:10");
    expect(failed(r)).toContain("OLD-APP-DONE-REPLY:warning:OLD-APP-DONE-REPLY:16");
  });

  it("a blank total derived by one identity is checked by the others (table 三 总计)", () => {
    const r = run("gen2019", { "t3.granted.natural": 5, "t3.granted.total": 4, "t3.total.natural": 5, "t3.new.natural": 5, "t3.new.total": 5 });
    const f = failed(r);
    expect(f.filter((x) => x.startsWith("T3-TOTAL-MISSING")).length).toBe(1);
    expect(f.some((x) => x.startsWith("T3-ROW-TOTAL:error:granted"))).toBe(true);
  });

  it("rules that compare with last year say 'no data' when this year's table is empty", () => {
    const previous = createReport({ edition: "gen2021", meta: { year: 2021 }, cells: { "t3.carry_out.natural": 5, "t3.carry_out.total": 5 } });
    const r = validateReport(createReport({ edition: "gen2021", meta: { year: 2022 }, cells: { "t4.review.total": 0 } }), { previous });
    expect(r.findings.filter((f) => f.code === "T3-YOY-CARRY").map((f) => [f.status, f.reason])).toEqual([["not-assessable", "no_data"]]);
  });

  it("2018 → 2019 carry-over is 'not checkable' at info level", () => {
    const previous = createReport({ edition: "gen2014", meta: { year: 2018 }, cells: { "old.C1": 1 } });
    const r = validateReport(createReport({ edition: "gen2019", meta: { year: 2019 }, cells: { "t3.new.total": 1 } }), { previous });
    expect(r.findings.filter((f) => f.code === "T3-YOY-CARRY").map((f) => [f.status, f.reason, f.severity])).toEqual([
      ["not-assessable", "previous_edition", "info"],
    ]);
  });

  it("text in a part of a blank total makes the identities that read it not assessable, never an error", () => {
    const r = run("gen2019", { "t3.new.natural": 5, "t3.granted.natural": "见附件" });
    expect(r.counts.error).toBe(0);
    expect(r.findings.some((f) => f.code === "T3-OUTCOME-SUM" && f.status === "not-assessable" && f.reason === "non_numeric")).toBe(true);
  });

  it("无 in a total is 0, not missing: the sum rule reports it", () => {
    const r = run("gen2021", { "t4.review.upheld": 5, "t4.review.total": "无" });
    expect(failed(r)).toContain("T4-REVIEW-SUM:error:review:5");
    expect(failed(r).some((x) => x.startsWith("TOTAL-MISSING"))).toBe(false);
  });

  it("a blank or dashed 主动公开 total raises no error against its channels", () => {
    expect(run("gen2014", { "old.A2_2": 100, "old.A2_3": 20 }).counts.error).toBe(0);
    expect(run("gen2014", { "old.A1": "—", "old.A2_2": 100 }).counts.error).toBe(0);
  });

  it("a fractional amount in a count cell fails the integer rule", async () => {
    const { money } = await import("../src/index");
    const r = validateReport(createReport({ edition: "gen2019", cells: { "t4.review.upheld": money("2.5"), "t4.review.total": money("2.5") } }));
    expect(r.findings.filter((f) => f.code === "T4-INT" && f.status === "fail").map((f) => f.key)).toEqual(["t4.review.upheld", "t4.review.total"]);
  });

  it("the fee message names the unit written in the cell", () => {
    const report = createReport({ edition: "gen2021", cells: { "t2.fees.amount": "5000元" } });
    const f = validateReport(report).findings.find((f) => f.code === "T2-21-FEE-MAGNITUDE");
    expect(f && formatIssue(f, "en", report)).toContain("5000 yuan");
  });

  it("a blank 采购项目数量 is not a written 0", () => {
    expect(run("gen2019", { "t2.procurement.amount": "350.5" }).findings.some((f) => f.code === "T2-19-PROC-ZERO")).toBe(false);
  });
});

describe("building reports in code", () => {
  const base = createReport({ edition: "gen2021" });
  it("withCell takes a plain number as a count and money in a money cell, like createReport", () => {
    expect(withCell(base, "t3.new.natural", 5).cells["t3.new.natural"]).toEqual({ kind: "count", value: 5 });
    expect(withCell(base, "t2.fees.amount", 1.5).cells["t2.fees.amount"]).toMatchObject({ kind: "money" });
    expect(withCell(base, "t3.new.natural", "无").cells["t3.new.natural"]).toEqual({ kind: "none", raw: "无" });
    expect(withCell(withCell(base, "t3.new.natural", 5), "t3.new.natural", null).cells["t3.new.natural"]).toBeUndefined();
  });
  it("withCell and createReport reject unknown ids and fractional counts with a clear error", () => {
    expect(() => withCell(base, "t3.new.nobody", 5)).toThrow('withCell: "t3.new.nobody" is not a cell of edition gen2021');
    expect(() => createReport({ edition: "gen2021", cells: { "t3.new.nobody": 5 } })).toThrow('"t3.new.nobody" is not a cell of edition gen2021');
    expect(() => withCell(base, "t3.new.natural", 1.5)).toThrow("withCell: cell t3.new.natural: expected integer, received 1.5");
    expect(() => withCell(base, "t3.new.natural", count(1.5))).toThrow("is not a whole number");
    expect(() => createReport({ edition: "gen2021", cells: { "t3.new.natural": 1.5 } })).toThrow("createReport: cell t3.new.natural: expected integer");
  });
});

describe("the cells object of a report", () => {
  // Every builder makes it with cellRecord (a hash table for V8, for speed): it must still be a plain object to callers.
  const built = [
    createReport({ edition: "gen2021", cells: { "t3.new.natural": 3 } }),
    withCell(createReport({ edition: "gen2021" }), "t3.new.natural", 3),
    (parseReportJson('{"version":1,"edition":"gen2021","meta":{},"cells":{"t3.new.natural":3}}') as { report: ReturnType<typeof createReport> }).report,
  ];
  it.each(built.map((r, i) => [i, r] as const))("is a plain object with Object.prototype (builder %i)", (_, r) => {
    expect(Object.getPrototypeOf(r.cells)).toBe(Object.prototype);
    expect(r.cells).toEqual({ "t3.new.natural": { kind: "count", value: 3 } });
    expect(Object.keys(r.cells)).toEqual(["t3.new.natural"]);
    expect(String(r.cells)).toBe("[object Object]");
    expect(JSON.parse(stringifyReport(r)).cells).toEqual({ "t3.new.natural": 3 });
  });
  it("cellRecord copies without touching its source, in the source's order", () => {
    const from = { b: 1, a: 2 };
    const copy = cellRecord(from);
    copy.c = 3;
    delete copy.b;
    expect(from).toEqual({ b: 1, a: 2 });
    expect(Object.keys(cellRecord(from))).toEqual(["b", "a"]);
    expect(copy).toEqual({ a: 2, c: 3 });
  });
  it("copies an own __proto__ key as a key, not as the prototype", () => {
    const from = JSON.parse('{"__proto__": {"kind": "count", "value": 1}, "a": 2}') as Record<string, unknown>;
    const copy = cellRecord(from);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(["__proto__", "a"]);
  });
  it("withCell leaves the report it was given as it was", () => {
    const a = createReport({ edition: "gen2021", cells: { "t3.new.natural": 3, "t3.new.business": 2 } });
    const b = withCell(withCell(a, "t3.new.natural", null), "t3.new.business", 7);
    expect(a.cells).toEqual({ "t3.new.natural": { kind: "count", value: 3 }, "t3.new.business": { kind: "count", value: 2 } });
    expect(b.cells).toEqual({ "t3.new.business": { kind: "count", value: 7 } });
  });
});

describe("narrative claims read the way reports word them", () => {
  const P = parseReportJson(readFileSync(new URL("../../../fixtures/canonical/pingtan-2021.json", import.meta.url), "utf8"));
  if (!P.success) throw new Error("fixture");
  const report = P.report;
  const n = (id: string) => {
    const v = report.cells[id];
    return v?.kind === "count" ? v.value : 0;
  };
  const claim = (cell: string, value: number) => ({ ...report, claims: [{ cell, value: String(value), text: `claim ${value}` }] });
  const fails = (r: typeof report) => validateReport(r).findings.filter((f) => f.phase === "rule" && f.code.startsWith("NARR-") && f.status === "fail");

  it("同意公开 N 件 as 予以公开 and 部分公开 together is consistent", () => {
    expect(fails(claim("t3.disclosed.total", n("t3.granted.total") + n("t3.partial.total")))).toEqual([]);
    expect(fails(claim("t3.disclosed.total", n("t3.granted.total") + n("t3.partial.total") + 1))).toHaveLength(1);
  });

  it("受理 N 件 may count new and carried-in applications together", () => {
    const withCarry = { ...report, cells: { ...report.cells, "t3.carry_in.total": count(3) } };
    const stated = n("t3.new.total") + 3;
    expect(fails({ ...withCarry, claims: [{ cell: "t3.new.total", value: String(stated), text: `受理${stated}件` }] })).toEqual([]);
    expect(fails({ ...withCarry, claims: [{ cell: "t3.new.total", value: String(stated + 1), text: "x" }] })).toHaveLength(1);
  });
});
