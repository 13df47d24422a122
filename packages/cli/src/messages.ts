/** The command's own messages, zh-CN (default) and English. */
export const MESSAGES = {
  "zh-CN": {
    unreadable: (name: string, why: string) => `${name}：无法读取（${why}）`,
    notReport: (name: string, why: string) => `${name}：未能读出年度报告（${why}）`,
    summary: (files: number, failed: number, unreadable: number) => `共 ${files} 个文件：${failed} 个未通过，${unreadable} 个无法读取。`,
    wrote: (path: string) => `已写入 ${path}`,
    excluded: (name: string, why: string) => `${name}：未计入合计（${why}）`,
    skipped: (name: string, cell: string, text: string) => `${name}：${cell} 的“${text}”不是数字，未计入`,
    noInputs: "没有可读的输入文件。",
    identical: "两份报告的所有数据均相同。",
  },
  en: {
    unreadable: (name: string, why: string) => `${name}: cannot be read (${why})`,
    notReport: (name: string, why: string) => `${name}: no annual report found (${why})`,
    summary: (files: number, failed: number, unreadable: number) => `${files} file(s): ${failed} failed, ${unreadable} unreadable.`,
    wrote: (path: string) => `wrote ${path}`,
    excluded: (name: string, why: string) => `${name}: left out of the roll-up (${why})`,
    skipped: (name: string, cell: string, text: string) => `${name}: “${text}” in ${cell} is not a number and was not added`,
    noInputs: "No readable input files.",
    identical: "Every figure of the two reports is the same.",
  },
} as const;

/** The message table of a language. */
export type Messages = (typeof MESSAGES)["en"];
