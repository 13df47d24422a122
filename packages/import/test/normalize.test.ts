// The white-space collapse of cell texts, held to the regular expression it stands for.
import { describe, expect, it } from "vitest";
import { collapseSpaces } from "../src/normalize";
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
