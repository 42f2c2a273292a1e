import { CalendarError } from "../domain/calendar/errors.js";
import { CaseError, InvalidSupervisionError, SupervisionForbiddenError } from "../domain/errors.js";
import { NotFoundError } from "../ports/errors.js";
import { AppError } from "./errors.js";

/**
 * What a use case answers when the person cannot do what they asked, as a value every door words its own way (a
 * 403/409 in the API, a line on the card in Teams): the domain's code and a message that names the case and what to
 * do, never a family member.
 */
export interface Refused {
  readonly status: "refused";
  readonly code: string;
  readonly message: string;
}

export const refused = (code: string, message: string): Refused => ({ status: "refused", code, message });

export const isRefused = (value: unknown): value is Refused =>
  typeof value === "object" && value !== null && (value as { status?: unknown }).status === "refused";

/**
 * The expected refusals: the lifecycle's rules, a case that does not exist, a view that went stale, a file that is
 * not what it should be.
 */
function expected(error: unknown): Refused | undefined {
  const known =
    error instanceof CaseError ||
    error instanceof NotFoundError ||
    error instanceof SupervisionForbiddenError ||
    error instanceof InvalidSupervisionError ||
    error instanceof CalendarError ||
    (error instanceof AppError && error.code === "APP.CHANGED_SINCE_READ");
  return known ? refused(error.code, error.message) : undefined;
}

/** Runs a change; an expected refusal comes back as a value, anything else is thrown on. */
export async function refusalsAsValues<T>(run: () => Promise<T>): Promise<T | Refused> {
  try {
    return await run();
  } catch (error) {
    const refusal = expected(error);
    if (refusal === undefined) throw error;
    return refusal;
  }
}
