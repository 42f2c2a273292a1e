import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormatsPlugin from "ajv-formats";

/** The manifest is valid, or these are the fields the official schema objects to (path: message). */
export type ManifestValidation = { readonly valid: true } | { readonly valid: false; readonly problems: string[] };

// Both packages are CommonJS whose module.exports is the default export; `.default` is the same function.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsPlugin.default;

const schemasDir = join(
  dirname(createRequire(import.meta.url).resolve("@microsoft/app-manifest/package.json")),
  "build/json-schemas/teams",
);

/**
 * Validates a manifest against the official schema of the version it declares (`manifestVersion`), as shipped by
 * `@microsoft/app-manifest` (draft-04, hence `ajv-draft-04`).
 */
export function validateManifest(manifest: unknown): ManifestValidation {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== "string" || !/^\d+\.\d+$/.test(version)) {
    return { valid: false, problems: ['/manifestVersion: must be a released schema version such as "1.24"'] };
  }
  const validate = compiled(version);
  if (validate === undefined) {
    return { valid: false, problems: [`/manifestVersion: @microsoft/app-manifest ships no schema v${version}`] };
  }
  if (validate(manifest)) return { valid: true };
  return { valid: false, problems: (validate.errors ?? []).map(describe) };
}

const cache = new Map<string, ReturnType<InstanceType<typeof Ajv>["compile"]>>();

function compiled(version: string) {
  const known = cache.get(version);
  if (known) return known;
  let schema: object;
  try {
    schema = JSON.parse(readFileSync(join(schemasDir, `v${version}`, "MicrosoftTeams.schema.json"), "utf8")) as object;
  } catch {
    return undefined;
  }
  // The official schemas use keywords and formats ajv's strict mode does not know; they are Microsoft's to fix.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  cache.set(version, validate);
  return validate;
}

function describe(error: { instancePath: string; message?: string; params: Record<string, unknown> }): string {
  const extra = typeof error.params.additionalProperty === "string" ? ` (${error.params.additionalProperty})` : "";
  return `${error.instancePath || "/"}: ${error.message ?? "is invalid"}${extra}`;
}
