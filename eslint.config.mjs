// Lint rules, and the layers of src/ (see docs/explanation/architecture.md): each layer imports only the layers
// below it, so the folder tree is the architecture.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** What each layer may not import. */
const LAYERS = {
  gotemplate: ['core', 'render', 'io', 'app', 'api', 'cli'],
  core: ['render', 'io', 'app', 'api', 'cli'],
  render: ['io', 'app', 'api', 'cli'],
  io: ['render', 'app', 'api', 'cli'],
  app: ['api', 'cli'],
  api: ['io', 'cli'],
  cli: ['api', 'render', 'io'],
};

const zones = [
  ...Object.entries(LAYERS).map(([layer, forbidden]) => ({
    target: `./src/${layer}`,
    from: forbidden.map((other) => `./src/${other}`),
    message: `the ${layer} layer may not import ${forbidden.join(', ')} (docs/explanation/architecture.md)`,
  })),
  // gotemplate is a module of its own: the rest of the code sees only its index.
  ...Object.keys(LAYERS)
    .filter((layer) => layer !== 'gotemplate')
    .map((layer) => ({
      target: `./src/${layer}`,
      from: './src/gotemplate',
      except: ['./index.ts'],
      message: 'import gotemplate through src/gotemplate/index.ts (src/gotemplate/README.md)',
    })),
];

export default tseslint.config(
  {
    ignores: [
      'lib/',
      'dist/',
      'node_modules/',
      'imports/',
      'examples/typescript/imports/',
      'test/fixtures/',
      'coverage/',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
      // Modules loaded on first use, so that `kalypso --version` and cached runs do not load what they do not need.
      '@typescript-eslint/no-require-imports': [
        'error',
        { allow: ['^\\./commands/', '^\\.\\./config-schema$', '^\\./built-in-classes$', '^\\./render-job$'] },
      ],
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        afterAll: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'fs/promises', 'worker_threads', 'child_process', 'cdk8s', 'cdk8s-plus-28', 'constructs'].map(
            (name) => ({
              name,
              message:
                'core is pure: no file system, no threads, no processes, no cdk8s (docs/explanation/architecture.md)',
            }),
          ),
          patterns: [{ group: ['@octokit/*', '@kubernetes/*'], message: 'core is pure: no network clients' }],
        },
      ],
    },
  },
);
