import type { ExecuteAction, OpenUrlAction } from "../card-json.js";

/** Where an `Action.Submit` fallback carries the verb its `Action.Execute` would have sent. */
export const SUBMITTED_VERB = "verb";

/**
 * A Universal Action: Teams sends it to the bot as an `adaptiveCard/action` invoke with this verb and data. A client
 * without Universal Actions renders the fallback instead, a plain submit of the same data with the verb in it.
 */
export function execute(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style?: ExecuteAction["style"],
): ExecuteAction {
  return {
    type: "Action.Execute",
    title,
    verb,
    data,
    ...(style && { style }),
    fallback: { type: "Action.Submit", title, data: { ...data, [SUBMITTED_VERB]: verb } },
  };
}

export const openUrl = (title: string, url: string): OpenUrlAction => ({ type: "Action.OpenUrl", title, url });

/** Actions inside the body, so each agenda item carries its own button. */
export const actionSet = (actions: readonly (ExecuteAction | OpenUrlAction)[]) => ({
  type: "ActionSet",
  actions,
});
