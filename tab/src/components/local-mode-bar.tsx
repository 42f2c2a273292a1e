import { MessageBar, MessageBarBody, MessageBarTitle, Select } from "@fluentui/react-components";
import { useId } from "react";
import type { DevUser } from "../../../src/api/contract.js";

/** Local mode says so on every page, and lets a person try each role by acting as someone else. */
export function LocalModeBar(props: {
  users: readonly DevUser[];
  actingAs: string;
  onSwitch: (staffId: string) => void;
}) {
  const { users, actingAs, onSwitch } = props;
  const current = users.find((u) => u.staffId === actingAs);
  const selectId = useId();
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        <MessageBarTitle>
          Local mode — acting as {current?.displayName ?? actingAs} ({current?.roles.join(", ") ?? "no roles"})
        </MessageBarTitle>{" "}
        Development tokens, not Microsoft Entra. <label htmlFor={selectId}>Act as</label>{" "}
        <Select id={selectId} size="small" value={actingAs} onChange={(_, d) => onSwitch(d.value)}>
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
