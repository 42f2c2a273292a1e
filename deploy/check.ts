/**
 * `npm run deploy:check` (run by `npm test`; offline): infra/, the Agents Toolkit files, the manifest template and
 * src/config.ts agree. `-- --root DIR` checks another checkout.
 */
import { pathToFileURL, fileURLToPath } from "node:url";
import { bicepProblems } from "./checks/bicep-checks.js";
import { readDeployProject, type DeployProject } from "./checks/deploy-project.js";
import { manifestProblems } from "./checks/manifest-checks.js";
import { referenceProblems, settingsProblems } from "./checks/settings-checks.js";

export function deployProblems(project: DeployProject): string[] {
  return [
    ...bicepProblems(project),
    ...settingsProblems(project),
    ...referenceProblems(project),
    ...manifestProblems(project),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const at = process.argv.indexOf("--root");
  const root = at > 0 ? (process.argv[at + 1] ?? ".") : fileURLToPath(new URL("..", import.meta.url));
  const problems = deployProblems(readDeployProject(root));
  if (problems.length > 0) {
    process.stderr.write(
      `deploy:check found ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    "deploy:check: infra/, m365agents*.yml, env/ and the manifest template agree with the config.\n",
  );
}
