import { Spinner } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { ProblemBar } from "./problem-bar.js";
import type { Resource } from "./use-resource.js";

/** The three states of anything loaded: a labelled spinner, the error with what to do, or the content. */
export function Loaded<T>({
  resource,
  what,
  children,
}: {
  resource: Resource<T>;
  what: string;
  children: (data: T, etag: string | undefined) => ReactNode;
}) {
  if (resource.status === "loading") return <Spinner size="small" label={`Loading ${what}…`} />;
  if (resource.status === "failed") return <ProblemBar error={resource.error} />;
  return <>{children(resource.data, resource.etag)}</>;
}
