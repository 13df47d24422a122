// Checks that every published package resolves and loads for both `import` and `require` consumers, with types.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

let failures = 0;
for (const name of readdirSync("packages")) {
  const dir = resolve("packages", name);
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (pkg.private || !pkg.exports?.["."]) continue;
  const entry = pkg.exports["."];
  const checks = [];
  if (entry.import)
    checks.push(["import", `import(${JSON.stringify(pkg.name)}).then((m) => { if (!Object.keys(m).length) process.exit(1); })`, ["--input-type=module"]]);
  if (entry.require) checks.push(["require", `const m = require(${JSON.stringify(pkg.name)}); if (!Object.keys(m).length) process.exit(1);`, []]);
  if (!entry.import && !entry.require && entry.default) checks.push(["import", `import(${JSON.stringify(pkg.name)})`, ["--input-type=module"]]);
  for (const [kind, code, flags] of checks) {
    const types = kind === "require" ? entry.require?.types : (entry.import?.types ?? entry.types);
    try {
      execFileSync(process.execPath, [...flags, "-e", code], { cwd: dir, stdio: "pipe" });
      if (types && !existsSync(join(dir, types))) throw new Error(`missing types ${types}`);
      console.log(`ok    ${pkg.name} (${kind})`);
    } catch (e) {
      failures++;
      console.log(
        `FAIL  ${pkg.name} (${kind}): ${String(e.stderr ?? e.message)
          .split("\n")
          .slice(0, 3)
          .join(" ")}`,
      );
    }
  }
}
process.exit(failures ? 1 : 0);
