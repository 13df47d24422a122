// A claim in the prose is read within its clause. The text the claims are read from is folded (full-width "，" and
// "；" are "," and ";" there), so the patterns that stop at a clause's end stop at both kinds.
import { describe, expect, it } from "vitest";
import { narrativeChecks, readClaims } from "../src/narrative";
import { compact, normalizeChars } from "../src/normalize";

const claimsOf = (prose: string) => readClaims(compact(normalizeChars(prose)), "gen2021", () => ({ line: 1, column: 1 }), []);
const claim = (prose: string, cell: string) => claimsOf(prose).find((c) => c.cell === cell);

describe("claims within their clause", () => {
  it("does not take the number done for the number carried over (办结6件，结转下年度继续办理0件)", () => {
    for (const comma of ["，", ",", "；", ";"]) {
      const prose = `全年新收政府信息公开申请5件，加上上年结转1件，共办结6件${comma}结转下年度继续办理0件。`;
      expect(claim(prose, "t3.carry_out.total"), comma).toBeUndefined();
      expect(claim(prose, "t3.total.total"), comma).toMatchObject({ value: "6" });
    }
  });

  it("reads a number carried over stated before its ending, and quotes the clause it stands in", () => {
    const got = claim("全年新收政府信息公开申请5件，另有3件申请结转下年度办理。", "t3.carry_out.total");
    expect(got).toMatchObject({ value: "3", text: "另有3件申请结转下年度" });
  });

  it("does not join a verb in one clause to the documents of the next", () => {
    // 转发 (forwarded) is no verb of issuing: the 8 documents were not issued here
    expect(claim("本年出台政策文件，转发规范性文件8件。", "t2.normative.issued")).toBeUndefined();
    expect(claim("本年出台规范性文件8件。", "t2.normative.issued")).toMatchObject({ value: "8" });
    expect(claim("本年制定实施办法；规章2件。", "t2.rules.issued")).toBeUndefined();
    expect(claim("本年制定规章2件。", "t2.rules.issued")).toMatchObject({ value: "2" });
  });
});

describe("the stated breakdown of the applications done", () => {
  const breakdown = (prose: string) => {
    const c = compact(normalizeChars(prose));
    const claims = readClaims(c, "gen2021", () => ({ line: 1, column: 1 }), []);
    return narrativeChecks(c, "gen2021", new Map(), claims, () => ({ line: 1, column: 1 })).filter((i) => i.code === "IMPORT-NARRATIVE-BREAKDOWN");
  };
  const done = "全年新收政府信息公开申请5件，加上上年结转1件，共办结6件，结转下年度继续办理0件。";

  it("counts 予以公开 and 部分公开 stated apart as two of its parts", () => {
    expect(breakdown(`${done}其中，予以公开2件，部分公开0件，不予公开0件，无法提供3件，不予处理1件，其他处理0件。`)).toEqual([]);
    expect(breakdown(`${done}其中，予以公开及部分公开2件，不予公开0件，无法提供3件，不予处理1件，其他处理0件。`)).toEqual([]);
  });

  it("names a breakdown that does not add up, stated either way", () => {
    const apart = breakdown(`${done}其中，予以公开2件，部分公开1件，不予公开0件，无法提供3件，不予处理1件，其他处理0件。`);
    expect(apart.map((i) => i.params)).toMatchObject([{ sum: "7", total: "6" }]);
    const together = breakdown(`${done}其中，予以公开及部分公开3件，不予公开0件，无法提供3件，不予处理1件，其他处理0件。`);
    expect(together.map((i) => i.params)).toMatchObject([{ sum: "7", total: "6" }]);
  });
});
