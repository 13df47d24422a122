import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

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

describe("gov-disclosure (built bundle)", () => {
  it("is built", () => expect(existsSync(CLI)).toBe(true));

  it("prints --version and --help for every command, with examples", () => {
    expect(run(["--version"]).out).toMatch(/\d+\.\d+\.\d+/);
    for (const cmd of ["validate", "convert", "template", "diff", "aggregate", "stats"]) {
      const r = run([cmd, "--help"]);
      expect(r.code, cmd).toBe(0);
      expect(r.out, cmd).toContain("Examples:");
    }
  });

  it("exits 2 with a clear message for usage errors, never a stack trace", () => {
    for (const args of [
      ["frobnicate"],
      ["validate"],
      ["validate", "no/such/file.txt"],
      ["validate", real("taishun-2018.txt"), "--format", "pdf"],
      ["template", "--edition", "gen1999"],
    ]) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err, args.join(" ")).toMatch(/^gov-disclosure: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
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

    it("exits 2 for a document that is not a report", () => {
      const r = run(["validate", real("pingtan-2014-letter-not-a-report.txt")]);
      expect(r.code).toBe(2);
      expect(r.err).toContain("pingtan-2014-letter-not-a-report.txt");
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
      expect(r.out).toMatch(/5 (个文件|file)/);
    });
  });

  it("pairs consecutive years of one body found in a folder for the cross-year rules", () => {
    const dir = scratch();
    const p = JSON.parse(readFileSync(join(CANON, "pingtan-2021.json"), "utf8"));
    writeFileSync(join(dir, "2021.json"), JSON.stringify(p));
    writeFileSync(join(dir, "2020.json"), JSON.stringify({ ...p, meta: { ...p.meta, year: 2020 } }));
    const r = run(["validate", dir, "--format", "json"]);
    const results = JSON.parse(r.out) as { findings: { ruleId: string; status: string; key?: string }[] }[];
    const carry = results.map((x) => x.findings.filter((f) => f.ruleId === "T3-YOY-CARRY").map((f) => `${f.status}:${f.key ?? ""}`));
    // 2020 has no predecessor; 2021 is checked against 2020, whose 1 carried-forward application is not carried in.
    expect(carry[0]).toEqual(["not-assessable:"]);
    expect(carry[1]).toEqual(["fail:natural", "fail:total"]);
    const unpaired = JSON.parse(run(["validate", dir, "--format", "json", "--no-pair"]).out) as typeof results;
    expect(unpaired[1]?.findings.filter((f) => f.ruleId === "T3-YOY-CARRY").map((f) => f.status)).toEqual(["not-assessable"]);
  });

  it("spreads a batch over worker threads and keeps the input order", () => {
    const dir = scratch();
    const names: string[] = [];
    for (let i = 0; i < 12; i++) {
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
      expect(run(["diff", join(CANON, "pingtan-2021.json"), real("pingtan-2021.txt")]).code).toBe(0);
    });

    it("aggregates reports of one edition, saying which were left out", () => {
      const r = run(["aggregate", join(CANON, "pingtan-2021.json"), real("pingtan-2021.txt"), join(CANON, "taishun-2018.json")]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out).cells["t3.new.total"]).toBe(140);
      expect(r.err).toContain("taishun-2018.json");
    });

    it("surveys a corpus", () => {
      const r = run(["stats", REAL, "--format", "json"]);
      const s = JSON.parse(r.out);
      expect(s.files).toBe(8);
      expect(s.unreadable).toBe(1);
      expect(s.editions.map((e: { edition: string; year: number }) => `${e.edition} ${e.year}`)).toEqual(
        expect.arrayContaining(["gen2014 2018", "gen2021 2021"]),
      );
    });
  });

  it("starts without node_modules, copied outside the repository", () => {
    const dir = scratch();
    mkdirSync(join(dir, "bin"));
    copyFileSync(CLI, join(dir, "bin", "cli.js"));
    const r = spawnSync(process.execPath, [join(dir, "bin", "cli.js"), "validate", real("taishun-2018.txt")], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
  });
});
