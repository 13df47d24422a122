import type { Locale } from "@gov-disclosure/core";

/** Interface text of the element in one language. */
export interface ElementStrings {
  readonly title: string;
  readonly edition: string;
  readonly editions: Readonly<Record<"gen2021" | "gen2019" | "gen2014" | "local", string>>;
  readonly language: string;
  readonly switchTo: string;
  readonly input: string;
  readonly paste: string;
  readonly pastePlaceholder: string;
  readonly readPasted: string;
  readonly chooseFile: string;
  readonly dropHint: string;
  readonly privacy: string;
  readonly tables: string;
  readonly findings: string;
  readonly noFindings: string;
  readonly noData: string;
  readonly summary: (c: { error: number; warning: number; info: number }) => string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly corrections: string;
  readonly apply: string;
  readonly fillTotals: string;
  readonly filled: (n: number) => string;
  readonly clear: string;
  readonly confirmSwitch: string;
  readonly save: string;
  readonly saveJson: string;
  readonly saveXlsx: string;
  readonly saveHtml: string;
  readonly print: string;
  readonly importNotes: string;
  readonly reading: string;
  readonly loaded: (name: string) => string;
  readonly goToCell: string;
  readonly body: string;
  readonly year: string;
  readonly suggestion: string;
}

const zh: ElementStrings = {
  title: "政府信息公开工作年度报告 · 统计表校验",
  edition: "表格版本",
  editions: {
    gen2021: "2021年格式（国办公开办函〔2021〕30号）",
    gen2019: "2019年格式（国办公开办函〔2019〕60号）",
    gen2014: "2014–2018年统计表（国办发〔2014〕32号）",
    local: "地方统计表（本年度/历年累计）",
  },
  language: "语言",
  switchTo: "English",
  input: "导入报告",
  paste: "粘贴报告全文（网页文字、HTML、Markdown 或 JSON）",
  pastePlaceholder: "在此粘贴年度报告……",
  readPasted: "读取粘贴内容",
  chooseFile: "选择文件（TXT、HTML、Markdown、DOCX、XLSX、JSON）",
  dropHint: "或将文件拖放到此处",
  privacy: "所有校验均在本机浏览器中完成，不上传任何内容。",
  tables: "统计表",
  findings: "校验结果",
  noFindings: "未发现问题。",
  noData: "表格尚无数据。",
  summary: (c) => `错误 ${c.error} 项，警告 ${c.warning} 项，提示 ${c.info} 项`,
  severity: { error: "错误", warning: "警告", info: "提示" },
  corrections: "建议更正",
  apply: "应用更正",
  fillTotals: "由分项填写合计",
  filled: (n) => (n ? `已填写 ${n} 个合计。` : "没有可由分项得出的空白合计。"),
  clear: "清空表格",
  confirmSwitch: "切换版本将清空已填写的数据，是否继续？",
  save: "保存",
  saveJson: "保存为 JSON",
  saveXlsx: "保存为 XLSX",
  saveHtml: "保存为可打印的 HTML",
  print: "打印",
  importNotes: "导入说明",
  reading: "正在读取……",
  loaded: (name) => `已读取：${name}`,
  goToCell: "定位到单元格",
  body: "发布机构",
  year: "年度",
  suggestion: "建议",
};

const en: ElementStrings = {
  title: "Government information disclosure annual report · table check",
  edition: "Table edition",
  editions: {
    gen2021: "2021 format (国办公开办函〔2021〕30号)",
    gen2019: "2019 format (国办公开办函〔2019〕60号)",
    gen2014: "2014–2018 statistics table (国办发〔2014〕32号)",
    local: "Local table (this year / cumulative)",
  },
  language: "Language",
  switchTo: "中文",
  input: "Import a report",
  paste: "Paste the report's text (web page text, HTML, Markdown or JSON)",
  pastePlaceholder: "Paste the annual report here…",
  readPasted: "Read pasted text",
  chooseFile: "Choose a file (TXT, HTML, Markdown, DOCX, XLSX, JSON)",
  dropHint: "or drop a file here",
  privacy: "Everything is checked in this browser; nothing is uploaded.",
  tables: "Tables",
  findings: "Findings",
  noFindings: "No problems found.",
  noData: "The tables hold no data yet.",
  summary: (c) => `${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)`,
  severity: { error: "Error", warning: "Warning", info: "Note" },
  corrections: "Suggested corrections",
  apply: "Apply",
  fillTotals: "Fill totals from their parts",
  filled: (n) => (n ? `Filled ${n} total(s).` : "No blank total follows from its parts."),
  clear: "Clear the tables",
  confirmSwitch: "Switching the edition clears the data entered. Continue?",
  save: "Save",
  saveJson: "Save as JSON",
  saveXlsx: "Save as XLSX",
  saveHtml: "Save as printable HTML",
  print: "Print",
  importNotes: "Import notes",
  reading: "Reading…",
  loaded: (name) => `Read: ${name}`,
  goToCell: "Go to the cell",
  body: "Issuing body",
  year: "Year",
  suggestion: "Suggestion",
};

/** The interface text for a locale (zh-CN by default). */
export const stringsFor = (locale: Locale = "zh-CN"): ElementStrings => (locale === "en" ? en : zh);

/** Reads the `lang` attribute: anything starting with "en" is English, everything else Chinese. */
export const localeOf = (lang: string | null | undefined): Locale => (lang && /^en\b/i.test(lang) ? "en" : "zh-CN");
