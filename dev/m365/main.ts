/**
 * Runs the local Microsoft 365 stand-in on its own: `tsx dev/m365/main.ts [address …]`, serving the mailboxes named
 * (the default one when none is). Its log names ids and counts only, never mail's addresses, subjects or bodies.
 */
import { startStandIn } from "./stand-in.js";

const addresses = process.argv.slice(2);
const standIn = await startStandIn({
  ...(addresses.length > 0 ? { mailboxes: addresses.map((address) => ({ address })) } : {}),
  log: (line) => console.log(`[m365] ${line}`),
});
console.log(`[m365] mailbox page   ${standIn.pageUrl}`);
for (const address of standIn.addresses()) {
  console.log(`[m365] Graph v1.0     ${standIn.graphBaseUrl}/users/${address} (user id ${standIn.userIdFor(address)})`);
}
console.log(`[m365] SMTP           127.0.0.1:${standIn.smtpPort}`);
console.log(`[m365] control        ${standIn.pageUrl}_standin/faults · _standin/stats · _standin/reset`);

const stop = (): void => {
  void standIn.close().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
