import { posix } from "node:path";
import { moduleCalls, paramsOf, undeclaredNames } from "./bicep.js";
import type { DeployProject } from "./deploy-project.js";

export const MAIN_TEMPLATE = "infra/azure.bicep";
export const MAIN_PARAMETERS = "infra/azure.parameters.json";

/**
 * Each Bicep file uses only names it declares; each module is given exactly parameters it declares, and every one
 * without a default; the parameters file names only the main template's parameters and every one without a default.
 */
export function bicepProblems(project: DeployProject): string[] {
  const problems: string[] = [];
  const templates = [...project.files.keys()].filter((path) => path.endsWith(".bicep"));
  if (!templates.includes(MAIN_TEMPLATE)) return [`${MAIN_TEMPLATE} is missing`];
  for (const path of templates) {
    const source = project.text(path) ?? "";
    for (const name of undeclaredNames(source)) problems.push(`${path} uses "${name}", which it does not declare`);
    for (const call of moduleCalls(source)) {
      const modulePath = posix.join(posix.dirname(path), call.path);
      const module = project.text(modulePath);
      if (module === undefined) {
        problems.push(`${path} calls module ${call.path}, which does not exist`);
        continue;
      }
      problems.push(...argumentProblems(`${path} → ${modulePath}`, paramsOf(module), call.given));
    }
  }
  const parameters = project.text(MAIN_PARAMETERS);
  if (parameters === undefined) return [...problems, `${MAIN_PARAMETERS} is missing`];
  const given = Object.keys((JSON.parse(parameters) as { parameters?: object }).parameters ?? {});
  problems.push(...argumentProblems(MAIN_PARAMETERS, paramsOf(project.text(MAIN_TEMPLATE) ?? ""), given));
  return problems;
}

function argumentProblems(
  where: string,
  declared: readonly { name: string; hasDefault: boolean }[],
  given: readonly string[],
): string[] {
  const names = new Set(declared.map((p) => p.name));
  return [
    ...given.filter((name) => !names.has(name)).map((name) => `${where}: gives "${name}", which is not a parameter`),
    ...declared
      .filter((p) => !p.hasDefault && !given.includes(p.name))
      .map((p) => `${where}: does not give "${p.name}", which has no default`),
  ];
}
