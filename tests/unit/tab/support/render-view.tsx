import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import type { MeResponse } from "../../../../src/api/contract.js";
import type { FcApi } from "../../../../tab/src/api/fc-api.js";
import { LiveStatusProvider } from "../../../../tab/src/components/live-status.js";
import { SessionProvider } from "../../../../tab/src/session.js";

/** Renders a view as the tab does: Fluent theme, the live region, and a session with a fake API. */
export function renderView(ui: ReactNode, session: { api: FcApi; me: MeResponse }) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <LiveStatusProvider>
        <SessionProvider session={session}>{ui}</SessionProvider>
      </LiveStatusProvider>
    </FluentProvider>,
  );
}
