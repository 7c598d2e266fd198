// Where the headless client keeps its client token when it is not in a browser (Node, workers, React Native): the
// token then travels in the Authorization header (`_is_native=1`) instead of the `__client` cookie. Any object with
// get/set/remove works (sync or async); `clerk-wc/backend` has a file adapter for Node (`fileClientStorage`).

export interface ClientStorage {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  remove(key: string): void | Promise<void>;
}

/** Kept for the life of the process only (the default outside a browser). */
export function memoryStorage(): ClientStorage {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}
