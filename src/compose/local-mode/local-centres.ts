import type { AppDeps } from "../../app/app-deps.js";
import type { Logger } from "../../logging/logger.js";
import type { RecordStore, StaffMember } from "../../ports/records.js";
import type { CountyStore } from "../../store/county-store.js";
import type { Config } from "../config.js";
import { DEMO_COUNTY_STAFF, DEMO_SECOND_CENTRE_STAFF, seedDemoStaff } from "./demo-staff.js";
import { createDevTokens } from "./dev-tokens.js";
import { localModeRefused, startLocalMode, warnOfLocalMode, type LocalMode } from "./local-mode.js";

type StaffList = Pick<RecordStore<StaffMember>, "get" | "list">;

/**
 * LOCAL MODE ONLY: every centre's local mode shares one set of development tokens (as every centre's API shares
 * Entra's), and the user switcher lists everyone on any centre's staff list or the county's: the demo team in
 * every centre, a manager of the second centre only when there are several, and the demo county manager.
 */
export async function localModeAcrossCentres(
  config: Pick<Config, "mode" | "centres">,
  county: CountyStore,
  served: () => readonly Pick<AppDeps, "staff">[],
  logger: Logger,
): Promise<(deps: AppDeps) => Promise<LocalMode>> {
  if (config.mode !== "local") throw localModeRefused();
  const tokens = await createDevTokens();
  warnOfLocalMode(logger);
  const countyStaff = county.records<StaffMember>("staff");
  await seedDemoStaff(countyStaff, DEMO_COUNTY_STAFF);
  const people = everyonesStaff(() => [...served().map((d) => d.staff), countyStaff]);
  const second = config.centres[1]?.mailbox.address;
  return async (deps) => {
    if (deps.centre.mailbox === second) await seedDemoStaff(deps.staff, DEMO_SECOND_CENTRE_STAFF);
    return startLocalMode(config, deps, logger, { tokens, people });
  };
}

/** Several staff lists read as one: a person on more than one holds the roles of each. */
export function everyonesStaff(lists: () => readonly StaffList[]): StaffList {
  const merge = (rows: readonly StaffMember[]): StaffMember | undefined => {
    const [first] = rows;
    return first && { ...first, roles: [...new Set(rows.flatMap((r) => r.roles))] };
  };
  return {
    async get(id) {
      const rows = await Promise.all(lists().map((list) => list.get(id)));
      const found = rows.filter((r) => r !== undefined);
      const member = merge(found.map((r) => r.value));
      return member && { value: member, etag: found[0]?.etag ?? "" };
    },
    async list() {
      const rows = (await Promise.all(lists().map((list) => list.list()))).flat();
      const ids = [...new Set(rows.map((r) => r.key))];
      return ids.flatMap((key) => {
        const mine = rows.filter((r) => r.key === key);
        const member = merge(mine.map((r) => r.value));
        return member ? [{ key, value: member, etag: mine[0]?.etag ?? "" }] : [];
      });
    },
  };
}
