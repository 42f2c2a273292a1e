// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { AccessibilityView } from "../../../../tab/src/views/accessibility-view.js";
import { fakeApi, ok } from "../support/fake-api.js";
import { aMe } from "../support/fixtures.js";
import { renderView } from "../support/render-view.js";

afterEach(cleanup);

describe("the accessibility statement", () => {
  it("names the centre and the contact the council gave in Settings, as links to write or call", async () => {
    const contact = { name: "Digital Accessibility Team", email: "access@council.example", phone: "020 7946 0000" };
    const api = fakeApi({ accessibilityStatement: () => ok({ centreName: "Riverside Family Centre", contact }) });
    renderView(<AccessibilityView />, { api, me: aMe(["practitioner"]) });
    const list = await screen.findByRole("list", { name: "Accessibility contact" });
    expect(within(list).getByText("Digital Accessibility Team")).toBeTruthy();
    expect(within(list).getByRole("link", { name: "access@council.example" }).getAttribute("href")).toBe(
      "mailto:access@council.example",
    );
    expect(within(list).getByRole("link", { name: "020 7946 0000" }).getAttribute("href")).toBe("tel:02079460000");
    expect(screen.getByText(/used by the staff of Riverside Family Centre/)).toBeTruthy();
    expect(screen.getByText(/WCAG\) version 2.2 at level AA/)).toBeTruthy();
  });

  it("says whom to ask while the council has given no contact", async () => {
    const api = fakeApi({ accessibilityStatement: () => ok({ centreName: "Riverside Family Centre", contact: {} }) });
    renderView(<AccessibilityView />, { api, me: aMe(["practitioner"]) });
    expect(await screen.findByText(/has not yet given a contact for accessibility/)).toBeTruthy();
  });
});
