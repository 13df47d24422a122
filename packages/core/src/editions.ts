/**
 * The editions of the statistics tables. These names are public API and never change.
 *
 * - `local`: a provincial or local two-column table (本年度 / 历年累计) used before the national table and,
 *   in places such as Fujian, beside it until 2018.
 * - `gen2014`: the national 政府信息公开情况统计表 of 国办发〔2014〕32号 (2014–2018 reports).
 * - `gen2019`: the format of 国办公开办函〔2019〕60号 (2019–2020 reports).
 * - `gen2021`: the format of 国办公开办函〔2021〕30号 (2021 reports onward).
 */
export const EDITIONS = ["local", "gen2014", "gen2019", "gen2021"] as const;

/** One of the four editions of the statistics tables. */
export type Edition = (typeof EDITIONS)[number];

/** What each edition is, in both languages, with the notice that issued it and the years it normally covers. */
export const EDITION_INFO: Readonly<Record<Edition, { zh: string; en: string; basis: string; years: readonly [number, number | null] }>> = {
  local: {
    zh: "地方统计表（本年度/历年累计）",
    en: "Local table (this year / cumulative)",
    basis: "各省、市自定统计表",
    years: [2008, 2018],
  },
  gen2014: {
    zh: "政府信息公开情况统计表",
    en: "National statistics table (2014–2018)",
    basis: "国办发〔2014〕32号",
    years: [2014, 2018],
  },
  gen2019: {
    zh: "政府信息公开工作年度报告格式（试行）",
    en: "Annual report format (2019, trial)",
    basis: "国办公开办函〔2019〕60号",
    years: [2019, 2020],
  },
  gen2021: {
    zh: "政府信息公开工作年度报告格式",
    en: "Annual report format (2021)",
    basis: "国办公开办函〔2021〕30号",
    years: [2021, null],
  },
};

/** True when `value` is one of the edition names. */
export function isEdition(value: unknown): value is Edition {
  return typeof value === "string" && (EDITIONS as readonly string[]).includes(value);
}

/** The edition a report of `year` would normally use (the national editions only; `local` is never implied by a year). */
export function editionForYear(year: number): Edition | undefined {
  if (year >= 2021) return "gen2021";
  if (year >= 2019) return "gen2019";
  if (year >= 2014) return "gen2014";
  return undefined;
}

/** The six section titles of the 2019 and 2021 formats, as the formats print them (五 was shortened in 2021). */
export const SECTION_TITLES: Readonly<Record<"gen2019" | "gen2021", readonly string[]>> = {
  gen2019: [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ],
  gen2021: [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ],
};
