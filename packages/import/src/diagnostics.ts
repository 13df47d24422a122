import type { SourceLocation } from "@gov-disclosure/core";
import type { Diagnostic, DiagnosticSeverity } from "./types";

type Params = Readonly<Record<string, string | number>>;

const MESSAGES: Readonly<Record<string, { zh: string; en: string }>> = {
  "import.not-a-report": {
    zh: "这不是政府信息公开工作年度报告：没有找到任何统计表（已查找 2014 年统计表的“统计指标/收到申请数”、地方表的“本年度/历年累计”、2019/2021 年格式的“本年新收政府信息公开申请数量”“第二十条第（一）项”等标签）{detail}",
    en: "This is not a government information disclosure annual report: no statistics table was found (looked for the 2014 table's 统计指标/收到申请数, local tables' 本年度/历年累计, and the 2019/2021 labels 本年新收政府信息公开申请数量, 第二十条第（一）项){detail}",
  },
  "import.no-tables": {
    zh: "文档像是年度报告，但没有找到可读的统计表",
    en: "The document looks like an annual report, but no readable statistics table was found",
  },
  "import.unreadable-pdf": {
    zh: "PDF 文件无法读取：本导入器不解析 PDF。请提供网页（HTML）、Word、表格文件或复制出的文本",
    en: "PDF files cannot be read: this importer does not parse PDF. Provide the web page (HTML), Word, spreadsheet or copied text",
  },
  "import.unreadable-image": {
    zh: "图片（扫描件）无法读取：本导入器不做文字识别",
    en: "Images (scans) cannot be read: this importer does no OCR",
  },
  "import.binary": { zh: "输入是无法识别的二进制数据（{detail}）", en: "The input is unrecognised binary data ({detail})" },
  "import.too-large": { zh: "输入过大（{size} 字节，上限 {limit} 字节），未读取", en: "Input too large ({size} bytes, limit {limit}); not read" },
  "import.truncated": { zh: "文件已损坏或被截断：{detail}", en: "The file is damaged or truncated: {detail}" },
  "import.zip-limit": {
    zh: "Office 文件（zip 压缩包）超出读取上限，未读取：{detail}（上限 {entries} 个条目、解压后共 {bytes} 字节）",
    en: "The Office file (a zip archive) is over the reading limits and was not read: {detail} (limits: {entries} entries, {bytes} bytes unzipped)",
  },
  "import.json-invalid": { zh: "JSON 不是有效的报告：{detail}", en: "The JSON is not a valid report: {detail}" },
  "import.encoding": { zh: "按 {encoding} 解码", en: "Decoded as {encoding}" },
  "import.nesting": {
    zh: "HTML 嵌套过深（超过 {limit} 层），更深的内容按文本读取",
    en: "HTML nested too deeply (over {limit} levels); deeper content read as text",
  },
  "edition.detected": { zh: "根据标签识别为 {edition}：{labels}", en: "Edition {edition} detected from the labels: {labels}" },
  "edition.year-mismatch": {
    zh: "报告年度 {year} 通常使用 {expected}，但标签表明是 {edition}",
    en: "A report for {year} would normally use {expected}, but its labels say {edition}",
  },
  "row.missing": { zh: "未找到“{label}”行", en: "Row “{label}” not found" },
  "row.no-values": { zh: "“{label}”行没有读到数值", en: "No values read for row “{label}”" },
  "row.short": {
    zh: "“{label}”行只有 {got} 个值、应有 {want} 个：无法确定哪一列缺失",
    en: "Row “{label}” has {got} values for {want} columns: which column is missing cannot be told",
  },
  "row.overflow": {
    zh: "“{label}”行有 {got} 个值、多于 {want} 列：多余的值被忽略",
    en: "Row “{label}” has {got} values for {want} columns: the extra ones were ignored",
  },
  "row.unsplittable": {
    zh: "“{label}”行的数字“{raw}”无法拆分成 {want} 个满足表内关系的数",
    en: "The digits “{raw}” of row “{label}” cannot be split into {want} numbers that satisfy the table's identities",
  },
  "split.ambiguous": {
    zh: "粘连数字的拆分不唯一（{n} 种拆分都满足表内关系）：{cells}{chosen}",
    en: "The split of glued digits is ambiguous ({n} splits satisfy every identity): {cells}{chosen}",
  },
  "split.decided": { zh: "粘连数字“{raw}”的拆分由 {by} 确定", en: "The split of the glued digits “{raw}” was decided by {by}" },
  "split.truncated": { zh: "“{label}”行的拆分可能性过多，已停止枚举", en: "Too many possible splits for row “{label}”; enumeration stopped" },
  "split.unverified": {
    zh: "表三有 {missing} 行缺失或无法拆分（粘连数字中可能省略了空白单元格），其余 {cells} 个粘连拆分的单元格只能按行合计拆分，无法用列合计与勾稽关系核对",
    en: "{missing} rows of table 三 are missing or cannot be split (blank cells may have been left out of the glued digits): the other {cells} glued cells were split by their row totals alone and could not be checked against the column sums and the balance",
  },
  "split.inconsistent": {
    zh: "表三没有一种拆分能同时满足行合计、列合计与勾稽关系；各行按单独可能性最大的拆分读取",
    en: "No split of table 三 satisfies the row totals, column sums and the balance together; each row was read by its own most plausible split",
  },
  "cell.not-numeric": { zh: "{cell} 的值“{raw}”不是数字", en: "The value “{raw}” of {cell} is not a number" },
  "narrative.mismatch": {
    zh: "正文说“{text}”（{claimed}），表中 {what} 为 {actual}",
    en: "The narrative says “{text}” ({claimed}); the table's {what} is {actual}",
  },
  "narrative.breakdown": {
    zh: "正文列出的分项之和 {sum} 与所述总数 {total} 不符：“{text}”",
    en: "The narrative's listed items sum to {sum}, not the stated total {total}: “{text}”",
  },
  "previous.cumulative-break": {
    zh: "{label} 的历年累计 {cum} 不等于上年历年累计 {prev} 加本年度 {cur}（= {expected}）",
    en: "Cumulative {cum} of {label} is not last year's cumulative {prev} plus this year's {cur} (= {expected})",
  },
  "xlsx.id-map": { zh: "按 _gov_disclosure 工作表的单元格映射读取", en: "Read through the cell map of the _gov_disclosure worksheet" },
  "xlsx.bad-ref": { zh: "_gov_disclosure 映射中的 {cell} 指向不存在的位置 {ref}", en: "The _gov_disclosure map points {cell} at a missing place {ref}" },
};

function fill(t: string, params: Params): string {
  return t.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? "" : String(params[k])));
}

/** Builds a diagnostic in both languages. @internal */
export function diag(
  code: string,
  severity: DiagnosticSeverity,
  params: Params,
  locale: "zh-CN" | "en",
  extra: { source?: SourceLocation; cells?: readonly string[]; candidates?: readonly Readonly<Record<string, string>>[] } = {},
): Diagnostic {
  const m = MESSAGES[code] ?? { zh: code, en: code };
  const messageZh = fill(m.zh, params);
  const messageEn = fill(m.en, params);
  return {
    code,
    severity,
    message: locale === "en" ? messageEn : messageZh,
    messageZh,
    messageEn,
    ...(extra.cells ? { cells: extra.cells } : {}),
    ...(extra.candidates ? { candidates: extra.candidates } : {}),
    ...(extra.source ? { source: extra.source } : {}),
  };
}
