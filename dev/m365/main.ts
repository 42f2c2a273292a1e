/**
 * Runs the local Microsoft 365 stand-in on its own: `tsx dev/m365/main.ts`.
 * Logs ids and counts only (never addresses, subjects or bodies).
 */
import { startStandIn } from "./stand-in.js";

const standIn = await startStandIn({ log: (line) => console.log(`[m365] ${line}`) });
console.log(`[m365] mailbox page   ${standIn.pageUrl}`);
console.log(`[m365] Graph v1.0     ${standIn.graphBaseUrl} (user id ${standIn.userId})`);
console.log(`[m365] SMTP           127.0.0.1:${standIn.smtpPort}`);
console.log(`[m365] control        ${standIn.pageUrl}_standin/faults · _standin/stats · _standin/reset`);

const stop = (): void => {
  void standIn.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
