// Checks the package in the current directory as it would be published (each published package's check:package):
// packs it once with `pnpm pack` (the tarball `pnpm publish` uploads, workspace:* rewritten), runs publint --strict
// and attw (arethetypeswrong) on that tarball, then loads the package by name with `import` and `require` in Node and
// checks that its types files exist. One pack instead of publint's and attw --pack's own: the same tarball, checked once.
//
//   node ../../scripts/check-package.mjs [attw options] [-- attw options of a second attw run]
//
// e.g. the element checks its one-script-tag bundle (ESM only) apart from its dual entry:
//   node ../../scripts/check-package.mjs --exclude-entrypoints ./bundle -- --entrypoints ./bundle --profile esm-only
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const bin = (name) => resolve(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", name);
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit" }).status === 0;

const attwRuns = [[]];
for (const arg of process.argv.slice(2)) {
  if (arg === "--") attwRuns.push([]);
  else attwRuns.at(-1).push(arg);
}

let failures = 0;
const dir = mkdtempSync(join(tmpdir(), "check-package-"));
try {
  if (!run("pnpm", ["pack", "--pack-destination", dir])) throw new Error("pnpm pack failed");
  const tarball = join(
    dir,
    readdirSync(dir).find((f) => f.endsWith(".tgz")),
  );
  if (!run(bin("publint"), ["run", tarball, "--strict"])) failures++;
  for (const args of attwRuns) if (!run(bin("attw"), [tarball, ...args])) failures++;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// import and require by name, as a consumer does (the package resolves itself through its exports, to dist).
const entry = pkg.exports?.["."];
const checks = [];
if (entry?.import)
  checks.push(["import", `import(${JSON.stringify(pkg.name)}).then((m) => { if (!Object.keys(m).length) process.exit(1); })`, ["--input-type=module"]]);
if (entry?.require) checks.push(["require", `const m = require(${JSON.stringify(pkg.name)}); if (!Object.keys(m).length) process.exit(1);`, []]);
for (const [kind, code, flags] of checks) {
  const types = kind === "require" ? entry.require?.types : (entry.import?.types ?? entry.types);
  const r = spawnSync(process.execPath, [...flags, "-e", code], { encoding: "utf8" });
  const problem = r.status !== 0 ? String(r.stderr).split("\n").slice(0, 3).join(" ") : types && !existsSync(types) ? `missing types ${types}` : "";
  if (problem) failures++;
  console.log(problem ? `FAIL  ${pkg.name} (${kind}): ${problem}` : `ok    ${pkg.name} (${kind})`);
}
process.exit(failures ? 1 : 0);
