import { cellDef } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { entryText, normalizeEntry, parseEntry, sameValue } from "../src/entry";

describe("parseEntry: what is typed into a cell", () => {
  it("reads whole numbers, with full-width digits, spaces, thousands separators and a unit", () => {
    expect(parseEntry("64", "count")).toEqual({ kind: "count", value: 64 });
    expect(parseEntry("６４", "count")).toEqual({ kind: "count", value: 64 });
    expect(parseEntry(" 1,234 ", "count")).toEqual({ kind: "count", value: 1234 });
    expect(parseEntry("１，２３４", "count")).toEqual({ kind: "count", value: 1234 });
    expect(parseEntry("12件", "count")).toEqual({ kind: "count", value: 12 });
    expect(parseEntry("0", "count")).toEqual({ kind: "count", value: 0 });
    expect(parseEntry("-0", "count")).toEqual({ kind: "count", value: 0 });
  });

  it("keeps blank, dashes and 无 apart from 0", () => {
    expect(parseEntry("", "count")).toEqual({ kind: "blank" });
    expect(parseEntry("   ", "count")).toEqual({ kind: "blank" });
    expect(parseEntry("\u3000", "count")).toEqual({ kind: "blank" });
    expect(parseEntry("—", "count")).toEqual({ kind: "na", raw: "—" });
    expect(parseEntry("——", "count")).toEqual({ kind: "na", raw: "——" });
    expect(parseEntry("－", "count")).toEqual({ kind: "na", raw: "－" });
    expect(parseEntry("/", "count")).toEqual({ kind: "na", raw: "/" });
    expect(parseEntry("／", "count")).toMatchObject({ kind: "na" });
    expect(parseEntry("无", "count")).toEqual({ kind: "none", raw: "无" });
    expect(parseEntry(" 无 ", "money")).toEqual({ kind: "none", raw: "无" });
  });

  it("reads signed counts (本年增/减) and keeps a minus sign in plain counts for the rules to flag", () => {
    expect(parseEntry("-8", "signed")).toEqual({ kind: "count", value: -8 });
    expect(parseEntry("－８", "signed")).toEqual({ kind: "count", value: -8 });
    expect(parseEntry("+3", "signed")).toEqual({ kind: "count", value: 3 });
    expect(parseEntry("−5", "count")).toEqual({ kind: "count", value: -5 });
  });

  it("reads money exactly, with its unit when written", () => {
    const v = parseEntry("24252.311082", "money");
    expect(v.kind).toBe("money");
    if (v.kind === "money") expect(v.value.toFixed()).toBe("24252.311082");
    const yuan = parseEntry("251000元", "money");
    expect(yuan).toMatchObject({ kind: "money", unit: "元" });
    expect(entryText(yuan)).toBe("251000元");
    expect(entryText(parseEntry("１２．５万元", "money"))).toBe("12.5万元");
    expect(entryText(parseEntry("1,234.50", "money"))).toBe("1234.5");
  });

  it("keeps anything else as text, which the rules flag", () => {
    expect(parseEntry("3.5", "count")).toEqual({ kind: "text", raw: "3.5" });
    expect(parseEntry("约20", "count")).toEqual({ kind: "text", raw: "约20" });
    expect(parseEntry("12a", "money")).toEqual({ kind: "text", raw: "12a" });
    expect(parseEntry("99999999999999999999", "count").kind).toBe("text");
  });

  it("normalises only what is safe", () => {
    expect(normalizeEntry("１２ ３")).toBe("123");
    expect(normalizeEntry("1,23")).toBe("1,23");
    expect(normalizeEntry("1,234,567")).toBe("1234567");
  });

  it("shows values back as they would be typed, and compares them", () => {
    const def = cellDef("gen2021", "t3.new.natural");
    expect(def?.kind).toBe("count");
    expect(entryText(undefined)).toBe("");
    expect(entryText(parseEntry("—", "count"))).toBe("—");
    expect(sameValue(parseEntry("１２", "count"), parseEntry("12", "count"))).toBe(true);
    expect(sameValue(parseEntry("0", "count"), parseEntry("", "count"))).toBe(false);
    expect(sameValue(parseEntry("无", "count"), parseEntry("", "count"))).toBe(false);
  });
});
