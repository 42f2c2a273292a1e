/** The Agents Toolkit's environment files and `${{NAME}}` references, read as the toolkit reads them. */

/** The names an `env/.env.*` file sets (empty values included: provisioning fills them). */
export const envFileKeys = (text: string): string[] =>
  [...text.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1] ?? "");

/** Every `${{NAME}}` a toolkit file refers to. */
export const references = (text: string): string[] =>
  [...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? "");

/** Names an action writes to the environment (`writeToEnvironmentFile:` values; `SECRET_` ones go to `.user`). */
export function writtenByActions(yaml: string): string[] {
  const written: string[] = [];
  for (const block of yaml.matchAll(/writeToEnvironmentFile:\s*\n((?:\s{6,}\w+:\s*\w+\s*\n?)+)/g)) {
    for (const line of (block[1] ?? "").matchAll(/^\s+\w+:\s*(\w+)/gm)) written.push(line[1] ?? "");
  }
  return written;
}

/** The names `file/createOrUpdateEnvironmentFile` writes for the service to read (its `envs:` keys). */
export function runtimeEnvNames(yaml: string): string[] {
  const block = /envs:\s*\n((?:\s{8,}\w+:.*\n?)+)/.exec(yaml)?.[1] ?? "";
  return [...block.matchAll(/^\s+(\w+):/gm)].map((m) => m[1] ?? "");
}

/** A secret's toolkit name is `SECRET_` + the setting's, kept in the git-ignored `.env.*.user`. */
export const settingName = (toolkitName: string): string => toolkitName.replace(/^SECRET_/, "");
