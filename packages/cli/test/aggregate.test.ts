import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Decimal, INDICATORS, type IndicatorId, indicatorsOf, parseReport, parseReportJson, type Report, uncertainCellsOf } from "@gov-disclosure/core";
import { importReport } from "@gov-disclosure/import";
import { describe, expect, it } from "vitest";
import { CJK, englishWords } from "./language";
import { canon, real, run, scratch } from "./run";

// `aggregate --indicators`: the harmonised indicators of every input (all editions, local tables too), summed exactly,
// checked against core's `indicatorsOf` over the same files read in this process.

interface Row {
  indicator: IndicatorId;
  reports: number;
  withoutValue: number;
  noEquivalent: number;
  blank: number;
  notNumeric: number;
  sum: string | null;
  exactness: string;
  guessed: boolean;
}
interface Doc {
  files: number;
  readable: number;
  edition: string | null;
  year: number | null;
  report: unknown;
  indicators: Row[];
}

/** One edition each, and two of 2019 and 2021: gen2014, gen2019 (HTML, with cells the import inferred), gen2021, local. */
const FILES = [
  real("taishun-2018.txt"),
  real("pingtan-2019.txt"),
  real("shanghai-govoffice-2019.html"),
  real("pingtan-2021.txt"),
  real("shanghai-govoffice-2025.md"),
  real("pingtan-2011.txt"),
  canon("pingtan-2021.json"),
];

/** A file as the command reads it: the report and the cells the import inferred. */
async function read(path: string): Promise<{ report: Report; guessed: ReadonlySet<string> }> {
  const r = await importReport(readFileSync(path), { filename: basename(path) });
  if (!r.report) throw new Error(`${path}: no report`);
  return { report: r.report, guessed: uncertainCellsOf(r.issues) };
}

/** What each indicator should come to, from core's `indicatorsOf` of each report. */
function expected(reads: readonly { report: Report; guessed: ReadonlySet<string> }[]) {
  return INDICATORS.map((def) => {
    let sum = new Decimal(0);
    let reports = 0;
    let noEquivalent = 0;
    let guessed = false;
    for (const { report, guessed: cells } of reads) {
      const v = indicatorsOf(report).find((x) => x.indicator === def.id);
      if (!v) throw new Error(def.id);
      if (v.status === "value") {
        sum = sum.plus(v.value as string);
        reports++;
        if (v.cells.some((c) => cells.has(c))) guessed = true;
      } else if (v.status === "none") noEquivalent++;
    }
    return { indicator: def.id, sum: reports ? sum.toFixed() : null, reports, noEquivalent, guessed };
  });
}

describe("aggregate --indicators", () => {
  it("sums each harmonised indicator over every input, across editions, as core's indicatorsOf gives each report", async () => {
    const reads = await Promise.all(FILES.map(read));
    expect(new Set(reads.map((r) => r.report.edition))).toEqual(new Set(["gen2014", "gen2019", "gen2021", "local"]));
    const r = run(["aggregate", ...FILES, "--indicators"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as Doc;
    expect(doc).toMatchObject({ files: FILES.length, readable: FILES.length, edition: "gen2021", year: 2021 });
    expect(doc.indicators.map((i) => i.indicator)).toEqual(INDICATORS.map((d) => d.id));
    const want = expected(reads);
    for (const [i, row] of doc.indicators.entries()) {
      expect({ indicator: row.indicator, sum: row.sum, reports: row.reports, noEquivalent: row.noEquivalent, guessed: row.guessed }).toEqual(want[i]);
      expect(row.reports + row.withoutValue, row.indicator).toBe(FILES.length);
      expect(row.withoutValue, row.indicator).toBe(row.noEquivalent + row.blank + row.notNumeric);
    }
    const by = (id: IndicatorId) => doc.indicators.find((i) => i.indicator === id) as Row;
    // The 2014 table's figures are in the sums (the roll-up itself leaves that report out).
    const taishun = indicatorsOf(reads[0]?.report as Report).find((v) => v.indicator === "lawsuits");
    expect(taishun?.status).toBe("value");
    expect(by("lawsuits").reports).toBe(FILES.length); // every edition has it, the local table (its 行政诉讼 row) too
    // Editions without the indicator are counted apart, never as 0: 上年结转 is not in the 2014 table nor the local one.
    expect(by("carried_in").noEquivalent).toBe(2);
    expect(by("proactive")).toMatchObject({ noEquivalent: 5, reports: 2 }); // only the 2014 table and the local table have it
    // Some figures of these real reports were inferred by the import (an ambiguous glued split): the sums they enter
    // say so, the others do not.
    expect(doc.indicators.filter((i) => i.guessed).map((i) => i.indicator)).toEqual(want.filter((w) => w.guessed).map((w) => w.indicator));
    expect(want.some((w) => w.guessed)).toBe(true);
    expect(by("received").guessed).toBe(false);
    expect(by("received").exactness).toBe("mixed"); // the local tables' 受理申请 is approximate
    // The roll-up is still there, as canonical JSON that reads back, equal to the output without --indicators.
    expect(parseReport(doc.report).success).toBe(true);
    expect(doc.report).toEqual(JSON.parse(run(["aggregate", ...FILES]).out));
  });

  it("shows an indicator an edition lacks as missing, not 0, in JSON and in Markdown", () => {
    const r = run(["aggregate", real("taishun-2018.txt"), canon("taishun-2018.json"), "--indicators"]);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out) as Doc;
    for (const id of ["carried_in", "not_processed", "carried_over"] as const) {
      expect(doc.indicators.find((i) => i.indicator === id)).toMatchObject({ sum: null, reports: 0, noEquivalent: 2, withoutValue: 2, exactness: "none" });
    }
    expect(doc.indicators.find((i) => i.indicator === "lawsuits")).toMatchObject({ reports: 2, noEquivalent: 0, exactness: "exact" });

    const md = run(["aggregate", real("taishun-2018.txt"), canon("taishun-2018.json"), "--indicators", "--to", "md"]);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain("## 统一指标：2 份报告的合计（跨格式）");
    expect(md.out).toContain("| 上年结转申请数 | 无数值 | 0 | 2 | 0 |  |");
    expect(englishWords(md.out.slice(md.out.indexOf("## 统一指标")))).toEqual([]);
    const en = run(["aggregate", real("taishun-2018.txt"), "--indicators", "--to", "md", "--lang", "en"]).out;
    const section = en.slice(en.indexOf("## Harmonised indicators"));
    expect(section).toContain("| Carried in from last year | no figure | 0 | 1 | 0 |  |");
    expect(section).not.toMatch(CJK);
  });

  it("adds money exactly, past six decimals, in aggregate and in stats", () => {
    const dir = scratch();
    const base = JSON.parse(readFileSync(canon("taishun-2018.json"), "utf8"));
    const files = ["0.1234567", "12345678901.0000001"].map((fee, i) => {
      const path = join(dir, `fees-${i}.json`);
      writeFileSync(path, JSON.stringify({ ...base, cells: { ...base.cells, "old.G": fee } }));
      expect(parseReportJson(readFileSync(path, "utf8")).success).toBe(true);
      return path;
    });
    const doc = JSON.parse(run(["aggregate", ...files, "--indicators"]).out) as Doc;
    expect(doc.indicators.find((i) => i.indicator === "fees")?.sum).toBe("12345678901.1234568");
    const stats = JSON.parse(run(["stats", dir, "--format", "json"]).out) as { indicators: (Row & { year: number })[] };
    expect(stats.indicators.find((i) => i.indicator === "fees")).toMatchObject({ year: 2018, sum: "12345678901.1234568", reports: 2 });
    expect(stats.indicators.find((i) => i.indicator === "carried_in")).toMatchObject({ sum: null, noEquivalent: 2 });
  });

  it("takes --indicators only with json or md, and says so before reading anything", () => {
    const r = run(["aggregate", real("taishun-2018.txt"), "--indicators", "--to", "csv"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("gov-disclosure: --indicators 只用于 --to json 或 md，实为 csv\n");
    // A local table alone has no roll-up, but still has indicators.
    const local = JSON.parse(run(["aggregate", real("pingtan-2011.txt"), "--indicators"]).out) as Doc;
    expect(local.report).toBeNull();
    expect(local.indicators.find((i) => i.indicator === "fees")).toMatchObject({ sum: null, noEquivalent: 1 });
  });
});
