import { EDITION_INFO } from "../editions";
import { en } from "../messages/en";
import { zhCN } from "../messages/zh-CN";
import { RULES } from "../rules/catalogue";

const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The rule catalogue as a Markdown page (docs/rules.md): id, editions, severity, formula, basis, zh and en messages. */
export function rulesMarkdown(): string {
  const lines = [
    "# Rules",
    "",
    "Generated from the rule catalogue of `@gov-disclosure/core` (`RULES`); do not edit by hand:",
    "run `pnpm --filter @gov-disclosure/core generate`. A test fails when this page is stale.",
    "",
    "Severity: **error** = an identity the form itself defines; **warning** = expected but not mandated;",
    "**info** = an observation. Blank, “—” and “无” component cells count as 0 in sum rules; a blank total gives",
    "`TOTAL-MISSING` / `T3-TOTAL-MISSING` with the derived value instead of a sum error; a rule whose tables hold no data",
    "is reported as not assessable (`no_data`), never as passed.",
    "",
    "Editions: " +
      Object.entries(EDITION_INFO)
        .map(([k, v]) => `\`${k}\` ${v.zh} (${v.basis})`)
        .join("; ") +
      ".",
    "",
    "| id | editions | severity | formula | basis | message (zh-CN) | message (en) |",
    "| --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of RULES) {
    lines.push(
      `| \`${r.id}\` | ${r.editions.join(", ")} | ${r.severity} | ${esc(r.formula)}${r.needsPrevious ? " (needs the previous year's report)" : ""} | ${esc(r.basis.zh)} | ${esc(zhCN.rules[r.id])} | ${esc(en.rules[r.id])} |`,
    );
  }
  lines.push("", "## Not assessable", "", "| reason | zh-CN | en |", "| --- | --- | --- |");
  for (const [k, v] of Object.entries(zhCN.reasons)) lines.push(`| \`${k}\` | ${esc(v)} | ${esc(en.reasons[k as keyof typeof en.reasons])} |`);
  return `${lines.join("\n")}\n`;
}
