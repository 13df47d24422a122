/**
 * A fast reader for a strict subset of HTML: documents written the way a generator writes them (render's HTML, most
 * CMS exports), which parse5 would build into the tree this reader builds. Anything outside the subset — a character
 * reference, a carriage return, an implied or misnested tag, text where a table holds only rows, an element it does
 * not know — makes it give up (`undefined`), and the caller parses the document with parse5 as before. The tree holds
 * what `readHtml` reads: element names, text (adjacent text merged as parse5 merges it), comments, and the `rowspan`
 * and `colspan` attributes. @internal
 */

/** A node of the tree, shaped as the parse5 nodes `readHtml` walks. @internal */
export interface StrictNode {
  readonly nodeName: string;
  readonly tagName?: string;
  value?: string;
  readonly attrs?: { name: string; value: string }[];
  readonly childNodes?: StrictNode[];
}

const VOID = new Set(["br", "hr", "img", "wbr"]);
/** Start tags that close an open <p> (and so are taken only when no <p> is open). */
const CLOSES_P = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "section",
  "table",
  "ul",
]);
/** Elements taken in the body (outside a table's rows), besides those of CLOSES_P. */
const PHRASING = new Set([
  "a",
  "abbr",
  "b",
  "big",
  "br",
  "cite",
  "code",
  "del",
  "em",
  "font",
  "i",
  "img",
  "ins",
  "label",
  "mark",
  "q",
  "s",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "time",
  "tt",
  "u",
  "wbr",
]);
/** Where only rows and white space stand (text here would be moved before the table). */
const TABLE_CONTEXT = new Set(["table", "tbody", "thead", "tfoot", "tr"]);
const TABLE_PARTS = new Set(["caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"]);
const HEADING = /^h[1-6]$/;

/** The length of "rowspan" and of "colspan": only a name this long is compared with them. */
const SPAN_NAME_LENGTH = "rowspan".length;
/** Shared by every element with no rowspan or colspan (never added to). */
const NO_ATTRS: { name: string; value: string }[] = [];
const DOCTYPE = /<!doctype html>/iy;
const ONLY_SPACE = /^[ \t\n\f]*$/;
const UNSUPPORTED = /[\r\0&]/;

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 12;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The end of a tag name ([a-zA-Z][a-zA-Z0-9]*) that starts at `at`; -1 when none starts there. */
function nameEndAt(html: string, at: number): number {
  if (!isLetter(html.charCodeAt(at))) return -1;
  let j = at + 1;
  while (j < html.length && (isLetter(html.charCodeAt(j)) || isDigit(html.charCodeAt(j)))) j++;
  return j;
}

/** The end of an attribute name ([a-zA-Z_:][-a-zA-Z0-9_:.]*) that starts at `at`; -1 when none starts there. */
function attrNameEndAt(html: string, at: number): number {
  const c = html.charCodeAt(at);
  if (!(isLetter(c) || c === 95 || c === 58)) return -1;
  let j = at + 1;
  for (; j < html.length; j++) {
    const d = html.charCodeAt(j);
    if (!(isLetter(d) || isDigit(d) || d === 95 || d === 58 || d === 45 || d === 46)) break;
  }
  return j;
}

/** A tag name in lower case (as parse5 writes it). */
function lowerName(html: string, from: number, to: number): string {
  for (let k = from; k < to; k++) {
    const c = html.charCodeAt(k);
    if (c >= 65 && c <= 90) return html.slice(from, to).toLowerCase();
  }
  return html.slice(from, to);
}

function element(tagName: string, attrs: { name: string; value: string }[]): StrictNode {
  return { nodeName: tagName, tagName, attrs, childNodes: [] };
}

/** Appends text to a node, merged into its last child when that is text (as parse5 inserts characters). */
function appendText(parent: StrictNode, s: string): void {
  const kids = parent.childNodes!;
  const last = kids[kids.length - 1];
  if (last?.nodeName === "#text") last.value += s;
  else kids.push({ nodeName: "#text", value: s });
}

/** The document's tree, or undefined when the document is not in the subset (parse5 reads it then). @internal */
export function strictHtmlTree(html: string): StrictNode | undefined {
  if (UNSUPPORTED.test(html)) return undefined;
  const doc: StrictNode = { nodeName: "#document", childNodes: [] };
  const stack: StrictNode[] = [];
  // how many of the elements whose start tag depends on them are open: <p>, <li>, <dd>, <dt>, <a>
  const open = [0, 0, 0, 0, 0];
  const slot = (name: string): number => (name === "p" ? 0 : name === "li" ? 1 : name === "dd" ? 2 : name === "dt" ? 3 : name === "a" ? 4 : -1);
  const has = (name: string) => open[slot(name)]! > 0;
  const push = (n: StrictNode) => {
    stack.push(n);
    const k = slot(n.tagName!);
    if (k >= 0) open[k]!++;
  };
  const pop = () => {
    const k = slot(stack.pop()!.tagName!);
    if (k >= 0) open[k]!--;
  };
  // 0 before <html>, 1 before <head>, 2 in head, 3 after head, 4 in body, 5 after </body>, 6 after </html>
  let phase = 0;
  let html_: StrictNode | undefined;
  let head: StrictNode | undefined;
  let body: StrictNode | undefined;
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf("<", i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      const s = html.slice(i, end);
      const space = ONLY_SPACE.test(s);
      if (phase === 0 || phase === 1) {
        if (!space) return undefined;
      } else if (phase === 2) {
        if (!space) return undefined;
        appendText(head!, s);
      } else if (phase === 3) {
        if (!space) return undefined;
        appendText(html_!, s);
      } else if (phase === 4) {
        const top = stack[stack.length - 1]!;
        if (TABLE_CONTEXT.has(top.tagName!) && !space) return undefined;
        appendText(top, s);
      } else {
        if (!space) return undefined;
        appendText(body!, s);
      }
    }
    if (lt < 0) break;
    const c1 = html.charCodeAt(lt + 1);
    if (c1 === 33) {
      // "<!": a comment (in the body only) or the doctype (first)
      if (html.startsWith("<!--", lt)) {
        if (phase !== 4) return undefined;
        const close = html.indexOf("-->", lt + 4);
        if (close < 0) return undefined;
        const data = html.slice(lt + 4, close);
        if (data.startsWith(">") || data.startsWith("->") || data.includes("--!>")) return undefined;
        stack[stack.length - 1]!.childNodes!.push({ nodeName: "#comment", value: data });
        i = close + 3;
        continue;
      }
      DOCTYPE.lastIndex = lt;
      if (phase !== 0 || doc.childNodes!.length || !DOCTYPE.test(html)) return undefined;
      doc.childNodes!.push({ nodeName: "#documentType" });
      i = DOCTYPE.lastIndex;
      continue;
    }
    if (c1 === 47) {
      // an end tag: it must close the current element (nothing implied)
      const nameEnd = nameEndAt(html, lt + 2);
      if (nameEnd < 0) return undefined;
      const name = lowerName(html, lt + 2, nameEnd);
      let k = nameEnd;
      while (k < n && isSpace(html.charCodeAt(k))) k++;
      if (html.charCodeAt(k) !== 62) return undefined;
      i = k + 1;
      if (phase === 2 && name === "head") {
        pop();
        phase = 3;
      } else if (phase === 4) {
        const top = stack[stack.length - 1]!;
        if (top.tagName !== name) return undefined;
        if (name === "body") phase = 5;
        else pop();
      } else if (phase === 5 && name === "html") phase = 6;
      else return undefined;
      continue;
    }
    // a start tag
    const nameEnd = nameEndAt(html, lt + 1);
    if (nameEnd < 0) return undefined;
    const name = lowerName(html, lt + 1, nameEnd);
    let j = nameEnd;
    let attrs: { name: string; value: string }[] = NO_ATTRS;
    let selfClosing = false;
    for (;;) {
      const from = j;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      const ch = html.charCodeAt(j);
      if (ch === 62) {
        j++;
        break;
      }
      if (ch === 47 && html.charCodeAt(j + 1) === 62) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === from) return undefined;
      const attrStart = j;
      const attrEnd = attrNameEndAt(html, j);
      if (attrEnd < 0) return undefined;
      j = attrEnd;
      let value = "";
      if (html.charCodeAt(j) === 61) {
        const q = html.charCodeAt(j + 1);
        if (q !== 34 && q !== 39) return undefined;
        const close = html.indexOf(q === 34 ? '"' : "'", j + 2);
        if (close < 0) return undefined;
        value = html.slice(j + 2, close);
        j = close + 1;
      }
      // only the attributes read are kept; the first of a name wins, as in parse5
      if (attrEnd - attrStart === SPAN_NAME_LENGTH) {
        const attrName = html.slice(attrStart, attrEnd).toLowerCase();
        if ((attrName === "rowspan" || attrName === "colspan") && !attrs.some((a) => a.name === attrName)) {
          if (attrs === NO_ATTRS) attrs = [];
          attrs.push({ name: attrName, value });
        }
      }
    }
    i = j;
    if (phase === 0) {
      if (name !== "html" || selfClosing) return undefined;
      html_ = element(name, attrs);
      doc.childNodes!.push(html_);
      push(html_);
      phase = 1;
    } else if (phase === 1) {
      if (name !== "head" || selfClosing) return undefined;
      head = element(name, attrs);
      html_!.childNodes!.push(head);
      push(head);
      phase = 2;
    } else if (phase === 2) {
      if (name === "meta" || name === "link") head!.childNodes!.push(element(name, attrs));
      else if ((name === "title" || name === "style") && !selfClosing) {
        // raw text up to its end tag (written in lower case, with no other "</" before it)
        const close = html.indexOf("</", i);
        if (close < 0 || !html.startsWith(`</${name}>`, close)) return undefined;
        const el = element(name, attrs);
        if (close > i) el.childNodes!.push({ nodeName: "#text", value: html.slice(i, close) });
        head!.childNodes!.push(el);
        i = close + name.length + 3;
      } else return undefined;
    } else if (phase === 3) {
      if (name !== "body" || selfClosing) return undefined;
      body = element(name, attrs);
      html_!.childNodes!.push(body);
      push(body);
      phase = 4;
    } else if (phase === 4) {
      const top = stack[stack.length - 1]!;
      const t = top.tagName!;
      if (TABLE_CONTEXT.has(t)) {
        const fits =
          (t === "table" && (name === "caption" || name === "tbody" || name === "thead" || name === "tfoot")) ||
          ((t === "tbody" || t === "thead" || t === "tfoot") && name === "tr") ||
          (t === "tr" && (name === "td" || name === "th"));
        if (!fits) return undefined;
      } else {
        if (TABLE_PARTS.has(name)) return undefined;
        if (!CLOSES_P.has(name) && !PHRASING.has(name)) return undefined;
        if (CLOSES_P.has(name) && has("p")) return undefined;
        if (HEADING.test(name) && HEADING.test(t)) return undefined;
        if (name === "li" && has("li")) return undefined;
        if ((name === "dd" || name === "dt") && (has("dd") || has("dt"))) return undefined;
        if (name === "a" && has("a")) return undefined;
      }
      const el = element(name, attrs);
      top.childNodes!.push(el);
      if (VOID.has(name)) continue;
      if (selfClosing) return undefined;
      push(el);
    } else return undefined;
  }
  return phase >= 4 ? doc : undefined;
}
