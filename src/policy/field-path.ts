/** `["start", 0, "where", "outcome"]` → `start[0].where.outcome`: how an issue names the field to fix. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : `${i === 0 ? "" : "."}${String(segment)}`))
    .join("");
}
