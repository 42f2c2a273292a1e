import { describe, expect, it } from "vitest";
import { createGraphClient } from "../../../src/graph/graph-client.js";
import { withImmutableIds } from "../../../src/graph/graph-middleware.js";
import { systemClock } from "../../../src/compose/system-clock.js";

const local = () =>
  createGraphClient({ baseUrl: "http://127.0.0.1:4000/v1.0", credential: { staticToken: "t" }, clock: systemClock });

describe("paging links", () => {
  it("turns an absolute link on our base into a path the SDK will not mangle", () => {
    expect(
      local().relativeLink("http://127.0.0.1:4000/v1.0/users/u/mailFolders/inbox/messages/delta?$skiptoken=a"),
    ).toBe("users/u/mailFolders/inbox/messages/delta?$skiptoken=a");
  });

  it("refuses a link to another host, so our token never goes there", () => {
    expect(() => local().relativeLink("https://evil.example/v1.0/users/u/messages")).toThrow(/could not be reached/);
  });
});

describe("credentials", () => {
  it("refuses a static token for real Microsoft Graph", () => {
    expect(() => createGraphClient({ credential: { staticToken: "t" }, clock: systemClock })).toThrow(
      /local stand-in only/,
    );
  });
});

describe("Prefer header", () => {
  it("always asks for immutable ids and keeps the other preferences", () => {
    expect(withImmutableIds("odata.maxpagesize=10")).toBe('IdType="ImmutableId", odata.maxpagesize=10');
    expect(withImmutableIds('IdType="RestId"')).toBe('IdType="ImmutableId"');
    expect(withImmutableIds(null)).toBe('IdType="ImmutableId"');
  });
});
