import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useSharedStyles } from "../components/styles.js";
import { ViewHeading } from "../components/view-heading.js";
import { tabConfigFor, type PageConfigHost, type TabConfig } from "../host/tab-config.js";
import { tabViews } from "../routes.js";
import { useSession } from "../session.js";

/**
 * The setup page of a channel, chat or meeting tab: the person picks the view, and Teams' Save button stores it.
 * Outside Teams there is no Save button, so the page shows what it would save.
 */
export function ConfigureView({ pageConfig, pageUrl }: { pageConfig?: PageConfigHost; pageUrl: string }) {
  const { me } = useSession();
  const styles = useSharedStyles();
  const views = tabViews(me);
  const [chosen, setChosen] = useState("");
  const view = views.find((v) => v.id === chosen);
  const config: TabConfig | undefined = view && tabConfigFor(pageUrl, view);
  // Teams asks for the configuration when Save is pressed, which may be long after this render.
  const current = useRef(config);
  current.current = config;

  const valid = config !== undefined;
  useEffect(() => {
    pageConfig?.onSave(() => current.current);
  }, [pageConfig]);
  useEffect(() => {
    pageConfig?.setValidity(valid);
  }, [pageConfig, valid]);

  return (
    <section className={styles.stack}>
      <ViewHeading>Set up the Family Centre tab</ViewHeading>
      <Field label="What should this tab show?" required>
        <RadioGroup value={chosen} onChange={(_, data) => setChosen(data.value)}>
          {views.map((v) => (
            <Radio key={v.id} value={v.id} label={v.name} />
          ))}
        </RadioGroup>
      </Field>
      {pageConfig === undefined ? <WouldSave config={config} /> : null}
    </section>
  );
}

function WouldSave({ config }: { config: TabConfig | undefined }) {
  const styles = useSharedStyles();
  if (config === undefined) return <p>Outside Teams: choose a view to see what the tab would save.</p>;
  return (
    <div className={styles.card}>
      <p>Outside Teams, so nothing is saved. In Teams, Save would store:</p>
      <dl aria-label="What Save would store">
        <dt>Tab name</dt>
        <dd>{config.suggestedDisplayName}</dd>
        <dt>Opens</dt>
        <dd>{config.contentUrl}</dd>
        <dt>Entity id</dt>
        <dd>{config.entityId}</dd>
      </dl>
    </div>
  );
}
