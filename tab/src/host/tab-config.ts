/** What a configurable tab (channel, chat, meeting) saves with Teams: which of the tab's views it opens. */
export interface TabConfig {
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly suggestedDisplayName: string;
}

/** The host's side of the tab's setup page (teams-js `pages.config`); absent outside Teams. */
export interface PageConfigHost {
  /** Enables or disables the host's Save button. */
  setValidity(valid: boolean): void;
  /** On Save, the host stores what `current` returns at that moment. */
  onSave(current: () => TabConfig | undefined): void;
}

/**
 * The tab's address for one view: the page the setup page itself came from (the service's /tab/), with the
 * view's hash route, so the saved tab opens on the service that configured it.
 */
export function tabConfigFor(
  pageUrl: string,
  view: { readonly id: string; readonly hash: string; readonly name: string },
): TabConfig {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = view.hash;
  return { entityId: view.id, contentUrl: url.href, websiteUrl: url.href, suggestedDisplayName: view.name };
}

/** The part of teams-js `pages.config` the setup page uses (an argument, so tests can pass a fake). */
export interface TeamsPagesConfig {
  setValidityState(valid: boolean): void;
  registerOnSaveHandler(handler: (save: { notifySuccess(): void; notifyFailure(reason?: string): void }) => void): void;
  setConfig(config: TabConfig): Promise<void>;
}

/** Save stores the chosen view with Teams, then tells Teams it worked (or why not, so Teams keeps the dialog). */
export function pageConfigHost(config: TeamsPagesConfig): PageConfigHost {
  return {
    setValidity: (valid) => config.setValidityState(valid),
    onSave: (current) =>
      config.registerOnSaveHandler((save) => {
        const chosen = current();
        if (chosen === undefined) return save.notifyFailure("Choose what this tab shows first.");
        config.setConfig(chosen).then(
          () => save.notifySuccess(),
          (error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)),
        );
      }),
  };
}
