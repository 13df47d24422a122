import { describe, expect, it } from "vitest";
import { seeded } from "./random";
import type { Chunk } from "../src/split";
import { parseCellText } from "../src/numbers";
import { extractRun, skipToValues } from "../src/text";

const CJK = /[\u3400-\u9fff]/;
/** A token of a run that is a value (as text.ts's valueToken): a digit or signed digit first, "/" or 无, or all dashes. */
const valueToken = (t: string) => /^(\d|[+-]\d)/.test(t) || t === "/" || t === "无" || /^[-—–]+$/.test(t);

// The values after a label as extractRun read them before session 9: the line's end searched to the end of the text,
// the rest of the line sliced, the run's tokens found by /\S+/g. The reference the reading on character codes must
// match exactly.
function before(src: string, from: number, to: number): { chunks: Chunk[]; end: number } {
  const limit = Math.min(to, src.length, from + 2000);
  const start = skipToValues(src, from, limit);
  const lineEnd = src.indexOf("\n", start) < 0 ? src.length : src.indexOf("\n", start);
  const restOfLine = src.slice(start, Math.min(lineEnd, limit));
  if (restOfLine.includes("|")) {
    const chunks: Chunk[] = [];
    let off = start;
    for (const cell of restOfLine.split("|")) {
      const t = cell.trim();
      const lead = cell.length - cell.trimStart().length;
      const labelCell = CJK.test(t) && !/^(无|\d[\d.]*(万元|元))$/.test(t);
      if (!(labelCell && chunks.length === 0)) chunks.push({ text: t, offset: off + lead, atomic: true });
      off += cell.length + 1;
    }
    if (chunks.length && chunks[0]!.text === "" && !/\S/.test(restOfLine.slice(0, restOfLine.indexOf("|")))) chunks.shift();
    if (chunks.length && chunks[chunks.length - 1]!.text === "" && /\|\s*$/.test(restOfLine)) chunks.pop();
    return { chunks, end: Math.min(lineEnd, limit) };
  }
  let j = start;
  while (j < limit) {
    const ch = src[j]!;
    const c = src.charCodeAt(j);
    if ((c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 47 || c === 32 || c === 9 || c === 13 || c === 10 || c === 0x2014 || c === 0x2013) {
      j++;
      continue;
    }
    if (ch === "," && /\d/.test(src[j - 1] ?? "") && /^\d{3}(?!\d)/.test(src.slice(j + 1, j + 5))) {
      j++;
      continue;
    }
    if (ch === "无" && !CJK.test(src[j + 1] ?? "")) {
      j++;
      continue;
    }
    if ((ch === "元" || (ch === "万" && src[j + 1] === "元")) && /\d/.test(src[j - 1] ?? "")) {
      j += ch === "万" ? 2 : 1;
      continue;
    }
    break;
  }
  const runText = src.slice(start, j);
  const chunks: Chunk[] = [];
  const re = /\S+/g;
  for (let m = re.exec(runText); m; m = re.exec(runText)) if (valueToken(m[0])) chunks.push({ text: m[0], offset: start + m.index, atomic: false });
  const last = chunks[chunks.length - 1];
  if (last && /\.$/.test(last.text)) chunks[chunks.length - 1] = { ...last, text: last.text.replace(/\.+$/, "") };
  return { chunks: chunks.filter((c) => c.text !== ""), end: j };
}

describe("extractRun reads what it read before it worked on character codes", () => {
  it("on 30,000 random stretches of values, pipes, units, separators and labels", () => {
    const rnd = seeded(11);
    const pieces = [
      "0",
      "1",
      "12",
      "1,234",
      ",",
      ",12",
      "1.",
      "2..",
      ".",
      "+3",
      "-4",
      "—",
      "–",
      "--",
      "/",
      "无",
      "无人",
      "元",
      "3元",
      "2万元",
      "万",
      " ",
      "  ",
      "\t",
      "\n",
      "\r",
      "\r\n",
      "|",
      "| ",
      " |",
      "||",
      "|无|",
      "|12|",
      "\u3000",
      "\u00a0",
      "\u2028",
      "\u0085",
      "\u200b",
      "\ud800",
      "申请",
      "数量",
      "（注）",
      "(",
      ")",
      "、",
      "人次",
      "件",
      "a",
      "\u33ff",
      "\u3400",
    ];
    let values = 0;
    for (let n = 0; n < 30000; n++) {
      const src = Array.from({ length: 1 + rnd(40) }, () => pieces[rnd(pieces.length)]).join("");
      const from = rnd(Math.max(1, src.length));
      // an end at the text's end, inside it, past it, or before the start (never below 0: callers pass offsets)
      const to = [src.length, from + rnd(src.length + 1), src.length + rnd(5), Math.max(0, from - rnd(3))][rnd(4)]!;
      const got = extractRun(src, from, to);
      expect(got, JSON.stringify([src, from, to])).toEqual(before(src, from, to));
      values += got.chunks.length;
    }
    expect(values).toBeGreaterThan(20000);
  });
});

describe("parseCellText's shortcut for counts in ASCII digits", () => {
  it("reads them as its normalising steps do (a leading blank forces the steps)", () => {
    const rnd = seeded(5);
    for (let n = 0; n < 5000; n++) {
      const digits = Array.from({ length: 1 + rnd(17) }, () => String(rnd(10))).join("");
      for (const kind of ["count", "signed", "money"] as const) expect(parseCellText(digits, kind), digits).toEqual(parseCellText(` ${digits}`, kind));
    }
  });
});
