import { describe, expect, it } from "vitest";
import { type CliMessages, MESSAGES, say, t } from "../src/messages";
import { CJK, englishWords } from "./language";

// The tables themselves: the same placeholders in both languages, and each in its own language.
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?:\.\w+)?\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(MESSAGES["zh-CN"]) as (keyof CliMessages)[];

describe("the CLI's message tables", () => {
  it("have the same keys and the same placeholders in zh-CN and en", () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(placeholders(MESSAGES.en[k]), k).toEqual(placeholders(MESSAGES["zh-CN"][k]));
  });

  it("hold no Chinese in English and no English words in Chinese (option names, format names and codes aside)", () => {
    for (const k of keys) {
      // The examples are command lines: their file and body names are data, in the user's language.
      if (k.startsWith("example")) continue;
      expect(MESSAGES.en[k], k).not.toMatch(CJK);
      expect(MESSAGES.en[k], k).toMatch(/[a-z]{2,}/);
      expect(englishWords(MESSAGES["zh-CN"][k].replace(/\{\w+(?:\.\w+)?\}/g, "")), k).toEqual([]);
      expect(MESSAGES["zh-CN"][k], k).toMatch(CJK);
    }
  });

  it("fill every placeholder through core's fillTemplate, lists joined the locale's way", () => {
    const allowed = ["text", "json"];
    expect(t("zh-CN", "oneOf", { option: "--format", allowed, value: "pdf" })).toBe("--format：应为 text、json 之一，实为 pdf");
    expect(t("en", "oneOf", { option: "--format", allowed, value: "pdf" })).toBe("--format: expected one of text, json, got pdf");
    // Edition codes are named the locale's way; cell ids become the cell's label in the given edition.
    const excluded = { key: "excludedEdition", params: { name: "a.json", edition: "gen2019", expectedEdition: "gen2021" } } as const;
    expect(say("en", excluded)).toBe("a.json: left out of the roll-up (it is in the 2019 format, the roll-up in the 2021 format)");
    expect(say("zh-CN", excluded)).toBe("a.json：未计入合计（为2019年格式，而合计为2021年格式）");
    const skipped = say("en", { key: "skipped", params: { name: "a.json", cell: "t3.new.natural", text: "x" } }, "gen2021");
    expect(skipped).not.toContain("t3.new.natural");
    expect(skipped).not.toMatch(CJK);
  });
});
