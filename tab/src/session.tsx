import { createContext, useContext, type ReactNode } from "react";
import type { MeResponse, MyCentresResponse } from "../../src/api/contract.js";
import type { CountyApi, FcApi } from "./api/fc-api.js";

/** The centres the person works in, the one the tab is showing, and how to show another. */
export interface CentreChoice {
  readonly mine: MyCentresResponse;
  readonly current: string;
  choose(centreId: string): void;
  readonly county: CountyApi;
}

/**
 * Who is signed in and how to reach the service (`api`: the chosen centre's); every view reads it, tests provide a
 * fake API. `centres`: absent where the service could not say (a fake session).
 */
export interface Session {
  readonly api: FcApi;
  readonly me: MeResponse;
  readonly centres?: CentreChoice;
}

const SessionContext = createContext<Session | undefined>(undefined);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error("A view was rendered outside SessionProvider.");
  return session;
}
