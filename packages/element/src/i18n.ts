import { fillTemplate, type Locale, type ParamValue } from "@gov-disclosure/core";

/**
 * Interface text of the element in one language. Every value is a plain string; those with `{name}` placeholders are
 * templates filled by `uiText` with core's `fillTemplate`. Both locales have every key (the type checks it).
 */
export interface ElementStrings {
  readonly title: string;
  readonly edition: string;
  readonly editions: Readonly<Record<"gen2021" | "gen2019" | "gen2014" | "local", string>>;
  readonly language: string;
  /** The language the toggle switches to, named in the current language (for its accessible name). */
  readonly otherLanguage: string;
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
  /** Template: `{error}`, `{warning}`, `{info}` failing issues (import issues included). */
  readonly summary: string;
  /** Template: `{count}` of the failing issues came from reading the file. */
  readonly summaryImport: string;
  readonly severity: Readonly<Record<"error" | "warning" | "info", string>>;
  readonly corrections: string;
  readonly apply: string;
  readonly fillTotals: string;
  /** Template: `{count}` totals filled. */
  readonly filled: string;
  readonly filledNone: string;
  readonly clear: string;
  readonly confirmClear: string;
  readonly confirmSwitch: string;
  readonly save: string;
  readonly saveJson: string;
  readonly saveXlsx: string;
  readonly saveHtml: string;
  readonly print: string;
  /** Heading of the list of issues found while reading the last file. */
  readonly importNotes: string;
  readonly reading: string;
  /** Template: `{name}` of the file read. */
  readonly loaded: string;
  /** Template: `{name}` of a file from which no report could be read. */
  readonly notLoaded: string;
  /** Template: why reading failed, `{detail}`. */
  readonly readFailed: string;
  readonly importerUnavailable: string;
  /** Template: a correction was applied; `{message}` is the correction as core words it. */
  readonly applied: string;
  readonly goToCell: string;
  readonly body: string;
  readonly year: string;
}

/** The names of the languages, each in itself: the text of the language toggle (marked with its own `lang`). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { "zh-CN": "中文", en: "English" };

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
  otherLanguage: "切换为英文",
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
  summary: "错误 {error} 项，警告 {warning} 项，提示 {info} 项",
  summaryImport: "（其中 {count} 项来自文件读取）",
  severity: { error: "错误", warning: "警告", info: "提示" },
  corrections: "建议更正",
  apply: "应用更正",
  fillTotals: "由分项填写合计",
  filled: "已填写 {count} 个合计。",
  filledNone: "没有可由分项得出的空白合计。",
  clear: "清空表格",
  confirmClear: "清空已填写的全部数据？",
  confirmSwitch: "切换版本将清空已填写的数据，是否继续？",
  save: "保存",
  saveJson: "保存为 JSON",
  saveXlsx: "保存为 XLSX",
  saveHtml: "保存为可打印的 HTML",
  print: "打印",
  importNotes: "文件读取说明",
  reading: "正在读取……",
  loaded: "已读取：{name}",
  notLoaded: "未能从 {name} 读出报告。",
  readFailed: "无法读取：{detail}",
  importerUnavailable: "此版本的导入模块尚不能读取该格式，请粘贴 JSON 或直接填表。",
  applied: "已应用更正：{message}",
  goToCell: "定位到单元格",
  body: "发布机构",
  year: "年度",
};

const en: ElementStrings = {
  title: "Government information disclosure annual report · table check",
  edition: "Table edition",
  editions: {
    gen2021: "2021 format (State Council General Office, 2021 No. 30)",
    gen2019: "2019 format (State Council General Office, 2019 No. 60)",
    gen2014: "2014–2018 statistics table (State Council General Office, 2014 No. 32)",
    local: "Local table (this year / cumulative)",
  },
  language: "Language",
  otherLanguage: "Switch to Chinese",
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
  summary: "{error} error(s), {warning} warning(s), {info} note(s)",
  summaryImport: " ({count} from reading the file)",
  severity: { error: "Error", warning: "Warning", info: "Note" },
  corrections: "Suggested corrections",
  apply: "Apply",
  fillTotals: "Fill totals from their parts",
  filled: "Filled {count} total(s).",
  filledNone: "No blank total follows from its parts.",
  clear: "Clear the tables",
  confirmClear: "Clear all the data entered?",
  confirmSwitch: "Switching the edition clears the data entered. Continue?",
  save: "Save",
  saveJson: "Save as JSON",
  saveXlsx: "Save as XLSX",
  saveHtml: "Save as printable HTML",
  print: "Print",
  importNotes: "Reading the file",
  reading: "Reading…",
  loaded: "Read: {name}",
  notLoaded: "No report could be read from {name}.",
  readFailed: "Could not read: {detail}",
  importerUnavailable: "The importer in this build cannot read this format yet: paste JSON or fill in the table.",
  applied: "Correction applied: {message}",
  goToCell: "Go to the cell",
  body: "Issuing body",
  year: "Year",
};

/** The interface text for a locale (zh-CN by default). */
export const stringsFor = (locale: Locale = "zh-CN"): ElementStrings => (locale === "en" ? en : zh);

/** The keys of `ElementStrings` whose value is a template (a string, not a table). */
export type TemplateKey = { [K in keyof ElementStrings]: ElementStrings[K] extends string ? K : never }[keyof ElementStrings];

/** Fills one interface template of the locale with core's `fillTemplate` (no cell ids are resolved here). */
export const uiText = (locale: Locale, key: TemplateKey, params: Readonly<Record<string, ParamValue>> = {}): string =>
  fillTemplate(stringsFor(locale)[key], params, locale, () => undefined);

/** Reads the `lang` attribute: anything starting with "en" is English, everything else Chinese. */
export const localeOf = (lang: string | null | undefined): Locale => (lang && /^en\b/i.test(lang) ? "en" : "zh-CN");
