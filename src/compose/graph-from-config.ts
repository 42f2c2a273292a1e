import type { TokenCredential } from "@azure/identity";
import type { Config } from "./config.js";
import { azureCredential } from "./credential-from-config.js";
import { createGraphClient, type GraphClient } from "../graph/graph-client.js";
import { GraphMailbox, userPath } from "../graph/graph-mailbox.js";
import { GraphMailSubscriptions } from "../graph/subscriptions.js";
import type { Logger } from "../logging/logger.js";
import type { Clock } from "../ports/clock.js";
import type { MailSubscriptionSettings } from "../ports/mailbox.js";

/** The token the local stand-in accepts; the Graph client refuses a static token for any non-loopback host. */
const LOCAL_TOKEN = "local-development-token";

const credentialFor = (graph: Config["graph"]): TokenCredential | { staticToken: string } =>
  azureCredential(graph) ?? { staticToken: LOCAL_TOKEN };

export interface GraphParts {
  readonly client: GraphClient;
  readonly mailbox: GraphMailbox;
  readonly subscriptions: GraphMailSubscriptions;
}

/** App-only Microsoft Graph for the one Family Centre mailbox. */
export function graphFromConfig(config: Config, logger: Logger, clock: Clock): GraphParts {
  const client = createGraphClient({ baseUrl: config.graph.baseUrl, credential: credentialFor(config.graph), clock });
  return {
    client,
    mailbox: new GraphMailbox(client, {
      mailbox: config.mailbox.address,
      logger,
      bodyLimits: config.mailbox.bodyLimits,
    }),
    subscriptions: new GraphMailSubscriptions(client, userPath(config.mailbox.address), logger),
  };
}

/** The inbox subscription is renewed this long before it lapses. */
const RENEW_BEFORE_MINUTES = 12 * 60;

/** Where Graph sends change and lifecycle notifications for the inbox, and how long a subscription lasts. */
export const subscriptionSettings = (config: Config): MailSubscriptionSettings => ({
  notificationUrl: `${config.http.publicBaseUrl}/api/graph/notify`,
  lifecycleNotificationUrl: `${config.http.publicBaseUrl}/api/graph/lifecycle`,
  clientState: config.graph.notificationClientState,
  lifetimeMinutes: config.graph.subscriptionLifetimeMinutes,
  renewBeforeMinutes: RENEW_BEFORE_MINUTES,
});
