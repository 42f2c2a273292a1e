import type { AppendBlobs } from "../append-blobs.js";

/** Append-only files in memory, for fast tests elsewhere: the same create-if-absent and append, nothing else. */
export function memoryAppendBlobs(): AppendBlobs {
  const files = new Map<string, string>();
  return {
    append(name, text) {
      files.set(name, (files.get(name) ?? "") + text);
      return Promise.resolve();
    },
    read(name) {
      return Promise.resolve(files.get(name));
    },
  };
}
