import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../bot/commands/parse-command.js";
import { buildAppPackage } from "../../../manifest/app-package.js";

interface CommandList {
  scopes: string[];
  commands: { title: string; description: string }[];
}

const commandLists = async (): Promise<CommandList[]> => {
  const { manifest } = await buildAppPackage({});
  return (manifest as unknown as { bots: { commandLists: CommandList[] }[] }).bots.flatMap((b) => b.commandLists);
};

/** What a person ends up sending: the title, or for a command that takes a value, the example its description gives. */
const typed = (command: { title: string; description: string }) =>
  /"([^"]+)"/.exec(command.description)?.[1] ?? command.title;

describe("the bot's command menu in Teams", () => {
  it("offers a command list for personal chats, channels and group chats", async () => {
    expect((await commandLists()).flatMap((l) => l.scopes).sort()).toEqual(["groupChat", "personal", "team"]);
  });

  it("offers only commands the bot understands", async () => {
    const commands = (await commandLists()).flatMap((l) => l.commands);
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) {
      expect(typed(command).startsWith(command.title), command.title).toBe(true);
      expect(parseCommand(typed(command)).name, typed(command)).not.toBe("unknown");
    }
  });

  it("offers in each scope the commands that make sense there", async () => {
    const lists = await commandLists();
    const parsed = (scope: string) =>
      lists
        .filter((l) => l.scopes.includes(scope))
        .flatMap((l) => l.commands.map((c) => parseCommand(typed(c))))
        .map((c) => (c.name === "use this chat" ? `use this chat for ${c.purpose}` : c.name))
        .sort();
    expect(parsed("personal")).toEqual(["case", "centre", "due", "find", "help", "log contact", "my cases"]);
    expect(parsed("team")).toEqual(["help", "maam", "screening", "transfer panel", "use this chat for duty"]);
    expect(parsed("groupChat")).toEqual([
      "help",
      "maam",
      "screening",
      "transfer panel",
      "use this chat for maam",
      "use this chat for screening",
      "use this chat for transfer-panel",
    ]);
  });
});
