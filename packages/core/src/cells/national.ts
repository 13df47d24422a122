import type { Edition } from "../editions";
import { type Axis, type CellDef, grid, type TableDef } from "./types";

const ax = (id: string, path: readonly string[], pathEn: readonly string[]): Axis => ({ id, path, pathEn });

// ---- Section 二: 主动公开政府信息情况 -------------------------------------------------------------

const T2 = "二、主动公开政府信息情况";
const ART = (n: string) => `第二十条第（${n}）项`;
const NUMERALS: Readonly<Record<string, string>> = { 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };
const ARTEN = (n: string) => `Art. 20 item (${NUMERALS[n] ?? n})`;

const t2Block = (
  item: string,
  rows: readonly [string, string, string][],
  cols: readonly [string, string, string][],
  unit: CellDef["unit"],
  kind: (col: string) => CellDef["kind"],
): CellDef[] =>
  grid(
    "t2",
    rows.map(([id, zh, en]) => ax(id, [T2, ART(item), zh], ["2. Proactive disclosure", ARTEN(item), en])),
    cols.map(([id, zh, en]) => ax(id, [zh], [en])),
    unit,
    (_r, c) => kind(c.id),
  );

const count = () => "count" as const;
const signedChange = (c: string) => (c === "change" ? "signed" : "count");
/** The columns of 2019's items (五)(六)(八): items last year, change (signed), decisions. */
const ITEM_COLUMNS: readonly [string, string, string][] = [
  ["prev", "上一年项目数量", "Items last year"],
  ["change", "本年增/减", "Change this year (±)"],
  ["decisions", "处理决定数量", "Decisions"],
];

/** Section 二 of the 2019 format (60号). */
export const T2_2019_CELLS: readonly CellDef[] = [
  ...t2Block(
    "一",
    [
      ["rules", "规章", "Government rules"],
      ["normative", "规范性文件", "Normative documents"],
    ],
    [
      ["made", "本年新制作数量", "Made this year"],
      ["published", "本年新公开数量", "Published this year"],
      ["total", "对外公开总数量", "Total published"],
    ],
    "件",
    count,
  ),
  ...t2Block(
    "五",
    [
      ["licensing", "行政许可", "Administrative licensing"],
      ["services", "其他对外管理服务事项", "Other external management services"],
    ],
    ITEM_COLUMNS,
    "件",
    signedChange,
  ),
  ...t2Block(
    "六",
    [
      ["penalty", "行政处罚", "Administrative penalties"],
      ["coercion", "行政强制", "Administrative coercion"],
    ],
    ITEM_COLUMNS,
    "件",
    signedChange,
  ),
  ...t2Block("八", [["fees", "行政事业性收费", "Administrative fees"]], ITEM_COLUMNS.slice(0, 2), "件", signedChange),
  ...t2Block(
    "九",
    [["procurement", "政府集中采购", "Centralised government procurement"]],
    [["projects", "采购项目数量", "Procurement projects"]],
    "个",
    count,
  ),
  ...t2Block(
    "九",
    [["procurement", "政府集中采购", "Centralised government procurement"]],
    [["amount", "采购总金额", "Total procurement amount"]],
    "",
    () => "money",
  ),
];

/** Section 二 of the 2021 format (30号). */
export const T2_2021_CELLS: readonly CellDef[] = [
  ...t2Block(
    "一",
    [
      ["rules", "规章", "Government rules"],
      ["normative", "行政规范性文件", "Administrative normative documents"],
    ],
    [
      ["issued", "本年制发件数", "Issued this year"],
      ["repealed", "本年废止件数", "Repealed this year"],
      ["in_force", "现行有效件数", "In force"],
    ],
    "件",
    count,
  ),
  ...t2Block("五", [["licensing", "行政许可", "Administrative licensing"]], [["decisions", "本年处理决定数量", "Decisions this year"]], "件", count),
  ...t2Block(
    "六",
    [
      ["penalty", "行政处罚", "Administrative penalties"],
      ["coercion", "行政强制", "Administrative coercion"],
    ],
    [["decisions", "本年处理决定数量", "Decisions this year"]],
    "件",
    count,
  ),
  ...t2Block(
    "八",
    [["fees", "行政事业性收费", "Administrative fees"]],
    [["amount", "本年收费金额（单位：万元）", "Fees collected this year (10,000 yuan)"]],
    "万元",
    () => "money",
  ),
];

// ---- Section 三: 收到和处理政府信息公开申请情况 ----------------------------------------------------

const T3 = "三、收到和处理政府信息公开申请情况";
const T3EN = "3. Applications received and handled";
const RESULT = "三、本年度办理结果";
const RESULTEN = "III. Outcomes this year";
const DENIED = "（三）不予公开";
const UNABLE = "（四）无法提供";
const REJECTED = "（五）不予处理";
const OTHER = "（六）其他处理";

/** The 勾稽关系 note printed in the top-left cell of table 三 (both formats), in Chinese and English. */
export const T3_BALANCE_NOTE = {
  zh: "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
  en: "In each column: I + II = III + IV",
} as const;

/** The applicant columns of table 三 (自然人 … 总计). */
export const T3_COLUMNS: readonly Axis[] = [
  ax("natural", ["申请人情况", "自然人"], ["Applicant", "Natural persons"]),
  ax("business", ["申请人情况", "法人或其他组织", "商业企业"], ["Applicant", "Legal persons or organisations", "Businesses"]),
  ax("research", ["申请人情况", "法人或其他组织", "科研机构"], ["Applicant", "Legal persons or organisations", "Research institutions"]),
  ax("nonprofit", ["申请人情况", "法人或其他组织", "社会公益组织"], ["Applicant", "Legal persons or organisations", "Public-interest organisations"]),
  ax("legal", ["申请人情况", "法人或其他组织", "法律服务机构"], ["Applicant", "Legal persons or organisations", "Legal service providers"]),
  ax("other", ["申请人情况", "法人或其他组织", "其他"], ["Applicant", "Legal persons or organisations", "Others"]),
  ax("total", ["申请人情况", "总计"], ["Applicant", "Total"]),
];

const r3 = (id: string, path: readonly string[], pathEn: readonly string[]) => ax(id, [T3, ...path], [T3EN, ...pathEn]);
const sub = (id: string, group: string, groupEn: string, zh: string, en: string) => r3(id, [RESULT, group, zh], [RESULTEN, groupEn, en]);

const T3_HEAD: readonly Axis[] = [
  r3("new", ["一、本年新收政府信息公开申请数量"], ["I. New applications this year"]),
  r3("carry_in", ["二、上年结转政府信息公开申请数量"], ["II. Carried over from last year"]),
  r3("granted", [RESULT, "（一）予以公开"], [RESULTEN, "(1) Disclosed"]),
  r3("partial", [RESULT, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], [RESULTEN, "(2) Partly disclosed (counted here only)"]),
  sub("denied_1", DENIED, "(3) Not disclosed", "1.属于国家秘密", "1. State secret"),
  sub("denied_2", DENIED, "(3) Not disclosed", "2.其他法律行政法规禁止公开", "2. Barred by other laws or regulations"),
  sub("denied_3", DENIED, "(3) Not disclosed", "3.危及“三安全一稳定”", "3. Endangers security or stability"),
  sub("denied_4", DENIED, "(3) Not disclosed", "4.保护第三方合法权益", "4. Protects third-party rights"),
  sub("denied_5", DENIED, "(3) Not disclosed", "5.属于三类内部事务信息", "5. Internal affairs"),
  sub("denied_6", DENIED, "(3) Not disclosed", "6.属于四类过程性信息", "6. Process information"),
  sub("denied_7", DENIED, "(3) Not disclosed", "7.属于行政执法案卷", "7. Law-enforcement case files"),
  sub("denied_8", DENIED, "(3) Not disclosed", "8.属于行政查询事项", "8. Administrative inquiry matters"),
  sub("unable_1", UNABLE, "(4) Cannot be provided", "1.本机关不掌握相关政府信息", "1. Not held by this agency"),
  sub("unable_2", UNABLE, "(4) Cannot be provided", "2.没有现成信息需要另行制作", "2. Would have to be created"),
  sub("unable_3", UNABLE, "(4) Cannot be provided", "3.补正后申请内容仍不明确", "3. Still unclear after correction"),
  sub("rejected_1", REJECTED, "(5) Not processed", "1.信访举报投诉类申请", "1. Petitions, reports, complaints"),
  sub("rejected_2", REJECTED, "(5) Not processed", "2.重复申请", "2. Repeated application"),
  sub("rejected_3", REJECTED, "(5) Not processed", "3.要求提供公开出版物", "3. Asks for a publication"),
  sub("rejected_4", REJECTED, "(5) Not processed", "4.无正当理由大量反复申请", "4. Excessive repeated applications"),
  sub("rejected_5", REJECTED, "(5) Not processed", "5.要求行政机关确认或重新出具已获取信息", "5. Asks to confirm or re-issue information already obtained"),
];

const T3_OTHER_2019: readonly Axis[] = [r3("other", [RESULT, OTHER], [RESULTEN, "(6) Other handling"])];
const T3_OTHER_2021: readonly Axis[] = [
  sub(
    "other_1",
    OTHER,
    "(6) Other handling",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "1. No correction in time; not processed further",
  ),
  sub(
    "other_2",
    OTHER,
    "(6) Other handling",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "2. Fee not paid in time; not processed further",
  ),
  sub("other_3", OTHER, "(6) Other handling", "3.其他", "3. Other"),
];
const T3_TAIL: readonly Axis[] = [
  r3("total", [RESULT, "（七）总计"], [RESULTEN, "(7) Total"]),
  r3("carry_out", ["四、结转下年度继续办理"], ["IV. Carried over to next year"]),
];

/** Row ids of table 三 for an edition, in printed order. */
export const T3_ROWS: Readonly<Record<"gen2019" | "gen2021", readonly Axis[]>> = {
  gen2019: [...T3_HEAD, ...T3_OTHER_2019, ...T3_TAIL],
  gen2021: [...T3_HEAD, ...T3_OTHER_2021, ...T3_TAIL],
};

/** The outcome rows of table 三 whose sum is （七）总计. */
export const T3_OUTCOME_ROWS: Readonly<Record<"gen2019" | "gen2021", readonly string[]>> = {
  gen2019: T3_ROWS.gen2019.map((r) => r.id).filter((id) => !["new", "carry_in", "total", "carry_out"].includes(id)),
  gen2021: T3_ROWS.gen2021.map((r) => r.id).filter((id) => !["new", "carry_in", "total", "carry_out"].includes(id)),
};

// ---- Section 四: 行政复议、行政诉讼 ---------------------------------------------------------------

const T4 = "四、政府信息公开行政复议、行政诉讼情况";
const T4EN = "4. Administrative reconsideration and litigation";
const T4_ROWS: readonly Axis[] = [
  ax("review", [T4, "行政复议"], [T4EN, "Administrative reconsideration"]),
  ax("direct", [T4, "行政诉讼", "未经复议直接起诉"], [T4EN, "Litigation", "Sued directly"]),
  ax("after_review", [T4, "行政诉讼", "复议后起诉"], [T4EN, "Litigation", "Sued after reconsideration"]),
];
/** The five columns of each block of table 四. */
export const T4_COLUMNS: readonly Axis[] = [
  ax("upheld", ["结果维持"], ["Upheld"]),
  ax("corrected", ["结果纠正"], ["Corrected"]),
  ax("other", ["其他结果"], ["Other result"]),
  ax("pending", ["尚未审结"], ["Pending"]),
  ax("total", ["总计"], ["Total"]),
];
/** The three blocks of table 四. */
export const T4_BLOCKS = T4_ROWS.map((r) => r.id);

const t3 = (edition: "gen2019" | "gen2021") => grid("t3", T3_ROWS[edition], T3_COLUMNS, "件");
const t4 = () => grid("t4", T4_ROWS, T4_COLUMNS, "件");

const tables = (edition: "gen2019" | "gen2021", t2: readonly CellDef[]): TableDef[] => [
  { id: "t2", edition, title: T2, titleEn: "2. Proactive disclosure", cells: t2 },
  { id: "t3", edition, title: T3, titleEn: T3EN, cells: t3(edition) },
  { id: "t4", edition, title: T4, titleEn: T4EN, cells: t4() },
];

/** Tables of the 2019 format. */
export const GEN2019_TABLES: readonly TableDef[] = tables("gen2019", T2_2019_CELLS);
/** Tables of the 2021 format. */
export const GEN2021_TABLES: readonly TableDef[] = tables("gen2021", T2_2021_CELLS);

/** Pseudo-cells for the table-三 groups that have no cell of their own (（三）不予公开 …): `t3.denied.<col>`. */
export const T3_GROUPS: readonly CellDef[] = (
  [
    ["denied", DENIED, "(3) Not disclosed"],
    ["unable", UNABLE, "(4) Cannot be provided"],
    ["rejected", REJECTED, "(5) Not processed"],
    ["other", OTHER, "(6) Other handling"],
    ["disclosed", "（一）予以公开与（二）部分公开合计", "(1) Disclosed and (2) partly disclosed together"],
  ] as const
).flatMap(([id, zh, en]) => grid("t3", [r3(id, [RESULT, zh], [RESULTEN, en])], T3_COLUMNS, "件"));

/** The edition-independent ids of 2019+ editions, for callers that only know they hold a national table. */
export type NationalEdition = Extract<Edition, "gen2019" | "gen2021">;
