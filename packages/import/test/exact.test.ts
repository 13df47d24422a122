import { money } from "@gov-disclosure/core";
import { describe, expect, it } from "vitest";
import { num } from "../src/split";

const part = (v: string) => ({ value: money(v), text: v, start: 0, end: v.length }) as unknown as Parameters<typeof num>[0];

describe("identities over money are exact", () => {
  it("0.1 + 0.2 = 0.3 (万元), as the splitter's sums see it", () => {
    expect(num(part("0.1")) + num(part("0.2"))).toBe(num(part("0.3")));
    expect(num(part("24252.311082"))).toBe(24252311082);
  });
  it("an amount that cannot be exact is not a number for the splitter (so no identity can hold by accident)", () => {
    expect(num(part("0.1234567"))).toBeNaN();
    expect(num(part("99999999999999999"))).toBeNaN();
  });
});
