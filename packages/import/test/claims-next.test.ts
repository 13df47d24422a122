// The carried-over claim found from its endings, held to its regular expression.
import { describe, expect, it } from "vitest";
import { nextCarryOut } from "../src/narrative";
import { seeded } from "./random";

const NUM = "(?<![\\d.零〇一二两三四五六七八九十百千万])(\\d+(?:\\.\\d+)?万?|[零〇一二两三四五六七八九十百千万]+)";
const REFERENCE = new RegExp(`(约|近|超过|逾)?${NUM}(余|多)?件(?:申请)?[^，。；\\d]{0,12}?(?:结转下年度|顺延到下年度|结转至下年度)`, "g");

/** Every match, in order, as the regex's own loop finds them, and as `nextCarryOut` does. */
const byRegex = (t: string) => [...t.matchAll(REFERENCE)].map((m) => `${m.index}:${m[0]}:${m[1]}:${m[2]}:${m[3]}`);
const byEndings = (t: string) => {
  const out: string[] = [];
  for (let m = nextCarryOut(t, 0); m; m = nextCarryOut(t, m.index + m[0].length)) out.push(`${m.index}:${m[0]}:${m[1]}:${m[2]}:${m[3]}`);
  return out;
};

describe("nextCarryOut", () => {
  it("finds the regex's matches, in order, on 50,000 random texts of numbers, units and endings", () => {
    const pieces = [
      "5",
      "12",
      "0",
      "3.5",
      ".",
      "万",
      "二十",
      "一百",
      "零",
      "约",
      "近",
      "超过",
      "逾",
      "余",
      "多",
      "件",
      "申请",
      "结转下年度",
      "顺延到下年度",
      "结转至下年度",
      "下年度",
      "结转",
      "，",
      "。",
      "；",
      "共",
      "其中",
      "办理",
      "继续",
      "年",
      "x",
    ];
    const below = seeded(5);
    let found = 0;
    for (let i = 0; i < 50_000; i++) {
      let s = "";
      for (let k = 0, n = below(8); k < n; k++) {
        // a claim's parts in order, each left out or replaced now and then, or any piece
        if (below(2) === 0) {
          const part = (xs: readonly string[]) => (below(4) === 0 ? pieces[below(pieces.length)]! : xs[below(xs.length)]!);
          s += part(["", "约", "近", "超过", "逾", ""]) + part(["5", "12", "3.5", "二十", "7万", "1234567"]) + part(["", "余", "多"]);
          s += part(["件", "件"]) + part(["", "申请"]) + part(["", "已", "继续办理后", "x".repeat(11), "x".repeat(12), "，"]);
          s += part(["结转下年度", "顺延到下年度", "结转至下年度"]);
        } else s += pieces[below(pieces.length)];
      }
      const want = byRegex(s);
      found += want.length;
      expect(byEndings(s), s).toEqual(want);
    }
    expect(found).toBeGreaterThan(15_000);
  });

  it("starts where lastIndex would (NaN, below 0, a fraction) and after a million numerals", () => {
    const t = "共3件结转下年度，约12余件申请结转至下年度";
    for (const from of [Number.NaN, -5, 0.5, 2.7, 1e9]) {
      REFERENCE.lastIndex = from;
      const want = REFERENCE.exec(t);
      expect(nextCarryOut(t, from)?.[0]).toBe(want?.[0]);
    }
    const long = `${"一".repeat(1_000_000)}件结转下年度`;
    expect(nextCarryOut(long, 0)?.[2]?.length).toBe(1_000_000);
  });

  it("finds a claim after a long run of digits and gaps of every length", () => {
    for (const gap of ["", "申请", "申请已于年底", "已全部依法依规办理完毕后", "x".repeat(12), "x".repeat(13)]) {
      const t = `共有${"7".repeat(40)}件${gap}结转下年度继续办理`;
      expect(byEndings(t)).toEqual(byRegex(t));
    }
  });
});
