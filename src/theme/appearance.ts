// Clerk's `appearance` object → a constructable stylesheet (strict-CSP safe: no style attributes, no eval).

export interface Appearance {
  baseTheme?: unknown;
  /** Clerk's variable names, old and new: colorPrimary, colorText/colorForeground, colorInputBackground/colorInput… */
  variables?: Record<string, string | number | undefined>;
  /** Style objects for Clerk's element keys (formButtonPrimary, card, …), applied to the part of that name. */
  elements?: Record<string, Record<string, string | number> | string | undefined>;
  layout?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

/** Clerk variable → our custom property. */
const VARIABLES: Record<string, string> = {
  colorPrimary: '--clerk-color-primary',
  colorPrimaryForeground: '--clerk-color-on-primary',
  colorTextOnPrimaryBackground: '--clerk-color-on-primary',
  colorBackground: '--clerk-color-background',
  colorText: '--clerk-color-text',
  colorForeground: '--clerk-color-text',
  colorTextSecondary: '--clerk-color-text-secondary',
  colorMutedForeground: '--clerk-color-text-secondary',
  colorDanger: '--clerk-color-danger',
  colorInputBackground: '--clerk-color-input-background',
  colorInput: '--clerk-color-input-background',
  colorInputText: '--clerk-color-input-text',
  colorInputForeground: '--clerk-color-input-text',
  colorNeutral: '--clerk-color-neutral',
  colorBorder: '--clerk-color-border',
  fontFamily: '--clerk-font-family',
  fontSize: '--clerk-font-size',
  borderRadius: '--clerk-border-radius',
  spacingUnit: '--clerk-spacing',
  spacing: '--clerk-spacing',
};

const kebab = (k: string) => k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
/** Values end up inside a stylesheet: refuse anything that could close the rule or load a resource. */
const safe = (v: string) => !/[;{}<>\\]|url\s*\(|@import/i.test(v);

/** The CSS text for one appearance object (variables on :host, element styles on parts). */
export function appearanceCss(appearance: Appearance | undefined): string {
  if (!appearance) return '';
  const vars = Object.entries(appearance.variables ?? {})
    .filter(([k, v]) => VARIABLES[k] && v !== undefined && safe(String(v)))
    .map(([k, v]) => `${VARIABLES[k]}: ${typeof v === 'number' && k !== 'fontSize' ? `${v}px` : String(v)};`);
  return [vars.length ? `:host { ${vars.join(' ')} }` : '', partRules(appearance, '')].filter(Boolean).join('\n');
}

/** `appearance.elements` as rules on parts, each selector prefixed with `scope`. */
function partRules(appearance: Appearance | undefined, scope: string): string {
  return Object.entries(appearance?.elements ?? {})
    .filter((e): e is [string, Record<string, string | number>] => typeof e[1] === 'object' && /^[A-Za-z][\w-]*$/.test(e[0]))
    .map(([part, style]) => {
      const decls = Object.entries(style)
        .filter(([, v]) => safe(String(v)))
        .map(([p, v]) => `${kebab(p)}: ${String(v)};`);
      return `${scope}[part~='${part}'] { ${decls.join(' ')} }`;
    })
    .join('\n');
}

const cache = new Map<string, CSSStyleSheet>();

function sheetFor(text: string): CSSStyleSheet {
  let sheet = cache.get(text);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    cache.set(text, sheet);
  }
  return sheet;
}

/** A shared stylesheet for the global and the element appearance (for the shadow root), or undefined when empty. */
export function appearanceSheet(...layers: Array<Appearance | undefined>): CSSStyleSheet | undefined {
  const text = layers.map(appearanceCss).filter(Boolean).join('\n');
  return text ? sheetFor(text) : undefined;
}

/**
 * The same `elements` rules for parts in the element's light DOM (its form), scoped by a `data-cl-appearance`
 * value the caller puts on the host. Returns the scope value and the sheet, or undefined when there are no rules.
 */
export function lightAppearanceSheet(...layers: Array<Appearance | undefined>): { scope: string; sheet: CSSStyleSheet } | undefined {
  const raw = layers
    .map((a) => partRules(a, ''))
    .filter(Boolean)
    .join('\n');
  if (!raw) return undefined;
  let hash = 0;
  for (const ch of raw) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  const scope = (hash >>> 0).toString(36);
  const text = layers
    .map((a) => partRules(a, `[data-cl-appearance='${scope}'] `))
    .filter(Boolean)
    .join('\n');
  return { scope, sheet: sheetFor(text) };
}
