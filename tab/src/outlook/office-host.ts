/// <reference types="office-js" />
import { BROWSER_HOST, type HostContext } from "../host/host-context.js";
import { fetchSignInConfig, nestedOrLegacyToken } from "../host/nested-auth.js";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export interface OutlookItem {
  readonly host: HostContext;
  readonly internetMessageId: string | undefined;
}

/**
 * In Outlook: load Office.js (only this page does), wait for it, and read the open email's internetMessageId; sign
 * in by nested app authentication where this Outlook offers it (requirement set NestedAppAuth 1.1).
 * Outside Outlook (local mode, tests) Office.js is never fetched: the message comes from `?internetMessageId=`.
 */
export async function openOutlookItem(win: Window = window): Promise<OutlookItem> {
  const fromUrl = new URLSearchParams(win.location.search).get("internetMessageId");
  if (fromUrl !== null) return { host: BROWSER_HOST, internetMessageId: fromUrl };
  await loadScript(win.document, OFFICE_JS);
  await Office.onReady();
  const item = Office.context.mailbox.item as Office.MessageRead | undefined;
  return {
    host: {
      ...BROWSER_HOST,
      host: "Outlook",
      getAuthToken: nestedOrLegacyToken(
        await fetchSignInConfig(),
        Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
        () => Office.auth.getAccessToken({ allowSignInPrompt: true }),
      ),
    },
    internetMessageId: item?.internetMessageId,
  };
}

function loadScript(document: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("Office.js could not be loaded: open this pane from Outlook."));
    document.head.append(script);
  });
}
