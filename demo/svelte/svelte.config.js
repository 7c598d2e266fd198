// Read by the Vite plugin (and editors). Component <style> blocks are compiled to a CSS file, never injected as
// <style> at run time: the clerk-wc server's CSP (`style-src 'self'`) allows no inline styles.
export default {
  compilerOptions: { css: 'external' },
};
