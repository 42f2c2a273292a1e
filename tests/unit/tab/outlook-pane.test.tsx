// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { OutlookPane } from "../../../tab/src/outlook/outlook-pane.js";
import { fakeApi, ok } from "./support/fake-api.js";
import { aCase, aMe } from "./support/fixtures.js";
import { renderView } from "./support/render-view.js";

afterEach(cleanup);

const MESSAGE = "<abc123@school.example>";

describe("the Outlook read-mail pane", () => {
  it("shows that the open email was logged, on which case, with its clocks", async () => {
    const api = fakeApi({
      mailLookup: () => ok({ logged: true, state: "logged", contactId: "c1", case: aCase("FC-2026-000030") }),
    });
    renderView(<OutlookPane internetMessageId={MESSAGE} />, { api, me: aMe(["practitioner"]) });
    expect(await screen.findByText("This email was logged as a contact.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "FC-2026-000030" })).toBeTruthy();
    expect(screen.getByRole("table", { name: "Clocks for FC-2026-000030" })).toBeTruthy();
    expect(api.callsTo("mailLookup")[0]?.args).toEqual([MESSAGE]);
    expect(screen.queryByRole("button", { name: "Log as a new contact" })).toBeNull();
  });

  it("lets a duty worker log an email the inbox round has not reached yet", async () => {
    const api = fakeApi({
      mailLookup: () => ok({ logged: false, messageId: "graph-1" }),
      logMail: () => ok({ logged: true }),
    });
    renderView(<OutlookPane internetMessageId={MESSAGE} />, { api, me: aMe(["duty-worker"]) });
    fireEvent.click(await screen.findByRole("button", { name: "Log as a new contact" }));
    await waitFor(() => expect(api.callsTo("logMail")[0]?.args).toEqual([{ messageId: "graph-1" }]));
    await waitFor(() => expect(api.callsTo("mailLookup")).toHaveLength(2));
  });

  it("issue 19 §5: lets a duty worker log an email the service set aside, saying their name goes with it", async () => {
    const api = fakeApi({
      mailLookup: () => ok({ logged: false, state: "ignored", reason: "mailing list", messageId: "graph-3" }),
      logMail: () => ok({ logged: true, state: "logged" }),
    });
    renderView(<OutlookPane internetMessageId={MESSAGE} />, { api, me: aMe(["duty-worker"]) });
    expect(await screen.findByText("This email was not logged (mailing list).")).toBeTruthy();
    expect(screen.getByText(/your name is recorded with it/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Log as a new contact" }));
    await waitFor(() => expect(api.callsTo("logMail")[0]?.args).toEqual([{ messageId: "graph-3" }]));
    expect(screen.getByRole("button", { name: "Link to this case" })).toBeTruthy();
  });

  it("lets a duty worker link the email to an existing case", async () => {
    const api = fakeApi({
      mailLookup: () => ok({ logged: false, messageId: "graph-2" }),
      linkMail: () => ok({ logged: true }),
    });
    renderView(<OutlookPane internetMessageId={MESSAGE} />, { api, me: aMe(["duty-worker"]) });
    fireEvent.change(await screen.findByLabelText("Case number"), { target: { value: " FC-2026-000031 " } });
    fireEvent.click(screen.getByRole("button", { name: "Link to this case" }));
    await waitFor(() =>
      expect(api.callsTo("linkMail")[0]?.args).toEqual([{ messageId: "graph-2", caseId: "FC-2026-000031" }]),
    );
  });

  it("asks for an open email when there is none", () => {
    const api = fakeApi({});
    renderView(<OutlookPane internetMessageId={undefined} />, { api, me: aMe(["duty-worker"]) });
    expect(screen.getByText("Open an email to see whether the Family Centre has logged it.")).toBeTruthy();
  });
});
