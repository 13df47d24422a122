// Which language a message is in: tests check that the CLI speaks only the language asked for.

/** Chinese characters and full-width punctuation. */
export const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/**
 * Words of two or more Latin letters left in a text once what is not prose is taken out: option names (`--fail-on`,
 * `-o`, `<file>`), issue codes (`IMPORT-SPLIT-AMBIGUOUS`, `T3-BALANCE`), errno codes (`ENOENT`), format and option
 * values (`sarif`, `gen2021`), the command's name and its commands' names and the given `data` (file names, values the user typed).
 */
export function englishWords(text: string, data: readonly string[] = []): string[] {
  let s = text;
  for (const d of [...data].sort((a, b) => b.length - a.length)) if (d) s = s.split(d).join(" ");
  s = s
    .replace(/gov-disclosure/g, " ")
    .replace(/\b(?:validate|convert|template|diff|aggregate|stats|export)\b/g, " ")
    .replace(/<[\w.]+>/g, " ")
    .replace(/(^|[\s(（：“])--?[a-z][\w-]*/gi, "$1 ")
    .replace(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g, " ")
    .replace(/\bE[A-Z]{3,}\b/g, " ")
    .replace(/\b(?:gen20(?:14|19|21)|local|zh|en|text|json|html|md|sarif|junit|csv|ndjson|parquet|xlsx|table|error|warning|info)\b/g, " ")
    .replace(/\b(?:TXT|HTML|Markdown|DOCX|XLSX|PDF|JSON|CSV|NDJSON|Parquet)\b/g, " ");
  return s.match(/[A-Za-z]{2,}/g) ?? [];
}
