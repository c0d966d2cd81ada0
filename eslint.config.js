// One lint config for the whole repository.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/.next/**', '**/generated/**', '**/__generated__/**', '**/node_modules/**', '**/*.d.ts'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Config is read once, in env.ts, and validated there.
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration from env.ts.' },
      ],
      // packages/db owns every way to reach PostgreSQL: one pool factory, one SQL tag, one prepared-statement helper.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'pg', message: 'Reach PostgreSQL through @claimgraph/db (createPool, connectClient, prepared).' },
            {
              name: 'sql-template-tag',
              message: "Use @claimgraph/db's sql (Prisma's tag) so fragments compose everywhere.",
            },
          ],
        },
      ],
    },
  },
  {
    // The home of the database access; benchmarks and the container health check may open a bare connection.
    files: ['packages/db/**', 'bench/**', 'deploy/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: [
      '**/env.ts',
      '**/testing.ts',
      '**/*.config.ts',
      '**/*.config.js',
      '**/*.config.mjs',
      'scripts/**',
      '**/scripts/**',
      '**/tests/**',
      '**/test/**',
      '**/e2e/**',
      'bench/**',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
