// Globs for --include/--exclude, matched without regular expressions: a glob's alternatives ({a,b}) are expanded
// (at most MAX_ALTERNATIVES), each is split into path segments, `**` segments match any number of folders and every
// other segment is matched by a two-pointer wildcard matcher. Time is O(pattern × path) per file, never exponential.

/** Most alternatives one glob may expand to (`{a,b}{c,d}` is four). */
export const MAX_ALTERNATIVES = 256;

/** Why a glob was refused. */
export class GlobError extends Error {}

type Token = { readonly kind: "char"; readonly c: string } | { readonly kind: "any" } | { readonly kind: "star" } | ClassToken;
interface ClassToken {
  readonly kind: "class";
  readonly negated: boolean;
  readonly ranges: readonly (readonly [string, string])[];
}

/** Expands `{a,b}` alternatives (nested too); refuses unbalanced braces and too many alternatives. */
function expand(glob: string): string[] {
  const open = glob.indexOf("{");
  if (open < 0) {
    if (glob.includes("}")) throw new GlobError("unbalanced }");
    return [glob];
  }
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < glob.length; i++) {
    const c = glob[i];
    if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      close = i;
      break;
    } else if (c === "," && depth === 1) commas.push(i);
  }
  if (close < 0) throw new GlobError("unbalanced {");
  const cuts = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const middle = glob.slice((cuts[k] as number) + 1, cuts[k + 1]);
    for (const rest of expand(`${glob.slice(0, open)}${middle}${glob.slice(close + 1)}`)) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) throw new GlobError(`more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return out;
}

/** One path segment of a glob as tokens; `**` inside a segment is `*` (it never crosses a `/`). */
function tokens(segment: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === "*") {
      if (out.at(-1)?.kind !== "star") out.push({ kind: "star" });
    } else if (c === "?") out.push({ kind: "any" });
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) throw new GlobError("unbalanced [");
      let body = segment.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        const from = body[k] as string;
        if (body[k + 1] === "-" && k + 2 < body.length) {
          const to = body[k + 2] as string;
          if (to < from) throw new GlobError(`bad range ${from}-${to}`);
          ranges.push([from, to]);
          k += 2;
        } else ranges.push([from, from]);
      }
      out.push({ kind: "class", negated, ranges });
      i = end;
    } else out.push({ kind: "char", c });
  }
  return out;
}

const one = (t: Token, c: string): boolean =>
  t.kind === "any" || (t.kind === "char" && t.c === c) || (t.kind === "class" && t.ranges.some(([a, b]) => c >= a && c <= b) !== t.negated);

/** Wildcard match of one segment: the classic two-pointer walk, O(pattern × name) at worst. */
function segmentMatches(p: readonly Token[], s: string): boolean {
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < s.length) {
    const t = p[i];
    if (t && t.kind !== "star" && one(t, s[j] as string)) {
      i++;
      j++;
    } else if (t?.kind === "star") {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (p[i]?.kind === "star") i++;
  return i === p.length;
}

/** Matches path segments against glob segments (`**` = any number of segments), by dynamic programming. */
function pathMatches(glob: readonly (Token[] | "**")[], path: readonly string[]): boolean {
  // can[j]: glob segments [0, i) can match path segments [0, j)
  let can = new Array<boolean>(path.length + 1).fill(false);
  can[0] = true;
  for (const g of glob) {
    const next = new Array<boolean>(path.length + 1).fill(false);
    if (g === "**") {
      let any = false;
      for (let j = 0; j <= path.length; j++) next[j] = any = any || (can[j] as boolean);
    } else for (let j = 1; j <= path.length; j++) next[j] = (can[j - 1] as boolean) && segmentMatches(g, path[j - 1] as string);
    can = next;
  }
  return can[path.length] as boolean;
}

/**
 * A glob as a matcher over a `/`-separated relative path: `**` any number of folders, `*` and `?` within one name,
 * `{a,b}` alternatives, `[…]` / `[!…]` a class (never `/`). A glob without `/` matches the file's name in any folder.
 * Throws `GlobError` for unbalanced braces or brackets, a reversed range or too many alternatives.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const alternatives = expand(glob).map((g) => ({
    nameOnly: !g.includes("/"),
    segments: g
      .split("/")
      .filter((s, i, all) => !(s === "**" && all[i - 1] === "**"))
      .map((s): Token[] | "**" => (s === "**" ? "**" : tokens(s))),
  }));
  return (path) => {
    const parts = path.split("/");
    const name = parts.at(-1) ?? "";
    return alternatives.some((a) => (a.nameOnly ? pathMatches(a.segments, [name]) : pathMatches(a.segments, parts)));
  };
}
