import type { ExecuteAction, OpenUrlAction } from "../card-json.js";

/** A Universal Action: Teams sends it to the bot as an `adaptiveCard/action` invoke with this verb and data. */
export function execute(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style?: ExecuteAction["style"],
): ExecuteAction {
  return { type: "Action.Execute", title, verb, data, ...(style && { style }) };
}

export const openUrl = (title: string, url: string): OpenUrlAction => ({ type: "Action.OpenUrl", title, url });

/** Actions inside the body, so each agenda item carries its own button. */
export const actionSet = (actions: readonly (ExecuteAction | OpenUrlAction)[]) => ({
  type: "ActionSet",
  actions,
});
