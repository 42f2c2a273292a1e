import { createContext, useContext, type ReactNode } from "react";
import type { MeResponse } from "../../src/api/contract.js";
import type { FcApi } from "./api/fc-api.js";

/** Who is signed in and how to reach the service; every view reads it, tests provide a fake API. */
export interface Session {
  readonly api: FcApi;
  readonly me: MeResponse;
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
