import { describe, expect, it } from "vitest";
import { englandAndWalesBankHolidays } from "../../../src/domain/calendar/bank-holidays.js";
import { createCalendar } from "../../../src/domain/calendar/create-calendar.js";
import { postAgendas } from "../../../src/jobs/post-agendas.js";
import { NOTICES_PARTITION } from "../../../src/jobs/job-deps.js";
import { aCase } from "../../../dev/builders/case-builder.js";
import { jobDeps, onQueues } from "./job-fixtures.js";

const at = (iso: string) => new Date(iso);

async function awaitingScreening() {
  const deps = jobDeps();
  await onQueues(
    deps,
    aCase().withId("FC-2026-000001").receivedAt("2026-11-20T10:00:00Z").build(),
    aCase().withId("FC-2026-000002").receivedAt("2026-11-19T10:00:00Z").build(),
  );
  return deps;
}

const teamsKeys = async (deps: ReturnType<typeof jobDeps>) =>
  (await deps.outbox.listPending(50, "teams")).map((i) => i.key);

describe("rule 2.1 daily screening agenda", () => {
  it("queues one agenda for the screening chat on a working day from 09:30 London, listing every case awaiting screening", async () => {
    const deps = await awaitingScreening();

    const runs = await postAgendas(deps, at("2026-12-01T09:30:00Z"), "09:30");

    expect(runs).toContainEqual({ agenda: "screening", outcome: "queued", date: "2026-12-01", cases: 2 });
    const item = await deps.outbox.get(NOTICES_PARTITION, "agenda~screening~2026-12-01");
    expect(item).toMatchObject({
      channel: "teams",
      state: "pending",
      payload: { conversation: "screening", ruleId: "2.1", caseIds: ["FC-2026-000002", "FC-2026-000001"] },
    });
  });

  it("waits until the configured time (09:29 BST in summer is 08:29 UTC)", async () => {
    const deps = await awaitingScreening();

    expect(await postAgendas(deps, at("2026-07-01T08:29:00Z"), "09:30")).toContainEqual({
      agenda: "screening",
      outcome: "not-due",
    });
    expect(await postAgendas(deps, at("2026-07-01T08:30:00Z"), "09:30")).toContainEqual(
      expect.objectContaining({ agenda: "screening", outcome: "queued", date: "2026-07-01" }),
    );
  });

  it("posts no agenda on a bank holiday (Monday 28 December 2026, the substitute Boxing Day)", async () => {
    const deps = await awaitingScreening();

    await postAgendas(deps, at("2026-12-28T10:00:00Z"), "09:30");

    expect(await teamsKeys(deps)).toEqual([]);
  });

  it("posts no agenda on Christmas Day (Friday 25 December 2026)", async () => {
    const deps = await awaitingScreening();

    const runs = await postAgendas(deps, at("2026-12-25T10:00:00Z"), "09:30");

    expect(runs).toContainEqual({ agenda: "screening", outcome: "not-due" });
    expect(await teamsKeys(deps)).toEqual([]);
  });

  it("posts no agenda on the centre's closure day, and posts as usual the day after", async () => {
    const deps = await awaitingScreening();
    const closed = {
      ...deps,
      calendar: createCalendar({
        bankHolidays: englandAndWalesBankHolidays(2026, 2027),
        closureDays: [{ date: "2026-12-23", name: "Christmas shutdown" }],
      }),
    };

    await postAgendas(closed, at("2026-12-23T10:00:00Z"), "09:30");
    await postAgendas(closed, at("2026-12-24T10:00:00Z"), "09:30");

    expect(await teamsKeys(deps)).toEqual(["agenda~screening~2026-12-24"]);
  });

  it("posts no agenda on a Sunday", async () => {
    const deps = await awaitingScreening();

    await postAgendas(deps, at("2026-12-06T10:00:00Z"), "09:30");

    expect(await teamsKeys(deps)).toEqual([]);
  });

  it("posts one agenda a day however many ticks run, and the next working day's separately", async () => {
    const deps = await awaitingScreening();

    for (const minute of ["09:30", "09:31", "11:00", "16:59"]) {
      await postAgendas(deps, at(`2026-12-03T${minute}:00Z`), "09:30");
    }
    await postAgendas(deps, at("2026-12-04T09:45:00Z"), "09:30");

    expect(await teamsKeys(deps)).toEqual(["agenda~screening~2026-12-03", "agenda~screening~2026-12-04"]);
  });
});

describe("panel agendas on the profile's weekday", () => {
  it("queues the MAAM agenda on Tuesday (maam-meeting, weekday 2) and not on Monday", async () => {
    const deps = jobDeps();
    await onQueues(deps, aCase().withId("FC-2026-000009").screenedAs("maam").build());

    await postAgendas(deps, at("2026-11-30T10:00:00Z"), "09:30");
    await postAgendas(deps, at("2026-12-01T10:00:00Z"), "09:30");

    const maam = await deps.outbox.get(NOTICES_PARTITION, "agenda~maam~2026-12-01");
    expect(maam?.payload).toMatchObject({ conversation: "maam", caseIds: ["FC-2026-000009"] });
    expect(await deps.outbox.get(NOTICES_PARTITION, "agenda~maam~2026-11-30")).toBeUndefined();
  });

  it("holds MAAM on Wednesday 29 December 2027 when its Tuesday is the Boxing Day substitute, saying why", async () => {
    const deps = jobDeps();
    await onQueues(
      deps,
      aCase().withId("FC-2027-000009").receivedAt("2027-12-20T10:00:00Z").screenedAs("maam").build(),
    );

    const onTheHoliday = await postAgendas(deps, at("2027-12-28T10:00:00Z"), "09:30");
    const nextWorkingDay = await postAgendas(deps, at("2027-12-29T10:00:00Z"), "09:30");

    expect(onTheHoliday).toContainEqual({ agenda: "maam", outcome: "not-due" });
    expect(nextWorkingDay).toContainEqual({ agenda: "maam", outcome: "queued", date: "2027-12-29", cases: 1 });
    expect((await deps.outbox.get(NOTICES_PARTITION, "agenda~maam~2027-12-29"))?.payload).toMatchObject({
      caseIds: ["FC-2027-000009"],
      heldBecause:
        "Held today, the next working day, because its usual day, Tuesday 28 December 2027, is a bank holiday " +
        "(Boxing Day (substitute day)).",
    });
  });

  it("holds MAAM once only: not again on the Thursday after a moved Tuesday", async () => {
    const deps = jobDeps();

    expect(await postAgendas(deps, at("2027-12-30T10:00:00Z"), "09:30")).toContainEqual({
      agenda: "maam",
      outcome: "not-due",
    });
  });

  it("holds Bexley's transfer panel on Thursday when the centre is closed on its Wednesday", async () => {
    const base = jobDeps(undefined, { profile: "bexley" });
    const deps = {
      ...base,
      calendar: createCalendar({
        bankHolidays: englandAndWalesBankHolidays(2026, 2027),
        closureDays: [{ date: "2026-12-02", name: "Staff training" }],
      }),
    };

    const runs = await postAgendas(deps, at("2026-12-03T10:00:00Z"), "09:30");

    expect(runs).toContainEqual({ agenda: "transfer-panel", outcome: "queued", date: "2026-12-03", cases: 0 });
    expect((await deps.outbox.get(NOTICES_PARTITION, "agenda~transfer-panel~2026-12-03"))?.payload).toMatchObject({
      heldBecause: expect.stringContaining("Wednesday 2 December 2026, is a day the centre is closed (Staff training)"),
    });
  });

  it("queues Bexley's transfer panel agenda on Wednesday", async () => {
    const deps = jobDeps(undefined, { profile: "bexley" });

    const runs = await postAgendas(deps, at("2026-12-02T10:00:00Z"), "09:30");

    expect(runs).toContainEqual({ agenda: "transfer-panel", outcome: "queued", date: "2026-12-02", cases: 0 });
    expect(await teamsKeys(deps)).toContain("agenda~transfer-panel~2026-12-02");
  });
});
