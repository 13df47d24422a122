import { describe, expect, it } from "vitest";
import { EDITIONS, INDICATOR_IDS, INDICATORS, indicatorsOf, reportCells } from "../src/index";
import { fixture } from "./helpers";

const byId = (r: ReturnType<typeof indicatorsOf>) => Object.fromEntries(r.map((i) => [i.indicator, i.status === "value" ? i.value : i.status]));

describe("harmonised indicators", () => {
  it("map every indicator from every edition, to cells that exist", () => {
    expect(INDICATORS.map((d) => d.id)).toEqual([...INDICATOR_IDS]);
    for (const d of INDICATORS)
      for (const e of EDITIONS) {
        const m = d.mappings[e];
        if (m.exactness === "none") expect(m.cells, `${d.id} ${e}`).toEqual([]);
        else if (e === "local") expect(m.labels, `${d.id} ${e}`).toBeInstanceOf(RegExp);
        else for (const c of m.cells) expect(reportCells({ edition: e }).byId.has(c), `${d.id} ${e} ${c}`).toBe(true);
        if (m.exactness === "approx") expect(m.note?.en, `${d.id} ${e}`).toBeTruthy();
      }
  });

  it("read the 2021 format (Pingtan 2021) from table 三's total column and table 四, and say none where the edition has none", () => {
    const p = fixture("pingtan-2021");
    const v = byId(indicatorsOf(p));
    const c = (id: string) => {
      const x = p.cells[id];
      return x?.kind === "count" ? x.value : 0;
    };
    expect(v.received).toBe(String(c("t3.new.total")));
    expect(v.decided).toBe(String(c("t3.total.total")));
    expect(v.lawsuits).toBe(String(c("t4.direct.total") + c("t4.after_review.total")));
    expect(v.proactive).toBe("none");
    expect(v.fees).toBe("none");
    // （三）不予公开 has no cell of its own: the sum of its eight rows.
    const denied = Object.keys(p.cells).filter((k) => /^t3\.denied_\d\.total$/.test(k));
    expect(v.refused).toBe(String(denied.reduce((s, k) => s + c(k), 0)));
  });

  it("read the 2014 table (Taishun 2018) and mark the approximate mappings", () => {
    const t = fixture("taishun-2018");
    const r = indicatorsOf(t);
    const received = r.find((i) => i.indicator === "received");
    expect(received).toMatchObject({ exactness: "exact", cells: ["old.C1"] });
    expect(r.find((i) => i.indicator === "decided")?.exactness).toBe("approx");
    expect(r.find((i) => i.indicator === "carried_in")).toMatchObject({ status: "none", exactness: "none" });
    expect(r.find((i) => i.indicator === "fees")?.status).not.toBe("none");
  });

  it("read a local table by its row labels (Pingtan 2011)", () => {
    const l = fixture("pingtan-2011");
    const r = indicatorsOf(l);
    const found = r.filter((i) => i.status !== "none").map((i) => i.indicator);
    expect(found).toContain("proactive");
    for (const i of r.filter((i) => i.status !== "none")) expect(i.cells[0]).toMatch(/^local\.\w+\.current$/);
  });
});
