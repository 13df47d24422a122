import { readdirSync, readFileSync } from "node:fs";
import { blankReport, cellsOf, parseReportJson, type Report, reportCells, T3_BALANCE_NOTE } from "@gov-disclosure/core";
import { expandGrid, officialTables } from "@gov-disclosure/render";
import { describe, expect, it } from "vitest";
import { entryLayout, type LayoutCell, type LayoutTable, layoutInputs } from "../src/layout";

const canonical = (name: string): Report => {
  const parsed = parseReportJson(readFileSync(new URL(`../../../fixtures/canonical/${name}.json`, import.meta.url), "utf8"));
  if (!parsed.success) throw new Error(name);
  return parsed.report;
};

const textOf = (c: LayoutCell | undefined): string => (c && c.kind !== "input" ? c.text : "");

/** Expands a layout onto a grid, as a browser would: every slot holds a header text or a cell id. */
function grid(t: LayoutTable): string[][] {
  const rows = [...t.head, ...t.body];
  const out: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (out[r]?.[c] !== undefined) c++;
      const rowspan = cell.kind === "input" ? 1 : cell.rowspan;
      for (let dr = 0; dr < rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) (out[r + dr] as string[])[c + dc] = cell.kind === "input" ? cell.def.id : cell.text;
      c += cell.colspan;
    }
  });
  return out;
}

describe("the entry form is render's official layout", () => {
  for (const edition of ["gen2021", "gen2019", "gen2014"] as const) {
    it(`${edition}: every cell once, on render's grid, slot for slot`, () => {
      const report = blankReport(edition);
      const tables = entryLayout(report);
      const ids = layoutInputs(tables).map((i) => i.def.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(
        cellsOf(edition)
          .map((c) => c.id)
          .sort(),
      );
      const official = officialTables(report);
      expect(tables.map((t) => t.id)).toEqual(official.map((t) => t.id));
      tables.forEach((t, k) => {
        // The same grid as render's, slot for slot: the element adds inputs, never its own rows or columns.
        const theirs = expandGrid(official[k] as (typeof official)[number]).map((row) => row.map((s) => s.cell.cell ?? s.cell.text));
        const ours = grid(t);
        expect(ours).toEqual(theirs);
        for (const row of ours) expect(row.length).toBe(t.width);
      });
    });
  }

  it("table 三's corner is core's 勾稽关系 note, in the language shown, over 3×3", () => {
    for (const [locale, note] of [
      ["zh-CN", T3_BALANCE_NOTE.zh],
      ["en", T3_BALANCE_NOTE.en],
    ] as const) {
      const t3 = entryLayout(blankReport("gen2021"), locale).find((t) => t.id === "t3") as LayoutTable;
      const corner = t3.head[0]?.[0];
      expect(corner).toMatchObject({ kind: "head", role: "corner", colspan: 3, rowspan: 3 });
      expect(textOf(corner)).toContain(note);
    }
  });

  it("table 三 has 7 applicant columns and 三、本年度办理结果 spanning 22 rows (2021) / 20 (2019)", () => {
    for (const [edition, span, rows] of [
      ["gen2021", 22, 25],
      ["gen2019", 20, 23],
    ] as const) {
      const t3 = entryLayout(blankReport(edition)).find((t) => t.id === "t3") as LayoutTable;
      expect(t3.width).toBe(10);
      expect(t3.body.length).toBe(rows);
      const result = t3.body.flat().find((c) => textOf(c) === "三、本年度办理结果");
      expect(result).toMatchObject({ rowspan: span, scope: "rowgroup" });
      const g = grid(t3);
      expect(g[1]).toContain("法人或其他组织");
      expect(g[2]?.slice(3)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
    }
  });

  it("every input is labelled with its official row and column labels, in the chosen language", () => {
    const zh = layoutInputs(entryLayout(blankReport("gen2021")));
    expect(zh.find((i) => i.def.id === "t3.denied_1.business")?.label).toBe("三、本年度办理结果 （三）不予公开 1.属于国家秘密，法人或其他组织 商业企业");
    expect(zh.find((i) => i.def.id === "t4.direct.pending")?.label).toBe("行政诉讼 未经复议直接起诉，尚未审结");
    expect(new Set(zh.map((i) => i.label)).size).toBe(zh.length);
    const en = layoutInputs(entryLayout(blankReport("gen2021"), "en"));
    expect(en.find((i) => i.def.id === "t3.new.natural")?.label).toBe("I. New applications this year, Natural persons");
    // Core's English labels of section 二 still carry Chinese in two places ("Art. 20 item (一)", "Rules (规章)"):
    // reported to core. Nothing else may.
    const CORE_KNOWN = /Art\. 20 item \([一五六八九]\)|Rules \(规章\)/g;
    for (const i of en) expect(i.label.replace(CORE_KNOWN, ""), i.def.id).not.toMatch(/[\u4e00-\u9fff]/);
    const old = layoutInputs(entryLayout(blankReport("gen2014")));
    expect(new Set(old.map((i) => i.label)).size).toBe(old.length);
  });

  it("the 2014 table keeps its 7 header rows with —— and a unit column", () => {
    const t = entryLayout(blankReport("gen2014"))[0] as LayoutTable;
    expect(t.body.length).toBe(65);
    expect(t.body.filter((r) => r.some((c) => c.kind === "fixed" && c.role === "dash")).length).toBe(7);
    expect(t.body.filter((r) => r.some((c) => c.kind === "fixed" && c.role === "unit")).length).toBe(58);
  });

  it("a local table (Pingtan 2017) lays out its declared rows, one input per cell of the report", () => {
    const r = canonical("pingtan-2017");
    const [t] = entryLayout(r);
    expect(t?.body.length).toBe(r.local?.rows.length);
    expect(
      layoutInputs(t ? [t] : [])
        .map((i) => i.def.id)
        .sort(),
    ).toEqual(
      reportCells(r)
        .list.map((c) => c.id)
        .sort(),
    );
  });
});

describe("no table knowledge of its own", () => {
  const src = new URL("../src/", import.meta.url);
  const source = readdirSync(src)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => [f, readFileSync(new URL(f, src), "utf8")] as const);

  it("the element's source holds no row or column label of any edition, nor the 勾稽关系 note", () => {
    const labels = new Set<string>();
    for (const edition of ["gen2021", "gen2019", "gen2014"] as const)
      for (const c of cellsOf(edition))
        for (const l of [...c.rowPath, ...c.colPath, ...c.rowPathEn, ...c.colPathEn])
          if (/[\u4e00-\u9fff]/.test(l) ? l.length >= 4 : l.includes(" ") && l.length >= 12) labels.add(l);
    labels.add(T3_BALANCE_NOTE.zh);
    labels.add(T3_BALANCE_NOTE.en);
    labels.add("勾稽关系");
    expect(labels.size).toBeGreaterThan(200);
    for (const [file, text] of source) for (const l of labels) expect(text.includes(l), `${file} holds “${l}”`).toBe(false);
  });
});
