import { Badge } from "@fluentui/react-components";
import type { Rag } from "../../../src/api/contract.js";

const LOOK: Record<Rag, { color: "danger" | "warning" | "success" | "subtle"; label: string }> = {
  red: { color: "danger", label: "Red: overdue" },
  amber: { color: "warning", label: "Amber: due soon" },
  green: { color: "success", label: "Green: on track" },
  none: { color: "subtle", label: "No running clock" },
};

/** RAG as words as well as colour, so it reads the same in high contrast and to a screen reader. */
export function RagBadge({ rag }: { rag: Rag }) {
  const look = LOOK[rag];
  return (
    <Badge appearance="filled" color={look.color}>
      {look.label}
    </Badge>
  );
}
