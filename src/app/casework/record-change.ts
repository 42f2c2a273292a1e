import type { CaseCommand } from "../../domain/lifecycle/index.js";
import { changeCase, type CaseChange, type ChangeDeps } from "../change-case.js";
import type { Decider } from "../decider.js";
import { refusalsAsValues, type Refused } from "../outcome.js";

/** What a person asked of the case when, and from which view of it. */
export interface ChangeRequest {
  /** The ETag of the case as the person saw it: a change made since is refused, so nobody's work is lost. */
  readonly expectedEtag?: string;
  /** When it happened, if earlier than now (a visit yesterday): rule 10.1 measures the recording delay. */
  readonly occurredAt?: string;
}

export type ChangeOutcome = ({ readonly status: "recorded" } & CaseChange) | Refused;

/** The one way a named use case records a command: refusals the person can act on come back as values. */
export function recordChange(
  deps: ChangeDeps,
  caseId: string,
  who: Decider,
  command: CaseCommand,
  request: ChangeRequest = {},
): Promise<ChangeOutcome> {
  return refusalsAsValues(async () => {
    const when = request.occurredAt === undefined ? {} : { occurredAt: request.occurredAt };
    const change = await changeCase(
      deps,
      caseId,
      who,
      { ...command, ...when },
      request.expectedEtag === undefined ? {} : { expectedEtag: request.expectedEtag },
    );
    return { status: "recorded" as const, ...change };
  });
}

/** A use case named for what a person means, over the one way of recording its command. */
export const caseUseCase =
  <Input>(commandOf: (input: Input) => CaseCommand) =>
  (deps: ChangeDeps, caseId: string, who: Decider, input: Input, request?: ChangeRequest): Promise<ChangeOutcome> =>
    recordChange(deps, caseId, who, commandOf(input), request);

/** The input of a use case that needs nothing but the case. */
export type NoInput = Readonly<Record<string, never>>;
