import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiResponse } from "../api/http-client.js";
import type { Resource } from "./use-resource.js";

/** The pages of a list loaded so far: the first page's answer (agendas carry more than items), and every item. */
export interface Pages<R, T> {
  readonly first: R;
  readonly items: readonly T[];
  /** Where the next page starts; undefined when this is all of it. */
  readonly continuation?: string;
}

export interface LoadMore {
  readonly available: boolean;
  readonly loading: boolean;
  readonly error: unknown;
  /** True when a page was added. */
  load(): Promise<boolean>;
}

/**
 * A list the API pages with a continuation token: the first page on open, the next on "Load more". A reload
 * (after a change) fetches as many pages as the person had, so they keep their place in a long list.
 */
export function usePagedResource<R extends { readonly continuation?: string }, T>(
  load: (continuation?: string) => Promise<ApiResponse<R>>,
  itemsOf: (page: R) => readonly T[],
  key: string,
): [Resource<Pages<R, T>>, () => Promise<void>, LoadMore] {
  const [pages, setPages] = useState<Resource<readonly [R, ...R[]]>>({ status: "loading" });
  const [more, setMore] = useState<{ loading: boolean; error: unknown }>({ loading: false, error: undefined });
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const loaded = useRef(1);

  const fetchPages = useCallback(async () => {
    const request = ++latest.current;
    try {
      const fetched: [R, ...R[]] = [(await loadRef.current()).data];
      for (let next = fetched[0].continuation; next !== undefined && fetched.length < loaded.current;) {
        const page = (await loadRef.current(next)).data;
        fetched.push(page);
        next = page.continuation;
      }
      if (request === latest.current) setPages({ status: "ready", data: fetched });
    } catch (error) {
      if (request === latest.current) setPages({ status: "failed", error });
    }
  }, []);

  useEffect(() => {
    loaded.current = 1;
    setPages({ status: "loading" });
    void fetchPages();
  }, [key, fetchPages]);

  const continuation = pages.status === "ready" ? pages.data.at(-1)?.continuation : undefined;
  const loadMore = async () => {
    if (continuation === undefined || more.loading) return false;
    const request = latest.current;
    setMore({ loading: true, error: undefined });
    try {
      const next = (await loadRef.current(continuation)).data;
      setMore({ loading: false, error: undefined });
      // A reload started meanwhile: it has the whole list already.
      if (request !== latest.current) return false;
      loaded.current += 1;
      setPages((current) =>
        current.status === "ready" ? { status: "ready", data: [...current.data, next] } : current,
      );
      return true;
    } catch (error) {
      setMore({ loading: false, error });
      return false;
    }
  };

  const resource: Resource<Pages<R, T>> =
    pages.status !== "ready"
      ? pages
      : {
          status: "ready",
          data: {
            first: pages.data[0],
            items: pages.data.flatMap(itemsOf),
            ...(continuation === undefined ? {} : { continuation }),
          },
        };
  return [resource, fetchPages, { available: continuation !== undefined, ...more, load: loadMore }];
}
