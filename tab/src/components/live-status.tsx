import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { useSharedStyles } from "./styles.js";

type Announce = (message: string) => void;

const LiveStatusContext = createContext<Announce>(() => undefined);

/** One polite live region for the whole tab: async outcomes ("Decision recorded") are read out once. */
export function LiveStatusProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const styles = useSharedStyles();
  const announce = useCallback((text: string) => setMessage(text), []);
  return (
    <LiveStatusContext.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {message}
      </div>
    </LiveStatusContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(LiveStatusContext);
}
