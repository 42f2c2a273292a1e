import type { TokenCredential } from "@azure/identity";
import type { CentreConfig, Config, MailboxConfig } from "./config.js";
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

/**
 * App-only Microsoft Graph for one Family Centre mailbox: a client of its own, so its throttling (Exchange's limits
 * are per app per mailbox) and its share of the mailbox's 4 concurrent requests touch no other mailbox.
 */
export function graphFromConfig(config: Config, mailbox: MailboxConfig, logger: Logger, clock: Clock): GraphParts {
  const client = createGraphClient({ baseUrl: config.graph.baseUrl, credential: credentialFor(config.graph), clock });
  return {
    client,
    mailbox: new GraphMailbox(client, { mailbox: mailbox.address, logger, bodyLimits: mailbox.bodyLimits }),
    subscriptions: new GraphMailSubscriptions(client, userPath(mailbox.address), logger),
  };
}

/** The inbox subscription is renewed this long before it lapses. */
const RENEW_BEFORE_MINUTES = 12 * 60;

/**
 * Where Graph sends change and lifecycle notifications for a centre's inbox (its own path, so a notification wakes
 * only its centre's pipeline), and how long a subscription lasts.
 */
export const subscriptionSettings = (config: Config, centre: CentreConfig): MailSubscriptionSettings => ({
  notificationUrl: `${config.http.publicBaseUrl}/api/graph/notify/${centre.id}`,
  lifecycleNotificationUrl: `${config.http.publicBaseUrl}/api/graph/lifecycle/${centre.id}`,
  clientState: config.graph.notificationClientState,
  lifetimeMinutes: config.graph.subscriptionLifetimeMinutes,
  renewBeforeMinutes: RENEW_BEFORE_MINUTES,
});
