import {
  Button,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useState } from "react";
import type { StaffRoleName, StaffView } from "../../../src/api/contract.js";
import { ActionFeedback } from "../components/action-feedback.js";
import { Loaded } from "../components/loaded.js";
import { useSharedStyles } from "../components/styles.js";
import { useAction } from "../components/use-action.js";
import { useResource } from "../components/use-resource.js";
import { useSession } from "../session.js";

const ROLES: Record<StaffRoleName, string> = {
  "duty-worker": "Duty worker",
  "panel-member": "Panel member",
  practitioner: "Practitioner",
  manager: "Manager",
  admin: "Admin",
  "all-cases-reader": "Reads all cases",
  "data-protection": "Data protection",
};

/**
 * Staff and their roles; an administrator ticks roles and saves each person (with their ETag), or deactivates
 * them. Their own row is shown but not changed: nobody grants themselves a role.
 */
export function StaffTable() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [staff, reload] = useResource(() => api.staff(), "staff");
  return (
    <>
      <h3 className={styles.subheading}>Staff and roles</h3>
      <Loaded resource={staff} what="the staff list">
        {(data) => (
          <Table size="small">
            <caption className={styles.caption}>Staff and their roles</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Roles</TableHeaderCell>
                <TableHeaderCell>Save</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.staff.map((person) => (
                <StaffRow key={person.etag} person={person} reload={reload} />
              ))}
            </TableBody>
          </Table>
        )}
      </Loaded>
    </>
  );
}

function StaffRow({ person, reload }: { person: StaffView; reload: () => Promise<void> }) {
  const { api, me } = useSession();
  const own = person.id === me.staffId;
  const inactive = person.deactivatedAt !== undefined;
  const [roles, setRoles] = useState<readonly StaffRoleName[]>(person.roles);
  const { busy, error, warnings, run } = useAction(reload);
  const toggle = (role: StaffRoleName, on: boolean) =>
    setRoles(on ? [...roles, role] : roles.filter((r) => r !== role));
  const { id, etag, deactivatedAt: _deactivatedAt, ...input } = person;
  return (
    <TableRow>
      <TableCell>
        {person.displayName}
        {inactive ? " (deactivated)" : ""}
      </TableCell>
      <TableCell>
        <fieldset>
          <legend>{`Roles of ${person.displayName}`}</legend>
          {(Object.keys(ROLES) as StaffRoleName[]).map((role) => (
            <Checkbox
              key={role}
              label={ROLES[role]}
              checked={roles.includes(role)}
              disabled={own || inactive}
              onChange={(_, d) => toggle(role, d.checked === true)}
            />
          ))}
        </fieldset>
        <ActionFeedback error={error} warnings={warnings} />
      </TableCell>
      <TableCell>
        <Button
          disabled={busy || own || inactive}
          aria-label={`Save roles of ${person.displayName}`}
          onClick={() =>
            void run(() => api.saveStaff(id, { ...input, roles }, etag), `Roles of ${person.displayName} saved.`)
          }
        >
          Save
        </Button>
        <Button
          disabled={busy || own || inactive}
          aria-label={`Deactivate ${person.displayName}`}
          onClick={() => void run(() => api.deactivateStaff(id, etag), `${person.displayName} deactivated.`)}
        >
          Deactivate
        </Button>
      </TableCell>
    </TableRow>
  );
}
