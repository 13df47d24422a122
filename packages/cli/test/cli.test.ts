import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CJK, englishWords } from "./language";

// End-to-end: the built bundle (dist/cli.js), run as a user runs it, over the real fixtures.
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const REAL = fileURLToPath(new URL("../../../fixtures/real/", import.meta.url));
const CANON = fileURLToPath(new URL("../../../fixtures/canonical/", import.meta.url));
const real = (f: string) => join(REAL, f);

function run(args: string[], input?: string | Uint8Array, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const scratch = () => mkdtempSync(join(tmpdir(), "gd-cli-"));

/** Issues as the JSON output lists them (render's `renderValidationJson`). */
interface JsonIssue {
  code: string;
  phase: string;
  severity: "error" | "warning" | "info";
  status: string;
  cells: string[];
  key?: string;
  source?: { raw?: string; line?: number; column?: number };
  candidates?: Record<string, string>[];
  /** Worded by render in the locale asked for. */
  message?: string;
}
/** One entry of batch JSON: the file, whether it was read, the import's issues apart from the rule findings. */
interface JsonResult {
  path: string;
  status: string;
  read: boolean;
  counts: { error: number; warning: number; info: number; notAssessable: number; passed: number };
  importIssues: JsonIssue[];
  findings: JsonIssue[];
}

describe("gov-disclosure (built bundle)", () => {
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run pnpm --filter @gov-disclosure/cli build first`);
  });

  it("prints --version, and --help for every command with examples, in the language asked for", () => {
    expect(run(["--version"]).out).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const cmd of ["validate", "convert", "template", "diff", "aggregate", "stats", "export"]) {
      const zh = run([cmd, "--help"]);
      expect(zh.code, cmd).toBe(0);
      expect(zh.out, cmd).toContain("示例:");
      expect(zh.out, cmd).toContain("选项:");
      // Help is data too (option names, example command lines): only its prose is checked, the lines' descriptions.
      const zhProse = zh.out
        .split("\n")
        .filter((l) => /^\s+-/.test(l))
        .map((l) => l.replace(/^\s+(-\S+,\s+)?--?\S+( <\w+>)?\s+/, ""));
      expect(zhProse.length, cmd).toBeGreaterThan(1);
      for (const l of zhProse) expect(englishWords(l), `${cmd}: ${l}`).toEqual([]);
      const en = run([cmd, "--help", "--lang", "en"]);
      expect(en.code, cmd).toBe(0);
      expect(en.out, cmd).toContain("Examples:");
      expect(en.out, cmd).not.toMatch(CJK);
    }
    expect(run(["--help"]).out).toContain("命令:");
    expect(run(["--help", "--lang=en"]).out).not.toMatch(CJK);
  });

  describe("usage errors: exit 2, one line in the language asked for, never a stack trace", () => {
    const dir = scratch();
    const src = join(dir, "in.txt");
    copyFileSync(real("taishun-2018.txt"), src);
    const cases: { args: string[]; data: string[]; says: { zh: RegExp; en: RegExp } }[] = [
      { args: ["frobnicate"], data: ["frobnicate"], says: { zh: /未知命令/, en: /unknown command/ } },
      { args: ["validate"], data: [], says: { zh: /至少给出一个文件/, en: /at least one file/ } },
      { args: ["validate", "no/such/file.txt"], data: ["no/such/file.txt"], says: { zh: /不存在/, en: /no such file/ } },
      {
        args: ["validate", src, "--format", "pdf"],
        data: [src, "pdf"],
        says: { zh: /应为 text、json、ndjson、html、sarif、junit 之一/, en: /expected one of text, json, ndjson, html, sarif, junit/ },
      },
      { args: ["template", "--edition", "gen1999"], data: ["gen1999"], says: { zh: /之一/, en: /expected one of/ } },
      { args: ["validate", src, "--bogus"], data: [], says: { zh: /未知选项：--bogus/, en: /unknown option: --bogus/ } },
      { args: ["validate", src, "--format"], data: [], says: { zh: /缺少取值/, en: /needs a value/ } },
      { args: ["convert"], data: [], says: { zh: /缺少参数/, en: /missing arguments/ } },
      { args: ["diff", src, src, src], data: [src], says: { zh: /多余的参数/, en: /unexpected arguments/ } },
      {
        args: ["convert", src, "-o", join(dir, "no-such-dir", "out.json")],
        data: [src, join(dir, "no-such-dir", "out.json")],
        says: { zh: /无法写入（ENOENT）/, en: /cannot write \(ENOENT\)/ },
      },
      { args: ["convert", src, "-o", src], data: [src], says: { zh: /不会覆盖输入文件/, en: /refusing to write over an input file/ } },
      // The import's reason, worded by core's formatIssue from the first error issue.
      {
        args: ["convert", real("pingtan-2014-letter-not-a-report.txt")],
        data: [real("pingtan-2014-letter-not-a-report.txt")],
        says: { zh: /未能读出年度报告（这不是政府信息公开工作年度报告/, en: /no annual report found \(This is not/i },
      },
    ];
    for (const c of cases) {
      it(c.args.map((a) => a.replace(dir, "<tmp>").replace(REAL, "")).join(" "), () => {
        const zh = run(c.args);
        expect(zh.code, zh.err).toBe(2);
        expect(zh.err).toMatch(/^gov-disclosure: [^\n]+\n$/);
        expect(zh.err).toMatch(c.says.zh);
        expect(englishWords(zh.err, c.data), zh.err).toEqual([]);
        const en = run([...c.args, "--lang", "en"]);
        expect(en.code, en.err).toBe(2);
        expect(en.err).toMatch(/^gov-disclosure: [^\n]+\n$/);
        expect(en.err).toMatch(c.says.en);
        expect(en.err).not.toMatch(CJK);
      });
    }

    it("reads --lang before anything else, and words a bad --lang in the default language", () => {
      // The error comes before the command name is even looked at, in English as asked.
      expect(run(["--lang", "en", "frobnicate"]).err).toMatch(/^gov-disclosure: unknown command: frobnicate/);
      const bad = run(["validate", src, "--lang", "fr"]);
      expect(bad.code).toBe(2);
      expect(bad.err).toBe("gov-disclosure: --lang：应为 zh 或 en，实为 fr\n");
    });
  });

  describe("validate", () => {
    it("passes the clean real reports (exit 0) and prints their findings", () => {
      for (const f of ["taishun-2018.txt", "pingtan-2021.txt", "shanghai-govoffice-2019.html"]) {
        const r = run(["validate", real(f)]);
        expect(r.code, `${f}\n${r.out}\n${r.err}`).toBe(0);
        expect(r.out).toContain(f);
      }
    });

    it("exits 1 when a finding at or above --fail-on fails (Shanghai 2019 leaves 总计 blank: warnings)", () => {
      expect(run(["validate", real("shanghai-govoffice-2019.html"), "--fail-on", "warning"]).code).toBe(1);
    });

    it("exits 2 for a document that is not a report, with the import's reason in the language asked for", () => {
      const r = run(["validate", real("pingtan-2014-letter-not-a-report.txt")]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("pingtan-2014-letter-not-a-report.txt：未能读出年度报告（这不是政府信息公开工作年度报告");
      const en = run(["validate", real("pingtan-2014-letter-not-a-report.txt"), "--lang", "en"]);
      expect(en.code).toBe(2);
      expect(en.err).toContain("pingtan-2014-letter-not-a-report.txt: no annual report found (This is not a government information");
      expect(en.err).not.toMatch(CJK);
    });

    describe("the import's issues are listed and counted in every format (Pingtan 2019: glued rows with ambiguous splits)", () => {
      const file = real("pingtan-2019.txt");
      let json: JsonResult;
      let ambiguous: JsonIssue[];
      beforeAll(() => {
        const r = run(["validate", file, "--format", "json"]);
        expect(r.err).toBe("");
        json = (JSON.parse(r.out) as JsonResult[])[0] as JsonResult;
        expect(json).toMatchObject({ path: file, status: "read", read: true });
        ambiguous = json.importIssues.filter((f) => f.code === "IMPORT-SPLIT-AMBIGUOUS");
        // Seven glued rows of section 二 have several splits that satisfy every identity (fixtures/real/pingtan-2019.txt).
        expect(ambiguous.length).toBeGreaterThanOrEqual(7);
      });

      it("JSON: each ambiguous split with its code, cells, source and candidates, counted as a warning", () => {
        expect(ambiguous.length).toBeGreaterThan(0);
        for (const f of ambiguous) {
          expect(f).toMatchObject({ phase: "import", severity: "warning", status: "fail" });
          expect(f.cells.length).toBeGreaterThan(1);
          for (const c of f.cells) expect(c).toMatch(/^t\d\./);
          expect(f.source?.line, JSON.stringify(f)).toBeGreaterThan(0);
          expect(f.source?.raw, JSON.stringify(f)).toMatch(/^\d/);
          expect(f.candidates?.length).toBeGreaterThan(1);
        }
        // The import's issues apart from the rule findings, and the counts are of every failing issue, import and rule alike.
        expect(new Set(json.importIssues.map((f) => f.phase))).toEqual(new Set(["import"]));
        expect(new Set(json.findings.map((f) => f.phase))).toEqual(new Set(["rule"]));
        const all = [...json.importIssues, ...json.findings];
        for (const sev of ["error", "warning", "info"] as const)
          expect(json.counts[sev], sev).toBe(all.filter((f) => f.status === "fail" && f.severity === sev).length);
        expect(json.counts.warning).toBeGreaterThanOrEqual(ambiguous.length);
      });

      it("JSON words the messages in the language asked for", () => {
        const [en] = JSON.parse(run(["validate", file, "--format", "json", "--lang", "en"]).out) as JsonResult[];
        const messages = (en?.importIssues ?? []).filter((f) => f.code === "IMPORT-SPLIT-AMBIGUOUS").map((f) => f.message ?? "");
        expect(messages).toHaveLength(ambiguous.length);
        for (const m of messages) {
          expect(m).toMatch(/ambiguous/);
          expect(m).not.toMatch(CJK);
        }
      });

      it("text, in either language, names each of them", () => {
        for (const lang of ["zh", "en"]) {
          const r = run(["validate", file, "--lang", lang]);
          const shown = r.out.match(/IMPORT-SPLIT-AMBIGUOUS/g) ?? [];
          expect(shown.length, r.out).toBe(ambiguous.length);
        }
        expect(run(["validate", file, "--lang", "en"]).out).toMatch(/Pingtan|平潭/);
      });

      it("SARIF and JUnit list them too", () => {
        const sarif = JSON.parse(run(["validate", file, "--format", "sarif"]).out) as { runs: { results: { ruleId: string }[] }[] };
        expect(sarif.runs[0]?.results.filter((x) => x.ruleId === "IMPORT-SPLIT-AMBIGUOUS")).toHaveLength(ambiguous.length);
        const junit = run(["validate", file, "--format", "junit"]).out;
        expect(junit).toContain('name="IMPORT-SPLIT-AMBIGUOUS"');
        for (const f of ambiguous) expect(junit).toContain(`“${f.source?.raw}”`);
        // JUnit failures are the error issues.
        const failures = [...junit.matchAll(/<testsuite\b[^>]*\bfailures="(\d+)"/g)].reduce((n, m) => n + Number(m[1]), 0);
        expect(failures).toBe(json.counts.error);
      });

      it("--fail-on warning fails on a warning-level import issue; the default threshold (error) does not", () => {
        const rules = json.findings.filter((f) => f.phase === "rule" && f.status === "fail" && f.severity !== "info");
        expect(run(["validate", file, "--fail-on", "warning"]).code).toBe(1);
        // Pingtan 2019's published table is consistent: only the import's guesses are warnings.
        expect(rules.filter((f) => f.severity === "error")).toEqual([]);
        expect(run(["validate", file]).code).toBe(0);
      });
    });

    it("reads standard input", () => {
      const r = run(["validate", "-", "--lang", "en"], readFileSync(real("taishun-2018.txt")));
      expect(r.code).toBe(0);
      expect(r.out).toContain("<stdin>");
    });

    it("writes every format", () => {
      const json = run(["validate", real("pingtan-2021.txt"), "--format", "json"]);
      expect(JSON.parse(json.out)).toHaveLength(1);
      const sarif = JSON.parse(run(["validate", real("shanghai-govoffice-2019.html"), "--format", "sarif"]).out);
      expect(sarif.version).toBe("2.1.0");
      expect(sarif.runs[0].results.length).toBeGreaterThan(0);
      expect(run(["validate", real("taishun-2018.txt"), "--format", "junit"]).out).toMatch(/^<\?xml[\s\S]*<testsuites/);
      expect(run(["validate", real("taishun-2018.txt"), "--format", "html"]).out).toMatch(/^<!DOCTYPE html>/i);
    });

    it("keeps going over a folder with a broken file in it, reporting and counting it", () => {
      const dir = scratch();
      for (const f of ["taishun-2018.txt", "pingtan-2021.txt", "shanghai-govoffice-2019.html"]) copyFileSync(real(f), join(dir, f));
      writeFileSync(join(dir, "broken.docx"), Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]));
      writeFileSync(join(dir, "garbage.txt"), "无关的文字，没有表格。");
      const r = run(["validate", dir]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("broken.docx");
      expect(r.err).toContain("garbage.txt");
      expect(r.out).toContain("taishun-2018.txt");
      expect(r.out).toContain("shanghai-govoffice-2019.html");
      expect(r.out).toContain("共 5 个文件：0 个未通过，2 个无法读取。");
      const en = run(["validate", dir, "--lang", "en"]);
      expect(en.out).toContain("5 file(s): 0 failed, 2 unreadable.");
      expect(en.err).not.toMatch(CJK);
    });
  });

  it("pairs consecutive years of one body found in a folder for the cross-year rules", () => {
    const dir = scratch();
    const p = JSON.parse(readFileSync(join(CANON, "pingtan-2021.json"), "utf8"));
    writeFileSync(join(dir, "2021.json"), JSON.stringify(p));
    writeFileSync(join(dir, "2020.json"), JSON.stringify({ ...p, meta: { ...p.meta, year: 2020 } }));
    const r = run(["validate", dir, "--format", "json"]);
    const results = JSON.parse(r.out) as JsonResult[];
    const carry = results.map((x) => x.findings.filter((f) => f.code === "T3-YOY-CARRY").map((f) => `${f.status}:${f.key ?? ""}`));
    // 2020 has no predecessor; 2021 is checked against 2020, whose 1 carried-forward application is not carried in.
    expect(carry[0]).toEqual(["not-assessable:"]);
    expect(carry[1]).toEqual(["fail:natural", "fail:total"]);
    const unpaired = JSON.parse(run(["validate", dir, "--format", "json", "--no-pair"]).out) as typeof results;
    expect(unpaired[1]?.findings.filter((f) => f.code === "T3-YOY-CARRY").map((f) => f.status)).toEqual(["not-assessable"]);
  });

  it("spreads a batch over worker threads and keeps the input order", () => {
    const dir = scratch();
    const names: string[] = [];
    // 60 files: enough for the pool to start workers (a small batch runs on one thread).
    for (let i = 0; i < 60; i++) {
      const f = ["taishun-2018.txt", "pingtan-2021.txt", "shanghai-govoffice-2019.html"][i % 3] as string;
      const name = `${String(i).padStart(2, "0")}-${f}`;
      copyFileSync(real(f), join(dir, name));
      names.push(name);
    }
    const r = run(["validate", dir, "--jobs", "2", "--no-pair"]);
    expect(r.code).toBe(0);
    const order = names.map((n) => r.out.indexOf(n));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Workers (two here, a per-file time limit enforced) say exactly what one thread says.
    const one = run(["validate", dir, "--jobs", "1", "--no-pair"]);
    const pooled = run(["validate", dir, "--jobs", "2", "--no-pair", "--timeout", "60"]);
    expect(pooled.out).toBe(one.out);
    expect(one.out).toBe(r.out);
  });

  describe("convert, template, diff, aggregate, stats", () => {
    it("converts to every format, writing atomically and never over an input", () => {
      const dir = scratch();
      for (const to of ["json", "html", "md", "csv", "ndjson", "xlsx"]) {
        const out = join(dir, `t.${to}`);
        const r = run(["convert", real("pingtan-2021.txt"), "--to", to, "-o", out]);
        expect(r.code, `${to}: ${r.err}`).toBe(0);
        expect(statSync(out).size).toBeGreaterThan(100);
      }
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      const back = JSON.parse(readFileSync(join(dir, "t.json"), "utf8"));
      expect(back.cells["t3.new.natural"]).toBe(64);
      const src = join(dir, "in.txt");
      copyFileSync(real("taishun-2018.txt"), src);
      const before = readFileSync(src);
      const r = run(["convert", src, "--to", "json", "-o", src]);
      expect(r.code).toBe(2);
      expect(readFileSync(src)).toEqual(before);
    });

    it("writes blank templates", () => {
      const t = JSON.parse(run(["template", "--edition", "gen2019", "--to", "json"]).out);
      expect(t.edition).toBe("gen2019");
      const dir = scratch();
      expect(run(["template", "--edition", "gen2021", "--to", "xlsx", "-o", join(dir, "t.xlsx")]).code).toBe(0);
      expect(readFileSync(join(dir, "t.xlsx")).subarray(0, 2).toString()).toBe("PK");
    });

    it("diffs two reports (exit 1 when cells changed, 0 when identical)", () => {
      const dir = scratch();
      const a = JSON.parse(readFileSync(join(CANON, "pingtan-2021.json"), "utf8"));
      a.cells["t3.new.natural"] = 65;
      writeFileSync(join(dir, "a.json"), JSON.stringify(a));
      const r = run(["diff", join(CANON, "pingtan-2021.json"), join(dir, "a.json"), "--format", "json"]);
      expect(r.code).toBe(1);
      expect(JSON.stringify(JSON.parse(r.out))).toContain("t3.new.natural");
      const same = run(["diff", join(CANON, "pingtan-2021.json"), real("pingtan-2021.txt")]);
      expect(same.code).toBe(0);
      // the comparison cannot mark the 3 cells the text import guessed: the terminal is told, for that file only
      expect(same.err).toContain(`${real("pingtan-2021.txt")}：有 3 个单元格的数字是导入时推断`);
      expect(same.err).not.toContain("pingtan-2021.json");
    });

    it("aggregates reports of one edition, saying which were left out", () => {
      const r = run(["aggregate", join(CANON, "pingtan-2021.json"), real("pingtan-2021.txt"), join(CANON, "taishun-2018.json")]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).cells["t3.new.total"]).toBe(140);
      // The text import guessed 3 cells of pingtan-2021.txt, so the roll-up says its totals rest on guesses.
      expect(r.err).toBe(
        `${join(CANON, "taishun-2018.json")}：未计入合计（为2014年统计表，而合计为2021年格式）\n` +
          "注意：合计用到了 3 个导入时推断的单元格（来自 1 个文件），这些数字不一定是原文数字，合计也就不一定准确\n",
      );
      const en = run(["aggregate", join(CANON, "pingtan-2021.json"), join(CANON, "taishun-2018.json"), "--lang", "en"]);
      expect(en.err).toBe(
        `${join(CANON, "taishun-2018.json")}: left out of the roll-up (it is in the 2014 statistics table, the roll-up in the 2021 format)\n`,
      );
    });

    it("surveys a corpus, counting the import's issues with the rules' failures, in the language asked for", () => {
      const files = readdirSync(REAL).filter((f) => !f.endsWith(".expected.json"));
      const s = JSON.parse(run(["stats", REAL, "--format", "json"]).out);
      expect(s.files).toBe(files.length);
      expect(s.readable + s.unreadable).toBe(files.length);
      expect(s.unreadable).toBeGreaterThanOrEqual(1); // the letter that is not a report
      expect(s.editions.map((e: { edition: string; year: number }) => `${e.edition} ${e.year}`)).toEqual(
        expect.arrayContaining(["gen2014 2018", "gen2019 2019", "gen2021 2021"]),
      );
      expect(s.rules.find((r: { rule: string }) => r.rule === "IMPORT-SPLIT-AMBIGUOUS")?.reports).toBeGreaterThanOrEqual(1);
      const zh = run(["stats", REAL]).out;
      expect(zh).toMatch(new RegExp(`^文件 ${files.length} 个`));
      expect(englishWords(zh)).toEqual([]);
      const en = run(["stats", REAL, "--lang", "en"]).out;
      expect(en).toMatch(new RegExp(`^files ${files.length} `));
      expect(en).not.toMatch(CJK);
    });
  });

  it("starts without node_modules, copied outside the repository, and reads a PDF there with the PDF.js it carries", () => {
    const dir = scratch();
    cpSync(dirname(CLI), join(dir, "bin"), { recursive: true });
    const r = spawnSync(process.execPath, [join(dir, "bin", "cli.js"), "validate", real("taishun-2018.txt")], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    const pdf = spawnSync(process.execPath, [join(dir, "bin", "cli.js"), "validate", real("hongze-district-2024.pdf"), "--format", "json"], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(pdf.status).toBe(0);
    const out = JSON.parse(pdf.stdout);
    const entry = Array.isArray(out) ? out[0] : out;
    expect(entry.report).toMatchObject({ edition: "gen2021", year: 2024 });
    expect(entry.counts.error).toBe(0);
    const newTotal = entry.findings.find((f: { code: string }) => f.code === "NARR-APP-RECEIVED");
    expect(newTotal?.params).toMatchObject({ expected: "95" });
  });

  it("reads a PDF: convert writes the figures it read with their page", () => {
    const dir = scratch();
    const out = join(dir, "hongze.json");
    const r = run(["convert", real("hongze-district-2024.pdf"), "--to", "json", "-o", out]);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.cells["t3.new.total"]).toBe(95);
    expect(report.cells["t4.after_review.total"]).toBe(3);
    expect(report.sources["t3.new.total"]).toMatchObject({ page: 3, raw: "95" });
  });
});
