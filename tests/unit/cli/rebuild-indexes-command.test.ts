import { describe, expect, it } from "vitest";
import { runCli } from "../../../src/cli/run.js";

describe("fc rebuild-indexes", () => {
  it("takes no options, and says how to call it", async () => {
    const result = await runCli(["rebuild-indexes", "--all"], () => "");
    expect(result).toMatchObject({ exitCode: 2, stderr: expect.stringContaining("Usage: fc rebuild-indexes") });
    expect((await runCli(["help"], () => "")).stdout).toContain("fc rebuild-indexes");
  });
});
