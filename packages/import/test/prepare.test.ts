// The clean-up of text before its tables are read (Markdown separator rows, heading marks, page numbers), line by line,
// held to the four passes of the regular expressions it stands for.
import { describe, expect, it } from "vitest";
import { prepareByPasses, prepareFolded } from "../src/text";
import { seeded } from "./random";

describe("prepareFolded", () => {
  it("blanks what the four passes blank, on 30,000 random texts of separator rows, headings and page numbers", () => {
    const pieces = [
      "\n",
      "\n",
      " ",
      "\t",
      "|",
      "| ",
      ":",
      "-",
      "---",
      ":---:",
      "|---|",
      "#",
      "## ",
      "###### ",
      "####### ",
      "—",
      "–",
      "－",
      "- 4 -",
      "— 12 —",
      "第",
      "第 3 页",
      "页",
      "共5页",
      "12",
      "1234",
      "本年",
      "a",
      "\r",
      "\r\n",
      "\u2028",
    ];
    const below = seeded(11);
    let cleaned = 0;
    for (let i = 0; i < 30_000; i++) {
      let s = "";
      for (let k = 0, n = below(14); k < n; k++) {
        const p = pieces[below(pieces.length)]!;
        // most texts without "\r" and its kind, so that the line-by-line way is the one tried
        s += i % 4 !== 0 && /[\r\u2028]/.test(p) ? "\n" : p;
      }
      const want = prepareByPasses(s);
      if (want !== s) cleaned++;
      expect(prepareFolded(s), JSON.stringify(s)).toBe(want);
    }
    // the texts do hit the clean-ups (a generator that never did would prove nothing)
    expect(cleaned).toBeGreaterThan(5_000);
  });

  it("blanks a separator row, a heading's marks and page numbers and keeps the offsets", () => {
    const text = "# 标题\n| a | b |\n|---|:---:|\n| 1 | 2 |\n- 4 -\n 第 3 页 共9页\n## - 5 -\n正文 - 6 -";
    const out = prepareFolded(text);
    expect(out.length).toBe(text.length);
    const blanks = (line: string) => " ".repeat(line.length);
    expect(out.split("\n")).toEqual([
      "  标题",
      "| a | b |",
      blanks("|---|:---:|"),
      "| 1 | 2 |",
      blanks("- 4 -"),
      blanks(" 第 3 页 共9页"),
      blanks("## - 5 -"),
      "正文 - 6 -",
    ]);
  });
});
