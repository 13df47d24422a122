// The demo page's own text in each language: typed tables with the same keys (checked by the type system), filled with
// core's fillTemplate. The element words everything inside it; this is the page around it.
import { fillTemplate, type Locale, type ParamValue } from "@gov-disclosure/core";

/** The page's text in one language. */
export interface PageStrings {
  readonly title: string;
  readonly description: string;
  readonly heading: string;
  readonly intro: string;
  readonly samples: string;
  readonly samplePingtan: string;
  readonly sampleTaishun: string;
  readonly footer: string;
  /** Template: the listener's line after a `change` event: `{cause}`, `{who}`, `{error}`, `{warning}`, `{info}`. */
  readonly changeLog: string;
  readonly causes: Readonly<Record<"edit" | "load" | "correction" | "fill-totals" | "edition" | "clear", string>>;
}

const zh: PageStrings = {
  title: "政府信息公开工作年度报告校验 · gov-disclosure",
  description: "在浏览器中校验政府信息公开工作年度报告的统计表，不上传任何内容。",
  heading: "政府信息公开工作年度报告校验",
  intro:
    "粘贴或拖入年度报告（网页文字、HTML、Markdown、DOCX、XLSX、PDF、JSON），或直接在官方表格中填写，停止输入片刻或离开单元格后即校验。全部在本机完成，不上传任何内容；页面加载后可离线使用。",
  samples: "试用示例（真实发布的年度报告）：",
  samplePingtan: "平潭综合实验区 2021 年报（JSON）",
  sampleTaishun: "泰顺县人民政府 2018 年报（网页文字）",
  footer: "gov-disclosure · 依据国办公开办函〔2021〕30号、〔2019〕60号及国办发〔2014〕32号的统计表格式。",
  changeLog: "表格已更新（{cause}）：{who} · 错误 {error} 项 · 警告 {warning} 项 · 提示 {info} 项",
  causes: { edit: "填写", load: "读取", correction: "更正", "fill-totals": "填写合计", edition: "切换版本", clear: "清空" },
};

const en: PageStrings = {
  title: "Check an annual report on government information disclosure · gov-disclosure",
  description: "Check the tables of a Chinese government information disclosure annual report in your browser; nothing is uploaded.",
  heading: "Check an annual report on government information disclosure",
  intro:
    "Paste or drop an annual report (web page text, HTML, Markdown, DOCX, XLSX, PDF, JSON), or fill in the official tables: the check runs when you pause typing or leave a cell. Everything happens on this computer and nothing is uploaded; once loaded, the page works offline.",
  samples: "Try a sample (real published reports, in Chinese):",
  samplePingtan: "Pingtan Comprehensive Experimental Zone, 2021 (JSON)",
  sampleTaishun: "Taishun County Government, 2018 (web page text)",
  footer: "gov-disclosure · Tables as set by the State Council General Office's circulars of 2021 (No. 30), 2019 (No. 60) and 2014 (No. 32).",
  changeLog: "Tables updated ({cause}): {who} · {error} error(s) · {warning} warning(s) · {info} note(s)",
  causes: { edit: "typing", load: "reading", correction: "correction", "fill-totals": "totals filled", edition: "edition switched", clear: "cleared" },
};

/** The page's text for a locale. */
export const pageStrings = (locale: Locale): PageStrings => (locale === "en" ? en : zh);

/** Fills one of the page's templates with core's `fillTemplate` (no cell ids here). */
export const pageText = (locale: Locale, key: "changeLog", params: Readonly<Record<string, ParamValue>>): string =>
  fillTemplate(pageStrings(locale)[key], params, locale, () => undefined);
