/** Bot Framework activities as Teams sends them, for driving the real adapter. */
export interface Sender {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export type Place =
  | { readonly type: "personal"; readonly id: string }
  | { readonly type: "groupChat"; readonly id: string }
  | { readonly type: "channel"; readonly id: string; readonly channelId: string };

const BOT = { id: "28:family-centre-bot", name: "Family Centre" };

function base(serviceUrl: string, from: Sender, place: Place, id: string) {
  return {
    id,
    channelId: "msteams",
    serviceUrl,
    timestamp: "2026-01-13T10:30:00.000Z",
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: BOT,
    conversation: {
      id: place.id,
      conversationType: place.type,
      tenantId: "tenant-1",
      ...(place.type !== "personal" ? { isGroup: true } : {}),
    },
    channelData: {
      tenant: { id: "tenant-1" },
      ...(place.type === "channel" ? { channel: { id: place.channelId }, team: { id: "team-1" } } : {}),
    },
  };
}

/** A message; in shared chats Teams includes the bot's @mention in the text. */
export function message(serviceUrl: string, from: Sender, place: Place, text: string, id = "msg-1") {
  const mentioned = place.type !== "personal";
  return {
    ...base(serviceUrl, from, place, id),
    type: "message",
    text: mentioned ? `<at>Family Centre</at> ${text}` : text,
    ...(mentioned ? { entities: [{ type: "mention", text: "<at>Family Centre</at>", mentioned: BOT }] } : {}),
  };
}

/**
 * What a person types into a conversation, as Teams delivers it to the bot: in a personal chat, every message; in a
 * group chat, meeting chat or channel, only one that @mentions the bot ("@Family Centre screening"), which Teams
 * sends with a mention entity. Undefined: Teams does not pass the message to the bot at all.
 */
export function typed(serviceUrl: string, from: Sender, place: Place, words: string, id = "msg-1") {
  if (place.type === "personal") return message(serviceUrl, from, place, words, id);
  const mention = `@${BOT.name} `;
  return words.startsWith(mention) ? message(serviceUrl, from, place, words.slice(mention.length), id) : undefined;
}

/** The app installed in a conversation. */
export function installed(serviceUrl: string, from: Sender, place: Place) {
  return { ...base(serviceUrl, from, place, "install-1"), type: "installationUpdate", action: "add" };
}

/** The app removed from a conversation (a person uninstalls it, or removes it from a chat or team). */
export function uninstalled(serviceUrl: string, from: Sender, place: Place) {
  return { ...base(serviceUrl, from, place, "uninstall-1"), type: "installationUpdate", action: "remove" };
}

/** The bot added to a group chat or team. */
export function botAdded(serviceUrl: string, from: Sender, place: Place) {
  return { ...base(serviceUrl, from, place, "added-1"), type: "conversationUpdate", membersAdded: [BOT] };
}

/** The bot removed from a group chat or team. */
export function botRemoved(serviceUrl: string, from: Sender, place: Place) {
  return { ...base(serviceUrl, from, place, "removed-1"), type: "conversationUpdate", membersRemoved: [BOT] };
}

/** A click on an Action.Execute button (`replyToId` is the card's message). */
export function cardAction(
  serviceUrl: string,
  from: Sender,
  place: Place,
  verb: string,
  data: Record<string, unknown>,
  id = "invoke-1",
) {
  return {
    ...base(serviceUrl, from, place, id),
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId: "agenda-message-1",
    value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  };
}

/**
 * A click on an `Action.Submit` (the fallback of an `Action.Execute` on a client without Universal Actions): a message
 * carrying the button's data merged with the card's inputs, replying to the card's message.
 */
export function cardSubmit(
  serviceUrl: string,
  from: Sender,
  place: Place,
  value: Record<string, unknown>,
  id = "submit-1",
) {
  return { ...base(serviceUrl, from, place, id), type: "message", replyToId: "agenda-message-1", value };
}

export async function post(url: string, activity: unknown, authorization?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  const json = response.headers.get("content-type")?.includes("json") === true;
  return { status: response.status, body: json && text !== "" ? (JSON.parse(text) as unknown) : text };
}

/** The same activity from another tenant (Teams names it on the conversation and in channelData). */
export function withTenant<T extends ReturnType<typeof base>>(activity: T, tenantId: string): T {
  return {
    ...activity,
    conversation: { ...activity.conversation, tenantId },
    channelData: { ...activity.channelData, tenant: { id: tenantId } },
  };
}
