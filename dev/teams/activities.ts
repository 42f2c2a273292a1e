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

/** The app installed in a conversation. */
export function installed(serviceUrl: string, from: Sender, place: Place) {
  return { ...base(serviceUrl, from, place, "install-1"), type: "installationUpdate", action: "add" };
}

/** The bot added to a group chat or team. */
export function botAdded(serviceUrl: string, from: Sender, place: Place) {
  return { ...base(serviceUrl, from, place, "added-1"), type: "conversationUpdate", membersAdded: [BOT] };
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
