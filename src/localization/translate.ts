// Looks up a dotted key (`signIn.start.title`) in the overrides, then en-US; fills `{{placeholders}}`.
import { enUS, type LocalizationResource } from './en-US.js';

function lookup(resource: LocalizationResource | undefined, key: string): string | undefined {
  let node: unknown = resource;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** The string for `key`: the first resource that has it wins; `{{name}}` is replaced from `vars`. */
export function translate(key: string, vars: Record<string, string> = {}, ...resources: Array<LocalizationResource | undefined>): string {
  let text: string | undefined;
  for (const r of [...resources, enUS as unknown as LocalizationResource]) {
    text = lookup(r, key);
    if (text !== undefined) break;
  }
  return (text ?? key).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? '');
}

/** The message for an API error code, if the resources have one. */
export function errorMessage(code: string, ...resources: Array<LocalizationResource | undefined>): string | undefined {
  for (const r of [...resources, enUS as unknown as LocalizationResource]) {
    const text = lookup(r, `unstable__errors.${code}`);
    if (text) return text;
  }
  return undefined;
}
