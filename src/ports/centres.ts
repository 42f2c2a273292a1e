import type { Actor } from "../domain/actor.js";
import type { Case } from "../domain/case.js";
import type { Contact } from "../domain/contact.js";
import { NotFoundError } from "./errors.js";

/** A centre of the county as a person picks it and a letter names it. */
export interface CentreRef {
  readonly id: string;
  readonly name: string;
}

/** A case sent from one centre to another: what the receiving centre opens its own case from. */
export interface Transfer {
  /** `transferIdOf(from centre, case)`: the key both centres' records share. */
  readonly id: string;
  readonly from: CentreRef;
  readonly toCentre: string;
  /** The sending case as it stood, and its contacts (the first opens the new case). */
  readonly case: Case;
  readonly contacts: readonly Contact[];
  readonly by: Actor;
}

export interface TransferReceived {
  readonly centre: CentreRef;
  readonly caseId: string;
  /** `already-received`: a retry, a second click or the nightly repair found the case the first attempt opened. */
  readonly status: "received" | "already-received";
}

/** The county's ledger of transfers, by transfer id: which case each became, claimed before the case is written. */
export interface TransferRecord {
  readonly fromCentre: string;
  readonly fromCaseId: string;
  readonly toCentre: string;
  readonly toCaseId: string;
  /** When the receiving centre received it (its clocks start here, whichever attempt writes the case). */
  readonly receivedAt: string;
}

/** The other centres of the deployment, as one centre reaches them (issue 21 §4). */
export interface Centres {
  readonly self: CentreRef;
  /** Every centre but this one, in configuration order. */
  otherCentres(): readonly CentreRef[];
  /**
   * Opens the transferred case in the receiving centre, exactly once per transfer id. Throws `UnknownCentreError`
   * for a centre this deployment does not serve.
   */
  receiveTransfer(transfer: Transfer): Promise<TransferReceived>;
  /** The ledger's transfers out of this centre (the nightly repair finishes any the sending case does not show). */
  transfersFrom(): Promise<ReadonlyArray<TransferRecord & { readonly transferId: string }>>;
}

/** A transfer named a centre this deployment does not serve (configuration changed under an open case page). */
export class UnknownCentreError extends NotFoundError {
  constructor(readonly centreId: string) {
    super(`There is no centre "${centreId}" on this deployment. Reload the case and choose one of those listed.`);
  }
}
