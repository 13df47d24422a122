import { fillTemplate, type Locale, type ParamValue, type Report, reportCells } from "@gov-disclosure/core";

/**
 * Interface text of the element in one language. Every value is a plain string; those with `{name}` placeholders are
 * templates filled by `uiText` with core's `fillTemplate`. Both locales have every key (the type checks it).
 */
export interface ElementStrings {
  readonly title: string;
  /** The skip link from the controls to the result summary. */
  readonly skipToResult: string;
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
  /** Template: a file saved in a format that cannot mark cells holds `{count}` figures inferred when reading. */
  readonly savedGuessed: string;
  readonly clear: string;
  readonly confirmClear: string;
  readonly confirmSwitch: string;
  readonly save: string;
  readonly saveJson: string;
  readonly saveXlsx: string;
  readonly saveHtml: string;
  readonly print: string;
  readonly reading: string;
  /** Template: the file read, `{name}`, and what kind of document it was, `{kind}` (a value of `formats`). */
  readonly loaded: string;
  /** Template: pasted text was read, `{kind}` (a value of `formats`). */
  readonly loadedPasted: string;
  /** Names of the kinds of document read, by the importer's format. */
  readonly formats: Readonly<Record<"text" | "html" | "markdown" | "docx" | "xlsx" | "pdf" | "json" | "unknown", string>>;
  /** Template: asked before a read replaces `{count}` cells the user typed. */
  readonly confirmReplace: string;
  /** Said instead of corrections while the form is still mostly blank. */
  readonly correctionsHeld: string;
  /** Template: the values an inferred cell, `{cell}`, could take, `{values}` (the import's candidates). */
  readonly candidates: string;
  /** Template: a count cell holding a fraction, `{cell}` and `{text}`. */
  readonly notWhole: string;
  /** The legend of the marks in the tables. */
  readonly legend: string;
  readonly markFault: string;
  readonly markInvolved: string;
  readonly markUncertain: string;
  readonly markTyped: string;
  readonly markComputed: string;
  /** Said under a table wider than the screen. */
  readonly scrollHint: string;
  /** Template: `{name}` of a file from which no report could be read. */
  readonly notLoaded: string;
  /** Template: why reading failed, `{detail}`. */
  readonly readFailed: string;
  readonly importerUnavailable: string;
  /** Template: a correction was applied; `{message}` is the correction as core words it. */
  readonly applied: string;
  readonly goToCell: string;
  /** Template: the accessible name of a finding's button, with the cell's label `{cell}`. */
  readonly goToNamed: string;
  readonly body: string;
  readonly year: string;
}

/** The names of the languages, each in itself: the text of the language toggle (marked with its own `lang`). */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { "zh-CN": "中文", en: "English" };

const zh: ElementStrings = {
  title: "年度报告统计表校验",
  skipToResult: "跳到校验结果",
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
  chooseFile: "选择文件（TXT、HTML、Markdown、DOCX、XLSX、PDF、JSON）",
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
  savedGuessed: "已保存。注意：其中 {count} 个数字是读取时推断的（此处标“?”），保存的文件无法标出，请核对后再使用。",
  clear: "清空表格",
  confirmClear: "清空已填写的全部数据？",
  confirmSwitch: "切换版本将清空已填写的数据，是否继续？",
  save: "保存",
  saveJson: "保存为 JSON",
  saveXlsx: "保存为 XLSX",
  saveHtml: "保存为可打印的 HTML",
  print: "打印",
  reading: "正在读取……",
  loaded: "已读取文件“{name}”（{kind}）。",
  loadedPasted: "已读取粘贴的内容（{kind}）。",
  formats: {
    text: "纯文本",
    html: "网页 HTML",
    markdown: "Markdown 文本",
    docx: "DOCX 文档",
    xlsx: "XLSX 表格",
    pdf: "PDF 文件",
    json: "JSON 数据",
    unknown: "未知格式",
  },
  confirmReplace: "读取后将替换您已填写的 {count} 个单元格，是否继续？",
  correctionsHeld: "表格填写不足五分之一，暂不提出更正建议。",
  candidates: "“{cell}”可能的值：{values}。",
  notWhole: "“{cell}”填写的“{text}”不是整数（件数须为整数），涉及该单元格的核对规则未执行。",
  legend: "表中标记：",
  markFault: "最可能出错",
  markInvolved: "参与未通过的核对",
  markUncertain: "读取时推断或按顺序放置",
  markTyped: "您填写或修改",
  markComputed: "由分项算出的合计",
  scrollHint: "表格较宽，可左右滚动查看。",
  notLoaded: "未能从 {name} 读出报告。",
  readFailed: "无法读取：{detail}",
  importerUnavailable: "此版本的导入模块尚不能读取该格式，请粘贴 JSON 或直接填表。",
  applied: "已应用更正：{message}",
  goToCell: "定位到单元格",
  goToNamed: "定位到单元格“{cell}”",
  body: "发布机构",
  year: "年度",
};

const en: ElementStrings = {
  title: "Annual report table check",
  skipToResult: "Skip to the results",
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
  chooseFile: "Choose a file (TXT, HTML, Markdown, DOCX, XLSX, PDF, JSON)",
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
  savedGuessed: "Saved. Note: {count} figure(s) in it were inferred when reading (marked “?” here) and the saved file cannot mark them: check them before use.",
  clear: "Clear the tables",
  confirmClear: "Clear all the data entered?",
  confirmSwitch: "Switching the edition clears the data entered. Continue?",
  save: "Save",
  saveJson: "Save as JSON",
  saveXlsx: "Save as XLSX",
  saveHtml: "Save as printable HTML",
  print: "Print",
  reading: "Reading…",
  loaded: "Read the file “{name}” ({kind}).",
  loadedPasted: "Read the pasted text ({kind}).",
  formats: {
    text: "plain text",
    html: "web page, HTML",
    markdown: "Markdown text",
    docx: "Word document, DOCX",
    xlsx: "spreadsheet, XLSX",
    pdf: "PDF",
    json: "JSON data",
    unknown: "unknown format",
  },
  confirmReplace: "Reading this replaces the {count} cell(s) you typed. Continue?",
  correctionsHeld: "Corrections are suggested once at least a fifth of the table is filled in.",
  candidates: "Possible values of “{cell}”: {values}.",
  notWhole: "“{cell}” holds “{text}”, which is not a whole number (counts are whole numbers); rules that read this cell were not checked.",
  legend: "Marks in the tables:",
  markFault: "most likely wrong",
  markInvolved: "read by a failing check",
  markUncertain: "inferred or placed by order when reading",
  markTyped: "typed or changed by you",
  markComputed: "total computed from its parts",
  scrollHint: "The table is wide: scroll sideways to see all of it.",
  notLoaded: "No report could be read from {name}.",
  readFailed: "Could not read: {detail}",
  importerUnavailable: "The importer in this build cannot read this format yet: paste JSON or fill in the table.",
  applied: "Correction applied: {message}",
  goToCell: "Go to the cell",
  goToNamed: "Go to the cell “{cell}”",
  body: "Issuing body",
  year: "Year",
};

/** The interface text for a locale (zh-CN by default). */
export const stringsFor = (locale: Locale = "zh-CN"): ElementStrings => (locale === "en" ? en : zh);

/** The keys of `ElementStrings` whose value is a template (a string, not a table). */
export type TemplateKey = { [K in keyof ElementStrings]: ElementStrings[K] extends string ? K : never }[keyof ElementStrings];

/**
 * Fills one interface template of the locale with core's `fillTemplate`. With `report`, cell ids among the params are
 * worded as the cells' labels (core's resolution); without it, nothing is resolved.
 */
export const uiText = (
  locale: Locale,
  key: TemplateKey,
  params: Readonly<Record<string, ParamValue>> = {},
  report?: Pick<Report, "edition" | "local">,
): string => {
  const cells = report ? reportCells(report).byId : undefined;
  return fillTemplate(stringsFor(locale)[key], params, locale, (id) => cells?.get(id));
};

/** Reads the `lang` attribute: anything starting with "en" is English, everything else Chinese. */
export const localeOf = (lang: string | null | undefined): Locale => (lang && /^en\b/i.test(lang) ? "en" : "zh-CN");
