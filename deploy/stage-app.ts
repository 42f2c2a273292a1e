/**
 * `npm run deploy:stage` (after `npm run build`): puts what production runs in .deploy/ for the Agents Toolkit's zip
 * deploy: the compiled service (dist/), the built tab (tab/dist/) and production dependencies only, the same
 * layout the Dockerfile's runtime stage has.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}.deploy`;
for (const built of ["dist/src/server.js", "tab/dist/index.html"]) {
  if (!existsSync(`${root}${built}`)) {
    process.stderr.write(`${built} is missing: run npm run build first.\n`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/tab`, { recursive: true });
cpSync(`${root}dist`, `${out}/dist`, { recursive: true });
cpSync(`${root}tab/dist`, `${out}/tab/dist`, { recursive: true });
cpSync(`${root}package.json`, `${out}/package.json`);
cpSync(`${root}package-lock.json`, `${out}/package-lock.json`);
execFileSync("npm", ["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], {
  cwd: out,
  stdio: "inherit",
});
process.stdout.write(`Staged ${out} for zip deploy.\n`);
