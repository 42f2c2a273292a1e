import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exchangeRbacSteps } from "../../deploy/exchange-rbac-steps.js";

const CLIENT = "6b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
const PRINCIPAL = "7c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

describe("the Exchange RBAC step printed after provisioning", () => {
  it("scopes the managed identity's mail permissions to the centre's mailbox alone", () => {
    const steps = exchangeRbacSteps(CLIENT, PRINCIPAL, "familycentre@anyshire.gov.uk");
    expect(steps).toContain(`New-ServicePrincipal -AppId ${CLIENT} -ObjectId ${PRINCIPAL}`);
    expect(steps).toContain(`-RecipientRestrictionFilter "PrimarySmtpAddress -eq 'familycentre@anyshire.gov.uk'"`);
    expect(steps).toContain(`-App ${CLIENT} -Role "Application Mail.ReadWrite" -CustomResourceScope`);
    expect(steps).toContain(`-App ${CLIENT} -Role "Application Mail.Send" -CustomResourceScope`);
    expect(steps).toContain(
      `Test-ServicePrincipalAuthorization -Identity ${CLIENT} -Resource familycentre@anyshire.gov.uk`,
    );
  });

  it("is the last step of the toolkit's provisioning, given the identity infra/ created and the mailbox", () => {
    const yaml = readFileSync(join(import.meta.dirname, "../../m365agents.yml"), "utf8");
    const provision = yaml.slice(yaml.indexOf("provision:"), yaml.indexOf("\ndeploy:"));
    expect(provision.trimEnd()).toMatch(
      /run: npx tsx deploy\/exchange-rbac-steps\.ts \$\{\{MANAGED_IDENTITY_CLIENT_ID\}\} \$\{\{MANAGED_IDENTITY_PRINCIPAL_ID\}\} \$\{\{FC_MAILBOX\}\}$/,
    );
  });
});
