import { placeholderValues } from "../../manifest/build-manifest.js";
import { PACKAGE_SETTINGS, packageSettingsFrom } from "../../manifest/package-settings.js";
import { outputsOf } from "./bicep.js";
import { MAIN_TEMPLATE } from "./bicep-checks.js";
import type { DeployProject } from "./deploy-project.js";
import { sampleValue, succeeds } from "./sample-values.js";
import { envFileKeys, writtenByActions } from "./toolkit-env.js";

const TEMPLATE = "manifest/manifest.template.json";
const DEFAULTS = { appVersion: "1.0.0" };

/**
 * Every `{{PLACEHOLDER}}` in the manifest template has a value and every value a placeholder; and the production
 * package can be built from what the toolkit's dev environment holds once provisioned (its inputs, what actions
 * write, infra/'s outputs).
 */
export function manifestProblems(project: DeployProject): string[] {
  const template = project.text(TEMPLATE);
  if (template === undefined) return [`${TEMPLATE} is missing`];
  const placeholders = new Set([...template.matchAll(/\{\{([A-Z_]+)\}\}/g)].map((m) => m[1] ?? ""));
  const supplied = Object.keys(placeholderValues(packageSettingsFrom({}, DEFAULTS), "#000000"));
  const problems = [
    ...[...placeholders].filter((p) => !supplied.includes(p)).map((p) => `${TEMPLATE}: nothing fills {{${p}}}`),
    ...supplied.filter((p) => !placeholders.has(p)).map((p) => `${TEMPLATE}: the packager fills {{${p}}}, unused`),
  ];

  const provisioned = [
    ...envFileKeys(project.text("env/.env.dev") ?? ""),
    ...writtenByActions(project.text("m365agents.yml") ?? ""),
    ...outputsOf(project.text(MAIN_TEMPLATE) ?? ""),
  ].filter((name) => PACKAGE_SETTINGS.includes(name));
  const env: Record<string, string> = { FC_MODE: "production" };
  for (const name of provisioned) {
    if (name === "FC_MODE") continue;
    env[name] = sampleValue((value) => succeeds(() => packageSettingsFrom({ [name]: value }, DEFAULTS)));
  }
  try {
    packageSettingsFrom(env, DEFAULTS);
  } catch (error) {
    problems.push(`the app package cannot be built from env/.env.dev once provisioned: ${(error as Error).message}`);
  }
  return problems;
}
