import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from "@fluentui/react-components";

/** The three Teams themes; Teams reports them as "default", "dark" and "contrast". */
export type ThemeName = "light" | "dark" | "contrast";

/** Maps the host's theme name (or the `?theme=` override) to one of ours; anything unknown is light. */
export function themeNameFrom(hostTheme: string | undefined): ThemeName {
  if (hostTheme === "dark") return "dark";
  if (hostTheme === "contrast") return "contrast";
  return "light";
}

export function fluentTheme(name: ThemeName): Theme {
  if (name === "dark") return teamsDarkTheme;
  if (name === "contrast") return teamsHighContrastTheme;
  return teamsLightTheme;
}

/** `?theme=dark|light|contrast` wins over the host: screenshots and tests pick a theme without Teams. */
export function themeOverride(search: string): ThemeName | undefined {
  const value = new URLSearchParams(search).get("theme");
  return value === "dark" || value === "light" || value === "contrast" ? value : undefined;
}

/**
 * `?frame=sidePanel` opens the tab as a meeting's side panel outside Teams (local mode, tests and screenshots);
 * inside Teams the host's frame context is used.
 */
export function frameOverride(search: string): string | undefined {
  const value = new URLSearchParams(search).get("frame");
  return value === "sidePanel" || value === "content" ? value : undefined;
}
