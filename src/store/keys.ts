import { createHash } from "node:crypto";

/**
 * Table keys forbid / \ # ? and control characters, and we use `~` as our separator: those (and `%` itself)
 * are percent-encoded, everything else is kept so keys stay readable and sort as their source does.
 */
// Matching control characters is the point here: Azure refuses them in keys.
/* eslint-disable no-control-regex */
const UNSAFE = /[%/\\#?~\u0000-\u001f\u007f-\u009f]/g;
const FORBIDDEN = /[%/\\#?\u0000-\u001f\u007f-\u009f]/g;
/* eslint-enable no-control-regex */
const percent = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;

export const encodeKey = (value: string): string => value.replace(UNSAFE, percent);

/** As `encodeKey` but keeps `~`, for keys that are themselves built with it (`worker~<id>`). */
export const encodeCompositeKey = (value: string): string => value.replace(FORBIDDEN, percent);

export const decodeKey = (key: string): string =>
  key.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Spreads ids over 4,096 partitions so no single partition takes every insert. */
export const shortHash = (value: string): string => createHash("sha256").update(value).digest("hex").slice(0, 3);

/** Zero-padded so row keys sort in log order. */
export const eventRowKey = (seq: number): string => `event~${String(seq).padStart(6, "0")}`;

/** Instants in one fixed form so row keys sort by time. */
export const isoInstant = (instant: Date | string): string => new Date(instant).toISOString();
