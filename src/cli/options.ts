import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliUsageError } from "./errors.js";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Strict parsing for one command: an unknown option, a missing value or a stray argument is a usage error that
 * repeats how the command is used.
 */
export function parseOptions<T extends Options>(args: readonly string[], options: T, usage: string) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const problem = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new CliUsageError(`${problem}\nUsage: ${usage}`);
  }
}

/** An option the command cannot run without. */
export function required(value: string | undefined, option: string, usage: string): string {
  if (value === undefined || value === "") throw new CliUsageError(`${option} is required.\nUsage: ${usage}`);
  return value;
}
