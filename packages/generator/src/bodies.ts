import type { Edition, Level } from "@gov-disclosure/core";
import type { Rng } from "./random";

/** Levels the generator produces bodies for. */
export const GENERATED_LEVELS: readonly Level[] = ["township", "county", "department", "prefecture", "province", "state-council-department"];

/** Who publishes the report and how busy it is: the same profile is kept across the years of a series. */
export interface BodyProfile {
  /** The issuing body, e.g. 临溪县人民政府. */
  readonly body: string;
  /** The place or organisation as it speaks of itself in prose (我县, 我镇, 本机关). */
  readonly self: string;
  /** The office that compiles the report (…人民政府办公室). */
  readonly office: string;
  readonly level: Level;
  /** Size between 0 (a quiet township) and 1 (a populous province): scales every magnitude. */
  readonly size: number;
  /** New applications in a typical year. */
  readonly applications: number;
  /** Whether it has its own government gazette (政府公报). */
  readonly gazette: boolean;
}

const PROVINCES = [
  "浙江",
  "福建",
  "江西",
  "湖南",
  "四川",
  "陕西",
  "河北",
  "安徽",
  "广东",
  "贵州",
  "山东",
  "湖北",
  "甘肃",
  "吉林",
  "云南",
  "河南",
  "江苏",
  "山西",
];
const FIRST = [
  "安",
  "宁",
  "平",
  "永",
  "清",
  "泰",
  "顺",
  "嘉",
  "丰",
  "云",
  "临",
  "新",
  "长",
  "石",
  "金",
  "玉",
  "龙",
  "青",
  "白",
  "桃",
  "松",
  "柳",
  "梅",
  "兴",
  "和",
  "华",
  "昌",
  "德",
  "东",
  "西",
  "南",
  "北",
];
const SECOND = ["阳", "安", "宁", "川", "江", "山", "河", "溪", "源", "城", "平", "丰", "乐", "化", "兴", "远", "德", "水", "田", "林", "口", "桥", "湖", "坪"];
const DEPARTMENTS = [
  "市场监督管理局",
  "自然资源和规划局",
  "生态环境局",
  "人力资源和社会保障局",
  "住房和城乡建设局",
  "教育局",
  "卫生健康局",
  "交通运输局",
  "财政局",
  "民政局",
  "农业农村局",
  "应急管理局",
];
const MINISTRIES = ["水利部", "交通运输部", "国家统计局", "国家林业和草原局", "国家知识产权局", "国家粮食和物资储备局", "国家邮政局", "国家药品监督管理局"];

const place = (rng: Rng) => rng.pick(FIRST) + rng.pick(SECOND);

const SIZE: Readonly<Record<Level, readonly [number, number]>> = {
  township: [0, 0.15],
  department: [0.1, 0.35],
  county: [0.3, 0.55],
  other: [0.1, 0.4],
  prefecture: [0.55, 0.8],
  "state-council-department": [0.6, 0.9],
  province: [0.8, 1],
};

/** Draws a body of the given level (or a level weighted towards the many small bodies that publish reports). */
export function drawProfile(rng: Rng, level?: Level): BodyProfile {
  const lv: Level =
    level ?? rng.pick(["township", "township", "county", "county", "department", "department", "prefecture", "province", "state-council-department"]);
  const [lo, hi] = SIZE[lv];
  const size = rng.float(lo, hi);
  const province = rng.pick(PROVINCES);
  let body: string;
  let self: string;
  let office: string;
  switch (lv) {
    case "province":
      body = `${province}省人民政府`;
      self = "我省";
      office = `${province}省人民政府办公厅`;
      break;
    case "prefecture":
      body = `${place(rng)}市人民政府`;
      self = "我市";
      office = `${body}办公室`;
      break;
    case "township": {
      const county = `${place(rng)}县`;
      const kind = rng.pick(["镇", "镇", "乡", "街道"]);
      const name = place(rng) + kind;
      body = kind === "街道" ? `${county}${name}办事处` : `${county}${name}人民政府`;
      self = kind === "乡" ? "我乡" : kind === "镇" ? "我镇" : "本街道";
      office = kind === "街道" ? `${name}党政办公室` : `${name}党政综合办公室`;
      break;
    }
    case "department": {
      const county = `${place(rng)}${rng.pick(["县", "县", "区", "市"])}`;
      body = `${county}${rng.pick(DEPARTMENTS)}`;
      self = "本机关";
      office = `${body}办公室`;
      break;
    }
    case "state-council-department":
      body = rng.pick(MINISTRIES);
      self = "本部门";
      office = `${body}办公厅`;
      break;
    case "other":
      body = `${place(rng)}经济开发区管理委员会`;
      self = "我区";
      office = `${body}办公室`;
      break;
    default: {
      const suffix = rng.pick(["县", "县", "县", "区", "市"]);
      body = `${place(rng)}${suffix}人民政府`;
      self = suffix === "区" ? "我区" : suffix === "市" ? "我市" : "我县";
      office = `${body}办公室`;
      break;
    }
  }
  const applications =
    lv === "township"
      ? rng.chance(0.55)
        ? 0
        : rng.int(1, 6)
      : Math.round(Math.exp(Math.log(2) + size * (Math.log(5000) - Math.log(2))) * rng.float(0.6, 1.4));
  return { body, self, office, level: lv, size, applications, gazette: lv === "province" || lv === "prefecture" || (lv === "county" && rng.chance(0.3)) };
}

/** The years an edition normally covers, as generated (local tables until 2018, the 2021 format until 2025). */
export const EDITION_YEARS: Readonly<Record<Edition, readonly [number, number]>> = {
  local: [2008, 2018],
  gen2014: [2014, 2018],
  gen2019: [2019, 2020],
  gen2021: [2021, 2025],
};
