import { describe, expect, it } from "vitest";
import { aggregateReports, Decimal, money, validateReport } from "../src/index";
import { fixture, set, withMeta } from "./helpers";

const P = fixture("pingtan-2021");

describe("aggregateReports", () => {
  it("adds reports of one edition and year cell by cell, exactly, and the roll-up keeps every identity", () => {
    const other = set(P, {
      "t3.new.natural": 65,
      "t3.new.total": 71,
      "t3.granted.natural": 28,
      "t3.granted.total": 31,
      "t3.total.natural": 64,
      "t3.total.total": 70,
    });
    const { report, included, excluded } = aggregateReports([P, other]);
    expect(included).toEqual([0, 1]);
    expect(excluded).toEqual([]);
    expect(report?.cells["t3.new.natural"]).toEqual({ kind: "count", value: 129 });
    expect(report?.cells["t2.fees.amount"]?.kind === "money" && report.cells["t2.fees.amount"].value.toFixed()).toBe("48504.622164");
    expect(report && validateReport(report).counts).toMatchObject({ error: 0, warning: 0 });
  });

  it("leaves out other editions, other years and local tables, saying why", () => {
    const r = aggregateReports([P, withMeta(P, { year: 2022 }), fixture("taishun-2018"), fixture("pingtan-2017"), P]);
    expect(r.included).toEqual([0, 4]);
    expect(r.excluded.map((e) => [e.index, e.reason])).toEqual([
      [1, "year"],
      [2, "edition"],
      [3, "local"],
    ]);
  });

  it("adds amounts of any length exactly (decimal.js alone rounds to 20 significant digits)", () => {
    const long = set(P, { "t2.fees.amount": money("123456789012345678901.5") });
    const r = aggregateReports([long, set(P, { "t2.fees.amount": money("1.000000000000000000001") })]);
    const v = r.report?.cells["t2.fees.amount"];
    expect(v?.kind).toBe("money");
    expect(v?.kind === "money" && v.value.toFixed()).toBe("123456789012345678902.500000000000000000001");
    expect(v?.kind === "money" && v.value instanceof Decimal).toBe(true);
  });

  it("does not round sums beyond 2^53", () => {
    const big = set(P, { "t2.licensing.decisions": Number.MAX_SAFE_INTEGER });
    const r = aggregateReports([big, big]);
    expect(r.report?.cells["t2.licensing.decisions"]).toEqual({ kind: "text", raw: "18014398509481982" });
  });
});
