import { useState } from "react";
import { ApiError, CONFLICT_MESSAGE } from "../api/api-error.js";
import { useAnnounce } from "./live-status.js";

/**
 * Runs a change (a decision, an event), then reloads so the view shows the result in place.
 * On 412 the view reloads too, and the person is told someone else changed the case.
 */
export function useAction(reload: () => Promise<void>) {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const run = async (change: () => Promise<{ data: object }>, done: string) => {
    setBusy(true);
    setError(undefined);
    setWarnings([]);
    try {
      const { data } = await change();
      const said = "warnings" in data ? (data as { warnings: readonly string[] }).warnings : [];
      setWarnings(said);
      announce(said.length > 0 ? `${done} ${said.join(" ")}` : done);
      await reload();
      return true;
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.isConflict) {
        announce(CONFLICT_MESSAGE);
        await reload().catch(() => undefined);
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, warnings, run };
}
