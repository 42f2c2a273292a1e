import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import type { CountyComplianceResponse, CountyTeamResponse } from "../../../src/api/contract.js";
import { Loaded } from "../components/loaded.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

const onTimeShare = (onTime: number, late: number): string =>
  onTime + late === 0 ? "none stopped" : `${Math.round((100 * onTime) / (onTime + late))}% on time`;

/** A rule's figures in one centre: on time and late, or a dash where the centre's profile has no such rule. */
const figures = (rule?: { onTime: number; late: number; lateStillOpen: number }): string =>
  rule === undefined ? "—" : `${rule.onTime} on time, ${rule.late} late, ${rule.lateStillOpen} late and open`;

/** A county manager's page: each centre's compliance and caseloads side by side, and the county's totals. */
export function CountyView() {
  const { centres } = useSession();
  const styles = useSharedStyles();
  const county = centres?.county;
  const [compliance] = useResource(
    () => (county ? county.countyCompliance() : Promise.reject(new Error("The county's views are not open here."))),
    "county-compliance",
  );
  const [team] = useResource(
    () => (county ? county.countyTeam() : Promise.reject(new Error("The county's views are not open here."))),
    "county-team",
  );
  return (
    <section className={styles.stack}>
      <ViewHeading>County</ViewHeading>
      <Loaded resource={compliance} what="every centre's compliance">
        {(data) => <ComplianceSideBySide data={data} />}
      </Loaded>
      <Loaded resource={team} what="every centre's caseloads">
        {(data) => <TeamsSideBySide data={data} />}
      </Loaded>
    </section>
  );
}

function ComplianceSideBySide({ data }: { data: CountyComplianceResponse }) {
  const styles = useSharedStyles();
  return (
    <>
      <p>
        From {data.from} to {data.to}: across the county {data.total.onTime} clocks stopped on time and{" "}
        {data.total.late} late ({onTimeShare(data.total.onTime, data.total.late)}); {data.total.lateStillOpen} are still
        open and late.
      </p>
      <Table>
        <caption className={styles.caption}>Compliance by centre, each on its own framework</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Centre</TableHeaderCell>
            <TableHeaderCell>Framework</TableHeaderCell>
            <TableHeaderCell>On time</TableHeaderCell>
            <TableHeaderCell>Late</TableHeaderCell>
            <TableHeaderCell>Late and still open</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.centres.map((centre) => (
            <TableRow key={centre.id}>
              <TableCell>{centre.name}</TableCell>
              <TableCell>{centre.profileId}</TableCell>
              <TableCell>{centre.total.onTime}</TableCell>
              <TableCell>{centre.total.late}</TableCell>
              <TableCell>{centre.total.lateStillOpen}</TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>County total</TableCell>
            <TableCell>All</TableCell>
            <TableCell>{data.total.onTime}</TableCell>
            <TableCell>{data.total.late}</TableCell>
            <TableCell>{data.total.lateStillOpen}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Table>
        <caption className={styles.caption}>Each rule, centre by centre and for the county</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Rule</TableHeaderCell>
            {data.centres.map((centre) => (
              <TableHeaderCell key={centre.id}>{centre.name}</TableHeaderCell>
            ))}
            <TableHeaderCell>County</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.total.rules.map((rule) => (
            <TableRow key={rule.ruleId}>
              <TableCell>
                {rule.ruleId} {rule.ruleName}
              </TableCell>
              {data.centres.map((centre) => (
                <TableCell key={centre.id}>
                  {figures(centre.report.rules.find((r) => r.ruleId === rule.ruleId))}
                </TableCell>
              ))}
              <TableCell>{figures(rule)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

function TeamsSideBySide({ data }: { data: CountyTeamResponse }) {
  const styles = useSharedStyles();
  const row = (name: string, t: CountyTeamResponse["total"]) => (
    <TableRow key={name}>
      <TableCell>{name}</TableCell>
      <TableCell>{t.practitioners}</TableCell>
      <TableCell>{t.openCases}</TableCell>
      <TableCell>{t.overLimit}</TableCell>
      <TableCell>{t.redClocks}</TableCell>
    </TableRow>
  );
  return (
    <Table>
      <caption className={styles.caption}>Caseloads by centre</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Centre</TableHeaderCell>
          <TableHeaderCell>Practitioners</TableHeaderCell>
          <TableHeaderCell>Open cases</TableHeaderCell>
          <TableHeaderCell>Over their limit</TableHeaderCell>
          <TableHeaderCell>Red clocks</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {data.centres.map((centre) => row(centre.name, centre.total))}
        {row("County total", data.total)}
      </TableBody>
    </Table>
  );
}
