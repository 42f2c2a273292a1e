import { installed, message, post, type Sender } from "../../dev/teams/activities.js";

/** The group chats the run's agendas, digests and triage cards go to, by the conversation id Teams would give. */
export const CHAOS_CHATS: Readonly<Record<string, string>> = {
  "chaos-duty-chat": "duty",
  "chaos-screening-chat": "screening",
  "chaos-maam-chat": "maam",
  "chaos-transfer-panel-chat": "transfer panel",
};

/** Local mode gives whoever chats every role (bot/demo-team.ts), as a manager setting up the chats would have. */
const MANAGER: Sender = { id: "29:chaos-manager", aadObjectId: "chaos-manager", name: "Chaos Manager" };

/**
 * Sets the chats up as a manager does: the app is added to each group chat, then "use this chat for …" is typed in
 * it. Activities carry the fake connector's `serviceUrl`, so every later proactive post lands there.
 */
export async function chooseChats(serviceUrl: string, connectorUrl: string): Promise<void> {
  const endpoint = `${serviceUrl}/api/messages`;
  for (const [id, purpose] of Object.entries(CHAOS_CHATS)) {
    const place = { type: "groupChat", id } as const;
    for (const activity of [
      installed(connectorUrl, MANAGER, place),
      message(connectorUrl, MANAGER, place, `use this chat for ${purpose}`, `choose-${id}`),
    ]) {
      const { status } = await post(endpoint, activity);
      if (status >= 300) throw new Error(`the bot answered ${status} while choosing the ${purpose} chat`);
    }
  }
}
