import { parse } from "parse5";
import { expandGrid, type Grid, gridBudget, gridText, type RawCell } from "./grid";
import { collapseSpaces } from "./normalize";

/** A node of a parse5 tree, as far as the reader walks it. */
interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly value?: string;
  readonly attrs?: readonly { name: string; value: string }[];
  readonly childNodes?: readonly HtmlNode[];
  readonly content?: HtmlNode;
}
type Node = HtmlNode;

const BLOCK = new Set([
  "p",
  "div",
  "br",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "section",
  "article",
  "header",
  "footer",
  "tr",
  "table",
  "blockquote",
  "pre",
  "hr",
  "dd",
  "dt",
  "title",
]);
const SKIP = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "select", "button"]);

/** Text content of a node (iterative; <br> is dropped so that "本年新<br>制作数量" reads as one label). */
function textOf(node: Node, maxNodes = 20000): string {
  // a cell holding one text (most cells): that text, as the walk below would give it
  const only = node.childNodes?.length === 1 ? node.childNodes[0]! : undefined;
  if (
    only?.nodeName === "#text" &&
    maxNodes >= 2 &&
    node.nodeName !== "#text" &&
    !(node.tagName && (SKIP.has(node.tagName) || node.tagName === "p" || node.tagName === "div"))
  )
    return collapseSpaces(only.value ?? "");
  let out = "";
  const stack: Node[] = [node];
  let n = 0;
  while (stack.length && n++ < maxNodes) {
    const cur = stack.pop()!;
    if (cur.nodeName === "#text") {
      out += cur.value ?? "";
      continue;
    }
    if (cur.tagName && SKIP.has(cur.tagName)) continue;
    if (cur.tagName === "p" || cur.tagName === "div") out += " ";
    const kids = cur.childNodes ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return collapseSpaces(out);
}

const attr = (n: Node, name: string): number => {
  const v = n.attrs?.find((a) => a.name === name)?.value;
  const x = v ? Number.parseInt(v, 10) : 1;
  return Number.isFinite(x) && x > 0 ? x : 1;
};

function tableRows(table: Node): RawCell[][] {
  const rows: RawCell[][] = [];
  const stack: Node[] = [...(table.childNodes ?? [])].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName === "tr") {
      const cells: RawCell[] = [];
      for (const c of n.childNodes ?? [])
        if (c.tagName === "td" || c.tagName === "th") cells.push({ text: textOf(c), rowspan: attr(c, "rowspan"), colspan: attr(c, "colspan") });
      rows.push(cells);
    } else if (n.tagName === "thead" || n.tagName === "tbody" || n.tagName === "tfoot") {
      const kids = n.childNodes ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return rows;
}

/** An HTML document read as text (tables rendered row by row) plus its tables expanded on grids. */
export interface HtmlDoc {
  readonly text: string;
  readonly grids: Grid[];
  /** Offsets of each table's rendering in `text`. */
  readonly tableRanges: [number, number][];
  readonly depthExceeded: boolean;
}

/** Parses HTML with parse5 and walks it without recursion (deeply nested input is safe). */
export function readHtml(html: string, maxDepth = 2000): HtmlDoc {
  return walkHtml(parse(html), maxDepth);
}

/**
 * Reads a document parsed by parse5 as text plus its tables on grids (ooxml.ts reads a .docx the same way without a
 * tree: a change here is a change there).
 */
function walkHtml(tree: unknown, maxDepth = 2000): HtmlDoc {
  const doc = tree as Node;
  let text = "";
  const grids: Grid[] = [];
  const tableRanges: [number, number][] = [];
  let depthExceeded = false;
  const budget = gridBudget();
  const stack: { node: Node; depth: number; close?: boolean }[] = [{ node: doc, depth: 0 }];
  while (stack.length) {
    const { node, depth, close } = stack.pop()!;
    if (close) {
      if (node.tagName && BLOCK.has(node.tagName)) text += "\n";
      continue;
    }
    if (node.nodeName === "#text") {
      const v = node.value ?? "";
      text += v.includes("\n") || v.includes("\r") ? v.replace(/[\r\n]+/g, " ") : v;
      continue;
    }
    if (node.tagName && SKIP.has(node.tagName)) continue;
    if (node.tagName === "table") {
      const g = expandGrid(tableRows(node), grids.length, undefined, budget);
      grids.push(g);
      const start = text.length + 1;
      text += `\n${gridText(g)}\n`;
      tableRanges.push([start, text.length]);
      continue;
    }
    if (node.tagName === "br") {
      text += "\n";
      continue;
    }
    if (depth > maxDepth) {
      depthExceeded = true;
      text += ` ${textOf(node, 200000)} `;
      continue;
    }
    if (node.tagName && BLOCK.has(node.tagName)) text += "\n";
    stack.push({ node, depth, close: true });
    const kids = node.tagName === "template" ? (node.content?.childNodes ?? []) : (node.childNodes ?? []);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, depth: depth + 1 });
  }
  return { text, grids, tableRanges, depthExceeded };
}
