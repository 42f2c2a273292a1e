import type { PageConfigHost } from "../host/tab-config.js";
import type { Route } from "../routes.js";
import { AccessibilityView } from "../views/accessibility-view.js";
import { AgendaView } from "../views/agenda-view.js";
import { CaseView } from "../views/case-view.js";
import { ConfigureView } from "../views/configure-view.js";
import { CountyTriageView } from "../views/county-triage-view.js";
import { CountyView } from "../views/county-view.js";
import { ComplianceView } from "../views/compliance-view.js";
import { MyCasesView } from "../views/my-cases-view.js";
import { PreAllocationView } from "../views/pre-allocation-view.js";
import { SearchView } from "../views/search-view.js";
import { SettingsView } from "../views/settings-view.js";
import { TeamView } from "../views/team-view.js";
import { TriageView } from "../views/triage-view.js";

export function ViewForRoute({ route, pageConfig }: { route: Route; pageConfig?: PageConfigHost }) {
  switch (route.view) {
    case "triage":
      return <TriageView />;
    case "agenda":
      return <AgendaView key={route.panel} panel={route.panel} />;
    case "pre-allocation":
      return <PreAllocationView />;
    case "my-cases":
      return <MyCasesView />;
    case "case":
      return <CaseView key={route.caseId} caseId={route.caseId} />;
    case "team":
      return <TeamView />;
    case "compliance":
      return <ComplianceView />;
    case "county":
      return <CountyView />;
    case "county-triage":
      return <CountyTriageView />;
    case "settings":
      return <SettingsView />;
    case "search":
      return <SearchView key={route.query} query={route.query} />;
    case "accessibility":
      return <AccessibilityView />;
    case "configure":
      return <ConfigureView pageConfig={pageConfig} pageUrl={window.location.href} />;
  }
}
