import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { CaseDetail } from "../../../src/api/contract.js";
import { formatInstant } from "./format.js";

/**
 * What the practice framework warns of on this case: each warning a rule raised (4.2 a visit late in the day) and each
 * stage a check is missing at (9 the voice of the child), with the rule that says so. Advice, never a refusal.
 */
export function CaseWarnings({ detail }: { detail: CaseDetail }) {
  const missing = (detail.checks ?? []).flatMap((check) =>
    check.stages
      .filter((stage) => stage.status === "missing")
      .map((stage) => ({ key: `${check.ruleId}~${stage.seq}`, check, stage })),
  );
  return (
    <>
      {(detail.warnings ?? []).map((warning) => (
        <MessageBar key={`${warning.ruleId}~${warning.seq}`} intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{warning.ruleName}</MessageBarTitle> {warning.message} ({warning.label},{" "}
            {formatInstant(warning.at)}; {warning.citation.display})
          </MessageBarBody>
        </MessageBar>
      ))}
      {missing.map(({ key, check, stage }) => (
        <MessageBar key={key} intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{check.ruleName}</MessageBarTitle> Not recorded at &ldquo;{stage.label}&rdquo; (
            {formatInstant(stage.at)}; {check.citation.display}).
          </MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
