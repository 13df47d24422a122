import fc from "fast-check";

// A small local builder of random valid tables 三 and 四, written out the way the Pingtan pages flatten them.
const OUT19 = [
  "（一）予以公开",
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
  "（三）不予公开1.属于国家秘密",
  "2.其他法律行政法规禁止公开",
  "3.危及“三安全一稳定”",
  "4.保护第三方合法权益",
  "5.属于三类内部事务信息",
  "6.属于四类过程性信息",
  "7.属于行政执法案卷",
  "8.属于行政查询事项",
  "（四）无法提供1.本机关不掌握相关政府信息",
  "2.没有现成信息需要另行制作",
  "3.补正后申请内容仍不明确",
  "（五）不予处理1.信访举报投诉类申请",
  "2.重复申请",
  "3.要求提供公开出版物",
  "4.无正当理由大量反复申请",
  "5.要求行政机关确认或重新出具已获取信息",
];
const ROWS19 = [
  "granted",
  "partial",
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `denied_${n}`),
  ...[1, 2, 3].map((n) => `unable_${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `rejected_${n}`),
];
const COLS = ["natural", "business", "research", "nonprofit", "legal", "other", "total"];

const small = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 99 }) },
);
const large = fc.oneof(
  { weight: 5, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 999 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 99999 }) },
);

export interface Table {
  edition: "gen2019" | "gen2021";
  cells: Record<string, number>;
  text: string;
}

export const tableArb = (edition: "gen2019" | "gen2021", size: "small" | "large" = "large") => {
  const magnitude = size === "small" ? small : large;
  return fc
    .record({
      outcomes: fc.array(fc.array(magnitude, { minLength: 6, maxLength: 6 }), {
        minLength: edition === "gen2021" ? 21 : 19,
        maxLength: edition === "gen2021" ? 21 : 19,
      }),
      carryOut: fc.array(magnitude, { minLength: 6, maxLength: 6 }),
      carryInFrac: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
      t4: fc.array(fc.array(magnitude, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ outcomes, carryOut, carryInFrac, t4 }): Table => {
      const rows = edition === "gen2021" ? [...ROWS19, "other_1", "other_2", "other_3"] : [...ROWS19, "other"];
      const labels =
        edition === "gen2021"
          ? [
              ...OUT19,
              "（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
              "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
              "3.其他",
            ]
          : [...OUT19, "（六）其他处理"];
      const cells: Record<string, number> = {};
      const put = (row: string, vals: number[]) => {
        const all = [...vals, vals.reduce((a, b) => a + b, 0)];
        all.forEach((v, i) => {
          cells[`t3.${row}.${COLS[i]}`] = v;
        });
        return all;
      };
      const lines: string[] = [];
      const outRows = rows.map((r, i) => put(r, outcomes[i]!));
      const total = COLS.slice(0, 6).map((_, c) => outRows.reduce((a, r) => a + r[c]!, 0));
      const carryIn = total.map((t, c) => Math.floor(carryInFrac[c]! * (t + carryOut[c]!)));
      const fresh = total.map((t, c) => t + carryOut[c]! - carryIn[c]!);
      const glue = (vals: number[]) => vals.join("");
      lines.push(`一、本年新收政府信息公开申请数量${glue(put("new", fresh))}`);
      lines.push(`二、上年结转政府信息公开申请数量${glue(put("carry_in", carryIn))}`);
      lines.push("三、本年度办理结果");
      rows.forEach((_, i) => {
        lines.push(`${labels[i]}${glue(outRows[i]!)}`);
      });
      lines.push(`（七）总计${glue(put("total", total))}`);
      lines.push(`四、结转下年度继续办理${glue(put("carry_out", carryOut))}`);
      const t4vals: number[] = [];
      ["review", "direct", "after_review"].forEach((b, i) => {
        const v = [...t4[i]!, t4[i]!.reduce((a, x) => a + x, 0)];
        ["upheld", "corrected", "other", "pending", "total"].forEach((c, k) => {
          cells[`t4.${b}.${c}`] = v[k]!;
        });
        t4vals.push(...v);
      });
      const text =
        `某县2022年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他${lines.join("")}` +
        `四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计${glue(t4vals)}五、存在的主要问题及改进情况无。`;
      return { edition, cells, text };
    });
};
