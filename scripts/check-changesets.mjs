// Checks the changesets in .changeset/ with `changeset status`, in a way that means something on any clone:
// - always: every changeset parses, names packages of this workspace with a valid bump, and has a one-line summary
//   (changeset status fails on the first two; the summary rule is CONTRIBUTING's);
// - on a branch (HEAD not already in the base branch): packages changed since the base need a changeset added since
//   the base. The base is the first argument (`node scripts/check-changesets.mjs <ref>`), else origin/<baseBranch>,
//   else <baseBranch> (.changeset/config.json).
//   On the base branch itself (a clone of main, as CI runs it) there is nothing to compare with, so only the first
//   check runs, and the script says so.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const changeset = (args) => spawnSync(join("node_modules", ".bin", "changeset"), ["status", ...args], { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
const git = (...args) => {
  const r = spawnSync("git", args, { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
};
const fail = (msg, r) => {
  console.log(`FAIL  changesets: ${msg}`);
  // changesets' own message, without its stack trace
  if (r)
    console.log(
      `${r.stdout}${r.stderr}`
        .split("\n")
        .filter((l) => l.trim() && !/error\s+at /.test(l))
        .join("\n"),
    );
  process.exit(1);
};

// 1. Every changeset: parsed by changesets itself (unknown package, bad bump or broken front matter fail here).
const dir = mkdtempSync(join(tmpdir(), "changesets-"));
let plan;
try {
  const r = changeset([`--output=${join(dir, "plan.json")}`]);
  if (r.status !== 0) fail("`changeset status` could not read .changeset/", r);
  plan = JSON.parse(readFileSync(join(dir, "plan.json"), "utf8"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const bad = plan.changesets.filter((c) => !c.summary.trim() || c.summary.trim().includes("\n")).map((c) => `.changeset/${c.id}.md`);
if (bad.length) fail(`a changeset needs a one-line summary: ${bad.join(", ")}`);
const releases = plan.releases.filter((r) => r.type !== "none");
console.log(
  `ok    changesets: ${plan.changesets.length} changeset(s) parse; release would bump ${releases.map((r) => `${r.name} ${r.oldVersion}→${r.newVersion}`).join(", ") || "nothing"}`,
);

// 2. On a branch: changed packages need a changeset added on the branch.
const { baseBranch = "main" } = JSON.parse(readFileSync(".changeset/config.json", "utf8"));
const base = [process.argv[2], `origin/${baseBranch}`, baseBranch].find((ref) => ref && git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`));
const head = git("rev-parse", "HEAD");
if (!base) {
  console.log(`ok    changesets: no base branch (${baseBranch}) to compare with; changed packages not checked`);
} else if (git("merge-base", base, "HEAD") === head) {
  console.log(`ok    changesets: HEAD is on ${base}; nothing to compare with, changed packages not checked`);
} else {
  const r = changeset([`--since=${base}`]);
  if (r.status !== 0) fail(`packages changed since ${base} have no changeset (add one: pnpm changeset)`, r);
  console.log(`ok    changesets: every package changed since ${base} has a changeset`);
}
