import { type LocalRow, T3_COLUMNS, T3_OUTCOME_ROWS, T3_ROWS, T4_BLOCKS, T4_COLUMNS } from "@gov-disclosure/core";
import type { BodyProfile } from "./bodies";
import type { Rng } from "./random";

/** A cell as canonical JSON: a count, a decimal string for money, or null. */
export type CellInput = number | string | null;

/** What the previous year of the same body left behind, for the cross-year identities. */
export interface YearState {
  /** 四、结转下年度继续办理, by applicant column (table 三). */
  readonly carryOut?: Readonly<Record<string, number>>;
  /** 现行有效件数 of 规章 and 行政规范性文件 (2021 table 二). */
  readonly inForce?: { readonly rules: number; readonly normative: number };
  /** 2019 table 二: item counts at the end of the year (上一年项目数量 + 本年增/减) and 对外公开总数量. */
  readonly items2019?: Readonly<Record<string, number>>;
  /** 历年累计 of each local row, by label. */
  readonly localCumulative?: Readonly<Record<string, string>>;
  /** Which local table model the body uses (kept across a series so that rows match by label). */
  readonly localModel?: "2008" | "2014";
}

/** The figures the narrative speaks of. */
export type Facts = Record<string, number | string>;

/** What one edition's table generator returns. */
export interface TableOutput {
  readonly cells: Record<string, CellInput>;
  readonly state: YearState;
  readonly facts: Facts;
  readonly localRows?: readonly LocalRow[];
}

/** A magnitude between `lo` and `hi` on a log scale by the body's size, with jitter. */
export function magnitude(rng: Rng, size: number, lo: number, hi: number, jitter = 0.35): number {
  const l = Math.log(lo + 1);
  const h = Math.log(hi + 1);
  return Math.max(0, Math.round(Math.exp(l + size * (h - l)) * rng.float(1 - jitter, 1 + jitter) - 1));
}

/** An amount of money as a decimal string with up to `decimals` places, trailing zeros dropped. */
export function moneyText(rng: Rng, amount: number, decimals: number): string {
  const scale = 10 ** decimals;
  const units = Math.max(0, Math.round(amount * scale + rng.float(-0.5, 0.5) * (decimals ? 1 : 0)));
  const int = Math.floor(units / scale);
  const frac = decimals
    ? String(units % scale)
        .padStart(decimals, "0")
        .replace(/0+$/, "")
    : "";
  return frac ? `${int}.${frac}` : String(int);
}

const APPLICANTS = T3_COLUMNS.filter((c) => c.id !== "total").map((c) => c.id);

/** Base shares of the outcome rows of table 三 (2019 and 2021). */
const OUTCOME_WEIGHTS: Readonly<Record<string, number>> = {
  granted: 0.36,
  partial: 0.08,
  denied_1: 0.004,
  denied_2: 0.01,
  denied_3: 0.004,
  denied_4: 0.02,
  denied_5: 0.02,
  denied_6: 0.02,
  denied_7: 0.01,
  denied_8: 0.02,
  unable_1: 0.24,
  unable_2: 0.03,
  unable_3: 0.02,
  rejected_1: 0.04,
  rejected_2: 0.03,
  rejected_3: 0.005,
  rejected_4: 0.01,
  rejected_5: 0.01,
  other: 0.06,
  other_1: 0.03,
  other_2: 0.004,
  other_3: 0.03,
};

const APPLICANT_WEIGHTS: Readonly<Record<string, number>> = { natural: 0.86, business: 0.09, research: 0.005, nonprofit: 0.01, legal: 0.02, other: 0.015 };

/** Table 三 (and 四): applications received, carried in, handled by outcome and carried out, by applicant column. */
function nationalApplications(
  rng: Rng,
  edition: "gen2019" | "gen2021",
  profile: BodyProfile,
  prev: YearState | undefined,
  cells: Record<string, CellInput>,
  facts: Facts,
) {
  const n = profile.applications === 0 ? 0 : Math.max(0, Math.round(profile.applications * rng.float(0.7, 1.3)));
  const colWeights = APPLICANTS.map((c) => (APPLICANT_WEIGHTS[c] as number) * rng.float(0.4, 1.6) * (c === "natural" ? 1 : rng.chance(0.5) ? 1 : 0.05));
  const fresh = rng.split(n, colWeights);
  const outcomeRows = T3_OUTCOME_ROWS[edition];
  const weights = outcomeRows.map((r) => {
    const w = OUTCOME_WEIGHTS[r] ?? 0.01;
    if (r === "granted" || r === "unable_1") return w * rng.float(0.5, 1.5);
    return rng.chance(0.45) ? w * rng.float(0.3, 1.7) : 0;
  });
  const outcomes: Record<string, number[]> = Object.fromEntries(outcomeRows.map((r) => [r, APPLICANTS.map(() => 0)]));
  const carryIn: number[] = [];
  const carryOut: number[] = [];
  const handled: number[] = [];
  APPLICANTS.forEach((c, i) => {
    const fr = fresh[i] as number;
    const cin = prev?.carryOut ? (prev.carryOut[c] ?? 0) : fr > 3 && rng.chance(0.4) ? rng.int(0, Math.ceil(fr * 0.08)) : 0;
    const avail = fr + cin;
    const cout = avail > 0 && rng.chance(0.45) ? Math.min(avail, rng.int(0, Math.max(1, Math.round(avail * 0.1)))) : 0;
    carryIn.push(cin);
    carryOut.push(cout);
    handled.push(avail - cout);
    rng.split(avail - cout, weights).forEach((v, k) => {
      (outcomes[outcomeRows[k] as string] as number[])[i] = v;
    });
  });
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const putRow = (row: string, values: readonly number[]) => {
    APPLICANTS.forEach((c, i) => {
      cells[`t3.${row}.${c}`] = values[i] as number;
    });
    cells[`t3.${row}.total`] = sum(values);
  };
  for (const r of T3_ROWS[edition]) {
    if (r.id === "new") putRow("new", fresh);
    else if (r.id === "carry_in") putRow("carry_in", carryIn);
    else if (r.id === "carry_out") putRow("carry_out", carryOut);
    else if (r.id === "total") putRow("total", handled);
    else putRow(r.id, outcomes[r.id] as number[]);
  }
  const rowTotal = (prefix: string) => outcomeRows.filter((r) => r.startsWith(prefix)).reduce((a, r) => a + sum(outcomes[r] as number[]), 0);
  Object.assign(facts, {
    received: sum(fresh),
    natural: fresh[0] as number,
    legalPersons: sum(fresh) - (fresh[0] as number),
    carryIn: sum(carryIn),
    done: sum(handled),
    carryOut: sum(carryOut),
    granted: rowTotal("granted"),
    partial: rowTotal("partial"),
    denied: rowTotal("denied"),
    unable: rowTotal("unable"),
    rejected: rowTotal("rejected"),
    otherHandled: rowTotal("other"),
  });

  // 四: reconsideration and litigation.
  const cases = (base: number) => (base <= 0 ? 0 : rng.chance(Math.min(0.9, 0.15 + base / 40)) ? rng.int(0, Math.max(1, Math.round(base))) : 0);
  const review = cases(n * 0.05);
  const direct = cases(n * 0.03);
  const after = cases(review * 0.5);
  const totals: Record<string, number> = { review, direct, after_review: after };
  for (const block of T4_BLOCKS) {
    const parts = rng.split(
      totals[block] as number,
      [0.6, 0.08, 0.17, 0.15].map((w) => w * rng.float(0.5, 1.5)),
    );
    T4_COLUMNS.forEach((c, k) => {
      cells[`t4.${block}.${c.id}`] = c.id === "total" ? (totals[block] as number) : (parts[k] as number);
    });
  }
  Object.assign(facts, { review, direct, afterReview: after, litigation: direct + after });
  return { carryOut: Object.fromEntries(APPLICANTS.map((c, i) => [c, carryOut[i] as number])) };
}

const RULE_MAKERS = new Set(["province", "prefecture", "state-council-department"]);

/** A plausible 本年收费金额 in 万元 by size (0 for most townships), as a decimal string. */
function feeAmount(rng: Rng, profile: BodyProfile): string {
  if (profile.level === "township" && rng.chance(0.8)) return "0";
  if (rng.chance(0.08)) return "0";
  const hi = profile.level === "township" ? 80 : 900_000;
  const amount = Math.min(hi, magnitude(rng, profile.size, 1, 600_000, 0.6) + rng.next());
  return moneyText(rng, amount, rng.pick([0, 2, 2, 4, 6, 6]));
}

/** The 2021 format: sections 二, 三 and 四. */
export function gen2021Tables(rng: Rng, profile: BodyProfile, prev: YearState | undefined): TableOutput {
  const cells: Record<string, CellInput> = {};
  const facts: Facts = {};
  const makesRules = RULE_MAKERS.has(profile.level);
  const docs = (row: "rules" | "normative", issuedHi: number, stockHi: number) => {
    const issued = magnitude(rng, profile.size, 0, issuedHi, 0.6) * (row === "normative" && profile.level === "township" && rng.chance(0.6) ? 0 : 1);
    const before = prev?.inForce ? prev.inForce[row] : issued === 0 && profile.size < 0.2 ? rng.int(0, 3) : magnitude(rng, profile.size, 0, stockHi, 0.5);
    const repealed = Math.min(before + issued, rng.chance(0.5) ? rng.int(0, Math.ceil((before + issued) * 0.06)) : 0);
    cells[`t2.${row}.issued`] = issued;
    cells[`t2.${row}.repealed`] = repealed;
    cells[`t2.${row}.in_force`] = before + issued - repealed;
    return before + issued - repealed;
  };
  const rules = makesRules ? docs("rules", 30, 600) : docs("rules", 0, 0);
  if (!makesRules) {
    cells["t2.rules.issued"] = 0;
    cells["t2.rules.repealed"] = 0;
    cells["t2.rules.in_force"] = 0;
  }
  const normative = docs("normative", 150, 900);
  cells["t2.licensing.decisions"] = magnitude(rng, profile.size, 0, 400_000, 0.6);
  cells["t2.penalty.decisions"] = magnitude(rng, profile.size, 0, 120_000, 0.6);
  cells["t2.coercion.decisions"] = magnitude(rng, profile.size, 0, 8_000, 0.8);
  cells["t2.fees.amount"] = feeAmount(rng, profile);
  Object.assign(facts, {
    normativeIssued: cells["t2.normative.issued"] as number,
    normativeInForce: normative,
    rulesIssued: cells["t2.rules.issued"] as number,
    rulesInForce: makesRules ? rules : 0,
    licensing: cells["t2.licensing.decisions"] as number,
    penalty: cells["t2.penalty.decisions"] as number,
    fees: cells["t2.fees.amount"] as string,
  });
  const carry = nationalApplications(rng, "gen2021", profile, prev, cells, facts);
  return { cells, facts, state: { carryOut: carry.carryOut, inForce: { rules: makesRules ? rules : 0, normative } } };
}

/** The 2019 format: sections 二 (with 上一年项目数量 / 本年增减 / 处理决定数量 and 集中采购), 三 and 四. */
export function gen2019Tables(rng: Rng, profile: BodyProfile, prev: YearState | undefined): TableOutput {
  const cells: Record<string, CellInput> = {};
  const facts: Facts = {};
  const items: Record<string, number> = {};
  const makesRules = RULE_MAKERS.has(profile.level);
  for (const row of ["rules", "normative"] as const) {
    const can = row === "normative" || makesRules;
    const made = can ? magnitude(rng, profile.size, 0, row === "rules" ? 30 : 150, 0.6) : 0;
    const published = can ? Math.max(0, made - (rng.chance(0.3) ? rng.int(0, Math.ceil(made * 0.2)) : 0)) : 0;
    const before = prev?.items2019?.[`${row}.total`] ?? (can ? magnitude(rng, profile.size, 0, row === "rules" ? 600 : 900, 0.5) : 0);
    cells[`t2.${row}.made`] = made;
    cells[`t2.${row}.published`] = published;
    cells[`t2.${row}.total`] = before + published;
    items[`${row}.total`] = before + published;
  }
  const itemRow = (row: string, stockHi: number, decisionsHi: number | undefined) => {
    const before = prev?.items2019?.[row] ?? magnitude(rng, profile.size, 0, stockHi, 0.5);
    const change = rng.chance(0.4) ? 0 : rng.int(-Math.floor(before * 0.15), Math.ceil(before * 0.1) + 1);
    cells[`t2.${row}.prev`] = before;
    cells[`t2.${row}.change`] = change;
    if (decisionsHi !== undefined) cells[`t2.${row}.decisions`] = magnitude(rng, profile.size, 0, decisionsHi, 0.6);
    items[row] = before + change;
  };
  itemRow("licensing", 1500, 400_000);
  itemRow("services", 800, 100_000);
  itemRow("penalty", 6000, 120_000);
  itemRow("coercion", 300, 8_000);
  itemRow("fees", 80, undefined);
  const projects = profile.level === "township" && rng.chance(0.7) ? 0 : magnitude(rng, profile.size, 0, 3000, 0.6);
  cells["t2.procurement.projects"] = projects;
  if (projects === 0) cells["t2.procurement.amount"] = "0";
  else {
    const wan = projects * rng.float(5, 120);
    const unit = rng.pick(["", "", "万元", "元"]);
    cells["t2.procurement.amount"] = unit === "元" ? `${Math.round(wan * 10_000)}元` : `${moneyText(rng, wan, rng.pick([0, 2, 4]))}${unit}`;
  }
  Object.assign(facts, {
    normativeIssued: cells["t2.normative.made"] as number,
    normativePublished: cells["t2.normative.published"] as number,
    rulesIssued: cells["t2.rules.made"] as number,
    licensing: cells["t2.licensing.decisions"] as number,
    penalty: cells["t2.penalty.decisions"] as number,
    procurement: projects,
  });
  const carry = nationalApplications(rng, "gen2019", profile, prev, cells, facts);
  return { cells, facts, state: { carryOut: carry.carryOut, items2019: items } };
}

/** The 2014–2018 statistics table (国办发〔2014〕32号). */
export function gen2014Tables(rng: Rng, profile: BodyProfile): TableOutput {
  const c: Record<string, number | string> = {};
  const s = profile.size;
  const chan = {
    A2_1: profile.gazette ? magnitude(rng, s, 0, 3000, 0.6) : 0,
    A2_2: magnitude(rng, s, 20, 80_000, 0.5) + 5,
    A2_3: rng.chance(0.7) ? magnitude(rng, s, 0, 8000, 0.7) : 0,
    A2_4: rng.chance(0.7) ? magnitude(rng, s, 0, 10_000, 0.7) : 0,
    A2_5: rng.chance(0.4) ? magnitude(rng, s, 0, 3000, 0.7) : 0,
  };
  const values = Object.values(chan);
  const sum = values.reduce((a, b) => a + b, 0);
  const max = Math.max(...values);
  const dup = rng.chance(0.5) ? Math.round((sum - max) * rng.float(0, 0.3)) : 0;
  c.A1 = sum - dup;
  Object.assign(c, chan);
  const issued = magnitude(rng, s, 0, 300, 0.6);
  c.A1b = issued;
  c.A1a = Math.min(c.A1 as number, Math.max(0, issued - (rng.chance(0.3) ? rng.int(0, Math.ceil(issued * 0.2)) : 0)));
  const press = magnitude(rng, s, 0, 80, 0.6);
  const interviews = magnitude(rng, s, 0, 40, 0.7);
  c.B2_1 = press;
  c.B2_1a = rng.int(0, press);
  c.B2_2 = interviews;
  c.B2_2a = rng.int(0, interviews);
  c.B2_3 = magnitude(rng, s, 0, 400, 0.6);
  c.B2_4 = magnitude(rng, s, 0, 300, 0.7);
  c.B2_5 = rng.chance(0.5) ? magnitude(rng, s, 0, 60, 0.7) : 0;
  const responses = press + interviews + (c.B2_3 as number) + (c.B2_4 as number) + (c.B2_5 as number);
  c.B1 = Math.round(responses * rng.float(0.3, 1));

  const n = profile.applications === 0 ? 0 : Math.max(0, Math.round(profile.applications * rng.float(0.7, 1.3)));
  const ch = rng.split(
    n,
    [0.3, 0.02, 0.5, 0.18].map((w) => w * rng.float(0.4, 1.6)),
  );
  c.C1 = n;
  ch.forEach((v, i) => {
    c[`C1_${i + 1}`] = v;
  });
  const open = n > 0 && rng.chance(0.4) ? rng.int(0, Math.ceil(n * 0.08)) : 0;
  const done = n - open;
  const extended = done > 0 && rng.chance(0.4) ? rng.int(0, Math.ceil(done * 0.15)) : 0;
  c.C2 = done;
  c.C2_1 = done - extended;
  c.C2_2 = extended;
  c.C3 = done;
  const replies = rng.split(
    done,
    [0.08, 0.45, 0.08, 0.08, 0.12, 0.1, 0.05, 0.04].map((w) => w * rng.float(0.3, 1.7) * (rng.chance(0.75) ? 1 : 0)),
  );
  replies.forEach((v, i) => {
    c[`C3_${i + 1}`] = v;
  });
  const refusals = rng.split(
    replies[3] as number,
    [0.05, 0.1, 0.2, 0.05, 0.4, 0.2].map((w) => w * rng.float(0.3, 1.7)),
  );
  ["a", "b", "c", "d", "e", "f"].forEach((k, i) => {
    c[`C3_4${k}`] = refusals[i] as number;
  });
  const cases = (base: number) => (base > 0 && rng.chance(Math.min(0.9, 0.15 + base / 30)) ? rng.int(0, Math.max(1, Math.round(base))) : 0);
  for (const [total, base] of [
    ["D", n * 0.05],
    ["E", n * 0.03],
  ] as const) {
    const k = cases(base);
    c[total] = k;
    rng.split(k, [0.7, 0.1, 0.2]).forEach((v, i) => {
      c[`${total}${i + 1}`] = v;
    });
  }
  c.F = rng.chance(0.6) ? 0 : magnitude(rng, s, 0, 40, 0.7);
  c.G = rng.chance(0.95) ? "0" : moneyText(rng, rng.float(0.001, 0.5), 4);
  c.H1 = profile.level === "township" ? rng.int(0, 1) : rng.int(1, 3);
  c.H2 = magnitude(rng, s, 1, 120, 0.5);
  const full = magnitude(rng, s, 0, 40, 0.5);
  const part = magnitude(rng, s, 1, 150, 0.5);
  c.H3 = full + part;
  c.H3_1 = full;
  c.H3_2 = part;
  c.H4 = rng.chance(0.3) ? "0" : moneyText(rng, magnitude(rng, s, 0, 300, 0.6) + rng.next(), rng.pick([0, 0, 1, 2]));
  c.I1 = magnitude(rng, s, 0, 15, 0.5);
  const courses = magnitude(rng, s, 0, 12, 0.6);
  c.I2 = courses;
  c.I3 = courses > 0 ? courses * rng.int(8, 80) : rng.chance(0.3) ? rng.int(1, 20) : 0;

  const cells: Record<string, CellInput> = {};
  for (const [k, v] of Object.entries(c)) cells[`old.${k}`] = v;
  const facts: Facts = {
    published: c.A1 as number,
    website: chan.A2_2,
    weibo: chan.A2_3,
    wechat: chan.A2_4,
    gazette: chan.A2_1,
    normative: c.A1a as number,
    press,
    pressLead: c.B2_1a as number,
    interviews,
    interviewsLead: c.B2_2a as number,
    interpretation: c.B2_3 as number,
    received: n,
    inPerson: ch[0] as number,
    fax: ch[1] as number,
    online: ch[2] as number,
    letter: ch[3] as number,
    done,
    review: c.D as number,
    litigation: c.E as number,
    complaints: c.F as number,
    fee: c.G as string,
  };
  return { cells, facts, state: {} };
}

interface LocalRowSpec {
  readonly label: string;
  readonly unit: LocalRow["unit"];
  readonly children?: readonly string[];
}

/** The rows of a local two-column table: the 2008–2013 Fujian model (six channels) or the 2014–2018 one. */
function localSpec(model: "2008" | "2014", withFee: boolean): readonly LocalRowSpec[] {
  if (model === "2008")
    return [
      { label: "主动公开信息数", unit: "条", children: ["其中：1.网站公开", "2.政府公报公开"] },
      {
        label: "受理依申请公开信息总数",
        unit: "条",
        children: ["其中：1.当面申请数", "2.传真申请数", "3.电子邮件申请数", "4.网上申请数", "5.信函申请数", "6.其它形式申请数"],
      },
      { label: "对申请的答复数", unit: "条", children: ["其中：1.同意公开答复数", "2.同意部分公开答复数", "3.否决公开答复数"] },
      { label: "行政复议数", unit: "条" },
      { label: "行政诉讼数", unit: "条" },
      { label: "行政申诉数", unit: "条" },
    ];
  return [
    { label: "主动公开文件数", unit: "条", children: ["其中：1、政府网站公开数", "2、政府公报公开数"] },
    { label: "受理政府信息依申请公开总数", unit: "条", children: ["其中：1、当面申请数", "2、网上申请数", "3、信函、传真申请数"] },
    { label: "对申请的答复总数", unit: "条", children: ["其中：1、同意公开答复数", "2、同意部分公开答复数", "3、不予公开答复数", "4、其他类型答复数"] },
    { label: "接受行政诉讼、举报数", unit: "件" },
    { label: "行政复议数", unit: "件" },
    { label: "行政诉讼数", unit: "件" },
    ...(withFee ? [{ label: "政府信息公开收费减免金额", unit: "元" as const }] : []),
  ];
}

/** A local two-column table (本年度 / 历年累计) whose cumulative column chains from the previous year. */
export function localTables(rng: Rng, profile: BodyProfile, year: number, prev: YearState | undefined): TableOutput {
  const withFee = prev?.localCumulative ? "政府信息公开收费减免金额" in prev.localCumulative : rng.chance(0.3);
  const model = prev?.localModel ?? (year <= 2013 ? "2008" : "2014");
  const spec = localSpec(model, withFee);
  const rows: LocalRow[] = [];
  const cells: Record<string, CellInput> = {};
  const cumulative: Record<string, string> = {};
  const facts: Facts = {};
  const yearsBefore = Math.max(0, year - 2008);
  const prior = (label: string, current: number) =>
    prev?.localCumulative?.[label] !== undefined ? Number(prev.localCumulative[label]) : Math.round(current * yearsBefore * rng.float(0.6, 1.3));
  const n = profile.applications === 0 ? 0 : Math.max(0, Math.round(profile.applications * rng.float(0.7, 1.3) * 0.4));
  let i = 0;
  for (const r of spec) {
    const id = `r${++i}`;
    rows.push({ id, label: r.label, unit: r.unit });
    let current: number;
    let parts: number[] = [];
    if (r.unit === "元") {
      const cur = rng.chance(0.85) ? "0" : moneyText(rng, rng.float(1, 500), 0);
      const cum = String((prev?.localCumulative?.[r.label] !== undefined ? Number(prev.localCumulative[r.label]) : 0) + Number(cur));
      cells[`local.${id}.current`] = cur;
      cells[`local.${id}.cumulative`] = cum;
      cumulative[r.label] = cum;
      continue;
    }
    if (r.label.startsWith("主动公开")) {
      current = magnitude(rng, profile.size, 20, 20_000, 0.5);
      const gazette = profile.gazette ? Math.round(current * rng.float(0, 0.05)) : 0;
      parts = [current - gazette, gazette];
      facts.published = current;
      facts.website = current - gazette;
    } else if (r.label.startsWith("受理")) {
      current = n;
      parts = rng.split(
        n,
        (r.children ?? []).map(() => rng.float(0.2, 1)),
      );
      facts.received = n;
    } else if (r.label.startsWith("对申请的答复")) {
      current = n;
      parts = rng.split(
        n,
        (r.children ?? []).map((_, k) => (k === 0 ? 3 : rng.float(0.1, 1))),
      );
      facts.replied = n;
    } else {
      current = n > 0 && rng.chance(0.2) ? rng.int(0, 2) : 0;
      if (r.label.startsWith("行政复议")) facts.review = current;
      if (r.label.startsWith("行政诉讼")) facts.litigation = current;
    }
    const childIds: string[] = [];
    let childCum = 0;
    (r.children ?? []).forEach((label, k) => {
      const cid = `r${++i}`;
      childIds.push(cid);
      rows.push({ id: cid, label, unit: r.unit, parent: id });
      const cur = parts[k] ?? 0;
      const cum = prior(label, cur) + cur;
      cells[`local.${cid}.current`] = cur;
      cells[`local.${cid}.cumulative`] = cum;
      cumulative[label] = String(cum);
      childCum += cum;
    });
    const cum = r.children ? childCum : prior(r.label, current) + current;
    cells[`local.${id}.current`] = current;
    cells[`local.${id}.cumulative`] = cum;
    cumulative[r.label] = String(cum);
    if (r.label.startsWith("主动公开")) facts.publishedCumulative = cum;
  }
  return { cells, facts, state: { localCumulative: cumulative, localModel: model }, localRows: rows };
}
