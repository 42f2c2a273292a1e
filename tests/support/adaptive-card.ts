import { createRequire } from "node:module";
import { cardBytes, MAX_CARD_BYTES, type AdaptiveCardJson } from "../../bot/cards/card-json.js";

interface ParseEvent {
  readonly message: string;
}
interface AdaptiveCardsModule {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
  SerializationContext: new () => { targetVersion: unknown; eventCount: number; getEventAt(i: number): ParseEvent };
  Versions: { v1_5: unknown };
}

// The package's ESM build does not load in plain Node; its UMD bundle parses without a DOM.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

/**
 * Everything wrong with a card as Teams would see it: what the real `adaptivecards` parser reports at schema 1.5,
 * a version above 1.5, an input marked required on a card of several items (Teams checks every input of a card on
 * any button, so one item could not be decided alone), and a message over the card budget (Teams refuses 40 KB as
 * UTF-16). Empty when the card is fine.
 */
export function cardProblems(card: AdaptiveCardJson): string[] {
  const problems: string[] = [];
  const json: unknown = JSON.parse(JSON.stringify(card));
  const context = new AC.SerializationContext();
  context.targetVersion = AC.Versions.v1_5;
  new AC.AdaptiveCard().parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const [major, minor] = String(card.version).split(".").map(Number);
  if (major !== 1 || minor === undefined || minor > 5) problems.push(`version ${card.version} is above 1.5`);
  const bytes = cardBytes(card);
  if (bytes > MAX_CARD_BYTES) problems.push(`${bytes} bytes as UTF-16, over the ${MAX_CARD_BYTES}-byte budget`);
  const buttons = executeActions(card).length;
  if (buttons > 1 && requiredInputs(card).length > 0) {
    problems.push(`required inputs ${requiredInputs(card).join(", ")} on a card with ${buttons} buttons`);
  }
  return problems;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Every `Action.Execute` anywhere in a card (actions, action sets, show-cards), with its verb and data. */
export function executeActions(card: unknown): { verb: string; data: Record<string, unknown>; title: string }[] {
  const found: { verb: string; data: Record<string, unknown>; title: string }[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    if (node.type === "Action.Execute") {
      found.push({ verb: String(node.verb), data: node.data as Record<string, unknown>, title: String(node.title) });
    }
    Object.values(node).forEach(visit);
  };
  visit(JSON.parse(JSON.stringify(card)) as Json);
  return found;
}

/** The ids of inputs marked `isRequired`. */
export function requiredInputs(card: unknown): string[] {
  const ids: string[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    if (typeof node.type === "string" && node.type.startsWith("Input.") && node.isRequired === true) {
      ids.push(String(node.id));
    }
    Object.values(node).forEach(visit);
  };
  visit(JSON.parse(JSON.stringify(card)) as Json);
  return ids;
}

/** Every input id in a card. */
export function inputIds(card: unknown): string[] {
  const ids: string[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    if (typeof node.type === "string" && node.type.startsWith("Input.")) ids.push(String(node.id));
    Object.values(node).forEach(visit);
  };
  visit(JSON.parse(JSON.stringify(card)) as Json);
  return ids;
}

/** Markdown backslash escapes (`\.`, `\[`…), which a renderer drops from what it shows. */
const MARKDOWN_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** All text a card shows or carries, as a person reads it (escapes dropped), for "contains" checks either way. */
export const cardText = (card: unknown): string =>
  JSON.stringify(card, (_key, value: unknown) =>
    typeof value === "string" ? value.replace(MARKDOWN_ESCAPE, "$1") : value,
  );
