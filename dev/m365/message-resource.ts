import { badRequest } from "./errors.js";
import { exchangeText } from "./exchange-body.js";
import { escapeHtml } from "./html-escape.js";
import { bodyPreview, FOLDERS, type FolderName, type StoredMessage, sameAddress } from "./message.js";

/** Opaque folder ids, like Graph's; the well-known names are accepted wherever an id is. */
export const FOLDER_IDS: Readonly<Record<FolderName, string>> = {
  inbox: "AQMkADAwATM0MDAAMS1iNjM5LTJhZmQtMDACLTAwCgAuAAADaW5ib3gAAAA",
  sentitems: "AQMkADAwATM0MDAAMS1iNjM5LTJhZmQtMDACLTAwCgAuAAADc2VudGl0ZW1zAAAA",
  drafts: "AQMkADAwATM0MDAAMS1iNjM5LTJhZmQtMDACLTAwCgAuAAADZHJhZnRzAAAA",
  deleteditems: "AQMkADAwATM0MDAAMS1iNjM5LTJhZmQtMDACLTAwCgAuAAADZGVsZXRlZGl0ZW1zAAAA",
  junkemail: "AQMkADAwATM0MDAAMS1iNjM5LTJhZmQtMDACLTAwCgAuAAADanVua2VtYWlsAAAA",
};

export function folderNamed(nameOrId: string): FolderName | undefined {
  const wanted = nameOrId.replace(/^'|'$/g, "").toLowerCase();
  return FOLDERS.find((f) => f === wanted || FOLDER_IDS[f].toLowerCase() === wanted);
}

/** Properties Graph returns only when `$select` names them. */
const SELECT_ONLY = ["internetMessageHeaders", "uniqueBody", "singleValueExtendedProperties"];

export interface RenderOptions {
  readonly select?: readonly string[];
  /** `$expand=singleValueExtendedProperties($filter=id eq '…')`: the property ids to include. */
  readonly expandPropertyIds?: readonly string[];
  /** `Prefer: outlook.body-content-type="text"`. */
  readonly preferText: boolean;
  readonly pageBaseUrl: string;
}

/** Every property of the Graph `message` resource the stand-in renders. */
const MESSAGE_PROPERTIES = [
  "id",
  "createdDateTime",
  "lastModifiedDateTime",
  "changeKey",
  "categories",
  "receivedDateTime",
  "sentDateTime",
  "hasAttachments",
  "internetMessageId",
  "subject",
  "bodyPreview",
  "importance",
  "parentFolderId",
  "conversationId",
  "conversationIndex",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "isRead",
  "isDraft",
  "webLink",
  "inferenceClassification",
  "body",
  "uniqueBody",
  "sender",
  "from",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "flag",
  "internetMessageHeaders",
  "singleValueExtendedProperties",
];

/** `$select`, with each name checked (and spelt) as Graph's message type spells it. */
export function parseSelect(select: string | undefined): string[] | undefined {
  if (select === undefined || select.trim() === "") return undefined;
  return select.split(",").map((wanted) => {
    const name = MESSAGE_PROPERTIES.find((p) => p.toLowerCase() === wanted.trim().toLowerCase());
    if (!name) {
      throw badRequest(
        "RequestBroker--ParseUri",
        `Could not find a property named '${wanted.trim()}' on type 'microsoft.graph.message'.`,
      );
    }
    return name;
  });
}

export function toResource(message: StoredMessage, options: RenderOptions): Record<string, unknown> {
  const full = fullResource(message, options);
  const expanded = options.expandPropertyIds;
  if (expanded) {
    full.singleValueExtendedProperties = message.singleValueExtendedProperties.filter((p) =>
      expanded.some((id) => sameAddress(id, p.id)),
    );
  }
  if (!options.select) {
    for (const name of SELECT_ONLY) if (!(expanded && name === "singleValueExtendedProperties")) delete full[name];
    return full;
  }
  const kept: Record<string, unknown> = { "@odata.etag": full["@odata.etag"], id: full.id };
  for (const name of options.select) kept[name] = full[name];
  if (expanded) kept.singleValueExtendedProperties = full.singleValueExtendedProperties;
  return kept;
}

function fullResource(m: StoredMessage, options: RenderOptions): Record<string, unknown> {
  const asText = options.preferText && m.body.contentType === "html";
  return {
    "@odata.etag": `W/"${m.changeKey}"`,
    id: m.id,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: m.changeKey,
    categories: [],
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime ?? null,
    hasAttachments: m.attachments.some((a) => !a.isInline),
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: bodyPreview(m.bodyText),
    importance: m.importance,
    parentFolderId: FOLDER_IDS[m.folder],
    conversationId: m.conversationId,
    conversationIndex: m.conversationIndex,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.isRead,
    isDraft: m.isDraft,
    webLink: `${options.pageBaseUrl}/_standin/messages/${encodeURIComponent(m.id)}`,
    inferenceClassification: "focused",
    body: asText ? { contentType: "text", content: exchangeText(m.body.content) } : m.body,
    uniqueBody:
      asText || m.body.contentType === "text"
        ? { contentType: "text", content: m.uniqueText }
        : {
            contentType: "html",
            content: `<html><body><div>${escapeHtml(m.uniqueText).replace(/\n/g, "<br>")}</div></body></html>`,
          },
    sender: m.sender ?? null,
    from: m.from ?? null,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: m.replyTo,
    flag: { flagStatus: "notFlagged" },
    internetMessageHeaders: m.internetMessageHeaders,
    singleValueExtendedProperties: m.singleValueExtendedProperties,
  };
}
