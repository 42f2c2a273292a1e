import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { ProblemBar } from "./problem-bar.js";

/** What came of the last change: the error, or the warnings the service gave (rule 11.3), shown beside the form. */
export function ActionFeedback({ error, warnings }: { error: unknown; warnings: readonly string[] }) {
  return (
    <>
      {error === undefined ? null : <ProblemBar error={error} />}
      {warnings.map((warning) => (
        <MessageBar key={warning} intent="warning">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
