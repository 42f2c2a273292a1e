import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

/** The deployment files of a checkout, by path relative to its root (forward slashes). */
export interface DeployProject {
  readonly files: ReadonlyMap<string, string>;
  /** The file's text; a missing file is a problem of its own, reported by the check that needs it. */
  text(path: string): string | undefined;
}

const TOP_LEVEL = [
  "m365agents.yml",
  "m365agents.local.yml",
  "aad.manifest.json",
  "env/.env.dev",
  "env/.env.local",
  "manifest/manifest.template.json",
];

function bicepFiles(root: string, dir = join(root, "infra")): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? bicepFiles(root, join(dir, entry.name))
      : entry.name.endsWith(".bicep") || entry.name.endsWith(".json")
        ? [relative(root, join(dir, entry.name)).split("\\").join("/")]
        : [],
  );
}

export function readDeployProject(root: string): DeployProject {
  const files = new Map<string, string>();
  for (const path of [...TOP_LEVEL, ...bicepFiles(root)]) {
    if (existsSync(join(root, path))) files.set(path, readFileSync(join(root, path), "utf8"));
  }
  return { files, text: (path) => files.get(path) };
}
