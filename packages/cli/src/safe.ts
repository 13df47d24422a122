/**
 * Characters that must never reach a terminal as themselves: C0 and C1 controls (escape sequences, CR, LF, backspace),
 * DEL, the bidirectional controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069), zero-width characters
 * (U+200B–U+200D, U+2060–U+2064, U+FEFF) and the line and paragraph separators (U+2028, U+2029).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what this finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Text from a document or a file name made safe for a terminal: every unsafe character shown visibly as `\xHH` (ASCII
 * and C1 controls) or `\u{HHHH}` (the others), so that it can neither move the cursor, colour, hide nor reorder what
 * follows, nor start a line of its own.
 */
export function termSafe(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n < 0x100 ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16).padStart(4, "0")}}`;
  });
}

/** Text of several lines made safe line by line (the line breaks kept; a lone CR or any other control shown). */
export const termSafeLines = (s: string): string => s.split("\n").map(termSafe).join("\n");

/**
 * A document (Markdown, CSV, HTML, XML, JSON) for a terminal: as `termSafeLines`, with its tabs and line endings (LF
 * or CRLF, as tidy CSV writes them) kept and a leading byte-order mark dropped.
 */
export const termSafeDocument = (s: string): string =>
  s
    .replace(/^\ufeff/, "")
    .split("\n")
    .map((line) => {
      const crlf = line.endsWith("\r");
      return (crlf ? line.slice(0, -1) : line).split("\t").map(termSafe).join("\t") + (crlf ? "\r" : "");
    })
    .join("\n");

// The unsafe characters JSON.stringify leaves as themselves (it escapes C0 controls already): DEL, C1 controls,
// bidirectional and zero-width characters, U+2028 and U+2029.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * JSON text with every character that could reorder, hide or break a terminal's lines written as a `\uXXXX` escape:
 * the same JSON value (those characters can only stand inside strings), safe to print, to pipe and to diff.
 */
export function jsonSafe(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
