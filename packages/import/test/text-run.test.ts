import { describe, expect, it } from "vitest";
import { seeded } from "./random";
import { skipToValues } from "../src/text";

// What stands between a label and its values, skipped as it was before the loop worked on character codes (session
// 8): regular expressions on one-character strings and slices. The reference the current loop must match exactly.
const UNIT_AT = /^(人次|万元|条|件|次|篇|个|人|元)/;
const CJK = /[\u3400-\u9fff]/;
function skipBefore(src: string, from: number, limit: number): number {
  let i = from;
  for (let guard = 0; guard < 50 && i < limit; guard++) {
    const ch = src[i] as string;
    if (ch === "|") {
      // an empty cell: only spaces or tabs before the next "|" of the line
      const rest = src.slice(i + 1, limit);
      const m = /^[ \t]*\|/.exec(rest);
      if (m) break;
    }
    if (/\s|\||[、,:;。.]/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === "（") {
      const close = src.slice(i, Math.min(limit, i + 160)).search(/[)）]/);
      if (close > 0) {
        i += close + 1;
        continue;
      }
      break;
    }
    const u = UNIT_AT.exec(src.slice(i, i + 2));
    if (u && !CJK.test(src[i + u[0].length] ?? "")) {
      i += u[0].length;
      continue;
    }
    const lineStart = src.lastIndexOf("\n", i) + 1;
    const lineEnd = src.indexOf("\n", i) < 0 ? src.length : src.indexOf("\n", i);
    if (src.slice(lineStart, lineEnd).includes("|") && CJK.test(ch)) {
      const bar = src.indexOf("|", i);
      if (bar > 0 && bar < lineEnd && !/\d/.test(src.slice(i, bar))) {
        i = bar + 1;
        continue;
      }
    }
    break;
  }
  return i;
}

describe("skipToValues skips what it skipped before its loop worked on character codes", () => {
  it("on 20,000 random stretches of label/value text, pipes, units, brackets and CJK", () => {
    const rnd = seeded(7);
    const pieces = [
      "0",
      "1",
      "12",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "|",
      "| ",
      " |",
      "、",
      ",",
      ":",
      ";",
      "。",
      ".",
      "(",
      ")",
      "（",
      "）",
      "人",
      "人次",
      "万",
      "万元",
      "元",
      "条",
      "件",
      "次",
      "篇",
      "个",
      "申请",
      "数量",
      "无",
      "—",
      "-",
      "/",
      "\u00a0",
      "\u3000",
      "\u2028",
      "\ufeff",
      "\u2003",
      "\u180e",
      "\u0085",
      "\u200b",
      "\ud800",
      "\udc00",
      "\u33ff",
      "\u3400",
      "\u9fff",
      "\ua000",
      "a",
      "（注：按件计）",
      "3元",
      "2万元",
    ];
    let moved = 0;
    for (let n = 0; n < 20000; n++) {
      const text = Array.from({ length: 1 + rnd(40) }, () => pieces[rnd(pieces.length)]).join("");
      const from = rnd(Math.max(1, text.length));
      // a limit inside the text, at its end, past its end, or before the start
      const limit = [Math.min(text.length, from + rnd(text.length + 1)), text.length, text.length + rnd(5), from - rnd(3)][rnd(4)]!;
      const got = skipToValues(text, from, limit);
      expect(got).toBe(skipBefore(text, from, limit));
      if (got > from) moved++;
    }
    expect(moved).toBeGreaterThan(5000);
  });
});
