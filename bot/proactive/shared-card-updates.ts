import { describeError, type Logger } from "../../src/logging/logger.js";
import type { AdaptiveCardJson } from "../cards/card-json.js";

/** Sends one card in place of the shared message; rejects when the Bot Connector refuses it. */
export type SendUpdate = (card: AdaptiveCardJson) => Promise<void>;

interface Waiting {
  readonly card: AdaptiveCardJson;
  readonly send: SendUpdate;
  /** Decisions this card carries, including those of older cards it replaced before they were sent. */
  readonly decisions: number;
}

/**
 * Updates a shared card for everyone after the person who clicked has their answer (the invoke waits for none of
 * it). One message's updates go one at a time, in the order their cards were drawn; a card drawn while another is
 * being sent waits, and a newer card takes its place: it was drawn later, so it shows every decision the older one
 * did. Each recorded decision thus reaches the message once, and each update is logged with how many it carries.
 */
export class SharedCardUpdates {
  readonly #waiting = new Map<string, Waiting>();
  readonly #sending = new Map<string, Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** `message` names the shared message (conversation and activity id). */
  schedule(message: string, card: AdaptiveCardJson, send: SendUpdate): void {
    const replaced = this.#waiting.get(message)?.decisions ?? 0;
    this.#waiting.set(message, { card, send, decisions: replaced + 1 });
    if (!this.#sending.has(message)) this.#sending.set(message, this.drain(message));
  }

  /** Resolves once every scheduled update has been sent or has failed (shutdown, tests). */
  async settled(): Promise<void> {
    while (this.#sending.size > 0) await Promise.all(this.#sending.values());
  }

  private async drain(message: string): Promise<void> {
    for (let next = this.#waiting.get(message); next !== undefined; next = this.#waiting.get(message)) {
      this.#waiting.delete(message);
      try {
        await next.send(next.card);
        this.logger.info("bot.card-updated", { decisions: next.decisions });
      } catch (error) {
        this.logger.warn("bot.card-update-failed", { decisions: next.decisions, ...describeError(error) });
      }
    }
    this.#sending.delete(message);
  }
}
