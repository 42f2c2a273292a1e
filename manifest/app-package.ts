import { readFileSync } from "node:fs";
import yazl from "yazl";
import { fillTemplate, placeholderValues, type Json } from "./build-manifest.js";
import { ManifestSchemaError } from "./errors.js";
import { ACCENT } from "./generate-icons.js";
import { packageSettingsFrom, type PackageSettings } from "./package-settings.js";
import { validateManifest } from "./validate-manifest.js";

export interface AppPackage {
  readonly settings: PackageSettings;
  /** The manifest exactly as validated and as written into the zip's manifest.json. */
  readonly manifest: Json;
  readonly zip: Buffer;
}

const here = (name: string) => new URL(name, import.meta.url);

/** The files the package holds, read from manifest/ (icons are committed; see generate-icons.ts). */
export const packageSources = () => ({
  template: JSON.parse(readFileSync(here("manifest.template.json"), "utf8")) as Json,
  color: readFileSync(here("color.png")),
  outline: readFileSync(here("outline.png")),
  appVersion: (JSON.parse(readFileSync(here("../package.json"), "utf8")) as { version: string }).version,
});

/**
 * Builds the Teams / Microsoft 365 app package for one deployment: settings from the environment, the template
 * filled in, validated against the official schema, zipped with its two icons at the root.
 */
export async function buildAppPackage(
  env: Readonly<Record<string, string | undefined>>,
  sources = packageSources(),
): Promise<AppPackage> {
  const settings = packageSettingsFrom(env, { appVersion: sources.appVersion });
  const manifest = fillTemplate(sources.template, placeholderValues(settings, ACCENT));
  const validation = validateManifest(manifest);
  if (!validation.valid) throw new ManifestSchemaError(validation.problems);
  const zip = await zipOf([
    ["manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
    ["color.png", sources.color],
    ["outline.png", sources.outline],
  ]);
  return { settings, manifest, zip };
}

// A fixed timestamp keeps the zip byte-for-byte the same for the same inputs.
const FIXED_MTIME = new Date("2026-01-01T00:00:00Z");

function zipOf(files: readonly (readonly [string, Buffer])[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of files) zip.addBuffer(content, name, { mtime: FIXED_MTIME });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}
