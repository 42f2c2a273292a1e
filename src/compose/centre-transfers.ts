import type { AppDeps } from "../app/app-deps.js";
import { receiveTransfer } from "../app/centres/receive-transfer.js";
import { UnknownCentreError, type CentreRef, type Centres, type TransferRecord } from "../ports/centres.js";
import type { RecordStore } from "../ports/records.js";
import type { CentreConfig } from "./config.js";

const refOf = (centre: CentreConfig): CentreRef => ({ id: centre.id, name: centre.mailbox.centreName });

/**
 * One centre's way to the others (issue 21 §4), over the centres this instance runs (`running`: each one's deps once
 * it has started) and the county's ledger of transfers. Undefined for a one-centre deployment: nothing to transfer to.
 */
export function centresPort(
  self: CentreConfig,
  all: readonly CentreConfig[],
  running: (centreId: string) => AppDeps | undefined,
  ledger: RecordStore<TransferRecord>,
): Centres | undefined {
  if (all.length < 2) return undefined;
  const reach = (centreId: string) => {
    const centre = all.find((c) => c.id === centreId);
    const deps = running(centreId);
    if (centre === undefined || deps === undefined) throw new UnknownCentreError(centreId);
    return { ref: refOf(centre), deps };
  };
  return {
    self: refOf(self),
    otherCentres: () => all.filter((c) => c.id !== self.id).map(refOf),
    receiveTransfer: (transfer) => receiveTransfer(reach, ledger, transfer),
    transfersFrom: async () =>
      (await ledger.list())
        .filter((record) => record.value.fromCentre === self.id)
        .map((record) => ({ ...record.value, transferId: record.key })),
  };
}
