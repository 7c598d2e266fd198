// `node scripts/api-docs.mjs`: writes the README's element API reference (between the api markers) from
// custom-elements.json, so the docs say what the classes' JSDoc says.
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const esc = (s = '') => String(s).replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const out = [];
// Sorted by path: the analyzer's module order is not stable from run to run.
for (const mod of [...manifest.modules].sort((a, b) => a.path.localeCompare(b.path))) {
  for (const d of mod.declarations ?? []) {
    if (!d.tagName) continue;
    out.push(`#### \`<${d.tagName}>\``, '', esc(d.summary ?? d.description), '');
    const attrs = (d.attributes ?? []).filter((a) => a.fieldName !== 'theme');
    if (attrs.length)
      out.push(
        '| attribute | property | type | description |',
        '|---|---|---|---|',
        ...attrs.map((a) => `| \`${a.name}\` | \`${a.fieldName ?? ''}\` | \`${esc(a.type?.text)}\` | ${esc(a.description)} |`),
        '',
      );
    const props = (d.members ?? []).filter(
      (m) =>
        m.kind === 'field' &&
        m.privacy === undefined &&
        !m.static &&
        !attrs.some((a) => a.fieldName === m.name) &&
        m.description &&
        !['clerk', 'appearance', 'localization', 'theme'].includes(m.name),
    );
    if (props.length) out.push(`Properties: ${props.map((p) => `\`${p.name}\` (${esc(p.description)})`).join('; ')}.`, '');
    const methods = (d.members ?? []).filter((m) => m.kind === 'method' && m.privacy === undefined && !m.static && m.description);
    if (methods.length) out.push(`Methods: ${methods.map((m) => `\`${m.name}()\` (${esc(m.description)})`).join('; ')}.`, '');
    if (d.events?.length) out.push(`Events: ${d.events.map((e) => `\`${e.name}\`${e.description ? ` (${esc(e.description)})` : ''}`).join('; ')}.`, '');
    if (d.slots?.length) out.push(`Slots: ${d.slots.map((s) => `${s.name ? `\`${s.name}\`` : 'default'} (${esc(s.description)})`).join('; ')}.`, '');
    if (d.cssParts?.length) out.push(`Parts: ${d.cssParts.map((p) => `\`${p.name}\``).join(', ')}.`, '');
    if (d.cssProperties?.length)
      out.push(`Custom properties: ${d.cssProperties.map((p) => `\`${p.name}\`${p.default ? ` (default \`${p.default}\`)` : ''}`).join(', ')}.`, '');
  }
}
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- api:start -->';
const end = '<!-- api:end -->';
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < 0) throw new Error('README.md has no api markers');
writeFileSync('README.md', `${readme.slice(0, i + start.length)}\n${out.join('\n')}\n${readme.slice(j)}`);
console.log(`README.md: API reference for ${out.filter((l) => l.startsWith('####')).length} elements`);
