import { FluentProvider, Spinner } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { DevUser } from "../../src/api/contract.js";
import { createCountyApi, createFcApi } from "./api/fc-api.js";
import { createHttpClient, forCentre, type HttpClient } from "./api/http-client.js";
import { devTokenSource, fetchDevUsers } from "./api/tokens.js";
import { LiveStatusProvider } from "./components/live-status.js";
import { LocalModeBar } from "./components/local-mode-bar.js";
import { useNarrowScreens } from "./components/narrow-screens.js";
import { ProblemBar } from "./components/problem-bar.js";
import { detectHost, type HostContext } from "./host/host-context.js";
import { fluentTheme, themeOverride, type ThemeName } from "./host/theme.js";
import { SessionProvider, type Session } from "./session.js";

const ACTING_AS = "fc.actingAs";
/** The centre last chosen in the switcher, kept on this device. */
const CENTRE = "fc.centre";

interface Started {
  readonly host: HostContext;
  readonly http: HttpClient;
  readonly local?: { readonly users: readonly DevUser[]; readonly actingAs: string };
}

/** The person's centres, and the chosen one's API and who they are there (its roles, its profile). */
async function openCentre(http: HttpClient, wanted: string | null, choose: (id: string) => void): Promise<Session> {
  const county = createCountyApi(http);
  const mine = (await county.myCentres()).data;
  const current = mine.centres.find((c) => c.id === wanted)?.id ?? mine.centres[0]?.id;
  if (current === undefined) throw new Error("You are not on any Family Centre's staff list. Ask an admin.");
  const api = createFcApi(forCentre(http, current));
  return { api, me: (await api.me()).data, centres: { mine, current, choose, county } };
}

/** Finds the host, gets a token (Teams SSO, or a local development token), and who the person is. */
async function start(detect: () => Promise<HostContext>): Promise<Started> {
  const host = await detect();
  if (host.getAuthToken) return { host, http: createHttpClient("", host.getAuthToken) };
  const { users } = await fetchDevUsers();
  const wanted = new URLSearchParams(window.location.search).get("as") ?? sessionStorage.getItem(ACTING_AS);
  const actingAs = users.find((u) => u.staffId === wanted)?.staffId ?? users[0]?.staffId;
  if (actingAs === undefined) throw new Error("Local mode has no staff to act as.");
  return { host, http: createHttpClient("", devTokenSource(actingAs)), local: { users, actingAs } };
}

/** What the tab and the Outlook pane share: theme, live region, session, and the local-mode banner. */
export function Shell(props: {
  children: (host: HostContext) => ReactNode;
  /** How to find the host: teams-js for the tab, Office.js for the Outlook pane. */
  detect?: () => Promise<HostContext>;
}) {
  const { children, detect = detectHost } = props;
  const override = themeOverride(window.location.search);
  const [theme, setTheme] = useState<ThemeName>(override ?? "light");
  const [started, setStarted] = useState<Started | undefined>(undefined);
  const [session, setSession] = useState<Session | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useNarrowScreens();

  useEffect(() => {
    // Choosing another centre opens it with the same sign-in: its API, and who the person is there.
    const open = (http: HttpClient, wanted: string | null): Promise<Session> =>
      openCentre(http, wanted, (centreId) => {
        localStorage.setItem(CENTRE, centreId);
        setSession(undefined);
        open(http, centreId).then(setSession).catch(setError);
      });
    start(detect)
      .then(async (s) => {
        setStarted(s);
        if (override === undefined) {
          setTheme(s.host.theme);
          s.host.onThemeChange(setTheme);
        }
        setSession(await open(s.http, localStorage.getItem(CENTRE)));
      })
      .catch(setError);
  }, [override, detect]);

  const switchUser = (staffId: string) => {
    sessionStorage.setItem(ACTING_AS, staffId);
    const url = new URL(window.location.href);
    url.searchParams.delete("as");
    window.location.replace(url.toString());
  };

  return (
    <FluentProvider theme={fluentTheme(theme)} style={{ minHeight: "100vh", padding: "12px" }}>
      <LiveStatusProvider>
        {started?.local ? <LocalModeBar {...started.local} onSwitch={switchUser} /> : null}
        {error !== undefined ? (
          <ProblemBar error={error} />
        ) : started && session ? (
          <SessionProvider key={session.centres?.current} session={session}>
            {children(started.host)}
          </SessionProvider>
        ) : (
          <Spinner label="Opening the Family Centre tab…" />
        )}
      </LiveStatusProvider>
    </FluentProvider>
  );
}
