import type { BotDeps } from "../bot-deps.js";

/** The manifest's personal tabs a card links into (manifest/manifest.template.json `staticTabs`). */
export type TabEntity = "triage" | "my-cases";

/**
 * A link from a card to a view of the tab, by its hash route (`case/FC-2026-000123`, tab/src/routes.ts). With the
 * Teams app's id it is a Teams deep link, which opens the personal tab inside Teams (a plain URL opens a browser,
 * outside Teams' sign-in); the route rides as `subEntityId`, which the tab reads through TeamsJS as
 * `page.subPageId`. `webUrl` is where a client that cannot open the tab goes. Without an app id (local mode, no
 * Teams): the tab's own URL.
 */
export function tabLink(deps: Pick<BotDeps, "tabUrl" | "teamsAppId">, entity: TabEntity, route: string, label: string) {
  const web = new URL(deps.tabUrl ?? "https://teams.microsoft.com/");
  web.hash = `/${route}`;
  if (deps.teamsAppId === undefined) return web.toString();
  const link = new URL(`https://teams.microsoft.com/l/entity/${deps.teamsAppId}/${entity}`);
  link.searchParams.set("webUrl", web.toString());
  link.searchParams.set("label", label);
  link.searchParams.set("context", JSON.stringify({ subEntityId: route }));
  return link.toString();
}

/** A case's page in the tab. */
export const caseLink = (deps: Pick<BotDeps, "tabUrl" | "teamsAppId">, entity: TabEntity, caseId: string) =>
  tabLink(deps, entity, `case/${encodeURIComponent(caseId)}`, `Case ${caseId}`);
