import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/compose/config.js";

const production = {
  FC_MODE: "production",
  FC_PUBLIC_BASE_URL: "https://fc.council.example",
  FC_NOTIFICATION_CLIENT_STATE: "a-random-client-state-of-32-chars",
  FC_TENANT_ID: "0f3c9a52-6f1e-4c43-9d7b-2a8e5b1c4d90",
  FC_BOT_APP_ID: "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
  FC_CLIENT_ID: "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
  FC_CLIENT_SECRET: "resolved-by-app-service",
  FC_STORAGE_ACCOUNT_URL: "https://fcstorage.table.core.windows.net",
  FC_AUDIT_BLOB_ACCOUNT_URL: "https://fcstorage.blob.core.windows.net",
};
const reference = "@Microsoft.KeyVault(SecretUri=https://fc-vault.vault.azure.net/secrets/graph-client-secret/)";

const problemsOf = (env: Record<string, string>): readonly string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe("secrets come from the environment, resolved from Key Vault by the platform", () => {
  it("starts when App Service has resolved the Key Vault references into the secrets themselves", () => {
    expect(loadConfig(production).graph.clientSecret).toBe("resolved-by-app-service");
  });

  it("refuses to start with a Key Vault reference App Service could not resolve, and says what to check", () => {
    const problems = problemsOf({ ...production, FC_CLIENT_SECRET: reference });
    expect(problems).toEqual([
      expect.stringMatching(/^FC_CLIENT_SECRET: is still an @Microsoft\.KeyVault\(\.\.\.\) reference/),
    ]);
    expect(problems[0]).toContain("managed identity");
    expect(problems[0]).not.toContain("graph-client-secret");
  });

  it("catches an unresolved reference in any setting, in either spelling, alongside the other problems", () => {
    const problems = problemsOf({
      ...production,
      FC_BOT_APP_PASSWORD: ` @microsoft.keyvault(VaultName=fc-vault;SecretName=bot)`,
      FC_NOTIFICATION_CLIENT_STATE: reference,
      FC_PORT: "not-a-port",
    });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "FC_BOT_APP_PASSWORD",
      "FC_NOTIFICATION_CLIENT_STATE",
      "FC_PORT",
    ]);
  });

  it("refuses one in local mode too (a reference is never a usable value)", () => {
    expect(problemsOf({ FC_MODE: "local", FC_NOTIFICATION_CLIENT_STATE: reference })).toEqual([
      expect.stringMatching(/^FC_NOTIFICATION_CLIENT_STATE: is still an @Microsoft\.KeyVault/),
    ]);
  });
});

const root = fileURLToPath(new URL("../../../", import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|json)$/.test(entry.name) ? [path] : [];
  });

/** Shapes of real credentials: Azure account keys, connection strings with a key, Entra client secrets, JWTs, PEM keys. */
const SECRET_SHAPES: readonly (readonly [string, RegExp])[] = [
  ["storage account key", /AccountKey=[A-Za-z0-9+/]{20,}={0,2}/],
  ["shared access signature", /SharedAccessSignature=|[?&]sig=[A-Za-z0-9%+/]{20,}/],
  ["Entra client secret", /\b[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}\b/],
  ["base64 key of 64 bytes", /["'`][A-Za-z0-9+/]{86}==["'`]/],
  ["JSON web token", /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
  ["private key", /-----BEGIN (RSA |EC )?PRIVATE KEY-----/],
  ["password assignment", /(password|secret|clientSecret)\s*[:=]\s*["'`][^"'`\s]{12,}["'`]/i],
];

// The one credential the service code may name: Azurite's published development account, refused in production.
const AZURITE_DEV_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

describe("no credentials are written into the service's code", () => {
  const files = [...sourceFiles("src"), ...sourceFiles("bot")];

  it("scans the whole of src/ and bot/", () => {
    expect(files).toContain(join("src", "compose", "config.ts"));
    expect(files.some((f) => f.startsWith("bot"))).toBe(true);
  });

  it("finds none of the shapes of a real secret (the Azurite development key aside)", () => {
    const findings = files.flatMap((file) => {
      const text = readFileSync(join(root, file), "utf8").split(AZURITE_DEV_KEY).join("<azurite-dev-key>");
      return SECRET_SHAPES.filter(([, shape]) => shape.test(text)).map(([what]) => `${relative(".", file)}: ${what}`);
    });
    expect(findings).toEqual([]);
  });

  it("would notice each shape (the scan can fail)", () => {
    const samples = [
      "DefaultEndpointsProtocol=https;AccountName=fc;AccountKey=" + "Q".repeat(86) + "==;",
      "https://fc.table.core.windows.net/?sv=2022&sig=" + "a".repeat(40),
      "abc" + "8Q~" + "x".repeat(32),
      `"${"k".repeat(86)}=="`,
      "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0." + "s".repeat(30),
      "-----BEGIN PRIVATE KEY-----",
      `clientSecret: "${"z".repeat(20)}"`,
    ];
    expect(SECRET_SHAPES.map(([, shape], i) => shape.test(samples[i] ?? ""))).toEqual(SECRET_SHAPES.map(() => true));
  });
});
