// The prose of a section: the document's own characters where preparing only folded them, blanks where it blanked.
import { describe, expect, it } from "vitest";
import { unfolded } from "../src/narrative";
import { foldedCode, normalizeChars } from "../src/normalize";
import { prepareFolded } from "../src/text";
import { seeded } from "./random";

/** The character-by-character comparison `unfolded` stands for. */
function reference(src: string, original: string, from: number, to: number): string {
  const parts: string[] = [];
  let at = from;
  for (let i = from; i < to; i++) {
    const s = src.charCodeAt(i);
    if (s === original.charCodeAt(i) || s <= 0x20) continue;
    if (foldedCode(original.charCodeAt(i)) !== s) continue;
    parts.push(src.slice(at, i), original[i] as string);
    at = i + 1;
  }
  parts.push(src.slice(at, to));
  return parts.join("");
}

describe("unfolded", () => {
  it("is the comparison of the two texts, on 30,000 random documents with folded and blanked characters", () => {
    const pieces = [
      "本年",
      "，",
      "（",
      "）",
      "：",
      "“",
      "”",
      "\u3000",
      "\u00a0",
      " ",
      "\t",
      "\n",
      "# ",
      "## 标题\n",
      "- 4 -\n",
      "第 3 页\n",
      "|---|\n",
      "１２",
      "－",
      "a",
      "Ａ",
    ];
    const below = seeded(21);
    for (let i = 0; i < 30_000; i++) {
      let original = "";
      for (let k = 0, n = below(16); k < n; k++) original += pieces[below(pieces.length)];
      const src = prepareFolded(normalizeChars(original));
      const from = below(original.length + 1);
      const to = from + below(original.length - from + 1);
      expect(unfolded(src, original, from, to), JSON.stringify(original)).toBe(reference(src, original, from, to));
    }
  });
});
