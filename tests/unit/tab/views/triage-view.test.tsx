// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import type { HeldTeamsMessageView, TriageItem } from "../../../../src/api/contract.js";
import { ApiError } from "../../../../tab/src/api/api-error.js";
import { TriageView } from "../../../../tab/src/views/triage-view.js";
import { aMutationResult, fakeApi, ok } from "../support/fake-api.js";
import { aCase, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

/** The triage page's API: the queue as each test gives it, and no Teams message held unless a test says so. */
const triageApi = (answers: Parameters<typeof fakeApi>[0]) =>
  fakeApi({ heldTeamsMessages: () => ok({ items: [] }), ...answers });

const heldDigest: HeldTeamsMessageView = {
  partition: "~notices",
  key: "digest~user~worker-1~2026-11-23",
  what: "Morning digest",
  to: "Pat Practitioner's personal chat",
  heldSince: "2026-11-23T09:00:00Z",
  reason: "Teams says the app can no longer post there (403 MessageWritesBlocked: blocked, uninstalled or removed).",
};

function aTriageItem(caseId: string, overrides: Partial<TriageItem> = {}): TriageItem {
  return {
    ...aCase(caseId),
    contactId: `${caseId}-c1`,
    receivedAt: "2026-11-23T09:15:00Z",
    subject: "EHA for the family",
    classification: {
      kind: "early-help-assessment",
      kindLabel: "Early Help Assessment",
      reasons: ["EHA form attached"],
    },
    referrer: { name: "Sam Referrer", email: "sam@school.example", organisation: "Oak School", confirmed: true },
    acknowledgement: { status: "sent" },
    ...overrides,
  };
}

describe("triage queue", () => {
  it("lists each new contact with its classification, referrer and acknowledgement (rule 1.2)", async () => {
    const api = triageApi({ triage: () => ok({ items: [aTriageItem("FC-2026-000001")] }) });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    const table = await screen.findByRole("table", { name: /New contacts/ });
    const row = within(table).getByRole("row", { name: /FC-2026-000001/ });
    expect(row.textContent).toContain("Early Help Assessment");
    expect(row.textContent).toContain("EHA form attached");
    expect(row.textContent).toContain("Sam Referrer");
    expect(row.textContent).toContain("Sent");
    expect(within(row).getByRole("link", { name: "FC-2026-000001" }).getAttribute("href")).toBe(
      "#/case/FC-2026-000001",
    );
  });

  it("1.2 shows an acknowledgement the referrer's mail server returned, so the duty worker reaches them another way", async () => {
    const item = aTriageItem("FC-2026-000003", { acknowledgement: { status: "not-delivered" } });
    renderView(<TriageView />, { api: triageApi({ triage: () => ok({ items: [item] }) }), me: aMe(["duty-worker"]) });
    const row = await screen.findByRole("row", { name: /FC-2026-000003/ });
    expect(row.textContent).toContain("Returned undelivered");
  });

  it("says so when nothing is waiting", async () => {
    const api = triageApi({ triage: () => ok({ items: [] }) });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    expect(await screen.findByText("No new contacts are waiting for triage.")).toBeTruthy();
  });

  it("lets the duty worker confirm an unconfirmed referrer, sending the case's ETag", async () => {
    const item = aTriageItem("FC-2026-000002", {
      referrer: { email: "desk@earlyhelp.example", confirmed: false },
    });
    const api = triageApi({
      triage: () => ok({ items: [item] }),
      confirmReferrer: () => aMutationResult("FC-2026-000002"),
    });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    const form = await screen.findByRole("form", { name: "Confirm the referrer for FC-2026-000002" });
    fireEvent.change(within(form).getByLabelText("Referrer's name"), { target: { value: "Pat Original" } });
    fireEvent.change(within(form).getByLabelText("Referrer's email"), { target: { value: "pat@nursery.example" } });
    fireEvent.click(within(form).getByRole("button", { name: "Confirm referrer" }));
    await waitFor(() => expect(api.callsTo("confirmReferrer")).toHaveLength(1));
    expect(api.callsTo("confirmReferrer")[0]?.args).toEqual([
      "FC-2026-000002",
      { contactId: "FC-2026-000002-c1", name: "Pat Original", email: "pat@nursery.example" },
      'W/"FC-2026-000002-1"',
    ]);
    await waitFor(() => expect(api.callsTo("triage")).toHaveLength(2)); // reloaded in place
    expect(screen.getByRole("status").textContent).toBe("Referrer confirmed for FC-2026-000002.");
  });

  it("shows the service's error as a message saying what to do", async () => {
    const api = triageApi({
      triage: () => new ApiError("AUTH.ROLE_REFUSED", "Only duty workers and managers see the triage queue.", 403),
    });
    renderView(<TriageView />, { api, me: aMe(["practitioner"]) });
    expect(screen.queryByRole("form", { name: "Log a contact" })).toBeNull();
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Only duty workers and managers see the triage queue.",
    );
  });

  it("lists the Teams messages held for a person, with why, and puts one back on the queue (issue 20)", async () => {
    let held = [heldDigest];
    const api = triageApi({
      triage: () => ok({ items: [] }),
      heldTeamsMessages: () => ok({ items: held }),
      retryTeamsMessage: () => {
        held = [];
        return ok({ released: true as const });
      },
    });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    const table = await screen.findByRole("table", { name: /Not sent to Teams/ });
    expect(within(table).getByText("Morning digest")).toBeTruthy();
    expect(within(table).getByText("Pat Practitioner's personal chat")).toBeTruthy();
    expect(within(table).getByText(/403 MessageWritesBlocked/)).toBeTruthy();

    fireEvent.click(
      within(table).getByRole("button", { name: "Try again: Morning digest to Pat Practitioner's personal chat" }),
    );

    await waitFor(() => expect(screen.queryByRole("table", { name: /Not sent to Teams/ })).toBeNull());
    expect(api.callsTo("retryTeamsMessage")[0]?.args).toEqual([{ partition: "~notices", key: heldDigest.key }]);
  });

  it("says nothing about held Teams messages when none are held", async () => {
    renderView(<TriageView />, { api: triageApi({ triage: () => ok({ items: [] }) }), me: aMe(["duty-worker"]) });
    await screen.findByText("No new contacts are waiting for triage.");
    expect(screen.queryByText("Teams messages held")).toBeNull();
  });

  it("issue 19 §5: lists ignored and quarantined mail (reason, received, sender's domain) and logs one on request", async () => {
    const api = fakeApi({
      triage: () => ok({ items: [] }),
      setAsideMail: () =>
        ok({
          items: [
            {
              messageId: "graph-9",
              state: "ignored",
              reason: "read-receipt",
              reasonLabel: "A read or return receipt",
              receivedAt: "2026-11-23T10:00:00Z",
              senderDomain: "nhs.example",
            },
          ],
        }),
      logMail: () => ok({ logged: true, state: "logged" }),
    });
    renderView(<TriageView />, { api, me: aMe(["duty-worker"]) });
    const table = await screen.findByRole("table", { name: /did not log/ });
    const row = within(table).getByRole("row", { name: /nhs\.example/ });
    expect(row.textContent).toContain("Ignored");
    expect(row.textContent).toContain("A read or return receipt");
    fireEvent.click(within(row).getByRole("button", { name: "Log as a new contact" }));
    await waitFor(() => expect(api.callsTo("logMail")[0]?.args).toEqual([{ messageId: "graph-9" }]));
    fireEvent.change(within(row).getByLabelText("Case number"), { target: { value: "FC-2026-000040" } });
    fireEvent.click(within(row).getByRole("button", { name: "Attach to this case" }));
    await waitFor(() => expect(api.callsTo("linkMail")).toHaveLength(1));
  });
});
