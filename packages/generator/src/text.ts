import { type CellDef, cellsOf, displayCell, type Edition, OLD_ROWS, type Report, T3_BALANCE_NOTE, T3_COLUMNS, T3_ROWS } from "@gov-disclosure/core";
import { hashSeed, Rng } from "./random";

/** Options of `toFlattenedText`. */
export interface FlattenedTextOptions {
  /**
   * "glued": the body on one line and each table row's label immediately followed by its cells with no separator
   * (Pingtan's scraped pages). "lines": one line per label and per value, blank lines between (Taishun's).
   */
  readonly style: "glued" | "lines";
}

/** The header sentence printed in the top-left cell of table 三 (core's 勾稽关系 note, in full-width brackets). */
export const T3_HEADER_NOTE = `（${T3_BALANCE_NOTE.zh}）`;

/**
 * A multi-level header as a scraped page reads it: level by level, each level's labels in printed order (a label
 * spanning several columns once). `paths` are the label paths of the columns, outermost first.
 */
function headerLevels(paths: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const depth = Math.max(0, ...paths.map((p) => p.length));
  for (let d = 0; d < depth; d++) {
    const seen = new Set<string>();
    for (const p of paths) {
      const key = p.slice(0, d + 1).join("\u0000");
      if (d < p.length && !seen.has(key)) {
        seen.add(key);
        out.push(p[d] as string);
      }
    }
  }
  return out;
}

/** Table 三's header: the applicant columns by level (申请人情况, 自然人, 法人或其他组织, 总计, 商业企业, …). */
const T3_HEAD = headerLevels(T3_COLUMNS.map((c) => c.path));
/** Table 四's header: its blocks and their columns by level (行政复议, 行政诉讼, 结果维持, …). */
const t4Head = (edition: Edition) =>
  headerLevels(
    cellsOf(edition)
      .filter((d) => d.table === "t4")
      .map((d) => [...d.rowPath.slice(1), ...d.colPath]),
  );

/** A table as the page shows it: header cells, then rows of (new label parts, unit, values). */
interface TextTable {
  readonly head: readonly string[];
  readonly rows: readonly { readonly labels: readonly string[]; readonly unit?: string; readonly values: readonly string[] }[];
}

const value = (report: Report, id: string) => displayCell(report.cells[id]);

/** Rows of a grid table in print order: the label parts that changed since the previous row, then the row's cells. */
function gridRows(report: Report, defs: readonly CellDef[], skip: number): TextTable["rows"] {
  const rows: { labels: string[]; values: string[] }[] = [];
  let prevPath: readonly string[] = [];
  let current: string | undefined;
  for (const d of defs) {
    const key = d.rowPath.join("/");
    if (key !== current) {
      const path = d.rowPath.slice(skip);
      let same = 0;
      while (same < path.length - 1 && path[same] === prevPath[same]) same++;
      rows.push({ labels: path.slice(same), values: [] });
      prevPath = path;
      current = key;
    }
    rows[rows.length - 1]?.values.push(value(report, d.id));
  }
  return rows;
}

/** Section 二 of 2019+: one small table per 第二十条 item, each with its own header row. */
function t2Tables(report: Report): TextTable[] {
  const defs = cellsOf(report.edition).filter((d) => d.table === "t2");
  const items = [...new Set(defs.map((d) => d.rowPath[1] as string))];
  return items.map((item) => {
    const own = defs.filter((d) => d.rowPath[1] === item);
    const cols = [...new Set(own.map((d) => d.colPath[d.colPath.length - 1] as string))];
    return { head: [item, "信息内容", ...cols], rows: gridRows(report, own, 2) };
  });
}

function t3Table(report: Report): TextTable {
  const edition = report.edition === "gen2019" ? "gen2019" : "gen2021";
  const order = T3_ROWS[edition].map((r) => r.id);
  const defs = cellsOf(edition)
    .filter((d) => d.table === "t3")
    .sort((a, b) => order.indexOf(a.row) - order.indexOf(b.row));
  return { head: [T3_HEADER_NOTE, ...T3_HEAD], rows: gridRows(report, defs, 1) };
}

function t4Table(report: Report): TextTable {
  const defs = cellsOf(report.edition).filter((d) => d.table === "t4");
  return { head: t4Head(report.edition), rows: [{ labels: [], values: defs.map((d) => value(report, d.id)) }] };
}

function oldTable(report: Report, lines: boolean): TextTable {
  return {
    head: ["统 计 指 标", "单位", "统计数"],
    rows: OLD_ROWS.map((r) =>
      r.header
        ? { labels: [r.zh], values: ["——", "——"] }
        : {
            labels: [r.zh],
            ...(lines ? (r.unit === "万元" || r.unit === "人次" ? { unit: r.unit } : {}) : { unit: r.unit }),
            values: [value(report, `old.${r.id}`)],
          },
    ),
  };
}

function localTable(report: Report): TextTable {
  const cols = report.local?.columns ?? [`${report.meta.year ?? ""}年度`, "历年累计"];
  return {
    head: ["指标名称", "计量单位", ...cols],
    rows: (report.local?.rows ?? []).map((r) => ({
      labels: [r.label],
      unit: r.unit,
      values: [value(report, `local.${r.id}.current`), value(report, `local.${r.id}.cumulative`)],
    })),
  };
}

const glueTable = (t: TextTable) => t.head.join("") + t.rows.map((r) => r.labels.join("") + (r.unit ?? "") + r.values.join("")).join("");
const lineTable = (t: TextTable) => [...t.head, ...t.rows.flatMap((r) => [...r.labels, ...(r.unit !== undefined ? [r.unit] : []), ...r.values])];

function furniture(report: Report) {
  const rng = new Rng(hashSeed(`${report.meta.body ?? ""}:${report.meta.year ?? ""}:${report.edition}`));
  const year = report.meta.year ?? 2021;
  const body = report.meta.body ?? "某县人民政府";
  const title = report.meta.title ?? `${body}${year}年政府信息公开工作年度报告`;
  const date = report.meta.publishedAt ?? `${year + 1}-01-${String(rng.int(10, 31))}`;
  const time = `${String(rng.int(8, 18)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}`;
  const office = body.endsWith("人民政府") ? `${body}办公室` : body;
  const phone = `0${rng.int(510, 919)}-${rng.int(2000_0000, 8999_9999)}`;
  const outline = report.sections.map((s) => s.title.replace(/^[一二三四五六七八九十]+、/, "")).join("、");
  const preamble =
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关文件要求，${office}编制完成了本报告。` +
    (outline ? `本报告包括${outline}等${report.sections.length}个部分。` : "") +
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。本报告的电子版可在${body}门户网站下载。` +
    `如对本报告有任何疑问，请与${office}联系（电话：${phone}）。`;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const signedDate = `${y}年${m}月${Math.max(1, d - rng.int(0, 3))}日`;
  return { rng, year, body, title, date, time, office, preamble, signedDate };
}

/** The tables a section carries: 二, 三, 四 for 2019+, the local table in its 六. */
function tablesOfSection(report: Report, n: number | undefined): TextTable[] {
  if (report.edition === "gen2019" || report.edition === "gen2021") {
    if (n === 2) return t2Tables(report);
    if (n === 3) return [t3Table(report)];
    if (n === 4) return [t4Table(report)];
    return [];
  }
  if (report.edition === "local" && n === 6) return [localTable(report)];
  return [];
}

/**
 * Writes a report as the flattened text of a scraped government web page: breadcrumbs, the title line, publication
 * line, a preamble, the narrative sections with the statistics tables in place, and the page's closing links.
 */
export function toFlattenedText(report: Report, options: FlattenedTextOptions): string {
  const f = furniture(report);
  const lines = options.style === "lines";
  const old = report.edition === "gen2014" ? oldTable(report, lines) : undefined;
  if (!lines) {
    let body = `当前位置： 首页政务公开政府信息公开政府信息公开年报 ${f.title} 来源：${f.body} 时间：${f.date} ${f.time} 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> ${f.preamble}`;
    for (const s of report.sections) {
      const tables = tablesOfSection(report, s.number);
      // Spaces where Pingtan's scraped page has them: around 四's title, after 二's.
      const before = s.number === 4 && tables.length ? " " : "";
      const after = (s.number === 2 || s.number === 4) && tables.length ? " " : "";
      body += `${before}${s.title}${after}${s.text}${tables.map(glueTable).join("")}`;
    }
    if (old) body += `${f.office}${f.signedDate}附件：政府信息公开情况统计表（${f.year}年度）填报单位：${f.body}${glueTable(old)}`;
    return [
      `标题: ${f.title}`,
      `发布时间: ${f.date} ${f.time}`,
      "栏目: 政府信息公开年报",
      "==================== 正文 ====================",
      `${body} 附件下载`,
      "【打印本稿】【关闭本页】",
      "",
    ].join("\n");
  }
  const out: string[] = [
    "您现在的位置:首页",
    ` > 信息公开年报 > ${report.meta.level === "township" ? "乡镇(街道)" : "县(市、区)政府"} > ${f.year}`,
    f.title,
    `发布日期: ${f.date.replace(/-/g, "- ")} ${f.time.replace(":", ": ")} 浏览次数: 来源: ${f.office} 字体:[ ]`,
    f.preamble,
  ];
  for (const s of report.sections) {
    out.push(s.title);
    if (s.text) out.push(...s.text.split(/(?<=。)(?=（[一二三四五六七八九十]）)/));
    for (const t of tablesOfSection(report, s.number)) out.push(...lineTable(t));
  }
  out.push(f.office, f.signedDate);
  if (old) out.push(`附件:政府信息公开情况统计表(${f.year}年度)`, "附件", "政府信息公开情况统计表", `(${f.year}年度)`, `填报单位:${f.body}`, ...lineTable(old));
  out.push("【返回顶部】【打印本稿】【关闭本页】");
  return `${out.join("\n\n")}\n`;
}
