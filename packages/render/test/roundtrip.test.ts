import { parseReportJson, serializeReport, stringifyReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { compareReports, tidyRows } from "../src/index";
import { expectedOf, pingtan2021, shanghai2019, taishun2018 } from "./fixtures";
import { hostileLocal } from "./hostile";

describe.each([
  ["taishun-2018", taishun2018],
  ["shanghai-2019", shanghai2019],
  ["pingtan-2021", pingtan2021],
  ["hostile local", hostileLocal],
] as const)("%s", (_name, make) => {
  it("report → canonical JSON → parseReport is identical", () => {
    const report = make();
    const back = parseReportJson(JSON.stringify(serializeReport(report)));
    if (!back.success) throw new Error(JSON.stringify(back.issues));
    expect(stringifyReport(back.report)).toBe(stringifyReport(report));
    expect(compareReports(report, back.report).changes).toEqual([]);
    expect(back.report.cells).toEqual(report.cells);
  });
});

describe("fixture transcriptions agree with the hand-checked expectations", () => {
  const value = (rows: ReturnType<typeof tidyRows>, cell: string) => rows.find((r) => r.cell === cell)?.value;
  it("Shanghai 2019", () => {
    const rows = tidyRows(shanghai2019());
    const checks = (expectedOf("shanghai-govoffice-2019").expected as Record<string, Record<string, number | null>>).table3_columns_新收 ?? {};
    expect(value(rows, "t3.new.natural")).toBe(checks.自然人);
    expect(value(rows, "t3.new.business")).toBe(checks.商业企业);
    expect(value(rows, "t3.new.research")).toBe(checks.科研机构);
    expect(value(rows, "t3.new.total")).toBe(checks.总计);
    expect(value(rows, "t2.procurement.amount")).toBe("251000元");
  });
  it("Pingtan 2021", () => {
    const rows = tidyRows(pingtan2021());
    const e = expectedOf("pingtan-2021").expected as Record<string, Record<string, number>>;
    const cols = {
      自然人: "natural",
      商业企业: "business",
      科研机构: "research",
      社会公益组织: "nonprofit",
      法律服务机构: "legal",
      其他: "other",
      总计: "total",
    } as const;
    for (const [zh, id] of Object.entries(cols)) {
      expect(value(rows, `t3.new.${id}`)).toBe(e.table3_columns_新收?.[zh]);
      expect(value(rows, `t3.total.${id}`)).toBe(e.table3_columns_总计?.[zh]);
    }
    expect(value(rows, "t2.fees.amount")).toBe("24252.311082");
  });
});
