import { type Edition, type NarrativeClaim, SECTION_TITLES, type Section } from "@gov-disclosure/core";
import type { BodyProfile } from "./bodies";
import type { Rng } from "./random";
import { type Facts, outcomeKinds } from "./tables";

/** Section titles of the 2019 and 2021 formats (core's SECTION_TITLES, kept under this name). */
export const NATIONAL_TITLES: Readonly<Record<"gen2019" | "gen2021", readonly string[]>> = SECTION_TITLES;

const GEN2014_TITLES = [
  "一、基本概况",
  "二、主动公开政府信息情况",
  "三、依申请公开政府信息情况",
  "四、申请行政复议和提起诉讼情况",
  "五、收费及减免情况",
  "六、存在的主要问题和改进措施",
];
const LOCAL_TITLES = [
  "一、概述",
  "二、主动公开政府信息情况",
  "三、政府信息依申请公开工作情况",
  "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
  "五、存在的主要问题和改进措施",
  "六、政府信息公开情况统计表",
];

/** Builds sentences and records the single-cell figures they state as narrative claims. */
class Prose {
  readonly claims: NarrativeClaim[] = [];
  /** A sentence; `cells` maps a figure's placeholder to the cell it states. */
  say(text: string, figures: Readonly<Record<string, readonly [string | undefined, number | string]>> = {}): string {
    const out = text.replace(/\{(\w+)\}/g, (_, k: string) => String(figures[k]?.[1] ?? `{${k}}`));
    for (const [cell, value] of Object.values(figures)) {
      if (cell) this.claims.push({ cell, value: String(value), text: out });
    }
    return out;
  }
}

const LEAD = [
  "{year}年，{self}以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，围绕中心工作和群众关切，持续深化政务公开。",
  "{year}年，{self}深入贯彻党中央、国务院关于全面推进政务公开的决策部署，按照上级政务公开工作要点要求，不断提升政务公开质量和实效。",
  "{year}年，在上级部门的指导下，{self}紧紧围绕经济社会发展大局，扎实推进政府信息公开各项工作，较好地保障了人民群众的知情权、参与权、表达权和监督权。",
];
const MANAGEMENT = [
  "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”原则，全年未发生泄密事件。",
  "明确分管领导和经办人员，健全政府信息公开发布审核机制，及时动态调整主动公开基本目录。",
  "建立健全政府信息管理动态调整机制，对已公开的政府信息进行清理，确保公开信息准确有效。",
];
const PLATFORM = [
  "持续优化政府门户网站信息公开专栏，规范栏目设置，加强政务新媒体日常监管，确保平台安全平稳运行。",
  "依托政府门户网站、政务微信公众号等平台，及时发布政策文件和工作动态，拓宽公开渠道。",
  "加强政府网站与政务新媒体日常监测，及时整改监测发现的问题，提升平台建设水平。",
];
const OVERSIGHT = [
  "将政务公开工作纳入年度绩效考核，组织开展季度检查并通报检查结果，本年度未发生政府信息公开工作责任追究情况。",
  "加强政务公开工作培训和督促检查，对工作中发现的问题及时督促整改。",
  "强化监督考核，主动接受社会评议，推动各项工作任务落到实处。",
];
const PROBLEMS = [
  "（一）存在的主要问题：政策解读形式不够丰富，部分信息更新不够及时，基层政务公开标准化规范化水平有待提高。（二）改进措施：一是丰富政策解读形式，提高解读质量；二是加强信息发布审核，确保公开信息及时准确；三是加强业务培训，提升工作人员业务能力。",
  "一是公开内容的深度和广度有待拓展；二是依申请公开答复的规范性有待加强。下一步，将进一步完善工作机制，加强业务培训，推动政府信息公开工作提质增效。",
  "存在的问题主要是政务公开工作人员业务水平参差不齐，公开平台互动功能不够完善。今后将加强培训指导，优化平台功能，更好地回应群众关切。",
];

const fill = (t: string, v: Readonly<Record<string, string | number>>) => t.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));

/** The six sections of a 2019 or 2021 report, stating figures of tables 二 to 四. */
function nationalSections(rng: Rng, edition: "gen2019" | "gen2021", profile: BodyProfile, year: number, f: Facts, p: Prose): Section[] {
  const n = (k: string) => Number(f[k] ?? 0);
  const one: string[] = [fill(rng.pick(LEAD), { year, self: profile.self })];
  const normCell = edition === "gen2021" ? "t2.normative.issued" : "t2.normative.made";
  const active = [
    p.say(
      edition === "gen2021" ? "全年制发行政规范性文件{norm}件，现行有效行政规范性文件{valid}件。" : "全年新制作规范性文件{norm}件，新公开规范性文件{pub}件。",
      edition === "gen2021"
        ? { norm: [normCell, n("normativeIssued")], valid: ["t2.normative.in_force", n("normativeInForce")] }
        : { norm: [normCell, n("normativeIssued")], pub: ["t2.normative.published", n("normativePublished")] },
    ),
  ];
  if (n("licensing") > 0)
    active.push(
      n("penalty") > 0
        ? p.say("公开行政许可处理决定{lic}件、行政处罚决定{pen}件。", {
            lic: ["t2.licensing.decisions", n("licensing")],
            pen: ["t2.penalty.decisions", n("penalty")],
          })
        : p.say("公开行政许可处理决定{lic}件。", { lic: ["t2.licensing.decisions", n("licensing")] }),
    );
  one.push(`（一）主动公开方面。坚持“应公开尽公开”，及时公开各类政府信息。${active.join("")}`);
  let app: string;
  if (n("received") === 0 && n("carryIn") === 0) app = p.say("本年度未收到政府信息公开申请。", { r: ["t3.new.total", 0] });
  else {
    app = p.say(
      rng
        .pick([
          "本年度共收到政府信息公开申请{r}件，上年结转{ci}件，办结{d}件，结转下年度继续办理{co}件。",
          "本年度{self}共收到{r}件申请，上年结转{ci}件，及时依法依规办结{d}件，{co}件结转下年度继续办理。",
          "全年新收政府信息公开申请{r}件，加上上年结转{ci}件，共办结{d}件，结转下年度继续办理{co}件。",
        ])
        .replace("{self}", profile.self),
      {
        r: ["t3.new.total", n("received")],
        ci: ["t3.carry_in.total", n("carryIn")],
        d: ["t3.total.total", n("done")],
        co: ["t3.carry_out.total", n("carryOut")],
      },
    );
    if (n("done") > 0) {
      // 其中，予以公开…件，部分公开…件，不予公开…件…: one figure per outcome kind of table 三, in its printed order.
      const kinds = outcomeKinds(edition);
      const short = (label: string) => label.replace(/^（[一二三四五六七八九十]+）/, "").replace(/（[^）]*）$/, "");
      app += p.say(
        `其中，${kinds.map((k, i) => `${short(k.label)}{k${i}}件`).join("，")}。`,
        Object.fromEntries(kinds.map((k, i) => [`k${i}`, [k.total, n(`outcome${i}`)] as const])),
      );
    }
  }
  one.push(`（二）依申请公开方面。规范依申请公开受理、办理和答复流程。${app}`);
  one.push(`（三）政府信息管理方面。${rng.pick(MANAGEMENT)}`);
  one.push(`（四）平台建设方面。${rng.pick(PLATFORM)}`);
  one.push(`（五）监督保障方面。${rng.pick(OVERSIGHT)}`);
  if (n("review") + n("litigation") > 0)
    one.push(
      p.say("本年度因政府信息公开被申请行政复议{rv}件，被提起行政诉讼{lt}件。", { rv: ["t4.review.total", n("review")], lt: [undefined, n("litigation")] }),
    );
  else one.push("本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。");
  const six =
    edition === "gen2021"
      ? rng.chance(0.8)
        ? "本年度未收取信息处理费。无其他需要报告的事项。"
        : `依据《政府信息公开信息处理费管理办法》，本年度收取信息处理费共计${rng.int(1, 40) * 100}元。`
      : rng.pick(["无其他需要报告的事项。", "本年度认真办理人大代表建议和政协委员提案，办理结果按要求予以公开。"]);
  const titles = NATIONAL_TITLES[edition];
  const texts = [one.join(""), "", "", "", rng.pick(PROBLEMS), six];
  return titles.map((title, i) => ({ number: i + 1, title, text: texts[i] as string }));
}

/** The old outline (2014–2018), as the Taishun 2018 report has it. */
function gen2014Sections(rng: Rng, profile: BodyProfile, year: number, f: Facts, p: Prose): Section[] {
  const n = (k: string) => Number(f[k] ?? 0);
  const t1 = `${fill(rng.pick(LEAD), { year, self: profile.self })}${rng.pick(MANAGEMENT)}${rng.pick(OVERSIGHT)}`;
  let t2 = p.say(
    `（一）主动公开政府信息总体情况。${year}年，${profile.self}主动公开政府信息{a}条，其中政府网站信息数{w}条${n("weibo") > 0 ? "，政务微博信息数{wb}条" : ""}${n("wechat") > 0 ? "，政务微信信息数{wx}条" : ""}。`,
    {
      a: ["old.A1", n("published")],
      w: ["old.A2_2", n("website")],
      ...(n("weibo") > 0 ? { wb: ["old.A2_3", n("weibo")] } : {}),
      ...(n("wechat") > 0 ? { wx: ["old.A2_4", n("wechat")] } : {}),
    },
  );
  if (n("press") > 0)
    t2 += p.say("（二）新闻发布会。全年召开{pr}场新闻发布会，其中主要负责同志参加{pl}场。", {
      pr: ["old.B2_1", n("press")],
      pl: ["old.B2_1a", n("pressLead")],
    });
  if (n("interpretation") > 0) t2 += p.say("（三）政策解读。全年发布政策解读材料{ip}篇。", { ip: ["old.B2_3", n("interpretation")] });
  const channels = [
    n("inPerson") > 0 ? "当面申请{a}件" : "",
    n("online") > 0 ? "网络申请{b}件" : "",
    n("letter") > 0 ? "信函申请{c}件" : "",
    n("fax") > 0 ? "传真申请{e}件" : "",
  ].filter(Boolean);
  const t3 =
    n("received") === 0
      ? p.say(`${year}年，${profile.self}未收到政府信息公开申请。`, { r: ["old.C1", 0] })
      : p.say(`${year}年，${profile.self}共受理政府信息公开申请{r}件，从申请渠道来看，${channels.join("，")}；办结{d}件。`, {
          r: ["old.C1", n("received")],
          ...(n("inPerson") > 0 ? { a: ["old.C1_1", n("inPerson")] } : {}),
          ...(n("online") > 0 ? { b: ["old.C1_3", n("online")] } : {}),
          ...(n("letter") > 0 ? { c: ["old.C1_4", n("letter")] } : {}),
          ...(n("fax") > 0 ? { e: ["old.C1_2", n("fax")] } : {}),
          d: ["old.C2", n("done")],
        });
  const t4 =
    n("review") + n("litigation") === 0
      ? `${year}年，未收到政府信息公开方面的行政复议和行政诉讼。`
      : p.say(`${year}年，因政府信息公开被申请行政复议{rv}件，被提起行政诉讼{lt}件。`, { rv: ["old.D", n("review")], lt: ["old.E", n("litigation")] });
  const t5 =
    f.fee === "0"
      ? p.say("本机关依申请提供政府信息，未收取费用。", { g: ["old.G", "0"] })
      : p.say("本机关依申请提供政府信息，收取费用{g}万元。", { g: ["old.G", String(f.fee)] });
  const texts = [t1, t2, t3, t4, t5, rng.pick(PROBLEMS)];
  return GEN2014_TITLES.map((title, i) => ({ number: i + 1, title, text: texts[i] as string }));
}

/** The outline of a Fujian-style report with a local table (Pingtan 2011–2018). */
function localSections(rng: Rng, profile: BodyProfile, year: number, f: Facts, p: Prose, rows: Readonly<Record<string, string>>): Section[] {
  const n = (k: string) => Number(f[k] ?? 0);
  const t1 = `${fill(rng.pick(LEAD), { year, self: profile.self })}${rng.pick(PLATFORM)}`;
  const t2 = p.say(`${year}年${profile.self}主动公开政府信息{a}条。`, { a: [rows.published, n("published")] });
  const t3 =
    n("received") === 0
      ? `${year}年未收到有关政府信息公开申请。`
      : p.say(`${year}年共受理政府信息公开申请{r}件，答复{d}件。`, { r: [rows.received, n("received")], d: [rows.replied, n("replied")] });
  const t4 =
    n("review") + n("litigation") === 0
      ? `${year}年未收到有关政府信息公开行政复议、提起行政诉讼的申请。`
      : `${year}年因政府信息公开申请行政复议${n("review")}件，提起行政诉讼${n("litigation")}件。`;
  const texts = [t1, t2, t3, t4, rng.pick(PROBLEMS), ""];
  return LOCAL_TITLES.map((title, i) => ({ number: i + 1, title, text: texts[i] as string }));
}

/** The narrative sections of a report and the figures they state. */
export function narrative(
  rng: Rng,
  edition: Edition,
  profile: BodyProfile,
  year: number,
  facts: Facts,
  localRowIds: Readonly<Record<string, string>> = {},
): { sections: Section[]; claims: NarrativeClaim[] } {
  const p = new Prose();
  const sections =
    edition === "gen2014"
      ? gen2014Sections(rng, profile, year, facts, p)
      : edition === "local"
        ? localSections(rng, profile, year, facts, p, localRowIds)
        : nationalSections(rng, edition, profile, year, facts, p);
  return { sections, claims: p.claims };
}
