// A file for the headless client's token outside a browser: `new Clerk(key, { storage: fileClientStorage(path) })`
// in a Node process keeps its client (and so its session) across restarts. One JSON object of key → token, written
// whole to a temporary file and renamed over the old one, readable by its owner only (the token is a credential).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The same shape as clerk-wc's `ClientStorage` (get/set/remove). */
export interface FileClientStorage {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function fileClientStorage(path: string): FileClientStorage {
  const read = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  const write = (values: Record<string, string>) => {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(values), { mode: 0o600 });
    renameSync(tmp, path);
  };
  return {
    get: (key) => (typeof read()[key] === 'string' ? read()[key] : undefined),
    set: (key, value) => write({ ...read(), [key]: value }),
    remove: (key) => {
      const { [key]: _gone, ...rest } = read();
      write(rest);
    },
  };
}
