import type { Case } from "../../src/domain/case.js";

/** A case as a use case answered it (no ETag: just changed) or as read (with its ETag). */
export interface CaseInHand {
  readonly case: Case;
  readonly etag?: string;
}
