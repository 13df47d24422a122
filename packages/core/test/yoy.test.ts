import { describe, expect, it } from "vitest";
import { fillTotals, type Issue, validateReport } from "../src/index";
import { findings, fixture, say, set, withMeta } from "./helpers";

const P = fixture("pingtan-2021");
const S = fillTotals(fixture("shanghai-govoffice-2019"));
const T = fixture("taishun-2018");
const status = (r: ReturnType<typeof validateReport>, rule: string) => r.findings.filter((f) => f.code === rule).map((f) => [f.status, f.key ?? f.reason]);

describe("cross-year rules", () => {
  it("compare carry-over across the 2020 → 2021 edition change, column by column", () => {
    const prev = set(withMeta(S, { year: 2020, body: P.meta.body as string }), {
      "t3.carry_out.natural": 0,
      "t3.carry_out.total": 0,
      "t3.total.natural": 839,
      "t3.total.total": 877,
    });
    const r = validateReport(P, { previous: prev, includePasses: true });
    expect(status(r, "T3-YOY-CARRY")).toEqual(["natural", "business", "research", "nonprofit", "legal", "other", "total"].map((c) => ["pass", c]));
  });

  it("say 'not checkable' for 2018 → 2019: the old table has no carry-over row", () => {
    const r = validateReport(withMeta(S, { year: 2019 }), { previous: T });
    expect(status(r, "T3-YOY-CARRY")).toEqual([["not-assessable", "previous_edition"]]);
    expect(say(r.findings.find((f) => f.code === "T3-YOY-CARRY") as Issue)).toBe("无法核对：上一年度报告为“2014年统计表”格式，口径不同。");
  });

  it("do not compare 现行有效件数 with a 2019-format year (the columns changed meaning)", () => {
    const r = validateReport(P, { previous: withMeta(S, { year: 2020, body: P.meta.body as string }) });
    expect(status(r, "T2-21-VALID-YOY")).toEqual([["not-assessable", "previous_edition"]]);
  });

  it("refuse a previous report that is not the year before", () => {
    const r = validateReport(P, { previous: withMeta(P, { year: 2019 }) });
    expect(status(r, "T3-YOY-CARRY")).toEqual([["not-assessable", "previous_year"]]);
    expect(say(r.findings.find((f) => f.code === "T3-YOY-CARRY") as Issue, P, "en")).toBe("Not checked: the previous report given covers 2019, this one 2021.");
  });

  it("flag a report whose every figure repeats last year's (YOY-IDENTICAL), and only then", () => {
    expect(findings(P, "YOY-IDENTICAL", "fail", { previous: withMeta(P, { year: 2020 }) })).toHaveLength(1);
    expect(findings(P, "YOY-IDENTICAL", "fail", { previous: set(withMeta(P, { year: 2020 }), { "t4.review.upheld": 0, "t4.review.total": 2 }) })).toHaveLength(
      0,
    );
  });
});

describe("the previous report", () => {
  it("of another body is not compared with, and the finding names both bodies", () => {
    const other = withMeta(P, { year: 2020, body: "某县人民政府" });
    const r = validateReport(P, { previous: other });
    expect(status(r, "T3-YOY-CARRY")).toEqual([["not-assessable", "previous_body"]]);
    const f = r.findings.find((f) => f.code === "T3-YOY-CARRY") as Issue;
    expect(say(f, P)).toBe(`无法核对：所给上一年度报告的发布机关是“某县人民政府”，而本报告是“${P.meta.body}”。`);
    expect(say(f, P, "en")).toContain("is by 某县人民政府");
  });
});
