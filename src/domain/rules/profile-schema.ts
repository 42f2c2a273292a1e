import { z } from "zod";
import { CASE_EVENT_TYPES } from "../case-events.js";
import { CONTACT_KINDS } from "../contact.js";
import { timescaleSchema } from "./timescale.js";

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * Matches a case event: its type, and optionally fields of its data.
 * `where: { outcome: "maam" }` — equal; `["a","b"]` — one of; `{ not: ... }` — anything else.
 */
export const eventMatcherSchema = z.object({
  event: z.enum(CASE_EVENT_TYPES),
  where: z
    .record(z.string(), z.union([scalar, z.array(scalar), z.object({ not: z.union([scalar, z.array(scalar)]) })]))
    .optional(),
});
export type EventMatcher = z.infer<typeof eventMatcherSchema>;

export const citationSchema = z.object({
  /** e.g. "Family Solutions Practice Framework" */
  document: z.string().min(1),
  /** e.g. "1.2" or "Transfer panel" */
  section: z.string().min(1),
});
export type Citation = z.infer<typeof citationSchema>;

const ruleBase = {
  id: z.string().min(1),
  /** Plain English, as a duty worker would say it. */
  name: z.string().min(1),
  citation: citationSchema,
  /** Anything a card or the tab should show beside the rule. */
  notes: z.string().optional(),
};

const appliesToSchema = z
  .object({
    /** Case kinds (kind of the opening contact) the rule is limited to. */
    caseKinds: z.array(z.enum(CONTACT_KINDS)).optional(),
    /** Case kinds the rule never applies to (e.g. DARTs for 1.2 and 2.2). */
    excludeCaseKinds: z.array(z.enum(CONTACT_KINDS)).optional(),
  })
  .optional();

/** A per-case (or per-practitioner) clock: starts at an event, stops at another. */
export const clockRuleSchema = z
  .object({
    ...ruleBase,
    kind: z.literal("clock"),
    /** Whose clock: a case's, or a practitioner's (supervision, 11.6). */
    subject: z.enum(["case", "practitioner"]).default("case"),
    start: z.array(eventMatcherSchema).min(1),
    stop: z.array(eventMatcherSchema).min(1),
    /**
     * `between-events`: from a start event's `at` to a stop event's `at`.
     * `recording-delay`: from each start event's `at` to its own `recordedAt` (10.1 case recording); `stop` lists
     * the same events.
     */
    measure: z.enum(["between-events", "recording-delay"]).default("between-events"),
    /** The stop must carry the same value of this data field as the start (e.g. `contactId` for 1.2). */
    correlateBy: z.string().optional(),
    /** Drives the first nudge and the on-time KPI. */
    expected: timescaleSchema.optional(),
    /** The on-time percentage the centre aims for on this clock (the compliance view's target); 100 unless set. */
    onTimeTarget: z.number().min(0).max(100).optional(),
    /** Drives escalation to a manager. */
    maximum: timescaleSchema.optional(),
    /**
     * The cited document sets no timescale: this one is the centre's own practice (its default here), marked as
     * such wherever it is shown and changeable in Settings (`withLocalTimescales`).
     */
    localPractice: z.boolean().default(false),
    /** When the case leaves the path this clock is on, the open clock is cancelled, not breached. */
    cancelledBy: z.array(eventMatcherSchema).default([]),
    /**
     * Events that undo a stop of the same key: the clock runs again from its start, as if never met (1.2: an
     * acknowledgement the referrer's server returned was not an acknowledgement). A later stop meets it.
     */
    reopenedBy: z.array(eventMatcherSchema).default([]),
    /**
     * The clock outlives the case's closing: what it measures is still owed once the case has closed (11.1: the
     * Managers Decision on a closure request, due within 3 days of the request, sign-off or not).
     */
    runsAfterClosure: z.boolean().default(false),
    /** `on-stop`: each stop starts the next instance (3.3, 5.1b, 11.1 monthly, 11.6). */
    recurrence: z
      .object({
        restartOn: z.enum(["stop"]),
        /** Events that end the recurrence (the open instance is cancelled). */
        until: z.array(eventMatcherSchema).default([]),
      })
      .optional(),
    appliesTo: appliesToSchema,
  })
  .refine((r) => r.expected !== undefined || r.maximum !== undefined, {
    message: "a clock needs an expected or a maximum timescale",
    path: ["expected"],
  });

/** Something that must happen on a schedule, not per case (2.1 daily screening, weekly panels). */
export const scheduleRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal("schedule"),
  every: z.enum(["working-day", "week"]),
  /** For weekly schedules: 1 = Monday … 5 = Friday. */
  weekday: z.number().int().min(1).max(7).optional(),
  /**
   * A weekly meeting whose day is not a working day (a bank holiday, a closure day): `next-working-day` holds it on
   * the next working day, so its cases still reach it that week; `skip` leaves that week without one.
   */
  onNonWorkingDay: z.enum(["next-working-day", "skip"]).default("skip"),
});

/** A limit checked when something happens (11.3 caseload). */
export const limitRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal("limit"),
  on: z.array(eventMatcherSchema).min(1),
  limits: z.record(z.string(), z.number().int().positive()),
});

/**
 * What raises a warning: an event, and optionally only one that happened at or after a clock time in the service's
 * time zone (`atOrAfter: "16:00"`, 4.2: a visit at the end of the day).
 */
export const warningMatcherSchema = eventMatcherSchema.extend({
  atOrAfter: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a clock time HH:mm")
    .optional(),
});

/** A warning shown when something happens, not a clock (4.2 lone working). */
export const warningRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal("warning"),
  on: z.array(warningMatcherSchema).min(1),
  /** Events after which a warning already raised no longer stands (11.5: the high-risk flag cleared). */
  withdrawnBy: z.array(eventMatcherSchema).default([]),
  message: z.string().min(1),
});

/**
 * What evidences a check at each of its stages, when the log itself can show it (9: a voice-of-the-child note; Bexley
 * §12: a Managers Decision note). `since-previous-stage`: recorded after the stage before and by this one (the work
 * done during it). `until-next-stage`: recorded from this stage until the next one, or the case closing ("following"
 * it). A check without evidence is a checklist a person ticks (4.4 audit, 8.2 closure-ready).
 */
export const checkEvidenceSchema = z.object({
  events: z.array(eventMatcherSchema).min(1),
  window: z.enum(["since-previous-stage", "until-next-stage"]),
});

/** A stage of a check: an event, or only the first such event in the log (Bexley's introductory visit). */
export const stageMatcherSchema = eventMatcherSchema.extend({ first: z.boolean().optional() });

/** A checklist that must be evidenced at stages (4.4 audit, 8.2 closure-ready, 9 voice of the child). */
export const checkRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal("check"),
  on: z.array(stageMatcherSchema).min(1),
  items: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).min(1),
  evidence: checkEvidenceSchema.optional(),
});

/** Points in a case's life that reports prioritise (11.4 long-open cases). */
export const milestoneRuleSchema = z.object({
  ...ruleBase,
  kind: z.literal("milestones"),
  from: z.array(eventMatcherSchema).min(1),
  at: z.array(timescaleSchema).min(1),
});

export const ruleSchema = z.discriminatedUnion("kind", [
  clockRuleSchema,
  scheduleRuleSchema,
  limitRuleSchema,
  warningRuleSchema,
  checkRuleSchema,
  milestoneRuleSchema,
]);
export type Rule = z.infer<typeof ruleSchema>;
export type ClockRule = z.infer<typeof clockRuleSchema>;
export type ScheduleRule = z.infer<typeof scheduleRuleSchema>;
export type CheckRule = z.infer<typeof checkRuleSchema>;
export type WarningRule = z.infer<typeof warningRuleSchema>;

export const outcomeSchema = z.object({
  /** Stable id stored in events (`maam`, `step-down-early-help`, …). */
  id: z.string().min(1),
  label: z.string().min(1),
  /** What the decision needs from the decider. */
  needs: z.array(z.enum(["note", "worker"])).default([]),
  /** Whether the referrer is told (2.2 / 3.1) — false for none, template id otherwise. */
  emailTemplate: z.string().optional(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

/** A plain-English email; `{{placeholders}}` are filled from the case and the computed dates. */
export const emailTemplateSchema = z.object({
  subject: z.string().min(1),
  body: z.string().min(1),
});

export const panelSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The schedule rule that says when it meets. */
  scheduleRule: z.string().min(1),
  outcomes: z.array(outcomeSchema).min(1),
  chairRole: z.enum(["manager", "panel-member"]).default("panel-member"),
  /** The event a decision of this panel is recorded as (`maam.decided`); rules match its `outcome` ids. */
  decisionEvent: z.enum(CASE_EVENT_TYPES).optional(),
  /** The decision cannot be reopened once made (Bexley transfer panel). */
  decisionsFinal: z.boolean().optional(),
  /** Fields the presenting worker brings (the transfer summary). */
  summaryFields: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
  /** Tasks that follow a decision (hand-over meeting, ending letter). */
  followUpTasks: z.array(z.object({ id: z.string(), label: z.string() })).default([]),
});

export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  version: z.string().min(1),
  /** The source documents, keyed by the short name citations use. */
  documents: z.record(z.string(), z.object({ title: z.string(), publisher: z.string().optional() })),
  rules: z.array(ruleSchema).min(1),
  screeningOutcomes: z.array(outcomeSchema).min(1),
  /** Outcomes of a Front Door-MASH decision (`front-door.decided`), where `features.frontDoorDecision`. */
  frontDoorOutcomes: z.array(outcomeSchema).optional(),
  panels: z.array(panelSchema).default([]),
  /** A clock is "due soon" when its next due instant falls before `dueAt(now, dueSoon)`. */
  dueSoon: timescaleSchema,
  caseloadLimits: z.object({ fullTime: z.number().int().positive(), partTime: z.number().int().positive() }),
  /**
   * Bexley: consent before a referral is accepted; a Front Door decision step. `stepDownsTo`: where a new case stepped
   * down from Children's Social Care goes first — straight to `allocation` (6.1), to the `transfer-panel` (Bexley), or,
   * only where the profile says so, through its `front-door` (consent, the Front Door, screening) like any contact.
   */
  features: z
    .object({
      consentRequired: z.boolean().default(false),
      frontDoorDecision: z.boolean().default(false),
      stepDownsTo: z.enum(["allocation", "transfer-panel", "front-door"]).default("allocation"),
    })
    .default({ consentRequired: false, frontDoorDecision: false, stepDownsTo: "allocation" }),
  emails: z.object({
    acknowledgement: emailTemplateSchema,
    outcomes: z.record(z.string(), emailTemplateSchema),
    /**
     * Issue 21 §4: what a case transferred here from another centre tells its referrer, in place of the
     * acknowledgement (it stops 1.2 the same way). Unset: the acknowledgement goes as for any new contact.
     */
    transferReceived: emailTemplateSchema.optional(),
  }),
});
export type Profile = z.infer<typeof profileSchema>;
/** What profile authors write (defaults not yet applied). */
export type ProfileInput = z.input<typeof profileSchema>;
