import { readFileSync } from "node:fs";
import { displayCell, EDITIONS, OLD_ROWS, type Report, T3_ROWS } from "@gov-disclosure/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateReport, T3_HEADER_NOTE, toFlattenedText } from "../src/index";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/real/${name}`, import.meta.url), "utf8");
const PINGTAN_2021 = fixture("pingtan-2021.txt");
const TAISHUN_2018 = fixture("taishun-2018.txt");

/** The text of table 三: from its header note to section 四's title. */
function t3Segment(text: string): string {
  const start = text.indexOf("（本列数据的勾稽关系为");
  const end = text.indexOf("四、政府信息公开行政复议", start);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

/** The labels of a glued table in order: what is left between the runs of digits. */
const labelSequence = (segment: string) =>
  segment
    .replace(/\s+/g, "")
    .split(/\d+/)
    .filter((s) => s !== "");

describe("glued text (Pingtan style)", () => {
  it("has the label sequence of the real Pingtan 2021 table 三", () => {
    const real = labelSequence(t3Segment(PINGTAN_2021));
    expect(real.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const report = generateReport({ edition: "gen2021", seed });
        const segment = t3Segment(toFlattenedText(report, { style: "glued" }));
        // Blank cells vanish when glued, so neighbouring labels can touch: compare the labels as one text…
        expect(labelSequence(segment).join("")).toBe(real.join(""));
        // …and, when every cell holds a number, label by label.
        if (Object.keys(report.cells).filter((id) => id.startsWith("t3.")).length === 7 * T3_ROWS.gen2021.length) expect(labelSequence(segment)).toEqual(real);
      }),
      { numRuns: 50 },
    );
  });

  it("has Pingtan's line structure: page furniture, one line of body from the title to the last section, and the closing links", () => {
    const report = generateReport({ edition: "gen2021", seed: 5, level: "county" });
    const text = toFlattenedText(report, { style: "glued" });
    const lines = text.split("\n").filter(Boolean);
    const body = lines.find((l) => l.startsWith("当前位置："));
    const realBody = PINGTAN_2021.split("\n").find((l) => l.startsWith("当前位置："));
    expect(body).toBeDefined();
    expect(realBody).toBeDefined();
    const order = (l: string) =>
      [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "（本列数据的勾稽关系为",
        "四、政府信息公开行政复议",
        "五、",
        "六、其他需要报告的事项",
      ].map((k) => l.indexOf(k));
    for (const l of [body ?? "", realBody ?? ""]) {
      const idx = order(l);
      expect(idx.every((i) => i >= 0)).toBe(true);
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
    }
    expect(lines[0]).toBe(`标题: ${report.meta.title}`);
    expect(text).toContain("【打印本稿】【关闭本页】");
    expect(body).toContain(`${report.meta.body}${report.meta.year}年政府信息公开工作年度报告`);
  });

  /** Reads the cells back from the glued text of a report whose row labels are known. */
  function gluedRows(report: Report, text: string) {
    const edition = report.edition === "gen2019" ? "gen2019" : "gen2021";
    const seg = t3Segment(text);
    const labels: string[] = [];
    let prev: readonly string[] = [];
    for (const r of T3_ROWS[edition]) {
      const path = r.path.slice(1);
      let same = 0;
      while (same < path.length - 1 && path[same] === prev[same]) same++;
      labels.push(path.slice(same).join(""));
      prev = path;
    }
    const out: string[] = [];
    let at = seg.indexOf(labels[0] ?? "");
    labels.forEach((label, i) => {
      const from = at + label.length;
      const next = labels[i + 1];
      const to = next === undefined ? seg.length : seg.indexOf(next, from);
      out.push(seg.slice(from, to));
      at = to;
    });
    return out;
  }

  it.each(["gen2019", "gen2021"] as const)("%s: each row of table 三 is its label followed by its cells' digits, glued", (edition) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const report = generateReport({ edition, seed });
        const rows = gluedRows(report, toFlattenedText(report, { style: "glued" }));
        const expected = T3_ROWS[edition].map((r) =>
          ["natural", "business", "research", "nonprofit", "legal", "other", "total"].map((c) => displayCell(report.cells[`t3.${r.id}.${c}`])).join(""),
        );
        expect(rows.map((r) => r.trim())).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("writes table 四 as its header then 15 glued cells, like Pingtan", () => {
    const report = generateReport({ edition: "gen2021", seed: 9, level: "prefecture" });
    const text = toFlattenedText(report, { style: "glued" });
    const header =
      "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";
    expect(PINGTAN_2021).toContain(header);
    const digits = ["review", "direct", "after_review"]
      .flatMap((b) => ["upheld", "corrected", "other", "pending", "total"].map((c) => displayCell(report.cells[`t4.${b}.${c}`])))
      .join("");
    expect(text).toContain(`${header}${digits}五、`);
  });

  it("writes the local table like Pingtan 2017: label, unit, then the two figures glued", () => {
    const report = generateReport({ edition: "local", seed: 3, year: 2017 });
    const text = toFlattenedText(report, { style: "glued" });
    const row = report.local?.rows[0];
    expect(row?.label).toBe("主动公开文件数");
    expect(fixture("pingtan-2017.txt")).toContain("指标名称计量单位2017年度历年累计主动公开文件数条");
    expect(text).toContain(
      `指标名称计量单位2017年度历年累计主动公开文件数条${displayCell(report.cells["local.r1.current"])}${displayCell(report.cells["local.r1.cumulative"])}其中：1、政府网站公开数条`,
    );
  });
});

describe("lines text (Taishun style)", () => {
  /** The label lines of the 2014 table after its header, brackets and spaces normalised. */
  const tableLabels = (text: string) => {
    const lines = text.split("\n").map((l) => l.trim());
    const start = lines.indexOf("统 计 指 标");
    const norm = (s: string) => s.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）").replace(/:/g, "：");
    return lines
      .slice(start + 1)
      .filter((l) => l !== "" && !/^[\d.]+$/.test(l) && !["——", "万元", "人次", "单位", "统计数"].includes(l) && !l.startsWith("【"))
      .map(norm);
  };

  it("prints the 2014 table as Taishun 2018 does: the same label lines in the same order, units only for 万元 and 人次", () => {
    const real = tableLabels(TAISHUN_2018);
    expect(real).toHaveLength(OLD_ROWS.length);
    for (let seed = 0; seed < 20; seed++) {
      const text = toFlattenedText(generateReport({ edition: "gen2014", seed }), { style: "lines" });
      expect(tableLabels(text)).toEqual(real);
      expect(text.split("\n").filter((l) => l === "万元")).toHaveLength(2);
      expect(text.split("\n").filter((l) => l === "人次")).toHaveLength(1);
    }
  });

  it("puts every value on its own line after its label", () => {
    const report = generateReport({ edition: "gen2014", seed: 12 });
    const lines = toFlattenedText(report, { style: "lines" })
      .split("\n")
      .filter((l) => l !== "");
    const i = lines.indexOf("（一）收到申请数");
    expect(lines[i + 1]).toBe(displayCell(report.cells["old.C1"]));
    const g = lines.indexOf("七、依申请公开信息收取的费用");
    expect(lines.slice(g + 1, g + 3)).toEqual(["万元", displayCell(report.cells["old.G"])]);
  });

  it.each(EDITIONS)("%s: has the title line, the six sections and the page furniture", (edition) => {
    const report = generateReport({ edition, seed: 21 });
    const text = toFlattenedText(report, { style: "lines" });
    const lines = text.split("\n");
    expect(lines[0]).toBe("您现在的位置:首页");
    expect(lines).toContain(`${report.meta.body}${report.meta.year}年政府信息公开工作年度报告`);
    for (const s of report.sections) expect(lines).toContain(s.title);
    expect(text.trimEnd().endsWith("【返回顶部】【打印本稿】【关闭本页】")).toBe(true);
    expect(text).toContain(`统计期限自${report.meta.year}年1月1日起至${report.meta.year}年12月31日止`);
    const glued = toFlattenedText(report, { style: "glued" });
    if (edition === "gen2019" || edition === "gen2021") expect(glued).toContain(T3_HEADER_NOTE);
  });
});
