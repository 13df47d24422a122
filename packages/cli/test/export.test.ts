import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { INDICATORS } from "@gov-disclosure/core";
import { beforeAll, describe, expect, it } from "vitest";
import { canon, real, run, scratch } from "./run";

// `export`: a corpus as a dataset, read back by DuckDB and checked against the reports it came from.
const REPORTS = ["pingtan-2021.json", "pingtan-2017.json", "shanghai-govoffice-2019.json", "taishun-2018.json", "pingtan-2011.json"];
const cellsOf = (f: string) => JSON.parse(readFileSync(canon(f), "utf8")).cells as Record<string, number | string | null>;

function corpus(): string {
  const dir = scratch();
  for (const f of REPORTS) copyFileSync(canon(f), join(dir, f));
  copyFileSync(real("pingtan-2019.txt"), join(dir, "pingtan-2019.txt"));
  copyFileSync(real("pingtan-2014-letter-not-a-report.txt"), join(dir, "letter.txt"));
  return dir;
}

/** The sum over the canonical reports of the numeric values of the cells with these ids. */
const expectedSum = (ids: (id: string) => boolean) =>
  REPORTS.reduce(
    (s, f) => s + Object.entries(cellsOf(f)).reduce((t, [id, v]) => t + (ids(id) && v !== null && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : 0), 0),
    0,
  );

async function query<T>(sql: string): Promise<T[]> {
  const db = await DuckDBInstance.create(":memory:");
  const c = await db.connect();
  const r = await c.runAndReadAll(sql);
  return r.getRowObjectsJson() as T[];
}

describe("export", () => {
  const dir = corpus();
  const out = join(scratch(), "corpus.parquet");
  let r: ReturnType<typeof run>;
  beforeAll(() => {
    r = run(["export", dir, "--to", "parquet", "-o", out]);
  });

  it("writes three Parquet tables, says so, and counts the letter that is no report", () => {
    expect(r.code, r.err).toBe(2);
    for (const p of [out, out.replace(/\.parquet$/, ".findings.parquet"), out.replace(/\.parquet$/, ".indicators.parquet")]) {
      expect(existsSync(p), p).toBe(true);
      expect(r.err).toContain(`已写入 ${p}`);
    }
    expect(r.err).toContain("letter.txt");
  });

  it("DuckDB reads the cells table: one row per report × cell, sums equal to the reports'", async () => {
    const files = await query<{ file: string; n: string }>(`select file, count(*) as n from '${out}' group by file order by file`);
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual([...REPORTS, "pingtan-2019.txt"].sort());
    for (const id of ["t3.new.total", "t3.new.natural", "t4.after_review.total"]) {
      const [row] = await query<{ s: number }>(`select sum(value) as s from '${out}' where cell = '${id}' and file not like '%.txt'`);
      expect(Number(row?.s), id).toBe(expectedSum((c) => c === id));
    }
    // Money keeps its exact text beside the number; labels in both languages; the page or line it came from.
    const [one] = await query<{ label_zh: string; label_en: string; kind: string; body: string; year: number; edition: string }>(
      `select label_zh, label_en, kind, body, year, edition from '${out}' where cell = 't3.new.natural' and file like '%pingtan-2021.json'`,
    );
    expect(one).toMatchObject({ kind: "count", body: "平潭综合实验区", year: 2021, edition: "gen2021" });
    expect(one?.label_zh).toMatch(/自然人/);
    expect(one?.label_en).toMatch(/[Nn]atural/);
    const [src] = await query<{ n: string }>(`select count(*) as n from '${out}' where file like '%pingtan-2019.txt' and line is not null`);
    expect(Number(src?.n)).toBeGreaterThan(50);
  });

  it("the findings table holds the import's issues, the rule findings and the file that was not read", async () => {
    const rows = await query<{ file: string; file_status: string; phase: string; code: string; status: string }>(
      `select file, file_status, phase, code, status from '${out.replace(/\.parquet$/, ".findings.parquet")}'`,
    );
    expect(rows.filter((x) => x.file.endsWith("letter.txt"))).toMatchObject([{ file_status: "unreadable", phase: "file", code: "IMPORT-NOT-A-REPORT" }]);
    const ambiguous = rows.filter((x) => x.file.endsWith("pingtan-2019.txt") && x.code === "IMPORT-SPLIT-AMBIGUOUS");
    expect(ambiguous.length).toBeGreaterThanOrEqual(7);
    expect(rows.some((x) => x.phase === "rule" && x.status === "fail")).toBe(true);
  });

  it("the indicators table: exact sums per indicator, null (never 0) where an edition has no equivalent", async () => {
    const ind = out.replace(/\.parquet$/, ".indicators.parquet");
    const rows = await query<Record<string, string | number | null>>(`select * from '${ind}' order by file`);
    expect(rows).toHaveLength(REPORTS.length + 1);
    const received = INDICATORS.find((d) => d.id === "received");
    expect(received).toBeDefined();
    const p2021 = rows.find((x) => String(x.file).endsWith("pingtan-2021.json"));
    expect(p2021?.received).toBe(expectedSum((c) => c === "t3.new.total") - expectedSumOther("t3.new.total", "pingtan-2021.json"));
    // Fees: only the 2014 table has them; the 2021 format has no equivalent, so null with status none.
    expect(p2021).toMatchObject({ fees: null, fees_status: "none", fees_exactness: "none" });
    const taishun = rows.find((x) => String(x.file).endsWith("taishun-2018.json"));
    expect(taishun?.fees_status).not.toBe("none");
  });

  it("CSV and NDJSON write the same tables beside the file given", () => {
    const csv = join(scratch(), "corpus.csv");
    expect(run(["export", dir, "--to", "csv", "-o", csv, "--exclude", "letter.txt"]).code).toBe(0);
    const lines = readFileSync(csv, "utf8")
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    const head = (lines[0] ?? "").split(",");
    expect(head.slice(0, 6)).toEqual(["file", "body", "year", "edition", "table", "cell"]);
    const vi = head.indexOf("value");
    const ci = head.indexOf("cell");
    const sum = lines
      .slice(1)
      .map((l) => l.split(","))
      .filter((f) => f[ci] === "t3.new.total" && !String(f[0]).endsWith(".txt"))
      .reduce((s, f) => s + Number(f[vi] || 0), 0);
    expect(sum).toBe(expectedSum((c) => c === "t3.new.total"));
    expect(existsSync(csv.replace(/\.csv$/, ".findings.csv"))).toBe(true);
    expect(existsSync(csv.replace(/\.csv$/, ".indicators.csv"))).toBe(true);
    const nd = join(scratch(), "corpus.ndjson");
    expect(run(["export", dir, "--to", "ndjson", "-o", nd, "--exclude", "letter.txt"]).code).toBe(0);
    const rows = readFileSync(nd, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(lines.length - 1);
  });

  it("an indicator that sums a cell the import guessed says so (<id>_guessed), in export and in stats CSV", () => {
    // Shanghai 2025 (Markdown from a PDF converter): 不予处理 and 其他处理 rest on rows placed by order
    const one = scratch();
    copyFileSync(real("shanghai-govoffice-2025.md"), join(one, "shanghai-2025.md"));
    const nd = join(scratch(), "one.ndjson");
    expect(run(["export", one, "--to", "ndjson", "-o", nd]).code).toBe(0);
    const [ind] = readFileSync(nd.replace(/\.ndjson$/, ".indicators.ndjson"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ind).toMatchObject({ not_processed_guessed: true, other_guessed: true, received_guessed: false });
    const csv = run(["stats", one, "--format", "csv"]).out.trim().split("\n");
    expect(csv[0]).toBe("kind,key,year,reports,sum,exactness,guessed");
    expect(csv.find((l) => l.startsWith("indicator,not_processed,"))?.endsWith(",true")).toBe(true);
    expect(csv.find((l) => l.startsWith("indicator,received,"))?.endsWith(",false")).toBe(true);
  });
});

/** The sum of a cell over the canonical reports other than one. */
function expectedSumOther(id: string, except: string): number {
  return REPORTS.filter((f) => f !== except).reduce((s, f) => s + (Number(cellsOf(f)[id]) || 0), 0);
}
