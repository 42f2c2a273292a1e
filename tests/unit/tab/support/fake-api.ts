import type { CaseDetail, ComplianceReport, MutationResult } from "../../../../src/api/contract.js";
import { ApiError } from "../../../../tab/src/api/api-error.js";
import type { FcApi } from "../../../../tab/src/api/fc-api.js";
import type { ApiResponse } from "../../../../tab/src/api/http-client.js";

/** One recorded call: which method, with which arguments. */
export interface Call {
  readonly method: keyof FcApi;
  readonly args: readonly unknown[];
}

type Answers = { [K in keyof FcApi]?: (...args: Parameters<FcApi[K]>) => Awaited<ReturnType<FcApi[K]>> | Error };

/**
 * A fake API: answers from the test's table, records every call, and answers "not in this test" otherwise
 * (so a view that asks for something unexpected shows an error the test can see).
 */
export function fakeApi(answers: Answers): FcApi & { calls: Call[]; callsTo(method: keyof FcApi): Call[] } {
  const calls: Call[] = [];
  const handler: ProxyHandler<object> = {
    get(_, property) {
      if (property === "calls") return calls;
      if (property === "callsTo") return (method: keyof FcApi) => calls.filter((c) => c.method === method);
      const method = property as keyof FcApi;
      return async (...args: unknown[]) => {
        calls.push({ method, args });
        const answer = answers[method] as ((...a: unknown[]) => unknown) | undefined;
        if (answer === undefined) throw new ApiError("TEST.NOT_STUBBED", `${method} is not part of this test.`, 500);
        const result = answer(...args);
        if (result instanceof Error) throw result;
        return result;
      };
    },
  };
  return new Proxy({}, handler) as FcApi & { calls: Call[]; callsTo(method: keyof FcApi): Call[] };
}

export const ok = <T>(data: T, etag?: string): ApiResponse<T> => ({ data, etag });

export function aMutationResult(caseId: string, overrides: Partial<MutationResult> = {}): ApiResponse<MutationResult> {
  return ok({ caseId, etag: `W/"${caseId}-2"`, state: "awaiting-maam", events: [], warnings: [], ...overrides });
}

export type { CaseDetail, ComplianceReport };
