// Real reports for the tests, built from /work/main/fixtures only.
// - Taishun 2018 (gen2014): fixtures/canonical/taishun-2018.json, as published in canonical JSON.
// - Pingtan 2021 (gen2021): the tables of fixtures/real/pingtan-2021.txt (values split as in pingtan-2021.expected.json),
//   narrative sections cut from the same text.
// - Shanghai 2019 (gen2019): the three tables of fixtures/real/shanghai-govoffice-2019.html, cell by cell (blank cells
//   stay blank, as published), narrative sections from the same file.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createReport, parseReportJson, type Report, SECTION_TITLES, type Section, T3_COLUMNS, T4_COLUMNS } from "@gov-disclosure/core";

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures");
export const fixtureText = (rel: string): string => readFileSync(join(FIXTURES, rel), "utf8");
export const expectedOf = (name: string): Record<string, unknown> => JSON.parse(fixtureText(`real/${name}.expected.json`)) as Record<string, unknown>;

/** Taishun County 2018, the canonical gen2014 fixture. */
export function taishun2018(): Report {
  const parsed = parseReportJson(fixtureText("canonical/taishun-2018.json"));
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.report;
}

// Column order from core: the fixtures list values in the order the tables print them.
const T3_COLS = T3_COLUMNS.map((c) => c.id);
const T4_COLS = T4_COLUMNS.map((c) => c.id);
type Row = readonly (number | null)[];
const t3 = (rows: Record<string, Row>): Record<string, number | null> =>
  Object.fromEntries(Object.entries(rows).flatMap(([row, vals]) => vals.map((v, i) => [`t3.${row}.${T3_COLS[i]}`, v])));
const t4 = (rows: Record<string, Row>): Record<string, number | null> =>
  Object.fromEntries(Object.entries(rows).flatMap(([row, vals]) => vals.map((v, i) => [`t4.${row}.${T4_COLS[i]}`, v])));

const TITLES_2021 = SECTION_TITLES.gen2021;
const TITLES_2019 = SECTION_TITLES.gen2019;

/** Sections from flattened text: the text between consecutive titles; the table sections 二–四 keep no text (their tables are rendered). */
function sectionsFrom(text: string, titles: readonly string[]): Section[] {
  return titles.map((title, i) => {
    const start = text.indexOf(title);
    const next = titles[i + 1];
    const end = next ? text.indexOf(next, start + title.length) : -1;
    const body =
      i >= 1 && i <= 3
        ? ""
        : text
            .slice(start + title.length, end < 0 ? undefined : end)
            .replace(/附件下载\s*$/, "")
            .trim();
    return { number: i + 1, title, text: body };
  });
}

/** Pingtan 2021 (平潭综合实验区, gen2021). */
export function pingtan2021(): Report {
  const text = fixtureText("real/pingtan-2021.txt");
  const z7 = [0, 0, 0, 0, 0, 0, 0];
  return createReport({
    edition: "gen2021",
    meta: { body: "平潭综合实验区", level: "prefecture", year: 2021, publishedAt: "2022-02-08", title: "平潭综合实验区2021年度政府信息公开工作年度报告" },
    sections: sectionsFrom(text, TITLES_2021),
    cells: {
      "t2.rules.issued": 0,
      "t2.rules.repealed": 0,
      "t2.rules.in_force": 0,
      "t2.normative.issued": 69,
      "t2.normative.repealed": 3,
      "t2.normative.in_force": 665,
      "t2.licensing.decisions": 2293,
      "t2.penalty.decisions": 1282,
      "t2.coercion.decisions": 42,
      "t2.fees.amount": "24252.311082",
      ...t3({
        new: [64, 0, 0, 2, 0, 4, 70],
        carry_in: z7,
        granted: [27, 0, 0, 2, 0, 1, 30],
        partial: [5, 0, 0, 0, 0, 0, 5],
        denied_1: z7,
        denied_2: z7,
        denied_3: z7,
        denied_4: z7,
        denied_5: [1, 0, 0, 0, 0, 0, 1],
        denied_6: z7,
        denied_7: [6, 0, 0, 0, 0, 0, 6],
        denied_8: [1, 0, 0, 0, 0, 0, 1],
        unable_1: [22, 0, 0, 0, 0, 3, 25],
        unable_2: z7,
        unable_3: z7,
        rejected_1: z7,
        rejected_2: z7,
        rejected_3: z7,
        rejected_4: z7,
        rejected_5: z7,
        other_1: z7,
        other_2: z7,
        other_3: [1, 0, 0, 0, 0, 0, 1],
        total: [63, 0, 0, 2, 0, 4, 69],
        carry_out: [1, 0, 0, 0, 0, 0, 1],
      }),
      ...t4({ review: [1, 0, 2, 0, 3], direct: [12, 0, 0, 0, 12], after_review: [0, 0, 0, 0, 0] }),
    },
  });
}

const _ = null;

/** Narrative sections of the Shanghai 2019 HTML: the paragraphs between the six section titles, tables left out. */
function shanghaiSections(html: string): Section[] {
  const paras = [...html.replace(/<table[\s\S]*?<\/table>/g, "").matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? "")
      .replace(/<br\s*\/?>/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&")
      .trim(),
  );
  return TITLES_2019.map((title, i) => {
    const start = paras.indexOf(title);
    const next = TITLES_2019[i + 1];
    const end = next ? paras.indexOf(next) : paras.length;
    return { number: i + 1, title, text: paras.slice(start + 1, end).join("\n") };
  });
}

/** Shanghai municipal government office 2019 (上海市人民政府办公厅, gen2019), blanks as published. */
export function shanghai2019(): Report {
  return createReport({
    edition: "gen2019",
    meta: {
      body: "上海市人民政府办公厅",
      level: "province",
      year: 2019,
      publishedAt: "2020-01-31",
      title: "2019年上海市人民政府办公厅政府信息公开工作年度报告",
    },
    sections: shanghaiSections(fixtureText("real/shanghai-govoffice-2019.html")),
    cells: {
      "t2.rules.made": 13,
      "t2.rules.published": 13,
      "t2.rules.total": 524,
      "t2.normative.made": 60,
      "t2.normative.published": 60,
      "t2.normative.total": 368,
      ...Object.fromEntries(["licensing", "services", "penalty", "coercion"].flatMap((r) => ["prev", "change", "decisions"].map((c) => [`t2.${r}.${c}`, 0]))),
      "t2.fees.prev": 0,
      "t2.fees.change": 0,
      "t2.procurement.projects": 6,
      "t2.procurement.amount": "251000元",
      ...t3({
        new: [821, 35, _, _, 2, 1, 859],
        carry_in: [18, _, _, _, _, _, 18],
        granted: [258, 12, _, _, 1, 1, _],
        partial: [3, _, _, _, _, _, _],
        denied_1: [14, _, _, _, _, _, _],
        denied_5: [5, _, _, _, _, _, _],
        denied_6: [3, 1, _, _, _, _, _],
        denied_8: [10, 2, _, _, _, _, _],
        unable_1: [252, 12, _, _, 1, _, _],
        unable_2: [44, 3, _, _, _, _, _],
        unable_3: [25, _, _, _, _, _, _],
        rejected_1: [148, 1, _, _, _, _, _],
        rejected_2: [5, 4, _, _, _, _, _],
        total: [767, 35, _, _, 2, 1, 805],
        carry_out: [72, _, _, _, _, _, 72],
      }),
      ...t4({ review: [5, _, _, 2, 7], direct: [8, _, _, 1, 9] }),
    },
  });
}

/** Pingtan 2021 with one typing slip: 予以公开 × 自然人 written 72 instead of 27. Breaks T3-OUTCOME-SUM and T3-ROW-TOTAL. */
export function pingtan2021WithSlip(): Report {
  const r = pingtan2021();
  return { ...r, cells: { ...r.cells, "t3.granted.natural": { kind: "count", value: 72 } } };
}
