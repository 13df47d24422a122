import { EDITION_INFO } from "../editions";
import { IMPORT_CODES, PARSE_CODES, UNCERTAIN_CODES } from "../issue";
import { en } from "../messages/en";
import { zhCN } from "../messages/zh-CN";
import { RULES } from "../rules/docs";

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
      `| <a id="${r.id.toLowerCase()}"></a>\`${r.id}\` | ${r.editions.join(", ")} | ${r.severity} | ${esc(r.formula)}${r.previous ? " (needs the previous year's report)" : ""} | ${esc(r.basis.zh)} | ${esc(zhCN.rules[r.id])} | ${esc(en.rules[r.id])} |`,
    );
  }
  lines.push("", "## Not assessable", "", "| reason | zh-CN | en |", "| --- | --- | --- |");
  for (const [k, v] of Object.entries(zhCN.reasons)) lines.push(`| \`${k}\` | ${esc(v)} | ${esc(en.reasons[k as keyof typeof en.reasons])} |`);
  lines.push(
    "",
    "## Import issues",
    "",
    "What `@gov-disclosure/import` says while reading a published report, in phase `import`. Cells of the codes marked",
    "*uncertain* were guessed, placed by order or could not be verified: no correction is proposed for them, and a rule",
    "finding that reads them says so.",
    "",
    "| code | uncertain | zh-CN | en |",
    "| --- | --- | --- | --- |",
  );
  for (const code of IMPORT_CODES)
    lines.push(
      `| <a id="${code.toLowerCase()}"></a>\`${code}\` | ${UNCERTAIN_CODES.has(code) ? "yes" : ""} | ${esc(zhCN.import[code])} | ${esc(en.import[code])} |`,
    );
  lines.push("", "## Parse issues", "", "What `parseReport` says about canonical JSON, in phase `parse`.", "", "| code | zh-CN | en |", "| --- | --- | --- |");
  for (const code of PARSE_CODES) lines.push(`| <a id="${code.toLowerCase()}"></a>\`${code}\` | ${esc(zhCN.parse[code])} | ${esc(en.parse[code])} |`);
  return `${lines.join("\n")}\n`;
}
