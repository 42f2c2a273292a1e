/** Who did something. `system` is the service itself (mailbox intake, jobs). */
export interface Actor {
  readonly kind: "staff" | "system";
  /** Staff id (Entra object id in production) or the system component's name. */
  readonly id: string;
  readonly displayName?: string;
}

export const systemActor = (component: string): Actor => ({ kind: "system", id: component });
