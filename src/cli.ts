import { readFileSync } from "node:fs";
import { runCli } from "./cli/run.js";

// The operator CLI: `npm run --silent fc -- <command>`. Commands live in src/cli/.
const result = await runCli(process.argv.slice(2), (path) => readFileSync(path, "utf8"), process.env);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
