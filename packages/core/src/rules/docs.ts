// The documentation of every rule: where it comes from (basis) and what it states (formula). Kept apart from the rules'
// logic so that the validator entry (`@gov-disclosure/core/validator`), which runs the rules, does not carry their text.
import type { RuleId } from "./ids";
import { RULE_LOGIC } from "./catalogue";
import type { RuleDef, RuleDocs } from "./types";

/** The basis and formula of every rule, by id. */
export const RULE_DOCS: Readonly<Record<RuleId, RuleDocs>> = {
  "CELL-NOT-NUMERIC": {
    basis: { zh: "统计表单元格应为数字、空白、“—”“/”或“无”", en: "a statistics cell holds a number, a blank, a dash or “none”" },
    formula: "a numeric cell holds other text; rules that read it are not assessed",
  },
  "TOTAL-MISSING": {
    basis: { zh: "合计项留空而分项有数", en: "a total left blank while its parts hold numbers" },
    formula: "a total cell (other than table 三) is blank while its parts are not: the derived value is offered and used",
  },
  "META-GEN-DETECT": {
    basis: { zh: "国办公开办函〔2019〕60号、〔2021〕30号规定的适用年度", en: "the years each format applies to" },
    formula: "the edition of the tables matches the year covered (gen2014: 2014–2018, gen2019: 2019–2020, gen2021: 2021+, local: before 2019)",
  },
  "META-SECTIONS": {
    basis: { zh: "《政府信息公开条例》第五十条；年度报告格式六部分", en: "Regulations Art. 50; the six sections of the format" },
    formula: "sections 一 to 六 are present: 总体情况, 主动公开, 收到和处理申请, 行政复议和行政诉讼, 问题及改进, 其他需要报告的事项",
  },
  "META-PERIOD": {
    basis: { zh: "统计期限为报告年度1月1日至12月31日", en: "statistics cover 1 January to 31 December of the report year" },
    formula: "a period stated as YYYY年1月1日 … YYYY年12月31日 names the report year",
  },
  "META-EMPTY-SECTION": {
    basis: { zh: "第五、六部分仅写“无”", en: "sections 5 or 6 say only “none”" },
    formula: "section 五 or 六 is just 无 (normal for 六; poor practice for 五)",
  },
  "YOY-IDENTICAL": {
    basis: { zh: "逐年数据完全相同，疑为照抄上年（东莞市统计局2008–2010年）", en: "every number equals last year's: likely copied (seen in real reports)" },
    formula: "every numeric cell equals the previous year's report, and at least one is non-zero",
  },
  "OLD-SUBSET": {
    basis: { zh: "“其中”项不大于其所属总数", en: "an “of which” row is at most its parent" },
    formula: "every 其中 row ≤ its parent row, in each column",
  },
  "LOCAL-ITEMS-SUM": {
    basis: {
      zh: "“其中”各项之和一般等于总数（列举不全时可小于）",
      en: "the “of which” rows usually add up to their parent (less when the list is not exhaustive)",
    },
    formula: "parent row = Σ its 其中 rows, in each column",
  },
  "LOCAL-CUM-GE-CURRENT": {
    basis: { zh: "历年累计包含本年度", en: "the cumulative figure includes this year's" },
    formula: "本年度 ≤ 历年累计, per row",
  },
  "LOCAL-CUM-YOY": {
    basis: {
      zh: "历年累计(y) = 历年累计(y−1) + 本年度(y)（累计数有时会重置）",
      en: "cumulative(y) = cumulative(y−1) + this year (cumulative counts do get reset)",
    },
    formula: "历年累计(y) = 历年累计(y−1) + 本年度(y), per row matched by label",
  },
  "OLD-INT": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：统计数为非负整数，经费以万元计",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): counts are whole numbers ≥ 0; money in 10,000 yuan ≥ 0",
    },
    formula: "every count is an integer ≥ 0; every 万元 amount is a decimal ≥ 0",
  },
  "OLD-PUB-CHAN-UPPER": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（一）主动公开政府信息数“不同渠道和方式公开相同信息计1条”",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (1) same information via several channels counts once",
    },
    formula: "A1 ≤ A2_1 + A2_2 + A2_3 + A2_4 + A2_5",
  },
  "OLD-PUB-CHAN-LOWER": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（一）为去重后的总数，不小于任一渠道",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (1) is a de-duplicated total, at least any one channel",
    },
    formula: "A1 ≥ max(A2_1 … A2_5)",
  },
  "OLD-PUB-CHAN-NODEDUP": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：各渠道之和等于总数，即未声明任何跨渠道重复",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): channels add up to the total: no cross-channel duplicates claimed",
    },
    formula: "A1 = A2_1 + A2_2 + A2_3 + A2_4 + A2_5 with two or more channels in use",
  },
  "OLD-PUB-NORM-SUBSET": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：“其中：主动公开规范性文件数”是（一）的一部分",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): “of which: normative documents” is part of (1)",
    },
    formula: "A1a ≤ A1",
  },
  "OLD-PUB-NORM-ISSUED": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：公开的规范性文件一般不多于制发的（往年文件可在后一年公开）",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): published normative documents rarely exceed those issued",
    },
    formula: "A1a ≤ A1b",
  },
  "OLD-RESP-LEAD-PRESS": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：“其中：主要负责同志参加新闻发布会次数”",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): “of which: with the principal official”",
    },
    formula: "B2_1a ≤ B2_1",
  },
  "OLD-RESP-LEAD-INTERVIEW": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：“其中：主要负责同志参加政府网站在线访谈次数”",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): “of which: with the principal official”",
    },
    formula: "B2_2a ≤ B2_2",
  },
  "OLD-RESP-HOTSPOT-UPPER": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（一）回应数“不同方式回应同一热点或舆情计1次”",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (1) one topic answered several ways counts once",
    },
    formula: "B1 ≤ B2_1 + B2_2 + B2_3 + B2_4 + B2_5",
  },
  "OLD-APP-CHANNEL-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（一）收到申请数按渠道分列",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (1) applications by channel",
    },
    formula: "C1 = C1_1 + C1_2 + C1_3 + C1_4",
  },
  "OLD-APP-DONE-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（二）申请办结数 = 按时 + 延期",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (2) completed = on time + extended",
    },
    formula: "C2 = C2_1 + C2_2",
  },
  "OLD-APP-REPLY-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（三）申请答复数按答复类型分列",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (3) replies by type",
    },
    formula: "C3 = C3_1 + C3_2 + C3_3 + C3_4 + C3_5 + C3_6 + C3_7 + C3_8",
  },
  "OLD-APP-DENY-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：4.不同意公开答复数“其中”各项（含兜底项）",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): 4. refusals by reason (with a catch-all)",
    },
    formula: "C3_4 = C3_4a + C3_4b + C3_4c + C3_4d + C3_4e + C3_4f",
  },
  "OLD-APP-DONE-REPLY": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：办结数与答复数描述同一批已办结申请",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): completed and replied describe the same finished applications",
    },
    formula: "C2 = C3",
  },
  "OLD-APP-DONE-LE-RECEIVED": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：旧表无结转行，上年申请可在本年办结",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): no carry-over rows; last year's applications may finish this year",
    },
    formula: "C2 ≤ C1",
  },
  "OLD-REVIEW-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：四、行政复议数量按结果分列",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): 4. reconsiderations by outcome",
    },
    formula: "D = D1 + D2 + D3",
  },
  "OLD-LITIG-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：五、行政诉讼数量按结果分列",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): 5. lawsuits by outcome",
    },
    formula: "E = E1 + E2 + E3",
  },
  "OLD-STAFF-SUM": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：（三）从事政府信息公开工作人员数 = 专职 + 兼职",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): (3) staff = full-time + part-time",
    },
    formula: "H3 = H3_1 + H3_2",
  },
  "OLD-TRAIN-PLAUSIBLE": {
    basis: {
      zh: "政府信息公开情况统计表（国办发〔2014〕32号）：举办培训班应有人参加",
      en: "2014–2018 statistics table (State Council Office 2014 No. 32): a training course has attendees",
    },
    formula: "I2 > 0 ⇒ I3 > 0",
  },
  "T2-INT": {
    basis: { zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：第二十条各项数量", en: "2019 and 2021 formats: Art. 20 counts" },
    formula: "every count is an integer ≥ 0 (本年增/减 may be negative); every amount is a decimal ≥ 0",
  },
  "T2-19-PUB-LE-TOTAL": {
    basis: { zh: "国办公开办函〔2019〕60号：第二十条第（一）项", en: "2019 format: Art. 20 item (1)" },
    formula: "本年新公开数量 ≤ 对外公开总数量, per row",
  },
  "T2-19-ITEMS-NONNEG": {
    basis: { zh: "国办公开办函〔2019〕60号：第二十条第（五）（六）（八）项", en: "2019 format: Art. 20 items (5), (6), (8)" },
    formula: "上一年项目数量 + 本年增/减 ≥ 0, per row",
  },
  "T2-19-PROC-ZERO": {
    basis: { zh: "国办公开办函〔2019〕60号：第二十条第（九）项", en: "2019 format: Art. 20 item (9)" },
    formula: "采购项目数量 = 0 ⇒ 采购总金额 = 0",
  },
  "T2-19-PROC-UNIT": {
    basis: { zh: "国办公开办函〔2019〕60号：采购总金额未规定单位", en: "2019 format: the total procurement amount has no unit in the header" },
    formula: "unit of 采购总金额 as written in the cell: 元, 万元 or unknown",
  },
  "T2-21-VALID-YOY": {
    basis: { zh: "国办公开办函〔2021〕30号：第二十条第（一）项", en: "2021 format: Art. 20 item (1)" },
    formula: "现行有效件数(y) = 现行有效件数(y−1) + 本年制发件数(y) − 本年废止件数(y), per row",
  },
  "T2-21-VALID-GE": {
    basis: { zh: "国办公开办函〔2021〕30号：第二十条第（一）项", en: "2021 format: Art. 20 item (1)" },
    formula: "本年废止件数 ≤ 现行有效件数(y−1) + 本年制发件数, per row",
  },
  "T2-RULE-AUTHORITY": {
    basis: {
      zh: "《立法法》：规章由国务院部门、省级和设区的市级人民政府制定",
      en: "Legislation Law: rules are made by State Council departments, provincial and city governments",
    },
    formula: "规章 row is 0 or blank unless the body is a State Council department, a provincial or a 设区的市 government",
  },
  "T2-21-FEE-MAGNITUDE": {
    basis: { zh: "国办公开办函〔2021〕30号：本年收费金额（单位：万元）", en: "2021 format: fees in 10,000 yuan" },
    formula: "行政事业性收费 is in 万元: flag 元 written in the cell, or an amount that looks like 元 (township > 10 000; anyone > 1 000 000)",
  },
  "T3-INT": {
    basis: { zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：三、申请件数", en: "2019 and 2021 formats: table 3 counts" },
    formula: "every cell of table 三 is an integer ≥ 0",
  },
  "T3-OUTCOME-SUM": {
    basis: {
      zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：三、（七）总计；（二）“区分处理的，只计这一情形，不计其他情形”",
      en: "2019 and 2021 formats: table 3 (7) Total; outcomes are exclusive",
    },
    formula:
      "for each column c: （七）总计(c) = （一）(c) + （二）(c) + Σ（三）1–8(c) + Σ（四）1–3(c) + Σ（五）1–5(c) + （六）(c) [2019] or Σ（六）1–3(c) [2021]",
  },
  "T3-BALANCE": {
    basis: {
      zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：表三表头“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”",
      en: "2019 and 2021 formats: the note printed in table 3's header (“I + II = III + IV for every column”)",
    },
    formula: "for each column c: 一(c) + 二(c) = （七）总计(c) + 四(c)",
  },
  "T3-ROW-TOTAL": {
    basis: { zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：三、申请人情况“总计”列", en: "2019 and 2021 formats: table 3 Total column" },
    formula: "for each row r: 总计(r) = 自然人(r) + 商业企业(r) + 科研机构(r) + 社会公益组织(r) + 法律服务机构(r) + 其他(r)",
  },
  "T3-TOTAL-MISSING": {
    basis: { zh: "上海市政府办公厅2019年报总计列留空", en: "Totals left blank in published reports (Shanghai 2019)" },
    formula: "a 总计 cell of table 三 is blank while its components are not: the derived value is offered and used",
  },
  "T3-OTHER-SPLIT": {
    basis: { zh: "国办公开办函〔2021〕30号将（六）其他处理拆为三行", en: "the 2021 format split (6) Other handling into three rows" },
    formula: "a report for 2021 or later uses the single （六） row of 2019, or a 2019/2020 report uses the three （六） rows of 2021",
  },
  "T3-YOY-CARRY": {
    basis: {
      zh: "上年“结转下年度继续办理”即本年“上年结转”（未见明文规定）",
      en: "last year's carried-forward applications are this year's carried-in (expected, not written)",
    },
    formula: "for each column c: 二、上年结转(y, c) = 四、结转下年度继续办理(y−1, c)",
  },
  "T4-INT": {
    basis: { zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：四、行政复议、行政诉讼件数", en: "2019 and 2021 formats: table 4 counts" },
    formula: "the 15 cells of table 四 are integers ≥ 0",
  },
  "T4-REVIEW-SUM": {
    basis: { zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：四、行政复议“总计”", en: "2019 and 2021 formats: table 4 reconsideration Total" },
    formula: "行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
  },
  "T4-LIT-DIRECT-SUM": {
    basis: {
      zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：四、未经复议直接起诉“总计”",
      en: "2019 and 2021 formats: table 4 direct litigation Total",
    },
    formula: "未经复议直接起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
  },
  "T4-LIT-AFTER-SUM": {
    basis: {
      zh: "国办公开办函〔2019〕60号、国办公开办函〔2021〕30号：四、复议后起诉“总计”",
      en: "2019 and 2021 formats: table 4 litigation after reconsideration Total",
    },
    formula: "复议后起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
  },
  "NARR-PUB-TOTAL": {
    basis: { zh: "正文与统计表一致：主动公开总数", en: "narrative agrees with the table: proactive disclosure total" },
    formula: "stated total of proactively disclosed information = 主动公开 total cell",
  },
  "NARR-PUB-CHANNEL": {
    basis: { zh: "正文与统计表一致：各渠道公开数", en: "narrative agrees with the table: disclosure per channel" },
    formula: "stated count per channel = the channel's cell",
  },
  "NARR-APP-RECEIVED": {
    basis: { zh: "正文与统计表一致：收到申请数", en: "narrative agrees with the table: applications received" },
    formula: "stated applications received = 收到申请数 / 一、本年新收 总计",
  },
  "NARR-APP-CHANNEL": {
    basis: { zh: "正文与统计表一致：各渠道申请数", en: "narrative agrees with the table: applications per channel" },
    formula: "stated applications per channel = the channel's cell",
  },
  "NARR-APP-CARRY-IN": {
    basis: { zh: "正文与统计表一致：上年结转", en: "narrative agrees with the table: carried in" },
    formula: "stated carried-in applications = 二、上年结转 总计",
  },
  "NARR-APP-DONE": {
    basis: { zh: "正文与统计表一致：办结数", en: "narrative agrees with the table: applications completed" },
    formula: "stated applications completed = （七）总计 (or 申请办结数 / 申请答复数)",
  },
  "NARR-APP-CARRY-OUT": {
    basis: { zh: "正文与统计表一致：结转下年度", en: "narrative agrees with the table: carried forward" },
    formula: "stated carried-forward applications = 四、结转下年度继续办理 总计",
  },
  "NARR-APP-OUTCOME": {
    basis: { zh: "正文与统计表一致：各类办理结果", en: "narrative agrees with the table: outcomes" },
    formula: "stated count of an outcome (予以公开, 不予公开, 无法提供, …) = its row or group in the 总计 column",
  },
  "NARR-REVIEW": {
    basis: { zh: "正文与统计表一致：行政复议", en: "narrative agrees with the table: reconsiderations" },
    formula: "stated reconsiderations = 行政复议 total",
  },
  "NARR-LITIG": {
    basis: { zh: "正文与统计表一致：行政诉讼", en: "narrative agrees with the table: lawsuits" },
    formula: "stated lawsuits = 行政诉讼 totals",
  },
  "NARR-NORM-DOCS": {
    basis: { zh: "正文与统计表一致：规范性文件数", en: "narrative agrees with the table: normative documents" },
    formula: "stated normative documents / rules = their cells",
  },
  "NARR-PRESS": {
    basis: { zh: "正文与统计表一致：新闻发布会次数", en: "narrative agrees with the table: press conferences" },
    formula: "stated press conferences = 新闻发布会 cells",
  },
  "NARR-FEE": {
    basis: { zh: "正文与统计表一致：收费情况", en: "narrative agrees with the table: fees" },
    formula: "“未收取费用” ⇔ 七、依申请公开信息收取的费用 = 0; a stated fee = the cell",
  },
};

/** The rule catalogue, in the order of `RULE_IDS`: every rule as data, with its basis and formula. */
export const RULES: readonly RuleDef[] = RULE_LOGIC.map((r) => ({ ...r, ...RULE_DOCS[r.id] }));

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this id, with its basis and formula. */
export const ruleById = (id: RuleId): RuleDef => BY_ID.get(id) as RuleDef;
