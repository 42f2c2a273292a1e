import { Button } from "@fluentui/react-components";
import { useAnnounce } from "./live-status.js";
import { ProblemBar } from "./problem-bar.js";
import type { LoadMore } from "./use-paged-resource.js";

/** The next page of a long list, on request; says how many are shown so a screen reader hears the change. */
export function LoadMoreButton({ more, what, shown }: { more: LoadMore; what: string; shown: number }) {
  const announce = useAnnounce();
  if (!more.available && more.error === undefined) return null;
  return (
    <div>
      {more.available ? (
        <Button
          onClick={() => void more.load().then((added) => added && announce(`More ${what} loaded.`))}
          disabled={more.loading}
        >
          {more.loading ? `Loading more ${what}…` : `Load more ${what} (${shown} shown)`}
        </Button>
      ) : null}
      {more.error === undefined ? null : <ProblemBar error={more.error} />}
    </div>
  );
}
