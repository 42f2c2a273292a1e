/**
 * Just enough of Bicep to check a template offline (no Bicep compiler can be installed here): its parameters,
 * outputs, the names it declares and uses, the parameters each module is given, and the web app's settings.
 */

export interface BicepParam {
  readonly name: string;
  readonly hasDefault: boolean;
}

interface Token {
  readonly kind: "ident" | "punct" | "string";
  readonly text: string;
}

const DECLARING = new Set(["param", "var", "resource", "module", "output", "type", "func"]);
const KEYWORDS = new Set([
  ...DECLARING,
  ...["existing", "if", "for", "in", "true", "false", "null", "targetScope", "import", "metadata", "using", "with"],
  ...["string", "int", "bool", "object", "array", "az", "sys"],
]);

/** Identifiers and punctuation, with comments dropped and each string's `${…}` expressions tokenized in place. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const expression = (stopAtBrace: boolean): void => {
    let depth = 0;
    while (i < source.length) {
      const c = source[i] ?? "";
      if (source.startsWith("//", i)) i = source.indexOf("\n", i) === -1 ? source.length : source.indexOf("\n", i);
      else if (source.startsWith("/*", i)) i = source.indexOf("*/", i) + 2;
      else if (source.startsWith("'''", i)) {
        i = source.indexOf("'''", i + 3) + 3; // multi-line strings have no interpolation
        tokens.push({ kind: "string", text: "'''" });
      } else if (c === "'") {
        i++;
        stringBody();
        tokens.push({ kind: "string", text: "'" });
      } else if (/[A-Za-z_]/.test(c)) {
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))?.[0] ?? c;
        tokens.push({ kind: "ident", text: name });
        i += name.length;
      } else if (/\s|[0-9]/.test(c)) i++;
      else {
        if (c === "{") depth++;
        if (c === "}" && depth-- === 0 && stopAtBrace) return void i++;
        tokens.push({ kind: "punct", text: c });
        i++;
      }
    }
  };
  const stringBody = (): void => {
    while (i < source.length && source[i] !== "'") {
      if (source[i] === "\\") i += 2;
      else if (source.startsWith("${", i)) {
        i += 2;
        tokens.push({ kind: "punct", text: "(" });
        expression(true);
        tokens.push({ kind: "punct", text: ")" });
      } else i++;
    }
    i++;
  };
  expression(false);
  return tokens;
}

export const paramsOf = (source: string): BicepParam[] =>
  [...source.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((m) => ({ name: m[1] ?? "", hasDefault: !!m[2] }));

export const outputsOf = (source: string): string[] =>
  [...source.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1] ?? "");

/** Names the template uses but never declares (a misspelt parameter, a parameter removed but still used). */
export function undeclaredNames(source: string): string[] {
  const tokens = tokenize(source);
  const declared = new Set<string>();
  tokens.forEach((t, at) => {
    const before = tokens[at - 1];
    if (t.kind !== "ident") return;
    if (before?.kind === "ident" && DECLARING.has(before.text) && tokens[at - 2]?.text !== ".") declared.add(t.text);
    if (before?.text === "for" || (before?.text === "(" && tokens[at - 2]?.text === "for")) declared.add(t.text);
    if (before?.text === "," && tokens[at + 1]?.text === ")" && tokens[at + 2]?.text === "in") declared.add(t.text);
  });
  const open: string[] = [];
  const used = new Set<string>();
  tokens.forEach((t, at) => {
    if (t.kind === "punct" && "{[(".includes(t.text)) open.push(t.text);
    if (t.kind === "punct" && "}])".includes(t.text)) open.pop();
    if (t.kind !== "ident" || KEYWORDS.has(t.text)) return;
    const before = tokens[at - 1]?.text;
    const after = tokens[at + 1]?.text;
    const isKey = after === ":" && open.at(-1) === "{";
    if (before === "." || before === "@" || after === "(" || isKey) return;
    if (!declared.has(t.text)) used.add(t.text);
  });
  return [...used];
}

/** Each `module name 'path' = { params: { … } }`: the module's file and the parameters it is given. */
export function moduleCalls(source: string): { readonly path: string; readonly given: string[] }[] {
  const calls: { path: string; given: string[] }[] = [];
  for (const match of source.matchAll(/^module\s+\w+\s+'([^']+)'\s*=\s*\{/gm)) {
    const body = blockFrom(source, (match.index ?? 0) + match[0].length);
    const params = /\bparams:\s*\{/.exec(body);
    const given = params ? keysOf(blockFrom(body, params.index + params[0].length)) : [];
    calls.push({ path: match[1] ?? "", given });
  }
  return calls;
}

/** The web app's settings: `resource … 'Microsoft.Web/sites/config@…'` named `appsettings`, each name to its value. */
export function appSettingsOf(source: string): ReadonlyMap<string, string> {
  const settings = new Map<string, string>();
  for (const match of source.matchAll(/^resource\s+\w+\s+'Microsoft\.Web\/sites\/config@[^']+'\s*=\s*\{/gm)) {
    const body = blockFrom(source, (match.index ?? 0) + match[0].length);
    const properties = /\bproperties:\s*\{/.exec(body);
    if (!/name:\s*'appsettings'/.test(body) || !properties) continue;
    const block = blockFrom(body, properties.index + properties[0].length);
    for (const line of block.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*):\s*(.+?)\s*$/gm)) {
      settings.set(line[1] ?? "", line[2] ?? "");
    }
  }
  return settings;
}

/** A value written out in full, not computed at deployment. */
export const isLiteral = (value: string): boolean => /^'[^'$]*'$/.test(value);

/** The text up to the `}` that closes the brace opened just before `from`. */
function blockFrom(source: string, from: number): string {
  let depth = 1;
  for (let at = from; at < source.length; at++) {
    if (source[at] === "{") depth++;
    if (source[at] === "}" && --depth === 0) return source.slice(from, at);
  }
  return source.slice(from);
}

/** The keys of an object's own level (nested objects' keys are not its own). */
function keysOf(block: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const line of block.split("\n")) {
    const key = /^\s*(\w+):/.exec(line)?.[1];
    if (depth === 0 && key !== undefined) keys.push(key);
    depth += (line.match(/[{[]/g) ?? []).length - (line.match(/[}\]]/g) ?? []).length;
  }
  return keys;
}
