import { describe, expect, it } from "vitest";
import { createReport, validateReport } from "../src/index";

const failing = (r: ReturnType<typeof validateReport>) => r.findings.filter((f) => f.status === "fail").map((f) => f.ruleId);

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
