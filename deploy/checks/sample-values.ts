/**
 * Stand-ins for values only a deployment knows (an identity's id, a host name, a Key Vault secret), so a check can
 * ask the service's own configuration whether a set of settings would do. Each setting takes the first one its own
 * validation accepts.
 */
const CANDIDATES = [
  "https://fc.council.example",
  "0f3c9a52-6f1e-4c43-9d7b-2a8e5b1c4d90",
  "7d1e4b6a-2c9f-4a85-b3e0-5f8c1d2a6b47",
  "familycentre@council.example",
  "api://fc.council.example/0f3c9a52-6f1e-4c43-9d7b-2a8e5b1c4d90",
  "1.0.0",
  "09:00",
  "5",
  "true",
  "InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://uksouth-1.in.example/",
];

/**
 * The first candidate `accepts` takes, preferring one not `taken` by another computed value (two identities'
 * ids differ at deployment, so their stand-ins must too); the first candidate when none is accepted (its problem
 * then shows).
 */
export function sampleValue(accepts: (value: string) => boolean, taken: ReadonlySet<string> = new Set()): string {
  return CANDIDATES.find((c) => !taken.has(c) && accepts(c)) ?? CANDIDATES.find(accepts) ?? CANDIDATES[0] ?? "";
}

/** Whether `attempt` runs without throwing. */
export const succeeds = (attempt: () => unknown): boolean => {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
};
