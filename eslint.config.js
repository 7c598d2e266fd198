// ESLint (flat config): the recommended JavaScript and typescript-eslint rules everywhere, plus the Lit and
// web-components plugins for the elements. Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'demo/**', 'node_modules/**', 'test-results/**', 'spec/**', 'docs/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['src/elements/**/*.ts'], ...lit.configs['flat/recommended'] },
  { files: ['src/elements/**/*.ts'], ...wc.configs['flat/recommended'] },
  {
    // Plain-JavaScript scripts and the custom-elements-manifest config run in Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'URLSearchParams',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'fetch',
          'window',
          'document',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
  {
    rules: {
      // FAPI JSON is typed loosely on purpose (`Json = Record<string, any>`): resources camelize what the server sends.
      '@typescript-eslint/no-explicit-any': 'off',
      // `_name` marks a parameter or binding that is there for its position or to drop a key.
      // A `let` assigned once, later, and read by a closure first (a handler set up before it exists) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
