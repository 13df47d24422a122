import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsOf, EDITIONS, formatIssue, parseReport, parseReportJson, serializeReport, stringifyReport, validateReport } from "../src/index";
import * as z from "zod";
import { mayBeInexact } from "../src/json-exact";
import { readSources, sourceLocationSchema } from "../src/schema";
import { fixture } from "./helpers";

const base = { version: 1, edition: "gen2021", meta: { year: 2021 } } as const;
const issuesOf = (input: unknown) => {
  const r = parseReport(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join("/"), params: i.params }));
};

describe("parseReport", () => {
  for (const name of ["taishun-2018", "shanghai-govoffice-2019", "pingtan-2021", "pingtan-2017", "pingtan-2011"]) {
    it(`round-trips the canonical fixture ${name}`, () => {
      const report = fixture(name);
      const again = parseReport(JSON.parse(JSON.stringify(serializeReport(report))));
      expect(again.success && again.report).toEqual(report);
      expect(stringifyReport(report)).toBe(stringifyReport(again.success ? again.report : report));
    });
  }

  it("keeps blank, dash, slash, 无, other text and 0 distinct", () => {
    const r = parseReport({
      ...base,
      cells: { "t3.new.natural": 0, "t3.new.business": null, "t3.new.research": "—", "t3.new.nonprofit": "/", "t3.new.legal": "无", "t3.new.other": "见附件" },
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const c = r.report.cells;
    expect(c["t3.new.natural"]).toEqual({ kind: "count", value: 0 });
    expect(c["t3.new.business"]).toBeUndefined();
    expect(c["t3.new.research"]).toEqual({ kind: "na", raw: "—" });
    expect(c["t3.new.nonprofit"]).toEqual({ kind: "na", raw: "/" });
    expect(c["t3.new.legal"]).toEqual({ kind: "none", raw: "无" });
    expect(c["t3.new.other"]).toEqual({ kind: "text", raw: "见附件" });
    expect(serializeReport(r.report).cells).toEqual({
      "t3.new.natural": 0,
      "t3.new.research": "—",
      "t3.new.nonprofit": "/",
      "t3.new.legal": "无",
      "t3.new.other": "见附件",
    });
  });

  it("keeps money exact as decimals, with a unit written in the cell", () => {
    const r = parseReport({ ...base, cells: { "t2.fees.amount": "24252.311082" } });
    expect(r.success && r.report.cells["t2.fees.amount"]?.kind === "money" && r.report.cells["t2.fees.amount"].value.toFixed()).toBe("24252.311082");
    const s = parseReport({ version: 1, edition: "gen2019", meta: {}, cells: { "t2.procurement.amount": "251000元" } });
    expect(s.success && s.report.cells["t2.procurement.amount"]).toMatchObject({ kind: "money", unit: "元" });
    const f = parseReport({ ...base, cells: { "t2.fees.amount": 0.1 } });
    expect(f.success && serializeReport(f.report).cells).toEqual({ "t2.fees.amount": "0.1" });
  });

  it("rejects counts that are not exact integers, with a clear issue", () => {
    expect(issuesOf({ ...base, cells: { "t3.new.total": 1.5 } })).toEqual([
      { code: "PARSE-NOT-INTEGER", path: "cells/t3.new.total", params: { cell: "t3.new.total", received: "1.5" } },
    ]);
    expect(issuesOf({ ...base, cells: { "t3.new.total": 2 ** 53 } })).toEqual([
      { code: "PARSE-UNSAFE-INTEGER", path: "cells/t3.new.total", params: { cell: "t3.new.total", received: "9007199254740992" } },
    ]);
    expect(issuesOf({ ...base, cells: { "t2.fees.amount": 0.1234567890123456 } })).toEqual([
      { code: "PARSE-NOT-DECIMAL", path: "cells/t2.fees.amount", params: { cell: "t2.fees.amount", received: "0.1234567890123456" } },
    ]);
    const r = parseReport({ ...base, cells: { "t3.new.total": 1.5 } });
    const issue = !r.success ? r.issues[0] : undefined;
    expect(issue && formatIssue(issue, "zh-CN")).toBe("“一、本年新收政府信息公开申请数量 × 总计”应为整数，实为 1.5。");
    expect(issue && formatIssue(issue, "en")).toMatch(/^“.*New applications.*Total”: expected a whole number, received 1\.5\.$/);
  });

  it("names unknown cells, unknown keys and wrong types by path", () => {
    expect(issuesOf({ ...base, cells: { "t3.new.nobody": 1 } })[0]).toMatchObject({
      code: "PARSE-UNKNOWN-CELL",
      path: "cells/t3.new.nobody",
      params: { id: "t3.new.nobody", edition: "gen2021" },
    });
    expect(issuesOf({ ...base, meta: { year: "2021" }, cells: {} })[0]).toMatchObject({
      code: "PARSE-INVALID-TYPE",
      path: "meta/year",
      params: { expected: "number", received: '"2021"' },
    });
    expect(issuesOf({ ...base, colour: "red", cells: {} })[0]).toMatchObject({ code: "PARSE-UNKNOWN-KEYS", params: { keys: ["colour"] } });
    expect(issuesOf({ ...base, edition: "gen2099", cells: {} })[0]).toMatchObject({ path: "edition" });
    expect(issuesOf({ ...base, cells: { "old.A1": 5 } })[0]).toMatchObject({ code: "PARSE-UNKNOWN-CELL", params: { id: "old.A1" } });
    expect(issuesOf({ ...base, cells: { "t3.new.total": true } })[0]).toMatchObject({
      code: "PARSE-INVALID-TYPE",
      path: "cells/t3.new.total",
      params: { expected: "count-value", received: "true" },
    });
    expect(issuesOf({ ...base, cells: [] })[0]).toMatchObject({ path: "cells" });
  });

  it("checks the rows of a local table", () => {
    const local = (rows: unknown[], cells: Record<string, unknown> = {}) => ({ version: 1, edition: "local", meta: {}, local: { rows }, cells });
    expect(
      issuesOf(
        local([
          { id: "r1", label: "a", unit: "条" },
          { id: "r1", label: "b", unit: "条" },
        ]),
      )[0],
    ).toMatchObject({ code: "PARSE-DUPLICATE-ROW", path: "local/rows/1/id" });
    expect(issuesOf(local([{ id: "r1", label: "a", unit: "条", parent: "r9" }]))[0]).toMatchObject({ code: "PARSE-UNKNOWN-PARENT" });
    expect(issuesOf(local([{ id: "r1", label: "a", unit: "条" }], { "local.r2.current": 1 }))[0]).toMatchObject({ code: "PARSE-UNKNOWN-CELL" });
  });

  it("reads JSON text with a BOM and reports malformed JSON as one issue", () => {
    expect(parseReportJson(`\uFEFF${JSON.stringify({ ...base, cells: {} })}`).success).toBe(true);
    const bad = parseReportJson('{"version": 1,');
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.issues).toHaveLength(1);
    expect(!bad.success && bad.issues[0]?.code).toBe("PARSE-JSON-SYNTAX");
  });

  it("refuses a number JSON.parse would round, with its path, and reads every exact one", () => {
    const text = stringifyReport(fixture("pingtan-2021"));
    const json = (amount: string, count = "1") =>
      text.replace('"t2.fees.amount": "24252.311082"', `"t2.fees.amount": ${amount}`).replace(/("t3\.new\.natural": )\d+/, `$1${count}`);
    // exact in a double: read, money kept as written
    for (const [amount, want] of [
      ["24252.311082", "24252.311082"],
      ["0.1", "0.1"],
      ["1.50", "1.5"],
      ["2.5e3", "2500"],
    ] as const) {
      const r = parseReportJson(json(amount));
      expect(r.success, amount).toBe(true);
      if (r.success) expect(r.report.cells["t2.fees.amount"]).toMatchObject({ kind: "money" });
      if (r.success) expect(String((r.report.cells["t2.fees.amount"] as { value: unknown }).value), amount).toBe(want);
    }
    for (const [amount, count, code, why] of [
      ["12345678901234567.89", "1", "PARSE-INEXACT-NUMBER", "digits"],
      ["0.10000000000000000555", "1", "PARSE-INEXACT-NUMBER", "digits"],
      ["1e-400", "1", "PARSE-INEXACT-NUMBER", "underflow"],
      ["1e400", "1", "PARSE-INEXACT-NUMBER", "overflow"],
      ["1E+400", "1", "PARSE-INEXACT-NUMBER", "overflow"],
      ["1", "9007199254740993", "PARSE-UNSAFE-INTEGER", undefined],
      ["1", "9".repeat(400), "PARSE-UNSAFE-INTEGER", undefined],
    ] as const) {
      const r = parseReportJson(json(amount, count));
      expect(r.success, `${amount} ${count}`).toBe(false);
      const issue = !r.success ? r.issues[0] : undefined;
      expect(issue?.code).toBe(code);
      expect(issue?.path).toEqual(["cells", code === "PARSE-UNSAFE-INTEGER" ? "t3.new.natural" : "t2.fees.amount"]);
      if (why) expect(issue?.params).toMatchObject({ why });
      expect(formatIssue(issue!, "en")).toContain("exactly");
    }
    // the path after an empty object inside an array is the element's index, not the string before it
    const afterEmpty = parseReportJson(text.replace('"version": 1,', '"version": 1, "x": [{}, "s", 12345678901234567890],'));
    expect(!afterEmpty.success && afterEmpty.issues[0]?.path).toEqual(["x", 2]);
    // a number of a million digits is judged in one pass (trailing zeros scanned, not matched from every position)
    const long = parseReportJson(json(`1.${"0".repeat(1_000_000)}1`));
    expect(!long.success && long.issues[0]?.code).toBe("PARSE-INEXACT-NUMBER");
    // a long run of digits inside a string is not a number
    expect(text).toContain('"body": "');
    expect(parseReportJson(text.replace('"body": "', '"body": "12345678901234567890123e5 \\" [1e400] ')).success).toBe(true);
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = parseReport(x);
        expect(typeof r.success).toBe("boolean");
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof parseReportJson(s).success).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});

describe("validateReport", () => {
  const cellValue = fc.oneof(
    fc.integer({ min: -5, max: 2000 }),
    fc.constantFrom(null, "—", "-", "/", "无", "", "见附件", "12万"),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  );
  for (const edition of EDITIONS.filter((e) => e !== "local")) {
    it(`never throws on any well-typed ${edition} report, and counts its findings`, () => {
      const ids = cellsOf(edition).map((c) => c.id);
      const kinds = new Map(cellsOf(edition).map((c) => [c.id, c.kind]));
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...ids), cellValue), fc.integer({ min: 2008, max: 2030 }), (cells, year) => {
          const json = Object.fromEntries(
            Object.entries(cells).map(([k, v]) => [k, kinds.get(k) === "money" && typeof v === "number" ? String(Math.abs(v)) : v]),
          );
          const parsed = parseReport({ version: 1, edition, meta: { year }, cells: json });
          expect(parsed.success).toBe(true);
          if (!parsed.success) return;
          const result = validateReport(parsed.report, { includePasses: true });
          const c = result.counts;
          expect(c.error + c.warning + c.info + c.notAssessable + c.passed).toBe(result.findings.length);
          for (const f of result.findings) expect(formatIssue(f, year % 2 ? "en" : "zh-CN", parsed.report)).not.toMatch(/\{\w+(\.\w+)?\}/);
        }),
        { numRuns: 150 },
      );
    });
  }

  it("says 'no data' for an all-blank table, never 'pass'", () => {
    const r = parseReport({ version: 1, edition: "gen2021", meta: { year: 2021 }, cells: {} });
    if (!r.success) throw new Error("parse");
    const result = validateReport(r.report, { includePasses: true });
    expect(result.noData).toBe(true);
    const sums = result.findings.filter((f) => f.code === "T3-BALANCE" || f.code === "T4-REVIEW-SUM");
    expect(sums.map((f) => [f.code, f.status, f.reason])).toEqual([
      ["T3-BALANCE", "not-assessable", "no_data"],
      ["T4-REVIEW-SUM", "not-assessable", "no_data"],
    ]);
  });

  it("passes an all-zero table cleanly", () => {
    const cells = Object.fromEntries(cellsOf("gen2021").map((c) => [c.id, c.kind === "money" ? "0" : 0]));
    const r = parseReport({ version: 1, edition: "gen2021", meta: { year: 2021 }, cells });
    if (!r.success) throw new Error("parse");
    const result = validateReport(r.report);
    expect(result.counts).toMatchObject({ error: 0, warning: 0, info: 0 });
  });

  it("skips a rule that reads a non-numeric cell and flags the cell", () => {
    const p = fixture("pingtan-2021");
    const r = validateReport({ ...p, cells: { ...p.cells, "t4.review.other": { kind: "text", raw: "二" } } }, { includePasses: true });
    expect(r.findings.filter((f) => f.code === "T4-REVIEW-SUM").map((f) => [f.status, f.reason])).toEqual([["not-assessable", "non_numeric"]]);
    expect(r.findings.filter((f) => f.code === "CELL-NOT-NUMERIC" && f.status === "fail").map((f) => f.key)).toEqual(["t4.review.other"]);
  });
});

describe("the quick scan for numbers a double may not hold", () => {
  it("answers as the regular expression it replaces, on any text", () => {
    const regex = /[0-9.]{16}|\d[eE][-+]?\d/;
    const text = fc.string({ unit: fc.constantFrom(...'0123456789.eE+-a" ,'), maxLength: 120 });
    fc.assert(
      fc.property(text, (s) => mayBeInexact(s) === regex.test(s)),
      { numRuns: 20000 },
    );
    // runs of exactly 15 and 16 at every offset
    for (let pad = 0; pad < 40; pad++)
      for (const run of ["123456789012345", "1234567890123456", "1.2.3.4.5.6.7.8.", "1e5", "C3_4e"]) {
        const s = `${"x".repeat(pad)}${run}${"y".repeat(pad % 7)}`;
        expect(mayBeInexact(s), s).toBe(regex.test(s));
      }
  });
});

describe("readSources (sources read by hand, as zod reads them)", () => {
  const zodSources = z.record(z.string(), sourceLocationSchema()).optional();
  const fields = ["line", "column", "table", "row", "col", "sheet", "page", "x", "y", "width", "height", "raw"];
  // values a field may be given: in bounds for some fields, out of bounds or of the wrong type for others
  const values: unknown[] = [0, 1, 2, 37, 1.5, -1, -0, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, "", "12", null, undefined, true, [], {}, 3, "x", 0.25];
  // mulberry32: a small deterministic generator, evenly spread, the same every run
  let seed = 17;
  const below = (n: number) => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const location = (): unknown => {
    if (below(40) === 0) return [null, "x", 3, new Date(0), Object.create({ line: 1 })][below(5)];
    const loc: Record<string, unknown> = below(20) === 0 ? Object.create(null) : {};
    // valid locations (an import's), half of them then given one field of any value (in bounds or not), some an
    // unknown key or a hidden field
    for (const f of fields)
      if (below(3) === 0) loc[f] = f === "sheet" || f === "raw" ? String(below(100)) : f === "x" || f === "width" ? below(50) / 4 : 1 + below(90);
    if (below(2) === 0) loc[fields[below(fields.length)]!] = values[below(values.length)];
    if (below(25) === 0) loc.extra = 1;
    if (below(40) === 0) Object.defineProperty(loc, "line", { value: 3, enumerable: false });
    if (below(60) === 0) (loc as Record<symbol, unknown>)[Symbol("s")] = 1;
    return loc;
  };

  it("reads 20,000 random records of locations as zod does, or leaves them to zod", () => {
    let read = 0;
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      let v: unknown;
      if (below(50) === 0) v = [undefined, null, [], "x", new Map()][below(5)];
      else {
        const rec: Record<string, unknown> = {};
        for (let k = 0, n = below(6); k < n; k++) rec[`t3.c${below(30)}.total`] = location();
        // an own "__proto__" key, as JSON.parse makes one
        if (below(40) === 0) Object.defineProperty(rec, "__proto__", { value: location(), enumerable: true, writable: true, configurable: true });
        v = rec;
      }
      const want = zodSources.safeParse(v);
      if (want.success) accepted++;
      const got = readSources(v);
      if (got === "absent") {
        expect(v).toBeUndefined();
        continue;
      }
      if (got === undefined) continue;
      read++;
      expect(want.success, JSON.stringify(v)).toBe(true);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want.data));
      for (const id of Object.keys(got)) expect(Object.keys(got[id]!)).toEqual(Object.keys((want.data as Record<string, object>)[id]!));
    }
    // most of what zod accepts is read by hand (a reader that left everything to zod would prove nothing); what is
    // left to zod is the odd kinds: a field given as undefined, a hidden field or symbol key, "__proto__"
    expect(read).toBeGreaterThan(accepted * 0.6);
  });

  it("gives an imported report's sources back as they were, and leaves a bad location to zod's issue", () => {
    const sources = { "t3.new.total": { line: 12, column: 3, raw: "12" }, "t3.new.natural": { table: 0, row: 4, col: 2, sheet: "表三", raw: "—" } };
    const r = parseReportJson(JSON.stringify({ ...base, cells: { "t3.new.total": 12, "t3.new.natural": "—" }, sources }));
    expect(r.success && r.report.sources).toEqual(sources);
    const bad = parseReportJson(JSON.stringify({ ...base, cells: { "t3.new.total": 12 }, sources: { "t3.new.total": { line: 0 } } }));
    expect(bad.success ? [] : bad.issues.map((i) => ({ code: i.code, path: i.path.join("/"), params: i.params }))).toEqual([
      { code: "PARSE-TOO-SMALL", path: "sources/t3.new.total/line", params: { limit: "1", received: "0" } },
    ]);
    // an object not from JSON (a getter here) is read by zod alone, as before: each field once
    let reads = 0;
    const loc = {
      get line() {
        reads++;
        return 3;
      },
    };
    const viaObject = parseReport({ ...base, cells: { "t3.new.total": 12 }, sources: { "t3.new.total": loc } });
    expect(viaObject.success && viaObject.report.sources).toEqual({ "t3.new.total": { line: 3 } });
    expect(reads).toBe(1);
  });
});
