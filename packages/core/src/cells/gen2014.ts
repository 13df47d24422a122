import type { CellDef, CellKind, TableDef, Unit } from "./types";

interface OldRow {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly unit: Unit;
  /** Header rows ("——" in unit and value) hold no number and get no cell. */
  readonly header?: boolean;
  readonly parent?: string;
}

const A = "一、主动公开情况";
const B = "二、回应解读情况";
const C = "三、依申请公开情况";
const H = "八、机构建设和保障经费情况";
const I = "九、政府信息公开会议和培训情况";

/** The 65 rows of the 政府信息公开情况统计表 (2014–2018), header rows included, in printed order. */
export const OLD_ROWS: readonly OldRow[] = [
  { id: "A", zh: A, en: "1. Proactive disclosure", unit: "", header: true },
  {
    id: "A1",
    zh: "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）",
    en: "(1) Information proactively disclosed (same item via several channels counts once)",
    unit: "条",
    parent: "A",
  },
  { id: "A1a", zh: "其中：主动公开规范性文件数", en: "of which: normative documents disclosed", unit: "条", parent: "A1" },
  { id: "A1b", zh: "制发规范性文件总数", en: "Normative documents issued", unit: "件", parent: "A" },
  { id: "A2", zh: "（二）通过不同渠道和方式公开政府信息的情况", en: "(2) Disclosure by channel", unit: "", header: true, parent: "A" },
  { id: "A2_1", zh: "1.政府公报公开政府信息数", en: "1. Via the government gazette", unit: "条", parent: "A2" },
  { id: "A2_2", zh: "2.政府网站公开政府信息数", en: "2. Via government websites", unit: "条", parent: "A2" },
  { id: "A2_3", zh: "3.政务微博公开政府信息数", en: "3. Via government microblogs", unit: "条", parent: "A2" },
  { id: "A2_4", zh: "4.政务微信公开政府信息数", en: "4. Via government WeChat accounts", unit: "条", parent: "A2" },
  { id: "A2_5", zh: "5.其他方式公开政府信息数", en: "5. Via other channels", unit: "条", parent: "A2" },
  { id: "B", zh: B, en: "2. Responses and interpretation", unit: "", header: true },
  {
    id: "B1",
    zh: "（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）",
    en: "(1) Responses to public concerns (one topic counts once)",
    unit: "次",
    parent: "B",
  },
  { id: "B2", zh: "（二）通过不同渠道和方式回应解读的情况", en: "(2) Responses and interpretation by channel", unit: "", header: true, parent: "B" },
  { id: "B2_1", zh: "1.参加或举办新闻发布会总次数", en: "1. Press conferences held or attended", unit: "次", parent: "B2" },
  { id: "B2_1a", zh: "其中：主要负责同志参加新闻发布会次数", en: "of which: attended by the principal official", unit: "次", parent: "B2_1" },
  { id: "B2_2", zh: "2.政府网站在线访谈次数", en: "2. Online interviews on government websites", unit: "次", parent: "B2" },
  { id: "B2_2a", zh: "其中：主要负责同志参加政府网站在线访谈次数", en: "of which: with the principal official", unit: "次", parent: "B2_2" },
  { id: "B2_3", zh: "3.政策解读稿件发布数", en: "3. Policy interpretation pieces published", unit: "篇", parent: "B2" },
  { id: "B2_4", zh: "4.微博微信回应事件数", en: "4. Events answered on microblog or WeChat", unit: "次", parent: "B2" },
  { id: "B2_5", zh: "5.其他方式回应事件数", en: "5. Events answered by other means", unit: "次", parent: "B2" },
  { id: "C", zh: C, en: "3. Disclosure on request", unit: "", header: true },
  { id: "C1", zh: "（一）收到申请数", en: "(1) Applications received", unit: "件", parent: "C" },
  { id: "C1_1", zh: "1.当面申请数", en: "1. In person", unit: "件", parent: "C1" },
  { id: "C1_2", zh: "2.传真申请数", en: "2. By fax", unit: "件", parent: "C1" },
  { id: "C1_3", zh: "3.网络申请数", en: "3. Online", unit: "件", parent: "C1" },
  { id: "C1_4", zh: "4.信函申请数", en: "4. By letter", unit: "件", parent: "C1" },
  { id: "C2", zh: "（二）申请办结数", en: "(2) Applications completed", unit: "件", parent: "C" },
  { id: "C2_1", zh: "1.按时办结数", en: "1. On time", unit: "件", parent: "C2" },
  { id: "C2_2", zh: "2.延期办结数", en: "2. After extension", unit: "件", parent: "C2" },
  { id: "C3", zh: "（三）申请答复数", en: "(3) Replies", unit: "件", parent: "C" },
  { id: "C3_1", zh: "1.属于已主动公开范围数", en: "1. Already proactively disclosed", unit: "件", parent: "C3" },
  { id: "C3_2", zh: "2.同意公开答复数", en: "2. Disclosure granted", unit: "件", parent: "C3" },
  { id: "C3_3", zh: "3.同意部分公开答复数", en: "3. Partial disclosure granted", unit: "件", parent: "C3" },
  { id: "C3_4", zh: "4.不同意公开答复数", en: "4. Disclosure refused", unit: "件", parent: "C3" },
  { id: "C3_4a", zh: "其中：涉及国家秘密", en: "of which: state secrets", unit: "件", parent: "C3_4" },
  { id: "C3_4b", zh: "涉及商业秘密", en: "trade secrets", unit: "件", parent: "C3_4" },
  { id: "C3_4c", zh: "涉及个人隐私", en: "personal privacy", unit: "件", parent: "C3_4" },
  {
    id: "C3_4d",
    zh: "危及国家安全、公共安全、经济安全和社会稳定",
    en: "endangers national, public or economic security or social stability",
    unit: "件",
    parent: "C3_4",
  },
  { id: "C3_4e", zh: "不是《条例》所指政府信息", en: "not government information under the Regulations", unit: "件", parent: "C3_4" },
  { id: "C3_4f", zh: "法律法规规定的其他情形", en: "other cases set by law", unit: "件", parent: "C3_4" },
  { id: "C3_5", zh: "5.不属于本行政机关公开数", en: "5. Not this agency's to disclose", unit: "件", parent: "C3" },
  { id: "C3_6", zh: "6.申请信息不存在数", en: "6. Information does not exist", unit: "件", parent: "C3" },
  { id: "C3_7", zh: "7.告知作出更改补充数", en: "7. Applicant told to amend the request", unit: "件", parent: "C3" },
  { id: "C3_8", zh: "8.告知通过其他途径办理数", en: "8. Applicant referred to another procedure", unit: "件", parent: "C3" },
  { id: "D", zh: "四、行政复议数量", en: "4. Administrative reconsiderations", unit: "件" },
  { id: "D1", zh: "（一）维持具体行政行为数", en: "(1) Decision upheld", unit: "件", parent: "D" },
  { id: "D2", zh: "（二）被依法纠错数", en: "(2) Corrected", unit: "件", parent: "D" },
  { id: "D3", zh: "（三）其他情形数", en: "(3) Other outcomes", unit: "件", parent: "D" },
  { id: "E", zh: "五、行政诉讼数量", en: "5. Administrative lawsuits", unit: "件" },
  { id: "E1", zh: "（一）维持具体行政行为或者驳回原告诉讼请求数", en: "(1) Decision upheld or claim dismissed", unit: "件", parent: "E" },
  { id: "E2", zh: "（二）被依法纠错数", en: "(2) Corrected", unit: "件", parent: "E" },
  { id: "E3", zh: "（三）其他情形数", en: "(3) Other outcomes", unit: "件", parent: "E" },
  { id: "F", zh: "六、举报投诉数量", en: "6. Reports and complaints", unit: "件" },
  { id: "G", zh: "七、依申请公开信息收取的费用", en: "7. Fees charged for disclosure on request", unit: "万元" },
  { id: "H", zh: H, en: "8. Organisation and funding", unit: "", header: true },
  { id: "H1", zh: "（一）政府信息公开工作专门机构数", en: "(1) Dedicated disclosure offices", unit: "个", parent: "H" },
  { id: "H2", zh: "（二）设置政府信息公开查阅点数", en: "(2) Public reading points", unit: "个", parent: "H" },
  { id: "H3", zh: "（三）从事政府信息公开工作人员数", en: "(3) Staff working on disclosure", unit: "人", parent: "H" },
  { id: "H3_1", zh: "1.专职人员数（不包括政府公报及政府网站工作人员数）", en: "1. Full-time (excluding gazette and website staff)", unit: "人", parent: "H3" },
  { id: "H3_2", zh: "2.兼职人员数", en: "2. Part-time", unit: "人", parent: "H3" },
  {
    id: "H4",
    zh: "（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）",
    en: "(4) Dedicated disclosure budget (excluding gazette and website costs)",
    unit: "万元",
    parent: "H",
  },
  { id: "I", zh: I, en: "9. Meetings and training", unit: "", header: true },
  { id: "I1", zh: "（一）召开政府信息公开工作会议或专题会议数", en: "(1) Disclosure work meetings held", unit: "次", parent: "I" },
  { id: "I2", zh: "（二）举办各类培训班数", en: "(2) Training courses held", unit: "次", parent: "I" },
  { id: "I3", zh: "（三）接受培训人员数", en: "(3) Training attendances", unit: "人次", parent: "I" },
];

const byId = new Map(OLD_ROWS.map((r) => [r.id, r]));

function pathOf(row: OldRow, lang: "zh" | "en"): string[] {
  const path: string[] = [];
  for (let r: OldRow | undefined = row; r; r = r.parent ? byId.get(r.parent) : undefined) path.unshift(r[lang]);
  return path;
}

const kindOf = (u: Unit): CellKind => (u === "万元" ? "money" : "count");

/** The cells of the 2014–2018 statistics table: one per value row, column 统计数. */
export const OLD_CELLS: readonly CellDef[] = OLD_ROWS.filter((r) => !r.header).map((r) => ({
  id: `old.${r.id}`,
  table: "old",
  row: r.id,
  col: "value",
  rowPath: pathOf(r, "zh"),
  colPath: ["统计数"],
  rowPathEn: pathOf(r, "en"),
  colPathEn: ["Value"],
  unit: r.unit,
  kind: kindOf(r.unit),
}));

/** The 2014–2018 edition's only table. */
export const GEN2014_TABLES: readonly TableDef[] = [
  { id: "old", edition: "gen2014", title: "政府信息公开情况统计表", titleEn: "Government information disclosure statistics", cells: OLD_CELLS },
];
