import type { StaffCaller } from "../people.js";

/** Subject access, rectification and erasure are the data protection role's alone (admins included out). */
export const isDataProtection = (caller: Pick<StaffCaller, "roles">): boolean =>
  caller.roles.includes("data-protection");
