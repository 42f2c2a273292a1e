// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { MyCasesView } from "../../../../tab/src/views/my-cases-view.js";
import { aMutationResult, fakeApi, ok } from "../support/fake-api.js";
import { aCase, aClock, aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

const overdue = aCase("FC-2026-000010", {
  rag: "red",
  clocks: [aClock({ ruleId: "4.1b", ruleName: "First visit", status: "overdue", rag: "red" })],
});
const onTrack = aCase("FC-2026-000011", { rag: "green" });

describe("my cases in RAG order", () => {
  it("lists the cases in the order the API ranks them, with each clock's rule and status in words", async () => {
    const api = fakeApi({ myCases: () => ok({ items: [overdue, onTrack], workerId: "prac-1" }) });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const list = await screen.findByRole("list", { name: "My cases, most urgent first" });
    const items = within(list).getAllByRole("listitem");
    expect(items[0]?.textContent).toContain("FC-2026-000010");
    expect(items[0]?.textContent).toContain("Red: overdue");
    expect(items[0]?.textContent).toContain("4.1b First visit");
    expect(items[1]?.textContent).toContain("Green: on track");
  });

  it("rule 4.1b records a visit with the child seen, then shows the case as reloaded", async () => {
    const api = fakeApi({
      myCases: () => ok({ items: [overdue], workerId: "prac-1" }),
      recordEvent: () => aMutationResult("FC-2026-000010"),
    });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const form = await screen.findByRole("form", { name: "Record an event on FC-2026-000010" });
    fireEvent.change(within(form).getByLabelText("What happened on FC-2026-000010"), { target: { value: "visit" } });
    fireEvent.click(within(form).getByLabelText("The child was seen and spoken to"));
    fireEvent.click(within(form).getByRole("button", { name: "Record" }));
    await waitFor(() => expect(api.callsTo("recordEvent")).toHaveLength(1));
    expect(api.callsTo("recordEvent")[0]?.args).toEqual([
      "FC-2026-000010",
      { type: "visit", childSeen: true },
      'W/"FC-2026-000010-1"',
    ]);
    await waitFor(() => expect(api.callsTo("myCases")).toHaveLength(2));
    expect(screen.getByRole("status").textContent).toBe("Visit recorded on FC-2026-000010.");
  });

  it("a case note needs its text before it can be recorded", async () => {
    const api = fakeApi({
      myCases: () => ok({ items: [onTrack], workerId: "prac-1" }),
      recordEvent: () => aMutationResult("FC-2026-000011", { warnings: ["Voice of the child is not yet recorded."] }),
    });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const form = await screen.findByRole("form", { name: "Record an event on FC-2026-000011" });
    fireEvent.change(within(form).getByLabelText("What happened on FC-2026-000011"), {
      target: { value: "case-note" },
    });
    const record = within(form).getByRole("button", { name: "Record" }) as HTMLButtonElement;
    expect(record.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText("Kind of note"), { target: { value: "voice-of-child" } });
    fireEvent.change(within(form).getByLabelText(/^Note/), { target: { value: "Spoke with the child at school." } });
    fireEvent.click(record);
    await waitFor(() => expect(api.callsTo("recordEvent")).toHaveLength(1));
    expect(api.callsTo("recordEvent")[0]?.args[1]).toEqual({
      type: "case-note",
      noteType: "voice-of-child",
      note: "Spoke with the child at school.",
    });
    expect(await screen.findByText("Voice of the child is not yet recorded.")).toBeTruthy();
  });

  it("rule 8.2 asks for every closure-ready item and the summary, and sends the items ticked by their ids", async () => {
    const api = fakeApi({
      myCases: () => ok({ items: [onTrack], workerId: "prac-1" }),
      recordEvent: () => aMutationResult("FC-2026-000011", { state: "closure-requested" }),
    });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const form = await screen.findByRole("form", { name: "Record an event on FC-2026-000011" });
    fireEvent.change(within(form).getByLabelText("What happened on FC-2026-000011"), {
      target: { value: "closure-request" },
    });
    const checklist = within(form).getByRole("group", { name: /Closure-ready checklist/ });
    const items = within(checklist).getAllByRole("checkbox");
    expect(items.map((box) => box.closest("div")?.textContent)).toEqual([
      "All records are up to date",
      "Outstanding actions from the plan are completed",
    ]);
    fireEvent.change(within(form).getByLabelText(/^Closure summary/), { target: { value: "Plan outcomes met." } });
    const record = within(form).getByRole("button", { name: "Record" }) as HTMLButtonElement;
    fireEvent.click(within(checklist).getByLabelText("All records are up to date"));
    expect(record.disabled).toBe(true);
    fireEvent.click(within(checklist).getByLabelText("Outstanding actions from the plan are completed"));
    expect(record.disabled).toBe(false);
    fireEvent.click(record);
    await waitFor(() => expect(api.callsTo("recordEvent")).toHaveLength(1));
    expect(api.callsTo("recordEvent")[0]?.args[1]).toEqual({
      type: "closure-request",
      checklist: { "records-up-to-date": true, "plan-actions-completed": true },
      summary: "Plan outcomes met.",
    });
  });

  it("records when it happened, read as London time, when the event is written up later", async () => {
    const api = fakeApi({
      myCases: () => ok({ items: [onTrack], workerId: "prac-1" }),
      recordEvent: () => aMutationResult("FC-2026-000011"),
    });
    renderView(<MyCasesView />, { api, me: aMe(["practitioner"]) });
    const form = await screen.findByRole("form", { name: "Record an event on FC-2026-000011" });
    fireEvent.change(within(form).getByLabelText("What happened on FC-2026-000011"), {
      target: { value: "initial-contact" },
    });
    // 10 July is British Summer Time: 09:30 in London is 08:30 UTC.
    fireEvent.change(within(form).getByLabelText(/When did this happen/), { target: { value: "2026-07-10T09:30" } });
    fireEvent.click(within(form).getByRole("button", { name: "Record" }));
    await waitFor(() => expect(api.callsTo("recordEvent")).toHaveLength(1));
    expect(api.callsTo("recordEvent")[0]?.args[1]).toEqual({
      type: "initial-contact",
      occurredAt: "2026-07-10T08:30:00.000Z",
    });
  });
});
