import { Link, Tab, TabList } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { CaseSearch } from "./components/case-search.js";
import { CentreSwitcher } from "./components/centre-switcher.js";
import { useSharedStyles } from "./components/styles.js";
import { ViewForRoute } from "./components/view-for-route.js";
import type { PageConfigHost } from "./host/tab-config.js";
import { navItems, openingHash, panelsOf, parseRoute, type Route } from "./routes.js";
import { useSession } from "./session.js";
import { AgendaView } from "./views/agenda-view.js";

/** The tab: views this person may open as a TabList, routed by the URL hash (or the deep link that opened it). */
export function App({
  frameContext = "content",
  pageConfig,
  subPageId,
}: {
  frameContext?: string;
  pageConfig?: PageConfigHost;
  subPageId?: string;
}) {
  const { me, centres } = useSession();
  const styles = useSharedStyles();
  const items = navItems(me, centres?.mine.countyRoles, centres?.mine.frontDoor === true);
  const [hash, setHash] = useState(() => openingHash(window.location.hash, subPageId));
  useEffect(() => {
    // A deep link's view goes into the URL, so that the tabs and Back work from it.
    if (hash !== window.location.hash) window.location.hash = hash;
    const onChange = () => setHash(window.location.hash);
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);

  const routed = parseRoute(hash);
  // In a meeting's side panel there is room for one thing: the panel's agenda (the one the tab was set up with,
  // else the first panel after screening), compactly.
  if (frameContext === "sidePanel") {
    const panels = panelsOf(me);
    const panel =
      routed?.view === "agenda" ? routed.panel : (panels.find((p) => p.id !== "screening") ?? panels[0])?.id;
    return panel ? <AgendaView panel={panel} compact /> : <p>This profile has no panels.</p>;
  }
  // The setup page opens in Teams' own dialog: no navigation around it.
  if (routed?.view === "configure") return <ViewForRoute route={routed} pageConfig={pageConfig} />;

  const route: Route | undefined = routed ?? (items[0] ? parseRoute(items[0].hash) : undefined);
  const selected =
    items.find((item) => item.hash === hash)?.hash ??
    (route?.view === "case" || route?.view === "search" ? "" : items[0]?.hash);
  return (
    <div className={styles.stack}>
      {centres ? <CentreSwitcher choice={centres} /> : null}
      {/* A county manager on none of this centre's rows reads its figures, never its cases: nothing to search. */}
      {me.roles.length > 0 ? (
        <CaseSearch
          key={route?.view === "search" ? route.query : ""}
          initial={route?.view === "search" ? route.query : ""}
        />
      ) : null}
      <nav aria-label="Views">
        <TabList
          selectedValue={selected}
          onTabSelect={(_, data) => {
            window.location.hash = String(data.value);
          }}
        >
          {items.map((item) => (
            <Tab key={item.hash} value={item.hash}>
              {item.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main>
        {route ? <ViewForRoute route={route} /> : <p>Your roles do not open any view. Ask an administrator.</p>}
      </main>
      <footer>
        <Link href="#/accessibility">Accessibility statement</Link>
      </footer>
    </div>
  );
}
