import { z } from "zod";

/**
 * The four conventions of the practice framework, plus calendar months for monthly and 3-monthly rules and working
 * hours (Southampton's LADO answers "within 24 working hours": hours counted only within working hours).
 */
export const TIMESCALE_UNITS = [
  "hours",
  "working-hours",
  "calendar-days",
  "calendar-weeks",
  "working-days",
  "calendar-months",
] as const;
export type TimescaleUnit = (typeof TIMESCALE_UNITS)[number];

export const timescaleSchema = z.object({
  amount: z.number().int().min(0),
  unit: z.enum(TIMESCALE_UNITS),
});
/** "within 3 calendar days", "by the end of the next working day" (= 1 working day), "within 24 hours". */
export type Timescale = z.infer<typeof timescaleSchema>;
