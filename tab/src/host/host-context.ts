import { fetchSignInConfig, nestedOrLegacyToken } from "./nested-auth.js";
import { pageConfigHost, type PageConfigHost } from "./tab-config.js";
import { themeNameFrom, type ThemeName } from "./theme.js";

/** Where the tab is running: inside Teams or Outlook (through teams-js), or a plain browser (local mode). */
export interface HostContext {
  readonly host: "Teams" | "Outlook" | "browser";
  /** teams-js frame context: `content` (tab), `sidePanel` (meeting side panel), `meetingStage`… */
  readonly frameContext: string;
  readonly theme: ThemeName;
  /** Subscribes to the host's theme changes; a no-op in a browser. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /**
   * An Entra token for the API: nested app authentication where the host offers it, else TeamsJS or Office.js
   * (tab SSO); undefined in a browser, where local mode signs its own.
   */
  getAuthToken?: () => Promise<string>;
  /** The setup page's Save button and what it stores (Teams' configurable tabs); undefined outside a host. */
  pageConfig?: PageConfigHost;
  /** The view a Teams deep link opened the tab on (its `subEntityId`, e.g. `case/FC-2026-000123`). */
  subPageId?: string;
}

const INITIALIZE_TIMEOUT_MS = 3_000;

export const BROWSER_HOST: HostContext = {
  host: "browser",
  frameContext: "content",
  theme: "light",
  onThemeChange: () => undefined,
};

/**
 * Initialises teams-js when a host could be around (framed, or a mobile webview), with a timeout so that a
 * page opened directly in a browser does not wait for a host that will never answer.
 */
export async function detectHost(win: Window = window): Promise<HostContext> {
  const mayHaveHost = win.parent !== win || win.opener !== null || "nativeInterface" in win;
  if (!mayHaveHost) return BROWSER_HOST;
  // Loaded only when a host may be there: at import, teams-js fetches its list of valid domains from a CDN.
  const { app, authentication, nestedAppAuth, pages } = await import("@microsoft/teams-js");
  try {
    await withTimeout(app.initialize(), INITIALIZE_TIMEOUT_MS);
    const context = await app.getContext();
    return {
      host: context.app.host.name === "Outlook" ? "Outlook" : "Teams",
      frameContext: context.page.frameContext ?? "content",
      theme: themeNameFrom(context.app.theme),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(themeNameFrom(theme))),
      getAuthToken: nestedOrLegacyToken(await fetchSignInConfig(), nestedAppAuth.isNAAChannelRecommended(), () =>
        authentication.getAuthToken(),
      ),
      pageConfig: pageConfigHost(pages.config),
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
    };
  } catch {
    return BROWSER_HOST;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The host did not answer.")), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error: unknown) => (clearTimeout(timer), reject(error instanceof Error ? error : new Error(String(error)))),
    );
  });
}
