import type { Edition } from "../editions";
import type { Level } from "../report";
import type { NotAssessableReason, RuleId } from "../rules/ids";

/** A locale's message table: one template per rule id, per not-assessable reason, plus small label tables. */
export interface MessageTable {
  readonly rules: Readonly<Record<RuleId, string>>;
  readonly reasons: Readonly<Record<NotAssessableReason, string>>;
  readonly editions: Readonly<Record<Edition, string>>;
  readonly levels: Readonly<Record<Level, string>>;
  readonly pass: string;
  readonly correction: string;
  readonly correctionBlank: string;
}

/** Chinese (zh-CN) messages, the default locale. Placeholders in braces are filled from the finding's params. */
export const zhCN: MessageTable = {
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
  correction: "将“{cell}”由 {from} 改为 {to}，可同时满足 {count} 项核对规则。",
  correctionBlank: "在空白的“{cell}”填入 {to}，可同时满足 {count} 项核对规则。",
};
