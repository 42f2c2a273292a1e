/**
 * Append-only files, one per name: a file is created if absent (never over one that exists) and grows only at its
 * end. There is deliberately no way here to overwrite, truncate or delete one: the access audit's adapter can do
 * neither, whatever its identity is allowed.
 */
export interface AppendBlobs {
  /** Appends `text` to the end of `name`, creating it empty first if it does not exist (never replacing it). */
  append(name: string, text: string): Promise<void>;
  /** The whole of `name`, or undefined when there is no such file. */
  read(name: string): Promise<string | undefined>;
}
