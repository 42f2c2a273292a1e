/** Why a message looks machine-sent, and how sure we are. */
export interface Finding {
  readonly reasons: readonly string[];
  readonly confidence: number;
}

/** One piece of evidence: whether it applies, what it says, and how strong it is. */
export interface Signal {
  readonly applies: boolean;
  readonly reason: string;
  readonly confidence: number;
}

/** The signals that apply, as one finding as strong as the strongest; undefined when none applies. */
export const combine = (signals: readonly Signal[]): Finding | undefined => {
  const found = signals.filter((signal) => signal.applies);
  if (found.length === 0) return undefined;
  return { reasons: found.map((s) => s.reason), confidence: Math.max(...found.map((s) => s.confidence)) };
};
