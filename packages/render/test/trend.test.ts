import { createReport } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { renderTrendChart, trendPoint } from "../src/index";
import { pingtan2021, taishun2018 } from "./fixtures";

describe("the trend chart reads core's harmonised indicators", () => {
  it("2021 format: received and decided exactly, from table 三's total column", () => {
    const r = pingtan2021();
    const p = trendPoint(r);
    const n = (id: string) => {
      const v = r.cells[id];
      return v?.kind === "count" ? v.value : undefined;
    };
    expect(p).toMatchObject({ year: r.meta.year, received: n("t3.new.total"), decided: n("t3.total.total"), approximate: [] });
  });

  it("2014 table: 申请办结数 only approximates 'decided', and the chart says so with ≈", () => {
    const t = { ...taishun2018(), meta: { ...taishun2018().meta, body: "X" } };
    const p = trendPoint(t);
    expect(p?.approximate).toEqual(["decided"]);
    const svg = renderTrendChart([t], { locale: "en" });
    expect(svg).toContain('data-series="decided" data-value');
    expect(svg).toMatch(/data-approximate="true"/);
    expect(svg).toMatch(/>≈\d+</);
  });

  it("an edition or a blank table without the figure gives no bar, never a bar of 0", () => {
    const blank = createReport({ edition: "gen2021", meta: { year: 2022, body: "X" }, cells: { "t3.new.total": 5 } });
    const p = trendPoint(blank);
    expect(p).toMatchObject({ received: 5 });
    expect(p?.decided).toBeUndefined();
    const svg = renderTrendChart([blank]);
    expect(svg).toContain('data-series="received"');
    expect(svg).not.toContain('data-series="decided"');
    expect(trendPoint(createReport({ edition: "gen2021", meta: { year: 2022 } }))).toBeUndefined();
  });
});
