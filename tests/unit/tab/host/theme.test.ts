import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from "@fluentui/react-components";
import { describe, expect, it } from "vitest";
import { fluentTheme, frameOverride, themeNameFrom, themeOverride } from "../../../../tab/src/host/theme.js";

describe("following the Teams theme", () => {
  it("maps Teams' default, dark and contrast themes to the Fluent Teams themes", () => {
    expect(fluentTheme(themeNameFrom("default"))).toBe(teamsLightTheme);
    expect(fluentTheme(themeNameFrom("dark"))).toBe(teamsDarkTheme);
    expect(fluentTheme(themeNameFrom("contrast"))).toBe(teamsHighContrastTheme);
    expect(fluentTheme(themeNameFrom(undefined))).toBe(teamsLightTheme);
  });

  it("takes ?theme= from the URL, and ignores anything it does not know", () => {
    expect(themeOverride("?theme=dark")).toBe("dark");
    expect(themeOverride("?as=x&theme=contrast")).toBe("contrast");
    expect(themeOverride("?theme=purple")).toBeUndefined();
    expect(themeOverride("")).toBeUndefined();
  });

  it("opens as a meeting's side panel with ?frame=sidePanel outside Teams, and ignores other frames", () => {
    expect(frameOverride("?frame=sidePanel")).toBe("sidePanel");
    expect(frameOverride("?frame=meetingStage")).toBeUndefined();
    expect(frameOverride("")).toBeUndefined();
  });
});
