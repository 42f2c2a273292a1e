import { Button, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { SettingsResponse } from "../../../src/api/contract.js";
import { ActionFeedback } from "../components/action-feedback.js";
import { Loaded } from "../components/loaded.js";
import { useSharedStyles } from "../components/styles.js";
import { useAction } from "../components/use-action.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";
import { LocalTimescaleFields, localTimescalesUpdate } from "./local-timescale-fields.js";
import { StaffTable } from "./staff-table.js";

const CHATS: Record<string, string> = {
  duty: "Duty channel",
  screening: "Screening chat",
  maam: "MAAM chat",
  "transfer-panel": "Transfer panel chat",
};

const SHARED_CARD_DETAILS: Record<SettingsResponse["sharedCardDetail"], string> = {
  "reference-and-kind": "Case reference and kind only (no names)",
  "with-initials": "Reference and kind, with the children's initials",
  "with-referrer-organisation": "Reference and kind, with the referrer's organisation",
};
const CONTACT = [
  ["name", "Team or person to contact", "text"],
  ["email", "Their email address", "email"],
  ["phone", "Their phone number", "tel"],
] as const;

/** The administrator's settings: profile, closure days, bank holidays, chats, staff and roles. */
export function SettingsView() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [settings, reload] = useResource(() => api.settings(), "settings");
  return (
    <section className={styles.stack}>
      <ViewHeading>Settings</ViewHeading>
      <Loaded resource={settings} what="the settings">
        {(data) => <SettingsForm key={data.etag} settings={data} reload={reload} />}
      </Loaded>
      {settings.status === "ready" ? <BankHolidayImport etag={settings.data.etag} reload={reload} /> : null}
      <StaffTable />
    </section>
  );
}

function SettingsForm({ settings, reload }: { settings: SettingsResponse; reload: () => Promise<void> }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [profileId, setProfileId] = useState(settings.profileId);
  const [closureDays, setClosureDays] = useState(settings.closureDays.join("\n"));
  const [chatIds, setChatIds] = useState<Record<string, string>>({ ...settings.chatIds });
  const local = settings.localTimescales ?? [];
  const [amounts, setAmounts] = useState<Record<string, string>>({});
  const [sharedCardDetail, setSharedCardDetail] = useState(settings.sharedCardDetail);
  const [contact, setContact] = useState<Record<string, string>>({ ...settings.accessibilityContact });
  const { busy, error, warnings, run } = useAction(reload);
  const days = closureDays
    .split(/\s+/)
    .map((d) => d.trim())
    .filter((d) => d !== "");
  return (
    <form
      aria-label="Service settings"
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        const timescales = local.length > 0 ? { localTimescales: localTimescalesUpdate(local, amounts) } : {};
        const update = {
          profileId,
          closureDays: days,
          chatIds,
          sharedCardDetail,
          accessibilityContact: contact,
          ...timescales,
        };
        void run(() => api.updateSettings(update, settings.etag), "Settings saved.");
      }}
    >
      <Field label="Practice framework profile">
        <Select value={profileId} onChange={(_, d) => setProfileId(d.value)}>
          {settings.profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Closure days" hint="One date per line, YYYY-MM-DD (for example the Christmas shutdown).">
        <Textarea value={closureDays} onChange={(_, d) => setClosureDays(d.value)} />
      </Field>
      {Object.entries(CHATS).map(([purpose, label]) => (
        <Field key={purpose} label={`${label} id`}>
          <Input value={chatIds[purpose] ?? ""} onChange={(_, d) => setChatIds({ ...chatIds, [purpose]: d.value })} />
        </Field>
      ))}
      <LocalTimescaleFields
        timescales={local}
        amounts={amounts}
        onChange={(ruleId, amount) => setAmounts({ ...amounts, [ruleId]: amount })}
      />
      <Field
        label="What cards in group chats show of a case"
        hint="Agenda and triage cards are seen by everyone in the chat; the tab shows the rest to those who may read the case."
      >
        <Select
          value={sharedCardDetail}
          onChange={(_, d) => setSharedCardDetail(d.value as SettingsResponse["sharedCardDetail"])}
        >
          {Object.entries(SHARED_CARD_DETAILS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className={styles.stack}>
        <legend className={styles.subheading}>Accessibility contact (shown on the accessibility statement)</legend>
        {CONTACT.map(([part, label, type]) => (
          <Field key={part} label={label}>
            <Input
              type={type}
              value={contact[part] ?? ""}
              onChange={(_, d) => setContact({ ...contact, [part]: d.value })}
            />
          </Field>
        ))}
      </fieldset>
      <p className={styles.muted}>
        {settings.bankHolidays.length > 0
          ? `${settings.bankHolidays.length} imported bank holidays are in use.`
          : "The built-in England and Wales bank holidays are in use."}
      </p>
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          Save settings
        </Button>
      </div>
      <ActionFeedback error={error} warnings={warnings} />
    </form>
  );
}

function BankHolidayImport({ etag, reload }: { etag: string; reload: () => Promise<void> }) {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [outcome, setOutcome] = useState("");
  const fileId = useId();
  const { busy, error, warnings, run } = useAction(reload);
  return (
    <form
      aria-label="Import bank holidays"
      className={styles.stack}
      onSubmit={(event) => {
        event.preventDefault();
        if (file === undefined) return;
        void run(async () => {
          const { data } = await api.importBankHolidays(JSON.parse(await file.text()) as unknown, etag);
          setOutcome(`Imported ${data.imported} bank holidays (${data.firstDate ?? "—"} to ${data.lastDate ?? "—"}).`);
          return { data: {} };
        }, "Bank holidays imported.");
      }}
    >
      <h3 className={styles.subheading}>Bank holidays</h3>
      <label htmlFor={fileId}>GOV.UK bank-holidays.json file</label>
      <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0])} />
      <div>
        <Button type="submit" disabled={busy || file === undefined}>
          Import bank holidays
        </Button>
      </div>
      {outcome === "" ? null : <p>{outcome}</p>}
      <ActionFeedback error={error} warnings={warnings} />
    </form>
  );
}
