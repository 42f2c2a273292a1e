import { ManifestTemplateError } from "./errors.js";
import type { PackageSettings } from "./package-settings.js";

/** A JSON value: what the template and the manifest are made of. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

const LOCAL_NOTE = " LOCAL BUILD: placeholder ids, for trying the package locally; not for a council's tenant.";

/** The value each `{{PLACEHOLDER}}` in manifest/manifest.template.json takes for these settings. */
export function placeholderValues(settings: PackageSettings, accentColor: string): Readonly<Record<string, string>> {
  const local = settings.mode === "local";
  return {
    APP_VERSION: settings.appVersion,
    APP_ID: settings.appId,
    BOT_APP_ID: settings.botAppId,
    CLIENT_ID: settings.clientId,
    API_AUDIENCE: settings.apiAudience,
    PUBLIC_BASE_URL: settings.publicBaseUrl,
    PUBLIC_HOST: new URL(settings.publicBaseUrl).hostname,
    DEVELOPER_NAME: settings.publisherName,
    PRIVACY_URL: settings.privacyUrl,
    TERMS_OF_USE_URL: settings.termsOfUseUrl,
    ACCENT_COLOR: accentColor,
    NAME_SUFFIX: local ? " (local build)" : "",
    DESCRIPTION_NOTE: local ? LOCAL_NOTE : "",
  };
}

/**
 * Fills the template's placeholders inside string values (so a value can never break the JSON around it) and
 * refuses a placeholder it does not know.
 */
export function fillTemplate(template: Json, values: Readonly<Record<string, string>>): Json {
  if (typeof template === "string") {
    return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new ManifestTemplateError(name);
      return value;
    });
  }
  if (Array.isArray(template)) return template.map((item: Json) => fillTemplate(item, values));
  if (template !== null && typeof template === "object") {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, values)]));
  }
  return template;
}
