import type { Edition } from "../editions";
import { GEN2014_RULES } from "./gen2014";
import { RULE_IDS, type RuleId } from "./ids";
import { LOCAL_RULES } from "./local";
import { NARRATIVE_RULES } from "./narrative";
import { NATIONAL_RULES } from "./national";
import { REPORT_RULES } from "./report";
import type { RuleDef } from "./types";

const ALL: readonly RuleDef[] = [...REPORT_RULES, ...LOCAL_RULES, ...GEN2014_RULES, ...NATIONAL_RULES, ...NARRATIVE_RULES];
const BY_ID = new Map(ALL.map((r) => [r.id, r]));

/** The rule catalogue, in the order of `RULE_IDS`: every rule as data. */
export const RULES: readonly RuleDef[] = RULE_IDS.map((id) => {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`rule ${id} has no definition`);
  return r;
});

/** The rule with this id. */
export const ruleById = (id: RuleId): RuleDef => BY_ID.get(id) as RuleDef;

const BY_EDITION = new Map<Edition, readonly RuleDef[]>();

/** The rules that apply to an edition, in catalogue order. */
export function rulesFor(edition: Edition): readonly RuleDef[] {
  let rules = BY_EDITION.get(edition);
  if (!rules) {
    rules = Object.freeze(RULES.filter((r) => r.editions.includes(edition)));
    BY_EDITION.set(edition, rules);
  }
  return rules;
}
