// `npm run manifest` writes custom-elements.json from the element classes' JSDoc (checked fresh by a test).
export default {
  globs: ['src/elements/**/*.component.ts', 'src/elements/shared/clerk-element.ts', 'src/elements/shared/form-element.ts'],
  litelement: true,
  packagejson: false,
  outdir: '.',
};
