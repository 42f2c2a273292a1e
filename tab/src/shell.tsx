import { FluentProvider, Spinner } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { DevUser, MeResponse } from "../../src/api/contract.js";
import { createFcApi, type FcApi } from "./api/fc-api.js";
import { createHttpClient } from "./api/http-client.js";
import { devTokenSource, fetchDevUsers } from "./api/tokens.js";
import { LiveStatusProvider } from "./components/live-status.js";
import { LocalModeBar } from "./components/local-mode-bar.js";
import { useNarrowScreens } from "./components/narrow-screens.js";
import { ProblemBar } from "./components/problem-bar.js";
import { detectHost, type HostContext } from "./host/host-context.js";
import { fluentTheme, themeOverride, type ThemeName } from "./host/theme.js";
import { SessionProvider } from "./session.js";

const ACTING_AS = "fc.actingAs";

interface Started {
  readonly host: HostContext;
  readonly api: FcApi;
  readonly local?: { readonly users: readonly DevUser[]; readonly actingAs: string };
}

/** Finds the host, gets a token (Teams SSO, or a local development token), and who the person is. */
async function start(detect: () => Promise<HostContext>): Promise<Started> {
  const host = await detect();
  if (host.getAuthToken) return { host, api: createFcApi(createHttpClient("", host.getAuthToken)) };
  const { users } = await fetchDevUsers();
  const wanted = new URLSearchParams(window.location.search).get("as") ?? sessionStorage.getItem(ACTING_AS);
  const actingAs = users.find((u) => u.staffId === wanted)?.staffId ?? users[0]?.staffId;
  if (actingAs === undefined) throw new Error("Local mode has no staff to act as.");
  return { host, api: createFcApi(createHttpClient("", devTokenSource(actingAs))), local: { users, actingAs } };
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
  const [me, setMe] = useState<MeResponse | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  useNarrowScreens();

  useEffect(() => {
    start(detect)
      .then(async (s) => {
        setStarted(s);
        if (override === undefined) {
          setTheme(s.host.theme);
          s.host.onThemeChange(setTheme);
        }
        setMe((await s.api.me()).data);
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
        ) : started && me ? (
          <SessionProvider session={{ api: started.api, me }}>{children(started.host)}</SessionProvider>
        ) : (
          <Spinner label="Opening the Family Centre tab…" />
        )}
      </LiveStatusProvider>
    </FluentProvider>
  );
}
