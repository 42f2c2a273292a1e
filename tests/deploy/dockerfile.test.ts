import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SERVICE_COMMAND } from "../../deploy/service-command.js";

// No container engine runs on the development machines or CI, so the image is not built here: its shape is checked.
const ROOT = join(import.meta.dirname, "../..");
const text = (path: string) => readFileSync(join(ROOT, path), "utf8");

interface Stage {
  readonly image: string;
  readonly name: string;
  readonly instructions: readonly (readonly [string, string])[];
}

/** The Dockerfile's stages, each with its instructions (continuation lines joined, comments dropped). */
function stagesOf(dockerfile: string): Stage[] {
  const lines = dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const stages: { image: string; name: string; instructions: [string, string][] }[] = [];
  for (const line of lines) {
    const [, op = "", args = ""] = /^(\S+)\s+(.*)$/.exec(line) ?? [];
    const from = /^(\S+)\s+AS\s+(\S+)$/i.exec(args);
    if (op.toUpperCase() === "FROM") stages.push({ image: from?.[1] ?? args, name: from?.[2] ?? "", instructions: [] });
    else stages.at(-1)?.instructions.push([op.toUpperCase(), args]);
  }
  return stages;
}

const stages = stagesOf(text("Dockerfile"));
const [build, runtime] = stages;
const args = (stage: Stage | undefined, op: string) =>
  (stage?.instructions ?? []).filter(([o]) => o === op).map(([, a]) => a);

describe("the container (Dockerfile)", () => {
  it("builds in one stage and runs from a slim Node LTS image in a second", () => {
    expect(stages.map((s) => s.name)).toEqual(["build", "runtime"]);
    for (const stage of stages) expect(stage.image).toMatch(/^node:(\d*[02468])-[a-z]+-slim$/);
    const linuxFx = /linuxFxVersion: 'NODE\|(\d+)-lts'/.exec(text("infra/azure.bicep"))?.[1];
    expect(runtime?.image.startsWith(`node:${linuxFx}-`)).toBe(true); // the same Node as App Service runs
  });

  it("compiles the service and the tab in the build stage", () => {
    expect(args(build, "RUN")).toContain("npm run build");
  });

  it("takes only the compiled app from the build stage, with production dependencies installed apart", () => {
    expect(args(runtime, "COPY").filter((a) => a.startsWith("--from="))).toEqual([
      "--from=build /app/dist ./dist",
      "--from=build /app/tab/dist ./tab/dist",
    ]);
    expect(args(runtime, "RUN").join(" ")).toMatch(/npm ci --omit=dev/);
    expect(args(runtime, "COPY").filter((a) => !a.startsWith("--from="))).toEqual([
      "package.json package-lock.json ./",
    ]);
  });

  it("runs the service as production does, as the unprivileged node user, listening where it says", () => {
    const ops = (runtime?.instructions ?? []).map(([op]) => op);
    expect(args(runtime, "USER")).toEqual(["node"]);
    expect(ops.lastIndexOf("USER")).toBeGreaterThan(ops.lastIndexOf("RUN"));
    expect(args(runtime, "CMD")).toEqual([JSON.stringify(SERVICE_COMMAND).replaceAll(",", ", ")]);
    // App Service runs the same command, its node flags with it.
    expect(/appCommandLine: '([^']*)'/.exec(text("infra/azure.bicep"))?.[1]).toBe(SERVICE_COMMAND.join(" "));
    expect(args(runtime, "ENV").join(" ")).toMatch(/FC_PORT=8080/);
    expect(args(runtime, "EXPOSE")).toEqual(["8080"]);
  });

  it("keeps secrets, local state and dependencies out of the build context", () => {
    const ignored = text(".dockerignore").split("\n");
    for (const entry of [".git", "node_modules", "env", ".localConfigs", "dist"]) expect(ignored).toContain(entry);
  });
});
