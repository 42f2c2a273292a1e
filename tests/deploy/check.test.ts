import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deployProblems } from "../../deploy/check.js";
import { readDeployProject } from "../../deploy/checks/deploy-project.js";

const ROOT = join(import.meta.dirname, "../..");
const COPIED = ["infra", "env", "manifest", "m365agents.yml", "m365agents.local.yml", "aad.manifest.json"];

/** A copy of the checkout's deployment files with one edit planted. */
function withEdit(path: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "deploy-check-"));
  for (const entry of COPIED) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  const before = readFileSync(join(dir, path), "utf8");
  const after = edit(before);
  if (after === before) throw new Error(`the planted edit changed nothing in ${path}`);
  writeFileSync(join(dir, path), after);
  return dir;
}

const problemsAfter = (path: string, edit: (text: string) => string) =>
  deployProblems(readDeployProject(withEdit(path, edit)));

describe("npm run deploy:check", () => {
  it("finds infra/, the toolkit files, the manifest template and the config in agreement", () => {
    expect(deployProblems(readDeployProject(ROOT))).toEqual([]);
  });

  it("fails when infra/ stops setting a setting production requires", () => {
    const problems = problemsAfter("infra/azure.bicep", (t) => t.replace(/^\s+FC_TENANT_ID: .*\n/m, ""));
    expect(problems).toEqual([expect.stringMatching(/does not satisfy src\/config\.ts in production: FC_TENANT_ID/)]);
  });

  it("fails when infra/ sets a setting the config does not read", () => {
    const problems = problemsAfter("infra/azure.bicep", (t) =>
      t.replace("FC_MODE: 'production'", "FC_MODE: 'production'\n    FC_MAILBOXES: mailbox"),
    );
    expect(problems).toEqual(["infra/azure.bicep sets FC_MAILBOXES, which src/config.ts does not read"]);
  });

  it("fails when a Bicep file uses a parameter it does not declare", () => {
    const problems = problemsAfter("infra/storage/storage.bicep", (t) =>
      t.replace("allowSharedKeyAccess: false", "allowSharedKeyAccess: sharedKeys"),
    );
    expect(problems).toEqual(['infra/storage/storage.bicep uses "sharedKeys", which it does not declare']);
  });

  it("fails when a module is given a parameter it lacks, or not one it needs", () => {
    const problems = problemsAfter("infra/azure.bicep", (t) =>
      t.replace("    storageSKU: storageSKU\n", "    sku: storageSKU\n"),
    );
    expect(problems).toEqual([
      'infra/azure.bicep → infra/storage/storage.bicep: gives "sku", which is not a parameter',
      'infra/azure.bicep → infra/storage/storage.bicep: does not give "storageSKU", which has no default',
    ]);
  });

  it("fails when the parameters file names a parameter the template does not declare", () => {
    const problems = problemsAfter("infra/azure.parameters.json", (t) => t.replace('"webAppSKU"', '"webAppSku"'));
    expect(problems).toEqual([
      'infra/azure.parameters.json: gives "webAppSku", which is not a parameter',
      'infra/azure.parameters.json: does not give "webAppSKU", which has no default',
    ]);
  });

  it("fails when a toolkit file refers to a variable nothing defines", () => {
    const problems = problemsAfter("m365agents.yml", (t) => t.replace("${{FC_MAILBOX}}", "${{FC_MAIL_BOX}}"));
    expect(problems).toContain(
      "m365agents.yml uses ${{FC_MAIL_BOX}}, which env/.env.dev does not define and no action writes",
    );
  });

  it("fails when the toolkit's environment names an FC_ setting nothing reads", () => {
    const problems = problemsAfter("env/.env.dev", (t) =>
      t.replace("FC_CENTRE_NAME=", "FC_CENTER_NAME=\nFC_CENTRE_NAME="),
    );
    expect(problems).toEqual([
      "the toolkit's files name FC_CENTER_NAME, which neither src/config.ts nor the packager reads",
    ]);
  });

  it("fails when a setting production requires varies by deployment but the toolkit's files never name it", () => {
    const problems = problemsAfter("env/.env.dev", (t) => t.replace(/^FC_TENANT_ID=\n/m, ""));
    expect(problems).toEqual([
      "FC_TENANT_ID is required in production but m365agents.yml, env/.env.dev and the parameters omit it",
      "env/.env.dev does not list FC_TENANT_ID, an output of infra/",
    ]);
  });

  it("fails when the manifest template gains a placeholder the packager does not fill", () => {
    const problems = problemsAfter("manifest/manifest.template.json", (t) =>
      t.replace('"accentColor": "{{ACCENT_COLOR}}"', '"accentColor": "{{ACCENT_COLOUR}}"'),
    );
    expect(problems).toEqual([
      "manifest/manifest.template.json: nothing fills {{ACCENT_COLOUR}}",
      "manifest/manifest.template.json: the packager fills {{ACCENT_COLOR}}, unused",
    ]);
  });

  it("exits non-zero naming the problem when run on a checkout with a planted mismatch", async () => {
    const root = withEdit("infra/azure.bicep", (t) => t.replace(/^\s+FC_BOT_APP_ID: .*\n/m, ""));
    const run = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", join(ROOT, "deploy/check.ts"), "--root", root],
        { cwd: ROOT },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/FC_BOT_APP_ID: required/);
  });
});
