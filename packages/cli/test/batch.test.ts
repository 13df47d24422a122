import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateSeries, toFlattenedText } from "@gov-disclosure/generator";
import { CJK } from "./language";
import { canon, real, run, scratch } from "./run";

// Every input accounted for: a folder as a researcher keeps it, reports with notes and odd entries beside them.
interface Entry {
  path: string;
  status: "read" | "skipped" | "unreadable" | "timed-out";
  read: boolean;
  reasonCode?: string | null;
  reason?: string | null;
  previous?: string;
  counts?: { error: number; warning: number; info: number };
  report?: { body?: string };
  importIssues: { code: string; phase: string; status: string; severity: string }[];
  findings: { code: string; phase: string; status: string; severity: string }[];
}

function researcherFolder(): string {
  const dir = scratch();
  mkdirSync(join(dir, "notes"));
  copyFileSync(real("taishun-2018.txt"), join(dir, "taishun-2018.txt"));
  copyFileSync(real("pingtan-2021.txt"), join(dir, "pingtan-2021.txt"));
  copyFileSync(canon("shanghai-govoffice-2019.json"), join(dir, "shanghai-2019.json"));
  writeFileSync(join(dir, "pingtan-2021.meta.json"), JSON.stringify({ source: "https://example.gov.cn/nb.html", fetched: "2024-01-01" }));
  writeFileSync(join(dir, "notes", "list.json"), "[1, 2, 3]");
  writeFileSync(join(dir, "broken.json"), '{"version": 1, "edition": ');
  writeFileSync(join(dir, "empty.txt"), "");
  symlinkSync("nowhere.txt", join(dir, "dangling.txt"));
  symlinkSync("..", join(dir, "notes", "loop"));
  writeFileSync(join(dir, "-rf.txt"), "无关的文字。");
  writeFileSync(join(dir, "README"), "not report-like: no ending the importer reads");
  return dir;
}

describe("validate: every file accounted for", () => {
  const dir = researcherFolder();

  it("NDJSON: one entry per input with its path, read or not, and why", () => {
    const r = run(["validate", dir, "--format", "ndjson"]);
    const entries = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Entry);
    const by = new Map(entries.map((e) => [e.path.slice(dir.length + 1), e]));
    expect([...by.keys()].sort()).toEqual(
      [
        "-rf.txt",
        "broken.json",
        "dangling.txt",
        "empty.txt",
        "notes/list.json",
        "pingtan-2021.meta.json",
        "pingtan-2021.txt",
        "shanghai-2019.json",
        "taishun-2018.txt",
      ].sort(),
    );
    for (const f of ["taishun-2018.txt", "pingtan-2021.txt", "shanghai-2019.json"]) expect(by.get(f), f).toMatchObject({ status: "read", read: true });
    // JSON that is no report (no version, no edition) is skipped, never an error.
    for (const f of ["pingtan-2021.meta.json", "notes/list.json"])
      expect(by.get(f), f).toMatchObject({ status: "skipped", read: false, reasonCode: "NOT-A-REPORT" });
    expect(by.get("broken.json")).toMatchObject({ status: "unreadable", reasonCode: "IMPORT-JSON-INVALID" });
    expect(by.get("empty.txt")).toMatchObject({ status: "unreadable", reasonCode: "EMPTY" });
    expect(by.get("dangling.txt")).toMatchObject({ status: "unreadable", reasonCode: "ENOENT" });
    expect(by.get("-rf.txt")).toMatchObject({ status: "unreadable", reasonCode: "IMPORT-NOT-A-REPORT" });
    expect(by.get("-rf.txt")?.importIssues.map((i) => i.code)).toContain("IMPORT-NOT-A-REPORT");
    // Unreadable files make the exit code 2; skipped ones are counted apart.
    expect(r.code).toBe(2);
    expect(r.err).toContain("共 9 个文件：0 个未通过，4 个无法读取，2 个已跳过（不是报告）。");
  });

  it("batch JSON holds the same entries, in input order", () => {
    const json = JSON.parse(run(["validate", dir, "--format", "json"]).out) as Entry[];
    const nd = run(["validate", dir, "--format", "ndjson"])
      .out.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Entry);
    expect(json.map((e) => `${e.path} ${e.status}`)).toEqual(nd.map((e) => `${e.path} ${e.status}`));
    expect(json.map((e) => e.path)).toEqual([...json.map((e) => e.path)].sort());
  });

  it("text: unreadable files on stderr, skipped ones only with --verbose, the summary counting each kind", () => {
    const r = run(["validate", dir, "--lang", "en"]);
    expect(r.out).toContain("9 file(s): 0 failed, 4 unreadable, 2 skipped (not a report).");
    expect(r.err).toContain("dangling.txt: cannot be read (ENOENT)");
    expect(r.err).toContain("empty.txt: empty file");
    expect(r.err).not.toContain("skipped");
    const v = run(["validate", dir, "--lang", "en", "--verbose"]);
    expect(v.err).toContain("pingtan-2021.meta.json: skipped (not a report: the JSON has no edition or version field)");
    expect(v.err).not.toMatch(CJK);
  });

  it("--include and --exclude choose the files of a walk", () => {
    const only = JSON.parse(run(["validate", dir, "--format", "json", "--include", "*.txt", "--exclude", "empty.*", "--exclude=-rf*"]).out) as Entry[];
    expect(only.map((e) => e.path.slice(dir.length + 1))).toEqual(["dangling.txt", "pingtan-2021.txt", "taishun-2018.txt"]);
    const sub = JSON.parse(run(["validate", dir, "--format", "json", "--include", "notes/**"]).out) as Entry[];
    expect(sub.map((e) => e.path.slice(dir.length + 1))).toEqual(["notes/list.json"]);
  });

  it("a folder of notes only: nothing read, said so, exit 0; an empty folder: said empty, exit 2", () => {
    const notes = scratch();
    writeFileSync(join(notes, "a.json"), "{}");
    const r = run(["validate", notes]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("没有读到任何报告");
    const empty = scratch();
    const e = run(["validate", empty, "--lang", "en"]);
    expect(e.code).toBe(2);
    expect(e.err).toMatch(/no report files .*the input is empty/);
  });

  it("with -o the summary still reaches the terminal (stderr)", () => {
    const out = join(scratch(), "out.json");
    const r = run(["validate", dir, "--format", "json", "-o", out, "--lang", "en"]);
    expect(r.out).toBe("");
    expect(r.err).toContain("9 file(s): 0 failed, 4 unreadable, 2 skipped (not a report).");
    expect(JSON.parse(readFileSync(out, "utf8"))).toHaveLength(9);
  });
});

describe("validate: formats for CI", () => {
  it("SARIF: artifact URIs relative to the working directory, file:// outside it", () => {
    const dir = scratch();
    mkdirSync(join(dir, "年报 2019"));
    copyFileSync(real("shanghai-govoffice-2019.html"), join(dir, "年报 2019", "上海 #1.html"));
    const inside = JSON.parse(run(["validate", "年报 2019", "--format", "sarif"], { cwd: dir }).out);
    const uris = inside.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri);
    expect(uris).toEqual([`${encodeURIComponent("年报 2019")}/${encodeURIComponent("上海 #1.html")}`]);
    for (const res of inside.runs[0].results)
      for (const l of res.locations ?? []) if (l.physicalLocation) expect(l.physicalLocation.artifactLocation.uri).toBe(uris[0]);
    const outside = JSON.parse(run(["validate", real("shanghai-govoffice-2019.html"), "--format", "sarif"], { cwd: dir }).out);
    expect(outside.runs[0].artifacts[0].location.uri).toMatch(/^file:\/\/\/.*shanghai-govoffice-2019\.html$/);
    for (const res of inside.runs[0].results) expect(JSON.stringify(res.partialFingerprints)).not.toContain("undefined");
  });

  it("JUnit over a batch: failures equal the failing error findings", () => {
    const dir = scratch();
    const bad = JSON.parse(readFileSync(canon("pingtan-2021.json"), "utf8"));
    bad.cells["t3.new.natural"] = 1000;
    writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
    copyFileSync(real("shanghai-govoffice-2019.html"), join(dir, "sh.html"));
    const entries = JSON.parse(run(["validate", dir, "--format", "json", "--no-pair"]).out) as Entry[];
    const errors = entries.flatMap((e) => [...e.importIssues, ...e.findings]).filter((f) => f.status === "fail" && f.severity === "error").length;
    expect(errors).toBeGreaterThan(0);
    const junit = run(["validate", dir, "--format", "junit", "--no-pair"]).out;
    expect(Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)?.[1])).toBe(errors);
  });

  it("convert to CSV fills the status and rule columns from the findings", () => {
    const out = run(["convert", real("shanghai-govoffice-2019.html"), "--to", "csv"]).out;
    const rows = out
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    const head = (rows[0] ?? "").split(",");
    const status = head.indexOf("status");
    const codes = head.indexOf("codes");
    expect(status).toBeGreaterThan(0);
    const flagged = rows.slice(1).filter((r) => /,(warning|error|info),/.test(r));
    expect(flagged.length).toBeGreaterThan(0);
    expect(codes).toBeGreaterThan(status);
  });

  // Pingtan 2019 as scraped: seven glued rows of section 二 split with more than one possible answer.
  it("guessed cells stay marked: in HTML and CSV, and said on the terminal for the formats that cannot mark them", () => {
    const csv = run(["convert", real("pingtan-2019.txt"), "--to", "csv"])
      .out.replace(/^\ufeff/, "")
      .trim()
      .split(/\r?\n/);
    const head = (csv[0] ?? "").split(",");
    const uncertain = head.indexOf("uncertain");
    expect(uncertain).toBeGreaterThan(0);
    expect(csv.slice(1).filter((r) => r.split(",")[uncertain] === "true").length).toBeGreaterThan(0);
    const html = run(["convert", real("pingtan-2019.txt"), "--to", "html"]).out;
    expect(html).toMatch(/data-uncertain/);
    for (const to of ["json", "md", "xlsx"]) {
      const dir = scratch();
      const r = run(["convert", real("pingtan-2019.txt"), "--to", to, "-o", join(dir, `out.${to}`), "--lang", "en"]);
      expect(r.code, to).toBe(0);
      expect(r.err, to).toMatch(/cell\(s\) hold figures the import guessed/);
    }
    const clean = run(["convert", real("taishun-2018.txt"), "--to", "json", "-o", join(scratch(), "out.json"), "--lang", "en"]);
    expect(clean.err).not.toMatch(/guessed/);
  });

  it("aggregate says when its totals rest on guessed cells", () => {
    const dir = scratch();
    const r = run(["aggregate", real("pingtan-2019.txt"), "--lang", "en", "-o", join(dir, "sum.json")]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/the totals use \d+ cell\(s\) the import inferred \(from 1 file\(s\)\)/);
  });

  it("a blank template is counted as having no figures", () => {
    const dir = scratch();
    for (const e of ["gen2019", "gen2021"]) writeFileSync(join(dir, `${e}.json`), run(["template", "--edition", e]).out);
    const r = run(["validate", dir, "--lang", "en"]);
    expect(r.out).toContain("2 file(s): 0 failed, 0 unreadable, 2 with no figures (blank).");
  });
});

describe("batches: time limits and hostile names", () => {
  it("--timeout stops a file that runs too long (its worker terminated) and the batch goes on", () => {
    const dir = scratch();
    copyFileSync(real("taishun-2018.txt"), join(dir, "a-stuck.txt"));
    copyFileSync(real("taishun-2018.txt"), join(dir, "b-taishun.txt"));
    // GOV_DISCLOSURE_TEST_STALL makes the worker hang on that one file, whatever the machine's speed.
    const r = run(["validate", dir, "--format", "ndjson", "--timeout", "1", "--lang", "en"], { env: { GOV_DISCLOSURE_TEST_STALL: "a-stuck.txt" } });
    const entries = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Entry);
    expect(entries.map((e) => e.status)).toEqual(["timed-out", "read"]);
    expect(entries[0]?.reasonCode).toBe("TIMEOUT");
    expect(r.code).toBe(2);
    expect(r.err).toContain("1 timed out");
  });

  it("a bad --include pattern is a usage error, not a crash", () => {
    const r = run(["validate", scratch(), "--include", "{a", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the --include/--exclude pattern “{a” is not valid");
    expect(r.err).not.toMatch(/internal error|at .*\.js:\d+/);
  });

  it("a named pipe with a report's ending inside a folder is accounted for, never opened", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "a-pipe.txt")]);
    copyFileSync(real("taishun-2018.txt"), join(dir, "b-taishun.txt"));
    const entries = run(["validate", dir, "--format", "ndjson", "--lang", "en"])
      .out.trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Entry);
    expect(entries.map((e) => [e.status, e.reasonCode])).toEqual([
      ["unreadable", "NOT-A-FILE"],
      ["read", undefined],
    ]);
  });

  it("refuses a named pipe given as a file (it could block a reader for ever): unreadable, the batch goes on", () => {
    const dir = scratch();
    execFileSync("mkfifo", [join(dir, "a-pipe.txt")]);
    copyFileSync(real("taishun-2018.txt"), join(dir, "b-taishun.txt"));
    const r = run(["validate", join(dir, "a-pipe.txt"), join(dir, "b-taishun.txt"), "--format", "ndjson", "--lang", "en"]);
    const entries = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Entry);
    expect(entries.map((e) => [e.status, e.reasonCode])).toEqual([
      ["unreadable", "NOT-A-FILE"],
      ["read", undefined],
    ]);
  });

  it("never writes over an input, compared by the file it is (a link to it included)", () => {
    const dir = scratch();
    copyFileSync(real("taishun-2018.txt"), join(dir, "real.txt"));
    symlinkSync("real.txt", join(dir, "link.txt"));
    const before = readFileSync(join(dir, "real.txt"));
    const r = run(["convert", join(dir, "link.txt"), "-o", join(dir, "real.txt")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不会覆盖输入文件");
    expect(readFileSync(join(dir, "real.txt"))).toEqual(before);
    const v = run(["validate", join(dir, "real.txt"), "-o", join(dir, "link.txt")]);
    expect(v.code).toBe(2);
  });

  it("an output name of 255 bytes is written (the temporary name stays short)", () => {
    const dir = scratch();
    const name = `${"报".repeat(83)}.js`; // 83 × 3 + 3 = 252 bytes … plus "on" below = 254
    const out = join(dir, `${name}on`);
    const r = run(["convert", real("taishun-2018.txt"), "-o", out]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).edition).toBe("gen2014");
  });

  it("file names and document text reach the terminal with controls shown, never acted on", () => {
    const dir = scratch();
    const report = JSON.parse(readFileSync(canon("pingtan-2021.json"), "utf8"));
    report.meta.body = "平潭\u202e\r\n伪造的一行\u001b[2J\u200b";
    writeFileSync(join(dir, "x\u001b[31m\nname.json"), JSON.stringify(report));
    writeFileSync(join(dir, "y\u001b]0;title\u0007.txt"), "无关");
    const r = run(["validate", dir, "--no-pair"]);
    for (const s of [r.out, r.err]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: no raw control may reach the terminal
      expect(s).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e\u200b]/);
      expect(s).not.toContain("\n伪造的一行");
    }
    expect(r.out).toContain("\\x1b[31m\\x0aname.json");
    expect(r.out).toContain("\\u{202e}");
    expect(r.err).toContain("y\\x1b]0;title\\x07.txt");
  });

  it("JSON, NDJSON, SARIF and converted JSON carry bidi, zero-width and C1 controls as \\u escapes: the same value, safe to print", () => {
    const dir = scratch();
    const report = JSON.parse(readFileSync(canon("pingtan-2021.json"), "utf8"));
    const body = "平潭\u202e伪造\u2066\u200b\u0085\u2028尾";
    report.meta.body = body;
    const file = join(dir, "bidi.json");
    writeFileSync(file, JSON.stringify(report));
    const raw = /[\u0085\u200b\u2028\u202e\u2066]/;
    const json = run(["validate", file, "--format", "json"]);
    const ndjson = run(["validate", file, "--format", "ndjson"]);
    const sarif = run(["validate", file, "--format", "sarif"]);
    const converted = run(["convert", file, "--to", "json"]);
    for (const r of [json, ndjson, sarif, converted]) {
      expect(r.out).not.toMatch(raw);
      expect(r.out).toContain("\\u202e");
    }
    // the escapes are JSON's own: parsed, the body is the document's, character for character
    expect((JSON.parse(json.out) as Entry[])[0]?.report?.body).toBe(body);
    expect(JSON.parse(ndjson.out.trim()).report.body).toBe(body);
    expect(JSON.parse(converted.out).meta.body).toBe(body);
    expect(JSON.stringify(JSON.parse(sarif.out))).toContain(body.slice(0, 3));
  });

  it("standard input is cut off at the size limit while it is read", () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x61);
    const r = run(["validate", "-", "--format", "json"], { input: big });
    const [entry] = JSON.parse(r.out) as Entry[];
    expect(entry).toMatchObject({ path: "<stdin>", status: "unreadable", reasonCode: "IMPORT-TOO-LARGE" });
  });
});

describe("last year decides a split the import could not", () => {
  // A generated body's 2022 and 2023 reports as glued text: alone, the 2023 report's 规章 row (制发 | 废止 | 现行有效)
  // glues three numbers that several splits fit; last year's 现行有效 + 本年制发 − 本年废止 = 现行有效 decides it.
  const series = generateSeries({ seed: 1, edition: "gen2021", years: 2 });
  const folder = () => {
    const dir = scratch();
    for (const [i, r] of series.entries()) writeFileSync(join(dir, `r${i}-${r.meta.year}.txt`), toFlattenedText(r, { style: "glued" }));
    return dir;
  };
  const rulesAmbiguous = (e: Entry | undefined) =>
    (e?.importIssues as { code: string; cells?: string[] }[] | undefined)?.some(
      (i) => i.code === "IMPORT-SPLIT-AMBIGUOUS" && i.cells?.some((c) => c.startsWith("t2.rules.")),
    );

  it("alone (--no-pair) the row is ambiguous; paired in a folder, or given --previous, it is decided and last year is named", () => {
    const dir = folder();
    const [first, second] = series.map((r, i) => join(dir, `r${i}-${r.meta.year}.txt`));
    const alone = (JSON.parse(run(["validate", dir, "--format", "json", "--no-pair"]).out) as Entry[])[1];
    expect(rulesAmbiguous(alone)).toBe(true);
    const paired = (JSON.parse(run(["validate", dir, "--format", "json"]).out) as Entry[])[1];
    expect(paired?.previous).toBe(first);
    expect(rulesAmbiguous(paired)).toBe(false);
    const given = JSON.parse(run(["validate", second as string, "--previous", first as string, "--format", "json"]).out) as Entry[];
    expect(given[0]?.previous).toBe(first);
    expect(rulesAmbiguous(given[0])).toBe(false);
    // the reading last year decided leaves the tables consistent
    expect(given[0]?.counts?.error).toBe(0);
  });
});

describe("pairing over worker threads", () => {
  it("both passes on the workers say exactly what one thread says, last year named whichever comes first by name", () => {
    const dir = scratch();
    // 12 bodies × 5 years (60 files); half the bodies name their years newest first, so that a last year is imported
    // after the year that needs it. A time limit makes the pool start two workers on any machine (a small batch would
    // otherwise run on one thread, and on two cores a batch under 6,000 files on one worker).
    for (let s = 0; s < 12; s++) {
      const series = generateSeries({ seed: 100 + s, edition: "gen2021", years: 5 });
      for (const [i, r] of series.entries()) {
        const order = s % 2 ? series.length - 1 - i : i;
        writeFileSync(join(dir, `b${String(s).padStart(2, "0")}-${order}-${r.meta.year}.txt`), toFlattenedText(r, { style: "glued" }));
      }
    }
    const one = run(["validate", dir, "--jobs", "1", "--format", "ndjson"]);
    const pooled = run(["validate", dir, "--jobs", "2", "--timeout", "120", "--format", "ndjson"]);
    expect(pooled.code).toBe(one.code);
    expect(pooled.out).toBe(one.out);
    const entries = one.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Entry);
    expect(entries).toHaveLength(60);
    // every year but each body's first is checked against the year before it, by name
    const paired = entries.filter((e) => e.previous);
    expect(paired).toHaveLength(48);
    for (const e of paired) expect(Number(e.previous?.slice(-8, -4))).toBe(Number(e.path.slice(-8, -4)) - 1);
    // text, with last year named in each file's heading, is the same over workers
    expect(run(["validate", dir, "--jobs", "2", "--timeout", "60"]).out).toBe(run(["validate", dir, "--jobs", "1"]).out);
  });
});
