// Random WordprocessingML bodies made only of what the fast Word reader reads: paragraphs (styles, runs, tabs,
// hyphens, line and page breaks, bookmarks, proofing marks, hyperlinks, empty ones), tables with spans and vertical
// merges (a continued one in a first row too: nothing above to join), cells with and without properties, tables nested
// in cells three deep. For the tests that hold the fast reader to mammoth.

const TEXTS = ["本年新收", "政府信息公开申请数量", "12", "0", " 3 ", "（一）", "a b", "\u3000", "\u00a0", "  ", "合计", "—", "x&y<z>"];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One random body (the inside of `w:body`), drawn with `below(n)` (an integer in [0, n)). */
export function randomWordBody(below: (n: number) => number): string {
  let bookmark = 0;
  const text = () => {
    let s = "";
    for (let i = 0, n = 1 + below(3); i < n; i++) s += TEXTS[below(TEXTS.length)];
    return s;
  };
  const run = (): string => {
    switch (below(7)) {
      case 0:
        return "<w:r><w:tab/></w:r>";
      case 1:
        return `<w:r><w:br/><w:t xml:space="preserve">${esc(text())}</w:t></w:r>`;
      case 2:
        return '<w:r><w:br w:type="page"/></w:r>';
      case 3:
        return "<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>";
      case 4:
        return '<w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:lastRenderedPageBreak/><w:t>x</w:t></w:r>';
      default:
        return `<w:r><w:t xml:space="preserve">${esc(text())}</w:t></w:r>`;
    }
  };
  const inline = (): string => {
    switch (below(6)) {
      case 0: {
        const id = bookmark++;
        return `<w:bookmarkStart w:id="${id}" w:name="${below(2) ? "_GoBack" : `b${id}`}"/><w:bookmarkEnd w:id="${id}"/>`;
      }
      case 1:
        return '<w:proofErr w:type="spellStart"/>';
      case 2:
        return `<w:hyperlink w:anchor="x">${run()}${below(2) ? run() : ""}</w:hyperlink>`;
      default:
        return run();
    }
  };
  const paragraph = (inCell: boolean): string => {
    const style = below(4) === 0 ? `<w:pPr><w:pStyle w:val="${inCell || below(2) ? "TableText" : "Heading1"}"/><w:spacing w:after="0"/></w:pPr>` : "";
    let s = "";
    // a fifth of them empty: mammoth leaves those out
    for (let i = 0, n = below(5) === 0 ? 0 : 1 + below(4); i < n; i++) s += inline();
    return `<w:p>${style}${s}</w:p>`;
  };
  const table = (depth: number): string => {
    const rows: string[] = [];
    for (let r = 0, n = 1 + below(4); r < n; r++) {
      const cells: string[] = [];
      for (let c = 0, m = 1 + below(4); c < m; c++) {
        const span = below(4) === 0 ? `<w:gridSpan w:val="${2 + below(2)}"/>` : "";
        const merge = below(3) === 0 ? (below(2) ? '<w:vMerge w:val="continue"/>' : "<w:vMerge/>") : below(5) === 0 ? '<w:vMerge w:val="restart"/>' : "";
        let inside = "";
        for (let k = 0, blocks = below(4); k < blocks; k++) inside += depth < 2 && below(5) === 0 ? table(depth + 1) : paragraph(true);
        const props = span || merge || below(3) ? `<w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${span}${merge}</w:tcPr>` : "";
        cells.push(`<w:tc>${props}${inside}</w:tc>`);
      }
      rows.push(`<w:tr>${below(3) === 0 ? '<w:trPr><w:jc w:val="center"/></w:trPr>' : ""}${cells.join("")}</w:tr>`);
    }
    return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid>${rows.join("")}</w:tbl>`;
  };
  let body = "";
  for (let i = 0, n = 1 + below(8); i < n; i++) body += below(3) === 0 ? table(0) : paragraph(false);
  return body;
}
