/**
 * `npm run package`: writes fc-front-door.zip (manifest.json, color.png, outline.png) for the deployment the FC_*
 * environment variables describe. Without them it builds a clearly labelled local package with placeholder ids.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildAppPackage } from "./app-package.js";

const out = fileURLToPath(new URL("../fc-front-door.zip", import.meta.url));
try {
  const { settings, zip } = await buildAppPackage(process.env);
  writeFileSync(out, zip);
  console.log(
    `Wrote ${out} (${settings.mode} package, version ${settings.appVersion}, for ${settings.publicBaseUrl}).`,
  );
  if (settings.mode === "local") {
    console.log(
      "This is a LOCAL BUILD with placeholder ids. For a council's tenant set FC_MODE=production and the FC_* settings in the README.",
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
