// The white-space collapse of cell texts and the compacting of a whole text, each held to the regular expression it
// stands for.
import { describe, expect, it } from "vitest";
import { collapseSpaces, compact, lineStartsOf } from "../src/normalize";
import { seeded } from "./random";

const reference = (text: string) => text.replace(/\s+/g, " ").trim();

describe("collapseSpaces", () => {
  it("is text.replace(/\\s+/g, ' ').trim() on 50,000 random texts of spaces of every kind, letters and CJK", () => {
    const pieces = [" ", "\t", "\n", "\r", "\u00a0", "\u3000", "\u2028", "\ufeff", "\u200b", "a", "12", "本年", "—", "|", "  ", " x"];
    const below = seeded(42);
    for (let i = 0; i < 50_000; i++) {
      let s = "";
      for (let k = 0, n = below(8); k < n; k++) s += pieces[below(pieces.length)];
      expect(collapseSpaces(s), JSON.stringify(s)).toBe(reference(s));
    }
  });

  it("returns a text without white space as it is, and one space before the rest without it", () => {
    expect(collapseSpaces("本年新收")).toBe("本年新收");
    expect(collapseSpaces(" 859")).toBe("859");
    expect(collapseSpaces(" ")).toBe("");
    expect(collapseSpaces("")).toBe("");
    expect(collapseSpaces("\u3000859")).toBe("859");
    expect(collapseSpaces(" a  b ")).toBe("a b");
  });
});

describe("compact", () => {
  // the text with ASCII white space (and pipes) removed, and each kept character's offset in the input
  const reference = (text: string, dropPipes: boolean) => {
    const map: number[] = [];
    for (let i = 0; i < text.length; i++) if (!(dropPipes ? /[ \t\n\r\f\v|]/ : /[ \t\n\r\f\v]/).test(text[i]!)) map.push(i);
    map.push(text.length);
    return { text: text.replace(dropPipes ? /[ \t\n\r\f\v|]+/g : /[ \t\n\r\f\v]+/g, ""), map };
  };

  it("removes the same characters as the regular expression and maps every kept one back, on 20,000 random texts", () => {
    const pieces = [" ", "\t", "\n", "\r", "\f", "\v", "\u3000", "\u00a0", "|", "||", "a", "12", "本年", "—", "  ", " x "];
    const below = seeded(7);
    for (let i = 0; i < 20_000; i++) {
      let s = "";
      for (let k = 0, n = below(10); k < n; k++) s += pieces[below(pieces.length)];
      const dropPipes = i % 2 === 1;
      const c = compact(s, dropPipes);
      const want = reference(s, dropPipes);
      expect(c.text, JSON.stringify(s)).toBe(want.text);
      expect([...c.map], JSON.stringify(s)).toEqual(want.map);
    }
  });

  it("keeps a text with nothing to remove as it is, and reads one of 2 MB with 200,000 runs", () => {
    expect(compact("本年新收").text).toBe("本年新收");
    expect(compact("").text).toBe("");
    expect(compact(" \n ").text).toBe("");
    const long = "本年 12\n".repeat(200_000);
    const c = compact(long);
    expect(c.text.length).toBe(200_000 * 4);
    expect(c.text.slice(-4)).toBe("本年12");
    expect(c.map[c.map.length - 2]).toBe(long.length - 2);
  });
});

describe("lineStartsOf", () => {
  it("gives 0 and the offset after every \\n, on 5,000 random texts", () => {
    const below = seeded(3);
    for (let i = 0; i < 5_000; i++) {
      let s = "";
      for (let k = 0, n = below(12); k < n; k++) s += ["\n", "\n\n", "\r\n", "a", "本年", " "][below(6)];
      const want = [0];
      for (let j = 0; j < s.length; j++) if (s[j] === "\n") want.push(j + 1);
      expect(lineStartsOf(s), JSON.stringify(s)).toEqual(want);
    }
  });
});
