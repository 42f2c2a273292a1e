import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiResponse } from "../api/http-client.js";

export type Resource<T> =
  | { readonly status: "loading" }
  | { readonly status: "failed"; readonly error: unknown }
  | { readonly status: "ready"; readonly data: T; readonly etag?: string };

/**
 * Loads what `key` names, again when the key changes, and on demand (after a change, or after a 412).
 * Only the latest request may set the state, so a slow earlier answer never overwrites a newer one.
 */
export function useResource<T>(load: () => Promise<ApiResponse<T>>, key: string): [Resource<T>, () => Promise<void>] {
  const [resource, setResource] = useState<Resource<T>>({ status: "loading" });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const fetchNow = useCallback(async () => {
    const request = ++latest.current;
    try {
      const response = await loadRef.current();
      if (request === latest.current) setResource({ status: "ready", data: response.data, etag: response.etag });
    } catch (error) {
      if (request === latest.current) setResource({ status: "failed", error });
    }
  }, []);
  useEffect(() => {
    setResource({ status: "loading" });
    void fetchNow();
  }, [key, fetchNow]);
  return [resource, fetchNow];
}
