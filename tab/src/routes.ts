import type { CountyRoleName, MeResponse, PanelName, StaffRoleName } from "../../src/api/contract.js";

export type Route =
  | { readonly view: "triage" }
  | { readonly view: "agenda"; readonly panel: PanelName }
  | { readonly view: "pre-allocation" }
  | { readonly view: "my-cases" }
  | { readonly view: "case"; readonly caseId: string }
  | { readonly view: "team" }
  | { readonly view: "compliance" }
  /** Every centre's compliance and caseloads side by side, and the county's totals (a county manager's). */
  | { readonly view: "county" }
  /** Mail to the county's shared Front Door address that named no one centre (any centre's duty workers'). */
  | { readonly view: "county-triage" }
  | { readonly view: "settings" }
  /** The accessibility statement (Public Sector Bodies Accessibility Regulations 2018), open to everyone. */
  | { readonly view: "accessibility" }
  /** The cases a search found (`#/search/<words>`). */
  | { readonly view: "search"; readonly query: string }
  /** The configurable tab's setup page (channels, chats, meetings): which view the tab opens. */
  | { readonly view: "configure" };

const PANELS: readonly string[] = ["screening", "maam", "transfer-panel"] satisfies PanelName[];

/** `#/agenda/maam`, `#/case/FC-2026-000001`…; hash routes keep the tab's place inside Teams' frame. */
export function parseRoute(hash: string): Route | undefined {
  const [view, arg] = hash.replace(/^#\/?/, "").split("/");
  switch (view) {
    case "triage":
    case "pre-allocation":
    case "my-cases":
    case "team":
    case "compliance":
    case "county":
    case "county-triage":
    case "settings":
    case "accessibility":
    case "configure":
      return { view };
    case "agenda":
      return arg !== undefined && PANELS.includes(arg) ? { view, panel: arg as PanelName } : undefined;
    case "case":
      return arg ? { view, caseId: decodeURIComponent(arg) } : undefined;
    case "search":
      return arg ? { view, query: decodeURIComponent(arg) } : undefined;
    default:
      return undefined;
  }
}

/**
 * Where the tab opens: on the view a Teams deep link named (its `subPageId`, a hash route without `#/`), which wins
 * over the static tab's own view; else on the hash it was loaded with.
 */
export function openingHash(hash: string, subPageId?: string): string {
  const linked = subPageId === undefined ? undefined : parseRoute(subPageId);
  return linked === undefined ? hash : routeHash(linked);
}

export function routeHash(route: Route): string {
  if (route.view === "agenda") return `#/agenda/${route.panel}`;
  if (route.view === "case") return `#/case/${encodeURIComponent(route.caseId)}`;
  if (route.view === "search") return `#/search/${encodeURIComponent(route.query)}`;
  return `#/${route.view}`;
}

export interface NavItem {
  readonly hash: string;
  readonly label: string;
}

const may = (me: MeResponse, roles: readonly StaffRoleName[]) => roles.some((role) => me.roles.includes(role));

/**
 * The views this person's roles open (the API refuses the rest anyway; this keeps the tab honest). `countyRoles`:
 * a county manager also reads each centre's team and compliance views, and the county's.
 */
export function navItems(
  me: MeResponse,
  countyRoles: readonly CountyRoleName[] = me.countyRoles ?? [],
  /** The deployment reads a shared Front Door address (its county triage queue). */
  frontDoor = false,
): NavItem[] {
  const countyManager = countyRoles.includes("county-manager");
  const items: NavItem[] = [];
  if (may(me, ["duty-worker", "manager"])) items.push({ hash: "#/triage", label: "Triage" });
  if (may(me, ["duty-worker", "panel-member", "manager"]))
    for (const panel of panelsOf(me)) items.push({ hash: `#/agenda/${panel.id}`, label: panel.name });
  if (may(me, ["duty-worker", "manager"]) && frontDoor) items.push({ hash: "#/county-triage", label: "County triage" });
  if (may(me, ["duty-worker", "manager"])) items.push({ hash: "#/pre-allocation", label: "Pre-Allocation List" });
  if (may(me, ["practitioner", "duty-worker", "manager"])) items.push({ hash: "#/my-cases", label: "My cases" });
  if (may(me, ["manager", "admin"]) || countyManager) {
    items.push({ hash: "#/team", label: "Team" });
    items.push({ hash: "#/compliance", label: "Compliance" });
  }
  if (countyManager) items.push({ hash: "#/county", label: "County" });
  if (may(me, ["admin"])) items.push({ hash: "#/settings", label: "Settings" });
  return items;
}

/** Daily screening is in every framework (rule 2.1); the profile lists its other panels (MAAM, transfer panel). */
export function panelsOf(me: MeResponse): { id: PanelName; name: string }[] {
  const others = me.profile.panels.filter((p) => p.id !== "screening" && PANELS.includes(p.id));
  return [
    { id: "screening", name: "Daily screening" },
    ...others.map((p) => ({ id: p.id as PanelName, name: p.name })),
  ];
}

/** A view a channel, chat or meeting tab can be set to open, named as the tab's title. */
export interface TabView {
  readonly id: string;
  readonly hash: string;
  readonly name: string;
}

/** What a configurable tab may show: the shared lists and agendas (and each viewer's own cases), not Settings. */
export function tabViews(me: MeResponse): TabView[] {
  return [
    { id: "triage", hash: "#/triage", name: "Triage queue" },
    ...panelsOf(me).map((p) => ({ id: `agenda-${p.id}`, hash: `#/agenda/${p.id}`, name: `${p.name} agenda` })),
    { id: "pre-allocation", hash: "#/pre-allocation", name: "Pre-Allocation List" },
    { id: "my-cases", hash: "#/my-cases", name: "My cases" },
    { id: "team", hash: "#/team", name: "Team caseloads" },
    { id: "compliance", hash: "#/compliance", name: "Compliance" },
  ];
}
