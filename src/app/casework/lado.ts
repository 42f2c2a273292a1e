import { caseUseCase } from "./record-change.js";

/** Seed 004: a concern about a person who works with children, recorded on the case it arose in. */
export const recordAllegation = caseUseCase((concern: { readonly note: string }) => ({
  type: "recordAllegation",
  note: concern.note,
}));

/** Seed 004: the LADO notified (the LADO Notification Form), within 24 hours of the concern. */
export const recordLadoNotification = caseUseCase((notification: { readonly note: string }) => ({
  type: "recordLadoNotification",
  note: notification.note,
}));

/** Seed 004: the LADO's answer, due within 24 working hours of the notification. */
export const recordLadoResponse = caseUseCase((response: { readonly note: string }) => ({
  type: "recordLadoResponse",
  note: response.note,
}));
