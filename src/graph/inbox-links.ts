/**
 * Where an inbox read goes on, as the core saves it: a Graph delta link as Graph wrote it, or one of ours wrapping
 * one. Ours carry what Graph's links cannot: how many messages a bounded first round has returned so far (Graph
 * caps a `receivedDateTime`-filtered delta round, silently), and the sweep that reads such a capped round's window in
 * full before the round's delta link is used.
 */
export type InboxLink =
  | { readonly kind: "graph"; readonly link: string }
  | { readonly kind: "bounded"; readonly link: string; readonly since: string; readonly count: number }
  | { readonly kind: "sweep"; readonly link: string; readonly then: string };

const PREFIX = "fc-inbox:";

export const encodeInboxLink = (link: InboxLink): string =>
  link.kind === "graph" ? link.link : `${PREFIX}${JSON.stringify(link)}`;

export const decodeInboxLink = (text: string): InboxLink => {
  if (!text.startsWith(PREFIX)) return { kind: "graph", link: text };
  const parsed = JSON.parse(text.slice(PREFIX.length)) as InboxLink;
  if (parsed.kind !== "bounded" && parsed.kind !== "sweep") throw new SyntaxError("not an inbox link");
  return parsed;
};
