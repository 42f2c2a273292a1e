import { systemActor, type Actor } from "../../src/domain/actor.js";
import type { Case } from "../../src/domain/case.js";
import type { CaseEventData, CaseEventType, NewCaseEvent } from "../../src/domain/case-events.js";
import type { ContactKind, Referrer } from "../../src/domain/contact.js";
import type { CaseCommand } from "../../src/domain/lifecycle/commands.js";
import { decide } from "../../src/domain/lifecycle/decide.js";
import { closureChecklist } from "../../src/domain/lifecycle/decide-closure.js";
import { append } from "../../src/domain/lifecycle/evolve.js";
import { openCase } from "../../src/domain/lifecycle/open-case.js";
import type { Profile } from "../../src/domain/rules/profile-schema.js";
import { STAFF_ROLES, type StaffRole } from "../../src/domain/staff.js";
import { loadProfile } from "../../src/policy/profiles/index.js";

/** Someone who may do anything, so a builder step fails only when the lifecycle itself refuses it. */
const anyone: Actor = { kind: "staff", id: "staff-builder", displayName: "Builder" };
const theService = systemActor("builder");

type Step = (kase: Case, profile: Profile) => Case;
type When = { at?: string };

/**
 * Object mother for cases: each step goes through the real lifecycle (`decide` + `append`), so a built case is one
 * the service could have produced. Steps without `at` happen at the instant of the previous event.
 *
 *   aCase().ofKind("dart").receivedAt("2026-12-23T10:00:00Z").screenedAs("maam").build()
 */
export class CaseBuilder {
  private id = "FC-2026-000123";
  private kind: ContactKind = "request-for-support";
  private received = "2026-12-23T10:00:00Z";
  private profile: Profile | undefined;
  private referrer: Referrer | undefined;
  private readonly steps: Step[] = [];

  withId(id: string): this {
    this.id = id;
    return this;
  }

  underProfile(profile: Profile | string): this {
    this.profile = typeof profile === "string" ? loadProfile(profile) : profile;
    return this;
  }

  ofKind(kind: ContactKind): this {
    this.kind = kind;
    return this;
  }

  receivedAt(instant: string): this {
    this.received = instant;
    return this;
  }

  referredBy(referrer: Referrer): this {
    this.referrer = referrer;
    return this;
  }

  /** Any command, as someone holding every role (or the roles given), or as the service itself (`bySystem`). */
  then(command: CaseCommand, options: When & { roles?: readonly StaffRole[]; bySystem?: boolean } = {}): this {
    this.steps.push((kase, profile) => {
      const now = new Date(options.at ?? kase.events.at(-1)?.at ?? kase.openedAt);
      const roles = options.roles ?? STAFF_ROLES;
      const actor = options.bySystem === true ? theService : anyone;
      return append(kase, decide(kase, command, { profile, actor, roles, now }));
    });
    return this;
  }

  /** A raw event, for logs the lifecycle does not produce itself (acknowledgements and outcome emails sent). */
  withEvent<T extends CaseEventType>(
    type: T,
    data: CaseEventData[T],
    options: When & { recordedAt?: string } = {},
  ): this {
    this.steps.push((kase) => {
      const at = new Date(options.at ?? kase.events.at(-1)?.at ?? kase.openedAt).toISOString();
      const extra = options.recordedAt ? { recordedAt: new Date(options.recordedAt).toISOString() } : {};
      return append(kase, [{ type, at, ...extra, by: anyone, data } as NewCaseEvent]);
    });
    return this;
  }

  screenedAs(outcome: string, options: When & { workerId?: string; note?: string } = {}): this {
    return this.then({ type: "recordScreeningDecision", outcome, ...this.needs(options) }, options);
  }

  decidedAtMaam(outcome: string, options: When & { workerId?: string; note?: string } = {}): this {
    return this.then({ type: "recordMaamDecision", outcome, ...this.needs(options) }, options);
  }

  allocatedTo(workerId: string, options: When = {}): this {
    return this.then({ type: "allocate", workerId }, options);
  }

  /** Stepped down at screening and allocated (2.3) at the same instant. */
  allocatedOn(instant: string, workerId = "worker-1"): this {
    return this.screenedAs("step-down-early-help", { at: instant, workerId }).allocatedTo(workerId, { at: instant });
  }

  build(): Case {
    const profile = this.profile ?? loadProfile("family-solutions");
    const opened = openCase({
      id: this.id,
      contactId: `${this.id}-contact-1`,
      kind: this.kind,
      receivedAt: this.received,
      actor: anyone,
      profile,
      ...(this.referrer ? { referrer: this.referrer } : {}),
    }).case;
    return this.steps.reduce((kase, step) => step(kase, profile), opened);
  }

  /** Fills what a profile outcome needs (a note, a worker) when a test does not care which. */
  private needs(options: { workerId?: string; note?: string }): { workerId?: string; note: string } {
    return { note: options.note ?? "Decided in a test.", ...(options.workerId ? { workerId: options.workerId } : {}) };
  }
}

export const aCase = (): CaseBuilder => new CaseBuilder();

/** The profile's closure-ready checklist (8.2) with every item ticked, for a closure a test does not dwell on. */
export const closureReady = (profileId = "family-solutions"): Record<string, boolean> =>
  Object.fromEntries((closureChecklist(loadProfile(profileId)) ?? []).map((item) => [item.id, true]));
