import { describe, expect, it } from "vitest";
import { buildAppPackage, packageSources } from "../../../manifest/app-package.js";
import { LOCAL_PLACEHOLDERS } from "../../../manifest/package-settings.js";
import { pngSize } from "../../../manifest/png.js";
import { validateManifest } from "../../../manifest/validate-manifest.js";
import { parseRoute } from "../../../tab/src/routes.js";
import { readZip } from "./read-zip.js";

const BOT_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const CLIENT_ID = "9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d";
const production = {
  FC_MODE: "production",
  FC_BOT_APP_ID: BOT_ID,
  FC_CLIENT_ID: CLIENT_ID,
  FC_PUBLIC_BASE_URL: "https://fc.council.example/",
  FC_PRIVACY_URL: "https://www.council.example/privacy/family-centre",
  FC_TERMS_URL: "https://www.council.example/terms",
  FC_APP_VERSION: "1.4.0",
};

interface Manifest {
  id: string;
  version: string;
  name: { short: string };
  bots: { botId: string }[];
  staticTabs: { contentUrl?: string; websiteUrl?: string }[];
  configurableTabs: { configurationUrl: string; context: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  extensions: {
    requirements: { scopes: string[] };
    alternates?: { alternateIcons?: { icon: { url: string }; highResolutionIcon: { url: string } } }[];
    runtimes: { code: { page: string }; actions: { id: string; type: string }[] }[];
    ribbons: { contexts: string[]; tabs: { groups: { controls: { actionId: string }[] }[] }[] }[];
  }[];
}

const stringsIn = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(stringsIn)
      : value !== null && typeof value === "object"
        ? Object.values(value).flatMap(stringsIn)
        : [];

describe("the app package (npm run package)", () => {
  it("passes the official schema of the manifest version it declares", async () => {
    const { manifest } = await buildAppPackage(production);
    expect(validateManifest(manifest)).toEqual({ valid: true });
  });

  it("holds exactly manifest.json, color.png and outline.png at the root, the manifest being the one validated", async () => {
    const { manifest, zip } = await buildAppPackage(production);
    const entries = readZip(zip);
    expect([...entries.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(entries.get("manifest.json")!.toString("utf8"))).toEqual(manifest);
    expect(pngSize(entries.get("color.png")!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(entries.get("outline.png")!)).toEqual({ width: 32, height: 32 });
  });

  it("is the same bytes for the same settings, so a package can be rebuilt and compared", async () => {
    const [a, b] = await Promise.all([buildAppPackage(production), buildAppPackage(production)]);
    expect(a.zip.equals(b.zip)).toBe(true);
  });

  it("carries the deployment's bot id, version and tab sign-in registration", async () => {
    const manifest = (await buildAppPackage(production)).manifest as unknown as Manifest;
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots.map((b) => b.botId)).toEqual([BOT_ID]);
    expect(manifest.version).toBe("1.4.0");
    expect(manifest.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://fc.council.example/${CLIENT_ID}` });
    expect(manifest.name.short).not.toMatch(/local/i);
  });

  it("reads its ids from the Agents Toolkit's names (TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID, BOT_ENDPOINT)", async () => {
    const teamsAppId = "5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e";
    const { FC_BOT_APP_ID: _bot, FC_CLIENT_ID: _client, FC_PUBLIC_BASE_URL: _url, ...rest } = production;
    const toolkitEnv = {
      ...rest,
      TEAMS_APP_ID: teamsAppId,
      BOT_ID,
      AAD_APP_CLIENT_ID: CLIENT_ID,
      BOT_ENDPOINT: "https://fc-dev.azurewebsites.net",
    };
    const manifest = (await buildAppPackage(toolkitEnv)).manifest as unknown as Manifest;
    expect(manifest.id).toBe(teamsAppId);
    expect(manifest.bots.map((b) => b.botId)).toEqual([BOT_ID]);
    expect(manifest.webApplicationInfo).toEqual({
      id: CLIENT_ID,
      resource: `api://fc-dev.azurewebsites.net/${CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual(["fc-dev.azurewebsites.net"]);
  });

  it("prefers the FC_* name when both are set", async () => {
    const manifest = (await buildAppPackage({ ...production, BOT_ID: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d" }))
      .manifest as unknown as Manifest;
    expect(manifest.bots.map((b) => b.botId)).toEqual([BOT_ID]);
  });

  it("points every tab, page and icon at the configured public address, and allows only its domain", async () => {
    const manifest = (await buildAppPackage(production)).manifest as unknown as Manifest;
    const base = "https://fc.council.example/";
    const tabUrls = [
      ...manifest.staticTabs.flatMap((t) => [t.contentUrl, t.websiteUrl]).filter((u) => u !== undefined),
      ...manifest.configurableTabs.map((t) => t.configurationUrl),
    ];
    expect(tabUrls.length).toBeGreaterThan(4);
    for (const url of tabUrls) expect(url.startsWith(`${base}tab/`), url).toBe(true);
    const ours = stringsIn(manifest).filter(
      (s) =>
        /^https?:\/\//.test(s) &&
        !s.startsWith("https://developer.microsoft.com/") &&
        !s.includes("council.example/privacy") &&
        !s.includes("council.example/terms"),
    );
    for (const url of ours) expect(url.startsWith(base), url).toBe(true);
    expect(manifest.validDomains).toEqual(["fc.council.example"]);
  });

  it("offers the Outlook read-mail task pane at /tab/outlook.html behind a ribbon button", async () => {
    const manifest = (await buildAppPackage(production)).manifest as unknown as Manifest;
    const [outlook] = manifest.extensions;
    expect(outlook?.requirements.scopes).toEqual(["mail"]);
    expect(outlook?.runtimes.map((r) => r.code.page)).toEqual(["https://fc.council.example/tab/outlook.html"]);
    const openPage = outlook?.runtimes.flatMap((r) => r.actions).find((a) => a.type === "openPage");
    const ribbon = outlook?.ribbons.find((r) => r.contexts.includes("mailRead"));
    const buttons = ribbon?.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls)) ?? [];
    expect(buttons.map((b) => b.actionId)).toEqual([openPage?.id]);
  });

  it("gives the Outlook add-in alternateIcons (64 and 128 px), served from the tab's icons", async () => {
    const manifest = (await buildAppPackage(production)).manifest as unknown as Manifest;
    const icons = manifest.extensions[0]?.alternates?.[0]?.alternateIcons;
    expect([icons?.icon.url, icons?.highResolutionIcon.url]).toEqual([
      "https://fc.council.example/tab/icons/icon-64.png",
      "https://fc.council.example/tab/icons/icon-128.png",
    ]);
  });

  it("offers the configurable tab in channels, group chats and meetings, including the side panel", async () => {
    const manifest = (await buildAppPackage(production)).manifest as unknown as Manifest;
    expect(manifest.configurableTabs[0]?.context).toEqual(
      expect.arrayContaining(["channelTab", "meetingChatTab", "meetingDetailsTab", "meetingSidePanel"]),
    );
  });

  it("builds a valid local package with placeholder ids when nothing is set, and says it is a local build", async () => {
    const { manifest } = await buildAppPackage({});
    const m = manifest as unknown as Manifest;
    expect(validateManifest(manifest)).toEqual({ valid: true });
    expect(m.id).toBe(LOCAL_PLACEHOLDERS.FC_BOT_APP_ID);
    expect(m.name.short).toContain("(local build)");
    expect(m.version).toBe(packageSources().appVersion);
  });
});

describe("packaging settings that are wrong", () => {
  it("names FC_BOT_APP_ID when it is not a GUID", async () => {
    await expect(buildAppPackage({ ...production, FC_BOT_APP_ID: "fc-bot" })).rejects.toThrow(
      /FC_BOT_APP_ID: must be a GUID/,
    );
  });

  it("refuses an http:// public address in production", async () => {
    await expect(buildAppPackage({ ...production, FC_PUBLIC_BASE_URL: "http://fc.council.example" })).rejects.toThrow(
      /FC_PUBLIC_BASE_URL: must be https:\/\/ in production/,
    );
  });

  it("refuses the local placeholder ids in production", async () => {
    await expect(
      buildAppPackage({ ...production, FC_CLIENT_ID: LOCAL_PLACEHOLDERS.FC_CLIENT_ID }),
    ).rejects.toMatchObject({
      code: "MANIFEST.SETTINGS_INVALID",
      problems: [expect.stringMatching(/^FC_CLIENT_ID: is the local placeholder/)],
    });
  });

  it("lists every missing production setting at once", async () => {
    await expect(buildAppPackage({ FC_MODE: "production" })).rejects.toMatchObject({
      problems: [
        expect.stringMatching(/^FC_BOT_APP_ID: required/),
        expect.stringMatching(/^FC_CLIENT_ID: required/),
        expect.stringMatching(/^FC_PUBLIC_BASE_URL: required/),
        expect.stringMatching(/^FC_PRIVACY_URL: required/),
        expect.stringMatching(/^FC_TERMS_URL: required/),
      ],
    });
  });

  it("names the version when it is not MAJOR.MINOR.PATCH", async () => {
    await expect(buildAppPackage({ ...production, FC_APP_VERSION: "2" })).rejects.toThrow(
      /FC_APP_VERSION: must be MAJOR.MINOR.PATCH/,
    );
  });

  it("reports the manifest field the schema rejects, e.g. an accent colour that is not #RRGGBB", async () => {
    const sources = packageSources();
    const template = { ...(sources.template as Record<string, unknown>), accentColor: "green" };
    await expect(buildAppPackage(production, { ...sources, template })).rejects.toMatchObject({
      code: "MANIFEST.SCHEMA_INVALID",
      problems: [expect.stringContaining("/accentColor")],
    });
  });

  it("refuses a template placeholder the packager does not fill", async () => {
    const sources = packageSources();
    const template = { ...(sources.template as Record<string, unknown>), accentColor: "{{ACCENT_COLOUR}}" };
    await expect(buildAppPackage(production, { ...sources, template })).rejects.toThrow(/\{\{ACCENT_COLOUR\}\}/);
  });
});

describe("tab sign-in (webApplicationInfo)", () => {
  it("asks for the Application ID URI from FC_API_AUDIENCE, the list the service accepts", async () => {
    const audience = `api://fc.council.example/${CLIENT_ID}`;
    const { manifest } = await buildAppPackage({ ...production, FC_API_AUDIENCE: `${CLIENT_ID}, ${audience}` });
    expect((manifest as unknown as Manifest).webApplicationInfo.resource).toBe(audience);
  });

  it("names FC_API_AUDIENCE when it has no api:// URI", async () => {
    await expect(buildAppPackage({ ...production, FC_API_AUDIENCE: CLIENT_ID })).rejects.toThrow(
      /FC_API_AUDIENCE: must include the Application ID URI/,
    );
  });
});

describe("the personal tabs", () => {
  it("each open a view the tab knows (its hash route)", async () => {
    const manifest = (await buildAppPackage(production)).manifest as unknown as Manifest;
    const pages = manifest.staticTabs.flatMap((t) => (t.contentUrl === undefined ? [] : [t.contentUrl]));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(parseRoute(new URL(page).hash), page).toBeDefined();
  });
});
