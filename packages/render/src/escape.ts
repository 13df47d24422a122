// Escaping for every output format. Everything that comes from a report (labels, narrative, metadata, messages)
// passes through one of these before it is written.

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Control characters other than tab and newline (C0, DEL, C1): never meaningful in report text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** What must not reach a terminal as itself inside one line: every control but tab, bidi and zero-width characters, line separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match them
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Removes control characters that XML 1.0 forbids and terminals interpret (keeps tab, CR and LF). */
export const stripControls = (s: string): string => s.replace(CONTROL, "");

/** Escapes text for HTML element content and quoted attribute values (also valid XML). */
export function escapeHtml(s: string): string {
  return stripControls(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] as string);
}

/** Escapes text for XML (SVG, JUnit): entities for markup characters, so `]]>` and `<script>` stay text. */
export const escapeXml = escapeHtml;

/** A token safe as (part of) an HTML id or fragment: letters, digits, `_`, `-`, `.`; anything else becomes `_xHHHH`. */
export function safeId(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, (c) => `_x${c.codePointAt(0)?.toString(16).padStart(4, "0")}`);
}

/** The HTML id of the element holding a cell's value. */
export const cellAnchor = (cellId: string): string => `cell-${safeId(cellId)}`;

/**
 * Escapes text for inline Markdown (CommonMark/GFM): backslash-escapes the punctuation that could start markup
 * (emphasis, links, code, HTML, tables, strikethrough, entities), so the text renders literally and `<script>` is inert.
 */
export function escapeMarkdown(s: string): string {
  return stripControls(s)
    .replace(/[\\`*_{}[\]<>()#+!|~&$]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}

/** Escapes one line of narrative for a Markdown paragraph: inline escaping plus block markers at the line start. */
export function escapeMarkdownLine(s: string): string {
  const e = escapeMarkdown(s);
  // A line could still start a block: list markers, setext underlines, ordered list "1." / "1)".
  return e.replace(/^(\s*)([-=])/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** Characters that make a spreadsheet treat a cell as a formula (CSV injection): = + - @, tab and carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a text cell would be read as a formula by a spreadsheet. */
export const looksLikeFormula = (s: string): boolean => FORMULA_START.test(s);

/**
 * Neutralises a text cell for CSV: prefixes an apostrophe when it begins like a formula. Plain numbers ("-8", a
 * signed 本年增/减) are left alone: spreadsheets read them as numbers, never as formulas.
 */
export function neutraliseFormula(s: string): string {
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  return looksLikeFormula(s) ? `'${s}` : s;
}

/** Quotes a CSV field (RFC 4180) when it holds a comma, quote, CR or LF. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * JSON text that is also safe inside HTML `<script>` and XML: `<`, `>`, `&`, U+2028 and U+2029 are written as
 * `\u` escapes. It parses to exactly the same value.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Makes one line of text safe for a terminal: controls (escape sequences, CR, LF), bidirectional and zero-width
 * characters and line separators are shown visibly as `\xHH` or `\u{HHHH}`, so document text can neither recolour,
 * hide, reorder nor forge a line of the output.
 */
export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16).padStart(4, "0")}}`;
  });
}
