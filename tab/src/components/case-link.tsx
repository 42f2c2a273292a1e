import { Badge, Link } from "@fluentui/react-components";

/**
 * Opens the case page (a hash route, so the tab keeps its place in Teams); a case a manager flagged high risk says so
 * wherever it is listed (11.5).
 */
export function CaseLink({ caseId, highRisk }: { caseId: string; highRisk?: boolean }) {
  return (
    <>
      <Link href={`#/case/${encodeURIComponent(caseId)}`}>{caseId}</Link>
      {highRisk ? (
        <>
          {" "}
          <Badge appearance="filled" color="danger">
            High risk
          </Badge>
        </>
      ) : null}
    </>
  );
}
