import { hasNumber, numericOf } from "../value";
import { atMost, sumOf } from "./build";
import { intCheck } from "./common";
import { add, cmp, isZero, type Num } from "./num";
import type { RuleLogic } from "./types";

const o = (id: string) => `old.${id}`;
const os = (...ids: string[]) => ids.map(o);
const CHANNELS = os("A2_1", "A2_2", "A2_3", "A2_4", "A2_5");
const E = ["gen2014"] as const;

const sumRule = (id: RuleLogic["id"], total: string, parts: readonly string[], severity: RuleLogic["severity"] = "error"): RuleLogic => ({
  id,
  editions: E,
  severity,
  kind: "identity",
  identities: () => [sumOf(id, o(total), os(...parts), { cell: o(total) })],
});

const leRule = (id: RuleLogic["id"], a: string, b: readonly string[], severity: RuleLogic["severity"] = "error"): RuleLogic => ({
  id,
  editions: E,
  severity,
  kind: "identity",
  identities: () => [atMost(id, [o(a)], os(...b), { cell: o(a), other: o(b[0] ?? a) })],
});

/** Rules of the 2014–2018 statistics table (spec §4.1). */
export const GEN2014_RULES: readonly RuleLogic[] = [
  {
    id: "OLD-INT",
    editions: E,
    severity: "error",
    kind: "check",
    check: intCheck(["old"]),
  },
  leRule("OLD-PUB-CHAN-UPPER", "A1", ["A2_1", "A2_2", "A2_3", "A2_4", "A2_5"]),
  {
    id: "OLD-PUB-CHAN-LOWER",
    editions: E,
    severity: "error",
    kind: "identity",
    identities: () => [
      { key: "OLD-PUB-CHAN-LOWER", rel: "ge-max", lhs: [{ cell: o("A1") }], rhs: CHANNELS.map((cell) => ({ cell })), params: { cell: o("A1") } },
    ],
  },
  {
    id: "OLD-PUB-CHAN-NODEDUP",
    editions: E,
    severity: "info",
    kind: "check",
    check: (ctx) => {
      const total = ctx.cell(o("A1"));
      if (!hasNumber(total)) return [];
      let s: Num = 0;
      let used = 0;
      for (const c of CHANNELS) {
        const v = numericOf(ctx.cell(c));
        if (v === undefined) return [];
        if (!isZero(v)) used++;
        s = add(s, v);
      }
      const hit = used >= 2 && cmp(s, total.value) === 0;
      return [{ status: hit ? "fail" : "pass", cells: [o("A1"), ...CHANNELS], actual: total.value, expected: s, params: { cell: o("A1") } }];
    },
  },
  leRule("OLD-PUB-NORM-SUBSET", "A1a", ["A1"]),
  leRule("OLD-PUB-NORM-ISSUED", "A1a", ["A1b"], "warning"),
  leRule("OLD-RESP-LEAD-PRESS", "B2_1a", ["B2_1"]),
  leRule("OLD-RESP-LEAD-INTERVIEW", "B2_2a", ["B2_2"]),
  leRule("OLD-RESP-HOTSPOT-UPPER", "B1", ["B2_1", "B2_2", "B2_3", "B2_4", "B2_5"], "warning"),
  sumRule("OLD-APP-CHANNEL-SUM", "C1", ["C1_1", "C1_2", "C1_3", "C1_4"]),
  sumRule("OLD-APP-DONE-SUM", "C2", ["C2_1", "C2_2"]),
  sumRule("OLD-APP-REPLY-SUM", "C3", ["C3_1", "C3_2", "C3_3", "C3_4", "C3_5", "C3_6", "C3_7", "C3_8"]),
  sumRule("OLD-APP-DENY-SUM", "C3_4", ["C3_4a", "C3_4b", "C3_4c", "C3_4d", "C3_4e", "C3_4f"]),
  {
    id: "OLD-APP-DONE-REPLY",
    editions: E,
    severity: "warning",
    kind: "identity",
    identities: () => [sumOf("OLD-APP-DONE-REPLY", o("C2"), [o("C3")], { cell: o("C2"), other: o("C3") })],
  },
  leRule("OLD-APP-DONE-LE-RECEIVED", "C2", ["C1"], "warning"),
  sumRule("OLD-REVIEW-SUM", "D", ["D1", "D2", "D3"]),
  sumRule("OLD-LITIG-SUM", "E", ["E1", "E2", "E3"]),
  sumRule("OLD-STAFF-SUM", "H3", ["H3_1", "H3_2"]),
  {
    id: "OLD-TRAIN-PLAUSIBLE",
    editions: E,
    severity: "info",
    kind: "check",
    check: (ctx) => {
      const courses = ctx.cell(o("I2"));
      if (!hasNumber(courses) || cmp(courses.value, 0) <= 0) return [];
      const people = numericOf(ctx.cell(o("I3")));
      if (people === undefined) return [];
      return [{ status: cmp(people, 0) > 0 ? "pass" : "fail", cells: os("I2", "I3"), actual: people, params: { cell: o("I3"), other: o("I2") } }];
    },
  },
];
