import type { Edition } from "../editions";
import type { BinaryKind, LimitKind, CorrectionCode, EvidenceKind, ExpectedKind, ImportCode, ParseCode } from "../issue";
import type { Level } from "../report";
import type { NotAssessableReason, RuleId } from "../rules/ids";

/** A locale's message table: one template per rule id, per not-assessable reason, plus small label tables. */
export interface MessageTable {
  /** The locale of this table. */
  readonly locale: "zh-CN" | "en";
  readonly rules: Readonly<Record<RuleId, string>>;
  readonly reasons: Readonly<Record<NotAssessableReason, string>>;
  readonly editions: Readonly<Record<Edition, string>>;
  readonly levels: Readonly<Record<Level, string>>;
  readonly pass: string;
  /** The fault localiser's corrections. */
  readonly fix: Readonly<Record<CorrectionCode, string>>;
  /** Import issues. */
  readonly import: Readonly<Record<ImportCode, string>>;
  /** Parse issues (canonical JSON). */
  readonly parse: Readonly<Record<ParseCode, string>>;
  /** Words for the `expected` parameter of parse issues. */
  readonly expected: Readonly<Record<ExpectedKind, string>>;
  /** Words for the `what` parameter of IMPORT-BINARY. */
  readonly binary: Readonly<Record<BinaryKind, string>>;
  /** Words for the `by` parameter of IMPORT-SPLIT-DECIDED. */
  readonly evidence: Readonly<Record<EvidenceKind, string>>;
  /** Words for the `chosen` parameter of IMPORT-SPLIT-AMBIGUOUS. */
  readonly chosen: Readonly<Record<"most-plausible" | "blank", string>>;
  /** Words for the `what` parameter of IMPORT-LIMIT. */
  readonly limits: Readonly<Record<LimitKind, string>>;
  /** Words for the `why` parameter of PARSE-INEXACT-NUMBER. */
  readonly inexact: Readonly<Record<"digits" | "underflow" | "overflow", string>>;
  /** Added to a rule finding that read cells the import could not confirm. */
  readonly uncertain: string;
  /** Words for the `unit` parameter (a unit written in a cell, or ? when none was). */
  readonly units: Readonly<Record<string, string>>;
  /** Added to a narrative finding whose figure equals a part of the claimed figure (`quotes` = that cell). */
  readonly quotesPart: string;
  /** Words for the `table` parameter (a table id). */
  readonly tables: Readonly<Record<"t2" | "t3" | "t4" | "old" | "local", string>>;
  /** Separator of listed values. */
  readonly listSeparator: string;
}

/** Chinese (zh-CN) messages, the default locale. Placeholders in braces are filled from the finding's params. */
export const zhCN: MessageTable = {
  locale: "zh-CN",
  rules: {
    "CELL-NOT-NUMERIC": "“{cell}”填写的“{text}”不是数字，涉及该单元格的核对规则未执行。",
    "TOTAL-MISSING": "“{cell}”为空，但其分项不为空；按分项推算应为 {expected}。",
    "META-GEN-DETECT": "统计表为“{edition}”格式，但报告年度为 {year} 年，该年度应使用“{expectedEdition}”。",
    "META-SECTIONS": "缺少年度报告格式规定的第 {missing} 部分。",
    "META-PERIOD": "报告所述统计期限“{period}”与报告年度 {year} 年不一致。",
    "META-EMPTY-SECTION": "第 {section} 部分仅填写“无”。",
    "YOY-IDENTICAL": "全部 {count} 项数据与上一年度报告完全相同，请确认是否照抄上年数据。",
    "OLD-SUBSET": "“{cell}”为 {actual}，大于其所属的“{other}”{expected}（超出 {difference}）。",
    "LOCAL-ITEMS-SUM": "“{cell}”为 {actual}，但其“其中”各项之和为 {expected}（相差 {difference}）。",
    "LOCAL-CUM-GE-CURRENT": "“{cell.row}”本年度为 {actual}，大于历年累计 {expected}。",
    "LOCAL-CUM-YOY": "“{cell}”为 {actual}，而上年历年累计加本年度应为 {expected}（相差 {difference}）。",
    "OLD-INT": "“{cell}”为 {actual}，应为非负整数（经费为非负数）。",
    "OLD-PUB-CHAN-UPPER": "“{cell}”为 {actual}，大于各渠道公开数之和 {expected}（超出 {difference}）。",
    "OLD-PUB-CHAN-LOWER": "“{cell}”为 {actual}，小于单一渠道的最大公开数 {expected}。",
    "OLD-PUB-CHAN-NODEDUP": "“{cell}”{actual} 恰等于各渠道之和：未说明有跨渠道重复公开的信息（小单位常见）。",
    "OLD-PUB-NORM-SUBSET": "“{cell}”为 {actual}，大于“{other}”{expected}。",
    "OLD-PUB-NORM-ISSUED": "“{cell}”为 {actual}，大于“{other}”{expected}。",
    "OLD-RESP-LEAD-PRESS": "“{cell}”为 {actual}，大于“{other}”{expected}。",
    "OLD-RESP-LEAD-INTERVIEW": "“{cell}”为 {actual}，大于“{other}”{expected}。",
    "OLD-RESP-HOTSPOT-UPPER": "“{cell}”为 {actual}，大于各渠道回应解读之和 {expected}。",
    "OLD-APP-CHANNEL-SUM": "“{cell}”为 {actual}，但各渠道申请数之和为 {expected}（相差 {difference}）。",
    "OLD-APP-DONE-SUM": "“{cell}”为 {actual}，但按时办结与延期办结之和为 {expected}（相差 {difference}）。",
    "OLD-APP-REPLY-SUM": "“{cell}”为 {actual}，但各类答复之和为 {expected}（相差 {difference}）。",
    "OLD-APP-DENY-SUM": "“{cell}”为 {actual}，但各项不公开理由之和为 {expected}（相差 {difference}）。",
    "OLD-APP-DONE-REPLY": "“{cell}”为 {actual}，与“{other}”{expected} 不一致（相差 {difference}）。",
    "OLD-APP-DONE-LE-RECEIVED": "“{cell}”为 {actual}，大于“{other}”{expected}。",
    "OLD-REVIEW-SUM": "“{cell}”为 {actual}，但各项结果之和为 {expected}（相差 {difference}）。",
    "OLD-LITIG-SUM": "“{cell}”为 {actual}，但各项结果之和为 {expected}（相差 {difference}）。",
    "OLD-STAFF-SUM": "“{cell}”为 {actual}，但专职与兼职人员之和为 {expected}（相差 {difference}）。",
    "OLD-TRAIN-PLAUSIBLE": "“{other}”大于 0，但“{cell}”为 {actual}。",
    "T2-INT": "“{cell}”为 {actual}，应为非负整数（金额为非负数）。",
    "T2-19-PUB-LE-TOTAL": "“{cell}”为 {actual}，大于“{other}”{expected}。",
    "T2-19-ITEMS-NONNEG": "“{other}”加“{cell}”为 {actual}，项目数不应为负。",
    "T2-19-PROC-ZERO": "“{other}”为 0，但“{cell}”为 {actual}。",
    "T2-19-PROC-UNIT": "“{cell}”为 {actual}，金额单位：{unit}。",
    "T2-21-VALID-YOY": "“{cell}”为 {actual}，而上年现行有效件数加本年制发减本年废止为 {expected}（相差 {difference}）。",
    "T2-21-VALID-GE": "“{cell}”为 {actual}，大于上年现行有效件数与本年制发件数之和 {expected}。",
    "T2-RULE-AUTHORITY": "“{cell}”为 {actual}，但{level}无规章制定权。",
    "T2-21-FEE-MAGNITUDE": "“{cell}”为 {actual}{unit}，而本栏以万元计，数额异常，可能误按“元”填写。",
    "T3-INT": "“{cell}”为 {actual}，应为非负整数。",
    "T3-OUTCOME-SUM": "“{cell.col}”列：（七）总计为 {actual}，但各项办理结果之和为 {expected}（相差 {difference}）。",
    "T3-BALANCE": "“{cell.col}”列：本年新收与上年结转之和为 {actual}，但办理结果总计与结转下年度之和为 {expected}（相差 {difference}）。",
    "T3-ROW-TOTAL": "“{cell.row}”行：总计为 {actual}，但各类申请人之和为 {expected}（相差 {difference}）。",
    "T3-TOTAL-MISSING": "“{cell}”为空，但其分项不为空；按分项推算应为 {expected}。",
    "T3-OTHER-SPLIT": "{year} 年度报告使用了“{edition}”格式的“（六）其他处理”行，与该年度格式不符。",
    "T3-YOY-CARRY": "“{cell.col}”列：上年结转为 {actual}，但上一年度报告的结转下年度继续办理为 {expected}（相差 {difference}）。",
    "T4-INT": "“{cell}”为 {actual}，应为非负整数。",
    "T4-REVIEW-SUM": "行政复议：总计为 {actual}，但各项结果之和为 {expected}（相差 {difference}）。",
    "T4-LIT-DIRECT-SUM": "未经复议直接起诉：总计为 {actual}，但各项结果之和为 {expected}（相差 {difference}）。",
    "T4-LIT-AFTER-SUM": "复议后起诉：总计为 {actual}，但各项结果之和为 {expected}（相差 {difference}）。",
    "NARR-PUB-TOTAL": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-PUB-CHANNEL": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-APP-RECEIVED": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-APP-CHANNEL": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-APP-CARRY-IN": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-APP-DONE": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-APP-CARRY-OUT": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-APP-OUTCOME": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-REVIEW": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-LITIG": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-NORM-DOCS": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-PRESS": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
    "NARR-FEE": "正文称“{text}”（{actual}），但统计表“{cell}”为 {expected}（相差 {difference}）。",
  },
  reasons: {
    no_data: "无法核对：相关表格没有数据。",
    non_numeric: "无法核对：相关单元格不是数字。",
    no_previous: "无法核对：未提供上一年度报告。",
    previous_edition: "无法核对：上一年度报告为“{previousEdition}”格式，口径不同。",
    previous_year: "无法核对：所给上一年度报告为 {previousYear} 年，而本报告为 {year} 年。",
    previous_body: "无法核对：所给上一年度报告的发布机关是“{previousBody}”，而本报告是“{body}”。",
    row_missing: "无法核对：涉及的“{cell}”所在行在原文中未找到。",
    level_unknown: "无法核对：发布机关的行政层级未知。",
    year_unknown: "无法核对：报告年度未知。",
    no_sections: "无法核对：报告不含正文各部分。",
  },
  editions: { local: "地方统计表", gen2014: "2014年统计表", gen2019: "2019年格式", gen2021: "2021年格式" },
  levels: {
    "state-council-department": "国务院部门",
    province: "省级人民政府",
    prefecture: "设区的市级人民政府",
    county: "县级人民政府",
    township: "乡镇人民政府",
    department: "政府工作部门",
    other: "该机关",
  },
  pass: "通过。",
  fix: {
    "FIX-CELL": "将“{cell}”由 {from} 改为 {to}，可同时满足 {count} 项核对规则。",
    "FIX-BLANK": "在空白的“{cell}”填入 {to}，可同时满足 {count} 项核对规则。",
  },
  import: {
    "IMPORT-NOT-A-REPORT":
      "这不是政府信息公开工作年度报告：没有找到任何统计表，也没有年度报告的标题（已查找 2014 年统计表的“统计指标/收到申请数”、地方表的“本年度/历年累计”、2019/2021 年格式的“本年新收政府信息公开申请数量”“第二十条第（一）项”等标签）。",
    "IMPORT-NO-TABLES": "文档像是年度报告，但没有找到可读的统计表。",
    "IMPORT-NARRATIVE-ONLY":
      "报告中没有统计表（单独发布或以图片发布的统计表无法读取）：已读取标题、年度、{sections} 个正文部分和正文中的数字，只能核对正文；格式“{edition}”是按年度（{year} 年）推定的，不是从表格识别的。",
    "IMPORT-PDF-UNSUPPORTED": "此环境无法读取 PDF 文件。请提供网页（HTML）、Word、表格文件或复制出的文本。",
    "IMPORT-PDF-NO-TEXT": "PDF 共 {pages} 页，但没有文字层（可能是扫描件）：本导入器不做文字识别，未读取任何数字。",
    "IMPORT-PDF-ENCRYPTED": "PDF 受密码保护，无法读取。",
    "IMPORT-PDF-DAMAGED": "PDF 文件已损坏或被截断，无法读取。",
    "IMPORT-PDF-TOO-MANY-PAGES": "PDF 共 {pages} 页，超过读取上限 {limit} 页，未读取。",
    "IMPORT-PDF-GARBLED": "PDF 的字体缺少字符映射，第 {pages} 页提取出的文字是乱码（{total} 个字符中 {garbled} 个）：未把乱码当作数字读取。",
    "IMPORT-PDF-TOO-MANY-ITEMS": "PDF 的文字片段过多（{size} 个，上限 {limit} 个），未读取。",
    "IMPORT-PDF-PAGES-WITHOUT-TEXT": "PDF 第 {pages} 页没有文字层（可能是扫描的图片），这些页上的内容未读取。",
    "IMPORT-PDF-MISSING-DATA": "PDF 需要的字体数据“{name}”不可用，部分文字可能未读出。",
    "IMPORT-PDF-ROTATED-TEXT": "PDF 第 {page} 页有 {count} 段旋转的文字，未按表格读取。",
    "IMPORT-IMAGE": "图片（扫描件）无法读取：本导入器不做文字识别。",
    "IMPORT-BINARY": "输入是无法识别的二进制数据（{what}）。",
    "IMPORT-TOO-LARGE": "输入过大（{size} 字节，上限 {limit} 字节），未读取。",
    "IMPORT-DAMAGED": "文件已损坏或被截断，无法读取。",
    "IMPORT-LIMIT": "文件超出读取上限，未读取：{what}为 {count}，上限 {limit}。",
    "IMPORT-JSON-INVALID": "JSON 不是有效的报告（{count} 处问题，见下）。",
    "IMPORT-NESTING": "HTML 嵌套过深（超过 {limit} 层），更深的内容按文本读取。",
    "IMPORT-EDITION-DETECTED": "根据标签识别为“{edition}”：{labels}。",
    "IMPORT-ROW-MISSING": "未找到“{row.row}”行。",
    "IMPORT-ROW-NO-VALUES": "“{row.row}”行没有读到数值。",
    "IMPORT-ROW-OVERFLOW": "“{row.row}”行有 {got} 个值、多于 {want} 列：多余的值被忽略。",
    "IMPORT-ROW-UNSPLITTABLE": "“{row.row}”行的数字“{raw}”无法拆分成 {want} 个满足表内关系的数。",
    "IMPORT-ROW-BROKEN": "“{row.row}”行的数字“{raw}”只有一种方式拆成 {want} 个数，而这样读出的数并不相加相符：按原文保留该行，由规则报告所发布表格的合计错误。",
    "IMPORT-SPLIT-AMBIGUOUS": "粘连数字的拆分不唯一（{n} 种拆分都满足表内关系）：{cells}；{chosen}。",
    "IMPORT-SPLIT-DECIDED": "粘连数字“{raw}”的拆分由{by}确定。",
    "IMPORT-SPLIT-TRUNCATED": "“{row.row}”行的拆分可能性过多，已停止枚举。",
    "IMPORT-SPLIT-UNVERIFIED":
      "表三有 {missing} 行缺失或无法拆分（粘连数字中可能省略了空白单元格），其余 {count} 个粘连拆分的单元格只能按行合计拆分，无法用列合计与勾稽关系核对。",
    "IMPORT-SPLIT-INCONSISTENT": "表三没有一种拆分能同时满足行合计、列合计与勾稽关系；各行按单独可能性最大的拆分读取。",
    "IMPORT-PLACED-BY-ORDER": "{table}有 {count} 个数值没有标签，按表格固定的行列顺序放置（数量与表内关系均相符）。",
    "IMPORT-CELL-NOT-NUMERIC": "“{cell}”的值“{raw}”不是数字。",
    "IMPORT-NARRATIVE-MISMATCH": "正文说“{text}”（{claimed}），而表中“{cell}”相关数字为 {actual}。",
    "IMPORT-NARRATIVE-BREAKDOWN": "正文列出的分项之和 {sum} 与所述总数 {total} 不符：“{text}”。",
    "IMPORT-XLSX-MAP": "按 _gov_disclosure 工作表的单元格映射读取。",
    "IMPORT-XLSX-BAD-REF": "_gov_disclosure 映射中的“{cell}”指向不存在的位置 {ref}。",
  },
  parse: {
    "PARSE-JSON-SYNTAX": "不是有效的 JSON：第 {position} 个字符附近有语法错误。",
    "PARSE-INVALID-TYPE": "应为{expected}，实为 {received}。",
    "PARSE-INVALID-VALUE": "应为{expected}，实为 {received}。",
    "PARSE-UNKNOWN-KEYS": "未知的键 {keys}：不属于此版本。",
    "PARSE-TOO-SMALL": "过小或过短（下限 {limit}），实为 {received}。",
    "PARSE-TOO-BIG": "过大或过长（上限 {limit}），实为 {received}。",
    "PARSE-NOT-INTEGER": "“{cell}”应为整数，实为 {received}。",
    "PARSE-UNSAFE-INTEGER": "“{cell}”超出可精确表示的整数范围（{received}）；金额请写成十进制字符串。",
    "PARSE-NOT-DECIMAL": "“{cell}”的金额应写成十进制字符串，实为 {received}。",
    "PARSE-INEXACT-NUMBER": "数字 {received} 无法精确表示（{why}），未按近似值读取；请写成十进制字符串。",
    "PARSE-UNKNOWN-CELL": "“{id}”不是“{edition}”的单元格。",
    "PARSE-DUPLICATE-ROW": "行标识“{id}”重复使用。",
    "PARSE-UNKNOWN-PARENT": "上级行“{id}”不是本表的行。",
    "PARSE-INVALID": "值无效：{received}。",
  },
  expected: {
    json: "有效的 JSON",
    integer: "整数",
    "safe-integer": "可精确表示的整数",
    "decimal-string": "十进制字符串",
    "count-value": "整数、文字或 null",
    "money-value": "十进制字符串、数字或 null",
    "known-keys": "已知的键",
    "one-of-forms": "允许的取值形式之一",
    "unique-row-id": "不重复的行标识",
    "row-id": "本表另一行的标识",
    "cell-id": "本版本的单元格标识",
    string: "文字",
    number: "数字",
    object: "对象",
    array: "数组",
    boolean: "布尔值",
    value: "有效的值",
  },
  binary: {
    control: "含控制字符",
    ole: "旧版 .doc/.xls 格式，请另存为 .docx 或 .xlsx",
    zip: "既不是 .docx 也不是 .xlsx 的压缩包",
    "not-text": "不是文本",
    type: "不是文本也不是字节",
  },
  evidence: {
    unique: "唯一合法拆分",
    "row-total": "行合计",
    "column-sum": "列合计",
    balance: "勾稽关系",
    "block-sum": "分块合计",
    narrative: "正文数字",
    previous: "上一年度报告",
    "children-sum": "分项之和",
    order: "行序",
    prior: "常见取值",
    "no-leading-zero": "无前导零",
  },
  chosen: { "most-plausible": "已按可能性最大的拆分填入，请核对原文", blank: "相关单元格留空" },
  limits: {
    "zip-entries": "压缩包条目数",
    "zip-bytes": "解压后的字节数",
    "zip-entry-size": "单个条目解压后的字节数",
    "xlsx-cells": "工作表的单元格与行数",
    "xlsx-merges": "合并单元格区域数",
    "xlsx-merged-area": "合并单元格覆盖的单元格数",
    "grid-cells": "表格展开后的单元格数",
    "grid-text": "表格单元格文字的字符数",
    "pdf-inflated-bytes": "PDF 解压后的字节数",
    "pdf-time": "读取 PDF 所用的毫秒数",
  },
  inexact: { digits: "位数超过双精度数能容纳的范围", underflow: "数值过小，会变成 0", overflow: "数值过大" },
  uncertain: "（涉及的单元格中有 {count} 个是导入时推断的，不一定是原文数字：{cells}）",
  units: { 元: "元", 万元: "万元", "?": "未注明" },
  quotesPart: "该数字与“{quotes}”相同，正文可能只引用了其中一部分。",
  tables: { t2: "表二（主动公开）", t3: "表三（依申请公开）", t4: "表四（行政复议、行政诉讼）", old: "政府信息公开情况统计表", local: "统计表" },
  listSeparator: "、",
};
