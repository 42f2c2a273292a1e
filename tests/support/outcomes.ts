/** A use case's answer that the test expects to be `status`: narrowed, or the test fails saying what came back. */
export function expectStatus<T extends { readonly status: string }, S extends T["status"]>(
  outcome: T,
  status: S,
): T extends unknown ? (S extends T["status"] ? T : never) : never {
  if (outcome.status !== status) {
    throw new Error(`Expected the use case to answer "${status}", got ${JSON.stringify(outcome).slice(0, 500)}`);
  }
  return outcome as T extends unknown ? (S extends T["status"] ? T : never) : never;
}
