import { describe, expect, it } from "vitest";
import { jsonSafe, termSafe, termSafeDocument, termSafeLines } from "../src/safe";

describe("what reaches a terminal", () => {
  it("termSafe shows every control, bidi and zero-width character instead of acting on it", () => {
    expect(termSafe("a\u001b[2Jb\rc\u202ed\u200be\u2028f")).toBe("a\\x1b[2Jb\\x0dc\\u{202e}d\\u{200b}e\\u{2028}f");
    expect(termSafeLines("一\n二\r三")).toBe("一\n二\\x0d三");
  });

  it("termSafeDocument keeps line breaks and tabs (Markdown, CSV, XML stay readable) and shows the rest", () => {
    expect(termSafeDocument("| a\t| b\u202e |\nx\u001b]0;t\u0007")).toBe("| a\t| b\\u{202e} |\nx\\x1b]0;t\\x07");
    // tidy CSV's CRLF line endings are kept and its byte-order mark dropped; a lone CR is shown
    expect(termSafeDocument("\ufeffa,b\r\nc\rd,e\r\n")).toBe("a,b\r\nc\\x0dd,e\r\n");
    // already safe text is left as it is
    const safe = termSafeDocument("x\u001b");
    expect(termSafeDocument(safe)).toBe(safe);
  });

  it("jsonSafe writes the characters JSON.stringify leaves raw as \\u escapes: the same JSON value", () => {
    const value = { s: "\u007f\u0085\u061c\u200e\u2028\u2029\u202a\u2066\u2069\ufeff中文 plain" };
    const text = jsonSafe(JSON.stringify(value));
    expect(text).toMatch(/^[\u0020-\u007e\u4e00-\u9fff]*$/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
