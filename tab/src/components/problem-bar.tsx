import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { describeProblem } from "../api/api-error.js";
import { useSharedStyles } from "./styles.js";

/** An error as a person can act on it: the service's message (what to do), with its code for the helpdesk. */
export function ProblemBar({ error }: { error: unknown }) {
  const { code, message } = describeProblem(error);
  const styles = useSharedStyles();
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{message}</MessageBarTitle> <span className={styles.muted}>({code})</span>
      </MessageBarBody>
    </MessageBar>
  );
}
