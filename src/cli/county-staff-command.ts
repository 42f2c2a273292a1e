import { saveCountyStaffMember } from "../app/staff/county-staff.js";
import { loadConfig } from "../compose/config.js";
import { countyStoreFromConfig } from "../compose/county-store-from-config.js";
import { systemClock } from "../compose/system-clock.js";
import type { StaffMember } from "../ports/records.js";
import { CliRefusedError } from "./errors.js";
import { parseOptions, required } from "./options.js";

export const COUNTY_STAFF_USAGE =
  "fc county-staff --id <Entra object id> --name <name> --email <address> --role county-manager --by <your staff id>";

type Env = Readonly<Record<string, string | undefined>>;

/** Puts a person on the county's staff list with their county roles (audited under `county/`); one JSON line. */
export async function countyStaffCommand(args: readonly string[], env: Env): Promise<string> {
  const usage = COUNTY_STAFF_USAGE;
  const values = parseOptions(
    args,
    {
      id: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
      role: { type: "string", multiple: true },
      by: { type: "string" },
    },
    usage,
  );
  const id = required(values.id, "--id", usage);
  const displayName = required(values.name, "--name", usage);
  const email = required(values.email, "--email", usage);
  const by = required(values.by, "--by", usage);
  const county = await countyStoreFromConfig(loadConfig(env));
  const saved = await saveCountyStaffMember(
    { countyStaff: county.records<StaffMember>("staff"), audit: county.audit, clock: systemClock },
    { staffId: by },
    id,
    { displayName, email, roles: values.role ?? [] },
  );
  if ("status" in saved) throw new CliRefusedError(saved.code, saved.message);
  return `${JSON.stringify({ id, roles: saved.value.roles })}\n`;
}
