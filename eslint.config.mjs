// Type-aware lint (typescript-eslint's recommendedTypeChecked) over the TypeScript sources;
// `.astro` files are type-checked by `astro check` instead.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.astro/**',
      '.test-sites/**',
      'data/**',
      'bench/**/*.json',
      '**/*.astro',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `const { files: _f, ...rest } = x` is how a field is dropped from a copy: the named
      // sibling of a rest element is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
