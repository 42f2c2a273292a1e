import { Link } from "@fluentui/react-components";

/** Opens the case page (a hash route, so the tab keeps its place in Teams). */
export function CaseLink({ caseId }: { caseId: string }) {
  return <Link href={`#/case/${encodeURIComponent(caseId)}`}>{caseId}</Link>;
}
