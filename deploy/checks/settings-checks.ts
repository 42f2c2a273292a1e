import { PACKAGE_SETTINGS } from "../../manifest/package-settings.js";
import { CONFIG_SETTINGS, ConfigError, loadConfig } from "../../src/compose/config.js";
import { appSettingsOf, isLiteral, outputsOf } from "./bicep.js";
import { MAIN_PARAMETERS, MAIN_TEMPLATE } from "./bicep-checks.js";
import type { DeployProject } from "./deploy-project.js";
import { sampleValue, succeeds } from "./sample-values.js";
import { envFileKeys, references, runtimeEnvNames, settingName, writtenByActions } from "./toolkit-env.js";

/** App settings that App Service or Node read themselves; the service's configuration does not. */
export const PLATFORM_SETTINGS = new Set(["WEBSITE_RUN_FROM_PACKAGE", "SCM_DO_BUILD_DURING_DEPLOYMENT", "NODE_ENV"]);

const configProblems = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

/** What infra/ sets, with a stand-in for each value computed at deployment (as the service would see it). */
function infraEnvironment(settings: ReadonlyMap<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  // One stand-in per Bicep expression: the same expression gives the same value, different ones differ.
  const byExpression = new Map<string, string>();
  for (const [name, value] of settings) {
    if (!CONFIG_SETTINGS.includes(name)) continue;
    if (isLiteral(value)) {
      env[name] = value.slice(1, -1);
      continue;
    }
    const accepts = (v: string) =>
      !configProblems({ FC_MODE: "production", [name]: v }).some(
        (p) => p.startsWith(`${name}:`) || p.startsWith(`${name}.`),
      );
    const sample = byExpression.get(value) ?? sampleValue(accepts, new Set(byExpression.values()));
    byExpression.set(value, sample);
    env[name] = sample;
  }
  return env;
}

/**
 * infra/ sets every setting src/config.ts requires in production (the config itself is asked, with infra's literal
 * values and a stand-in for each computed one), and nothing the config does not read; each required setting
 * whose value varies by deployment is named in the toolkit's files; every FC_* name those files use is read by the
 * service or the packager.
 */
export function settingsProblems(project: DeployProject): string[] {
  const template = project.text(MAIN_TEMPLATE) ?? "";
  const settings = appSettingsOf(template);
  if (settings.size === 0) return [`${MAIN_TEMPLATE} sets no app settings (Microsoft.Web/sites/config appsettings)`];
  const problems: string[] = [];
  for (const name of settings.keys()) {
    if (!CONFIG_SETTINGS.includes(name) && !PLATFORM_SETTINGS.has(name)) {
      problems.push(`${MAIN_TEMPLATE} sets ${name}, which src/config.ts does not read`);
    }
  }
  if (settings.get("FC_MODE") !== "'production'") problems.push(`${MAIN_TEMPLATE} must set FC_MODE to 'production'`);
  const env = { ...infraEnvironment(settings), FC_MODE: "production" };
  const unmet = configProblems(env);
  for (const problem of unmet)
    problems.push(`${MAIN_TEMPLATE} does not satisfy src/config.ts in production: ${problem}`);

  const devYaml = project.text("m365agents.yml") ?? "";
  const devEnv = project.text("env/.env.dev") ?? "";
  const toolkitNames = new Set(
    [...envFileKeys(devEnv), ...references(devYaml), ...references(project.text(MAIN_PARAMETERS) ?? "")].map(
      settingName,
    ),
  );
  // Which settings are required is asked of a configuration that passes; else every one would seem to be.
  for (const name of unmet.length === 0 ? Object.keys(env) : []) {
    const required = !succeeds(() => loadConfig(Object.fromEntries(Object.entries(env).filter(([k]) => k !== name))));
    if (required && !isLiteral(settings.get(name) ?? "") && !toolkitNames.has(name)) {
      problems.push(`${name} is required in production but m365agents.yml, env/.env.dev and the parameters omit it`);
    }
  }

  const localYaml = project.text("m365agents.local.yml") ?? "";
  const fcNames = [
    ...toolkitNames,
    ...envFileKeys(project.text("env/.env.local") ?? ""),
    ...runtimeEnvNames(localYaml),
  ];
  for (const name of new Set(fcNames.filter((n) => n.startsWith("FC_")))) {
    if (!CONFIG_SETTINGS.includes(name) && !PACKAGE_SETTINGS.includes(name)) {
      problems.push(`the toolkit's files name ${name}, which neither src/config.ts nor the packager reads`);
    }
  }
  for (const name of outputsOf(template)) {
    if (!envFileKeys(devEnv).includes(name)) problems.push(`env/.env.dev does not list ${name}, an output of infra/`);
  }
  return problems;
}

/** Every `${{NAME}}` the toolkit fills is in the environment file, written by an earlier action, or a secret. */
export function referenceProblems(project: DeployProject): string[] {
  const environments = [
    { env: "env/.env.dev", files: ["m365agents.yml", MAIN_PARAMETERS, "aad.manifest.json"], yaml: "m365agents.yml" },
    { env: "env/.env.local", files: ["m365agents.local.yml"], yaml: "m365agents.local.yml" },
  ];
  return environments.flatMap(({ env, files, yaml }) => {
    const defined = new Set([...envFileKeys(project.text(env) ?? ""), ...writtenByActions(project.text(yaml) ?? "")]);
    return files.flatMap((file) =>
      [...new Set(references(project.text(file) ?? ""))]
        .filter((name) => !defined.has(name) && !name.startsWith("SECRET_"))
        .map((name) => `${file} uses \${{${name}}}, which ${env} does not define and no action writes`),
    );
  });
}
