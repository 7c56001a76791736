// Taro's house rules (eslint-config-taro) plus the React hooks rules, for the app,
// the cloud functions, the local cloud, scripts and tests. TypeScript files go
// through @typescript-eslint's parser; the type checker (npm run typecheck) does
// the rest.
module.exports = {
  root: true,
  extends: ['taro/react'],
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  plugins: ['@typescript-eslint', 'react-hooks'],
  env: { es2022: true, node: true, browser: true, jest: true },
  rules: {
    // The automatic JSX runtime (React 17+) needs no React import.
    'react/react-in-jsx-scope': 'off',
    'react-hooks/rules-of-hooks': 'error',
    'react-hooks/exhaustive-deps': 'error',
    // TypeScript reports unused names and undefined identifiers itself, with types in view.
    'no-unused-vars': 'off',
    'no-undef': 'off',
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    '@typescript-eslint/no-explicit-any': 'error',
  },
  overrides: [
    // Tests build many small closures over the same fixture names (w, cloud, page).
    // tests/weapp runs the weapp build's CommonJS modules as WeChat does.
    { files: ['tests/**'], rules: { '@typescript-eslint/no-shadow': 'off', 'import/no-commonjs': 'off' } },
    // The app takes only types from the contract: its schemas (zod) stay out of the app bundle.
    {
      files: ['src/**'],
      excludedFiles: ['src/contract/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                group: ['**/contract', '**/contract/*'],
                allowTypeImports: true,
                message: 'The app imports only types from src/contract (import type), so zod stays out of the app bundle.',
              },
            ],
          },
        ],
      },
    },
    // Config files that Node, Jest and Babel load as CommonJS.
    { files: ['*.js', '*.cjs'], parser: 'espree', rules: { 'import/no-commonjs': 'off' } },
    { files: ['*.mjs'], parser: 'espree' },
  ],
  ignorePatterns: ['dist/', 'node_modules/', '.tmp/', '.data/', 'coverage/', '.swc/'],
};
