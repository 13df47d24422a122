import { type CellKind, count, money } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { type Chunk, enumerateRow, fitPipeCells, newWork, num, oneTokenACell, partText, rowCandidates, type Work } from "../src/split";

/** A reading as text: each cell's raw text, value and offset. */
const shown = (cands: readonly (readonly ({ raw: string; value: unknown; offset?: number } | null)[])[]) =>
  cands.map((c) => c.map((p) => (p ? { raw: p.raw, value: p.value, offset: p.offset } : null)));

/**
 * The splitter's rule for rows of counts, written plainly: each chunk cut into well-formed counts (digits, no leading
 * zero, at most 12), every chunk at least one cell, a total cell (the last with `sumLast`, the last of each block) only
 * the sum of its parts; readings in the order of a depth-first walk that tries shorter parts first.
 */
function reference(chunks: readonly Chunk[], k: number, identity: { sumLast?: boolean; block?: number }) {
  const out: { raw: string; value: ReturnType<typeof count>; offset: number }[][] = [];
  const acc: { raw: string; value: ReturnType<typeof count>; offset: number }[] = [];
  const totalOf = (cell: number): number | undefined => {
    const from = identity.sumLast && cell === k - 1 ? 0 : identity.block && cell % identity.block === identity.block - 1 ? cell - identity.block + 1 : -1;
    if (from < 0) return undefined;
    return acc.slice(from, cell).reduce((s, p) => s + p.value.value, 0);
  };
  const walk = (ci: number, pos: number): void => {
    if (acc.length === k) {
      if (ci === chunks.length) out.push([...acc]);
      return;
    }
    if (ci === chunks.length || k - acc.length < chunks.length - ci) return;
    const { text, offset } = chunks[ci]!;
    const total = totalOf(acc.length);
    for (let len = 1; len <= 12 && pos + len <= text.length; len++) {
      const raw = text.slice(pos, pos + len);
      if (!/^(0|[1-9]\d*)$/.test(raw)) break;
      if (total !== undefined && raw !== String(total)) continue;
      acc.push({ raw, value: count(Number(raw)), offset: offset + pos });
      if (pos + len === text.length) walk(ci + 1, 0);
      else walk(ci, pos + len);
      acc.pop();
    }
  };
  walk(0, 0);
  return out;
}

describe("rowCandidates reads glued counts as the plain rule does", () => {
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 8) % n;
  };
  // digits weighted to 0 and 1, so that zeros, leading zeros and sums that can be spelled several ways are common
  const digitsOf = (n: number) => Array.from({ length: n }, () => "0011123459"[rnd(10)]).join("");
  it("on 600 random rows (1–3 chunks, 2–7 cells; no identity, a total last, blocks of 3)", () => {
    let readings = 0;
    for (let i = 0; i < 600; i++) {
      const k = 2 + rnd(6);
      const n = 1 + rnd(Math.min(3, k));
      let offset = 0;
      const chunks: Chunk[] = Array.from({ length: n }, () => {
        const text = digitsOf(1 + rnd(9));
        const c = { text, offset, atomic: false };
        offset += text.length + 1;
        return c;
      });
      // one chunk with a total last takes the sum-first path, whose order differs: two chunks or more here
      const identity = [{}, n > 1 ? { sumLast: true } : {}, { block: 3 }][i % 3]!;
      const got = rowCandidates(chunks, new Array(k).fill("count"), identity);
      expect(got.truncated).toBe(false);
      expect(shown(got.cands)).toEqual(shown(reference(chunks, k, identity)));
      readings += got.cands.length;
    }
    expect(readings).toBeGreaterThan(600);
  });

  it("a row with one token a cell is read directly, as the enumeration reads it, spending the same work", () => {
    // tokens a label/value text gives: whole counts, dashes, slashes, 无, and the odd ones the direct reading leaves to
    // the enumeration (a leading zero, 13 digits, a decimal)
    const token = () => {
      const r = rnd(20);
      if (r < 12) return String(rnd(4) === 0 ? 0 : rnd(10 ** (1 + rnd(6))));
      return ["—", "-", "/", "无", "012", "1234567890123", "1.5", "00"][r - 12]!;
    };
    let direct = 0;
    let blockTotals = 0;
    for (let i = 0; i < 3000; i++) {
      const k = 1 + rnd(9);
      let offset = 0;
      const texts = Array.from({ length: k }, token);
      const identity: { sumLast?: boolean; block?: number } = [{}, { sumLast: true }, { block: 3 }, { block: 2 }, { sumLast: true, block: 2 }][i % 5]!;
      // half of the rows with their totals printed right (every block's, then the last), so that forced totals are read,
      // not only refused
      const sumOf = (from: number, to: number) => texts.slice(from, to).reduce((a, t) => a + (/^\d+$/.test(t) ? Number(t) : Number.NaN), 0);
      if (i % 2) {
        const block = identity.block;
        if (block) for (let end = block - 1; end < k; end += block) if (!(identity.sumLast && end === k - 1)) texts[end] = String(sumOf(end - block + 1, end));
        if (identity.sumLast) texts[k - 1] = String(sumOf(0, k - 1));
      }
      const chunks: Chunk[] = texts.map((text) => {
        const c = { text, offset, atomic: false, ...(rnd(3) === 0 ? { loc: { line: 1 + rnd(9), column: 1 } } : {}) };
        offset += text.length + 1;
        return c;
      });
      const kinds = texts.map((): CellKind => (rnd(40) === 0 ? "money" : "count"));
      // budgets: plenty, or nearly spent, so that the direct reading must give way where the enumeration runs out
      const left = rnd(5) === 0 ? rnd(60) : 3_000_000;
      const exhausted = rnd(50) === 0;
      const maxSteps = rnd(5) === 0 ? rnd(80) : 300000;
      const a: Work = { left, exhausted };
      const b: Work = { left, exhausted };
      const fast = oneTokenACell(chunks, kinds, identity, maxSteps, a);
      const slow = enumerateRow(chunks, kinds, identity, 5000, maxSteps, b);
      if (fast) {
        direct++;
        const block = identity.block;
        if (block && texts.some((t, j) => j % block === block - 1 && /^[1-9]/.test(t))) blockTotals++;
        expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
        expect(a).toEqual(b);
      } else expect(a).toEqual({ left, exhausted }); // nothing spent when it gives way
      // and rowCandidates, which tries it first, reads every row as before
      if (!(identity.sumLast && k === 1))
        expect(JSON.stringify(rowCandidates(chunks, kinds, identity))).toBe(JSON.stringify(enumerateRow(chunks, kinds, identity, 5000, 300000, newWork())));
    }
    // the direct reading took a good share of the rows (and the enumeration the rest), nonzero block totals among them
    expect(blockTotals).toBeGreaterThan(30);
    expect(direct).toBeGreaterThan(300);
    expect(direct).toBeLessThan(2700);
  });

  it("a total that its parts spell is the only reading of the total cell; one they do not spell, none", () => {
    const row = (texts: string[]) => texts.map((text, i) => ({ text, offset: i * 10, atomic: false }));
    const read = (texts: string[]) => rowCandidates(row(texts), ["count", "count", "count"], { sumLast: true }).cands.map((c) => c.map(partText));
    expect(read(["1020", "30"])).toEqual([["10", "20", "30"]]);
    expect(read(["1020", "31"])).toEqual([]);
    expect(read(["1020", "3"])).toEqual([]);
  });

  it("amounts are parsed as amounts, with their unit at the end of their chunk", () => {
    const read = (text: string) =>
      rowCandidates([{ text, offset: 5, atomic: false }], ["money", "money"]).cands.map((c) => c.map((p) => [p?.raw, p?.value.kind, partText(p), p?.offset]));
    expect(read("152")).toEqual([
      [
        ["1", "money", "1", 5],
        ["52", "money", "52", 6],
      ],
      [
        ["15", "money", "15", 5],
        ["2", "money", "2", 7],
      ],
    ]);
    expect(read("1.52元")).toEqual([
      [
        ["1.5", "money", "1.5", 5],
        ["2元", "money", "2元", 8],
      ],
    ]);
  });
});

describe("num: an amount in exact millionths", () => {
  it("is exact at any length, and NaN (never a rounded value) when it has more than six decimals", () => {
    expect(num({ raw: "24252.311082", value: money("24252.311082") })).toBe(24252311082);
    expect(num({ raw: "0.1", value: money("0.1") }) + num({ raw: "0.2", value: money("0.2") })).toBe(num({ raw: "0.3", value: money("0.3") }));
    // 1.0000000000000000000001 has 22 decimals: decimal.js alone rounds ×10^6 to 20 digits and calls it whole
    expect(num({ raw: "1.0000000000000000000001", value: money("1.0000000000000000000001") })).toBeNaN();
    expect(num({ raw: "9007199254.740993", value: money("9007199254.740993") })).toBeNaN();
  });
});

describe("fitPipeCells: a pipe row with more cells than its table", () => {
  const cells = (...texts: string[]): Chunk[] => texts.map((text, i) => ({ text, offset: i * 4, atomic: true }));
  it("drops empty cells at its ends (first ones first) until it fits, and keeps a fitting row's blanks in place", () => {
    const texts = (cs: readonly Chunk[]) => cs.map((c) => c.text);
    // a label spanning two columns, then the values
    expect(texts(fitPipeCells(cells("", "3", "1", "4"), 3))).toEqual(["3", "1", "4"]);
    // a converter's padding after the values
    expect(texts(fitPipeCells(cells("3", "1", "4", "", ""), 3))).toEqual(["3", "1", "4"]);
    // a row that fits: its empty cells are blanks, kept where they stand
    expect(texts(fitPipeCells(cells("", "1", ""), 3))).toEqual(["", "1", ""]);
    // glued (not atomic) text is never dropped
    expect(texts(fitPipeCells([{ text: "", offset: 0, atomic: false }, ...cells("1", "2")], 2))).toEqual(["", "1", "2"]);
  });
});

describe("rowCandidates reads amounts with their unit (万元, 元) at a token's end", () => {
  const MONEY = /^(0|[1-9]\d*)(\.\d+)?(万元|元)?$/;
  /** The plain rule for counts and amounts: each part well-formed for its cell, a unit only at the end of its token. */
  function reference(chunks: readonly Chunk[], kinds: readonly CellKind[]): string[][] {
    const out: string[][] = [];
    const acc: string[] = [];
    const walk = (ci: number, pos: number): void => {
      if (acc.length === kinds.length) {
        if (ci === chunks.length) out.push([...acc]);
        return;
      }
      if (ci === chunks.length || kinds.length - acc.length < chunks.length - ci) return;
      const text = chunks[ci]!.text;
      const kind = kinds[acc.length]!;
      for (let len = 1; len <= 24 && pos + len <= text.length; len++) {
        const raw = text.slice(pos, pos + len);
        const ok = kind === "money" ? MONEY.test(raw) && raw.replace(/\D/g, "").length <= 20 : /^(0|[1-9]\d*)$/.test(raw) && len <= 12;
        if (!ok || (/[元万]/.test(raw) && pos + len < text.length)) continue;
        acc.push(raw);
        if (pos + len === text.length) walk(ci + 1, 0);
        else walk(ci, pos + len);
        acc.pop();
      }
    };
    walk(0, 0);
    return out;
  }

  it("reads a count and an amount in 万元, one token each (政府集中采购: 22 | 1319万元)", () => {
    const chunks: Chunk[] = [
      { text: "22", offset: 0, atomic: false },
      { text: "1319万元", offset: 3, atomic: false },
    ];
    const got = rowCandidates(chunks, ["count", "money"]);
    expect(got.cands.map((c) => c.map((p) => p?.raw))).toEqual([["22", "1319万元"]]);
    expect(got.cands[0]![1]!.value).toEqual(money("1319", "万元"));
  });

  it("on 3,000 random rows of counts and amounts, glued or apart, with and without units", () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed >> 8) % n;
    };
    let withUnit = 0;
    for (let i = 0; i < 3_000; i++) {
      const k = 2 + rnd(3);
      const kinds: CellKind[] = Array.from({ length: k }, () => (rnd(2) ? "money" : "count"));
      const n = 1 + rnd(k);
      let offset = 0;
      const chunks: Chunk[] = Array.from({ length: n }, () => {
        let text = Array.from({ length: 1 + rnd(6) }, () => "0112345679"[rnd(10)]).join("");
        if (rnd(4) === 0) text += `.${"05"[rnd(2)]}`;
        text += ["", "", "万元", "元"][rnd(4)];
        const c = { text, offset, atomic: false };
        offset += text.length + 1;
        return c;
      });
      const want = reference(chunks, kinds);
      if (want.length && chunks.some((c) => /万元$/.test(c.text))) withUnit++;
      const got = enumerateRow(chunks, kinds, {}, 5000, 300000, newWork());
      expect(
        got.cands.map((c) => c.map((p) => p?.raw ?? "")),
        JSON.stringify([chunks.map((c) => c.text), kinds]),
      ).toEqual(want);
    }
    // rows with an amount in 万元 were read (the generator of rows does make them)
    expect(withUnit).toBeGreaterThan(300);
  });
});
