/** A packaging setting (an FC_* environment variable) is missing or wrong; each problem names the variable. */
export class ManifestSettingsError extends Error {
  readonly code = "MANIFEST.SETTINGS_INVALID";
  constructor(readonly problems: readonly string[]) {
    super(
      `The app package cannot be built until these settings are fixed:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ManifestSettingsError";
  }
}

/** The filled-in manifest breaks the official schema; each problem names the manifest field. */
export class ManifestSchemaError extends Error {
  readonly code = "MANIFEST.SCHEMA_INVALID";
  constructor(readonly problems: readonly string[]) {
    super(
      `The app manifest does not match Microsoft's schema (fix manifest/manifest.template.json or the setting that fills the field):\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "ManifestSchemaError";
  }
}

/** The template uses a placeholder the packager does not fill: a template and code out of step. */
export class ManifestTemplateError extends Error {
  readonly code = "MANIFEST.UNKNOWN_PLACEHOLDER";
  constructor(readonly placeholder: string) {
    super(`manifest/manifest.template.json uses {{${placeholder}}}, which manifest/build-manifest.ts does not fill.`);
    this.name = "ManifestTemplateError";
  }
}
