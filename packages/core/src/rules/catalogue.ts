import type { Edition } from "../editions";
import { GEN2014_RULES } from "./gen2014";
import { RULE_IDS } from "./ids";
import { LOCAL_RULES } from "./local";
import { NARRATIVE_RULES } from "./narrative";
import { NATIONAL_RULES } from "./national";
import { REPORT_RULES } from "./report";
import type { RuleLogic } from "./types";

const BY_ID = new Map([...REPORT_RULES, ...LOCAL_RULES, ...GEN2014_RULES, ...NATIONAL_RULES, ...NARRATIVE_RULES].map((r) => [r.id, r]));

/** Every rule's logic, in the order of `RULE_IDS` (their documentation is in `RULES`). @internal */
export const RULE_LOGIC: readonly RuleLogic[] = RULE_IDS.map((id) => {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`rule ${id} has no definition`);
  return r;
});

const BY_EDITION = new Map<Edition, readonly RuleLogic[]>();

/** The rules that apply to an edition, in catalogue order: what `validateReport` runs. */
export function rulesFor(edition: Edition): readonly RuleLogic[] {
  let rules = BY_EDITION.get(edition);
  if (!rules) {
    rules = Object.freeze(RULE_LOGIC.filter((r) => r.editions.includes(edition)));
    BY_EDITION.set(edition, rules);
  }
  return rules;
}
