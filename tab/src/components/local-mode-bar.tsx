import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { useId } from "react";
import type { DevUser } from "../../../src/api/contract.js";

// The person switcher fits the Outlook pane's 320 px: the body may shrink, and the list takes the body's width.
const useStyles = makeStyles({ body: { minWidth: 0 }, picker: { maxWidth: "100%" } });

/** Local mode says so on every page, and lets a person try each role by acting as someone else. */
export function LocalModeBar(props: {
  users: readonly DevUser[];
  actingAs: string;
  onSwitch: (staffId: string) => void;
}) {
  const { users, actingAs, onSwitch } = props;
  const current = users.find((u) => u.staffId === actingAs);
  const selectId = useId();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>
          Local mode — acting as {current?.displayName ?? actingAs} ({current?.roles.join(", ") ?? "no roles"})
        </MessageBarTitle>{" "}
        Development tokens, not Microsoft Entra. <label htmlFor={selectId}>Act as</label>{" "}
        <Select
          id={selectId}
          className={styles.picker}
          size="small"
          value={actingAs}
          onChange={(_, d) => onSwitch(d.value)}
        >
          {users.map((user) => (
            <option key={user.staffId} value={user.staffId}>
              {user.displayName} ({user.roles.join(", ")})
            </option>
          ))}
        </Select>
      </MessageBarBody>
    </MessageBar>
  );
}
