/**
 * Printed by `atk provision` (m365agents.yml) once the managed identity exists: the one deployment step that stays
 * manual, because Exchange Online RBAC for Applications has no Azure or Graph API to drive it.
 * Usage: tsx deploy/exchange-rbac-steps.ts <identity client id> <identity principal id> <group mailbox>
 */
import { pathToFileURL } from "node:url";

export function exchangeRbacSteps(clientId: string, principalId: string, mailbox: string): string {
  return [
    "",
    "One step remains, in Exchange Online PowerShell (Exchange Administrator): let the service's managed identity",
    `read and send mail for ${mailbox} and no other mailbox (RBAC for Applications; README, step 2).`,
    "",
    `New-ServicePrincipal -AppId ${clientId} -ObjectId ${principalId} -DisplayName "Family Centre front door"`,
    `New-ManagementScope -Name "Family Centre mailbox" -RecipientRestrictionFilter "PrimarySmtpAddress -eq '${mailbox}'"`,
    `New-ManagementRoleAssignment -App ${clientId} -Role "Application Mail.ReadWrite" -CustomResourceScope "Family Centre mailbox"`,
    `New-ManagementRoleAssignment -App ${clientId} -Role "Application Mail.Send" -CustomResourceScope "Family Centre mailbox"`,
    `Test-ServicePrincipalAuthorization -Identity ${clientId} -Resource ${mailbox}   # InScope: True`,
    "",
    "Grant no Mail.* permission to the identity in Entra: Entra and Exchange grants add up, and an Entra grant",
    "would reach every mailbox in the tenant. Until this is done /readyz answers 503 with graph: unreachable.",
    "",
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [clientId, principalId, mailbox] = process.argv.slice(2);
  if (!clientId || !principalId || !mailbox) {
    process.stderr.write("Usage: tsx deploy/exchange-rbac-steps.ts <client id> <principal id> <group mailbox>\n");
    process.exit(2);
  }
  process.stdout.write(exchangeRbacSteps(clientId, principalId, mailbox));
}
