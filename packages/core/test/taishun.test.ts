import { describe, expect, it } from "vitest";
import { flattenReport, validateReport } from "../src/index";
import { fixture } from "./helpers";

// The Taishun 2018 report (泰顺县人民政府, fixtures/real/taishun-2018.txt), entered by hand as canonical JSON.
const T = fixture("taishun-2018");

describe("Taishun 2018", () => {
  const result = validateReport(T, { includePasses: true });

  it("holds all 58 values of the 2014–2018 table", () => {
    expect(Object.keys(T.cells)).toHaveLength(58);
    const flat = flattenReport(T);
    expect(flat).toHaveLength(58);
    expect(flat.find((c) => c.cell === "old.A1")).toMatchObject({
      rowLabel: "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
      unit: "条",
      json: 22727,
    });
    expect(flat.find((c) => c.cell === "old.H4")).toMatchObject({ unit: "万元", json: "5" });
    expect(flat.find((c) => c.cell === "old.I3")).toMatchObject({ unit: "人次", json: 85 });
  });

  it("validates with no error and no warning", () => {
    expect(result.counts).toMatchObject({ error: 0, warning: 0 });
    expect(result.corrections).toEqual([]);
  });

  it("shows each identity of the spec (§1.3) to hold, with its figures", () => {
    const held = Object.fromEntries(
      result.findings
        .filter((f) => f.status === "pass" && f.actual !== undefined)
        .map((f) => [f.code, f.expected === undefined ? f.actual : `${f.actual} vs ${f.expected}`]),
    );
    expect(held).toEqual({
      "OLD-PUB-CHAN-UPPER": "22727 vs 22727",
      "OLD-PUB-CHAN-LOWER": "22727 vs 21187",
      "OLD-PUB-NORM-SUBSET": "19 vs 22727",
      "OLD-PUB-NORM-ISSUED": "19 vs 19",
      "OLD-RESP-LEAD-PRESS": "15 vs 15",
      "OLD-RESP-LEAD-INTERVIEW": "9 vs 9",
      "OLD-RESP-HOTSPOT-UPPER": "43 vs 45",
      "OLD-APP-CHANNEL-SUM": "17 vs 17",
      "OLD-APP-DONE-SUM": "16 vs 16",
      "OLD-APP-REPLY-SUM": "16 vs 16",
      "OLD-APP-DENY-SUM": "3 vs 3",
      "OLD-APP-DONE-REPLY": "16 vs 16",
      "OLD-APP-DONE-LE-RECEIVED": "16 vs 17",
      "OLD-REVIEW-SUM": "0 vs 0",
      "OLD-LITIG-SUM": "0 vs 0",
      "OLD-STAFF-SUM": "64 vs 64",
      "OLD-TRAIN-PLAUSIBLE": "85",
    });
  });

  it("observes (info) that the channels add up exactly to the total: no de-duplication claimed", () => {
    expect(result.findings.filter((f) => f.status === "fail").map((f) => `${f.severity} ${f.code}`)).toEqual(["info OLD-PUB-CHAN-NODEDUP"]);
  });

  it("keeps money exact: 七 = 0 万元 and 八(四) = 5 万元 as decimals", () => {
    expect(T.cells["old.G"]).toMatchObject({ kind: "money" });
    expect(T.cells["old.H4"]?.kind === "money" && T.cells["old.H4"].value.toFixed()).toBe("5");
  });
});
