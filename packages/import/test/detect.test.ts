// Edition detection from the labels of the compact text: the deciding edition and its labels in the order of the text.
import { describe, expect, it } from "vitest";
import { detectEdition } from "../src/detect";

describe("detectEdition", () => {
  it("gives the 2019 labels in the order of the text, (六)其他处理 among them, and table 三's after them", () => {
    const text = "(六)其他处理3本年新收政府信息公开申请数量5采购总金额0本年新制作数量7(六)其他处理4本年新制作数量1";
    expect(detectEdition(text)).toEqual({ edition: "gen2019", labels: ["(六)其他处理", "采购总金额", "本年新制作数量", "本年新收政府信息公开申请数量"] });
    // the row label without a number after it is no label of the table
    expect(detectEdition("(六)其他处理情况采购总金额0").labels).toEqual(["采购总金额"]);
  });

  it("decides 2021 before 2019 and 2019 before the 2014 table, whatever else the text holds", () => {
    expect(detectEdition("统计指标申请办结数本年新制作数量1本年制发件数2").edition).toBe("gen2021");
    expect(detectEdition("统计指标申请办结数本年新制作数量1").edition).toBe("gen2019");
    expect(detectEdition("统计指标申请办结数").edition).toBe("gen2014");
    expect(detectEdition("指标名称年末统计").edition).toBe("local");
    expect(detectEdition("本年新收政府信息公开申请数量", 2022)).toEqual({ edition: "gen2021", labels: ["本年新收政府信息公开申请数量"], byYear: true });
    expect(detectEdition("正文")).toEqual({ labels: [] });
  });
});
