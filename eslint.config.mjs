import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/** Layering rules from STYLE.md: shared imports nothing platform-specific; main and renderer never import each other. */
const restrict = (patterns) => ['error', { patterns }]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='parseFloat']",
          message: 'Money is never a float: use decimal.js or minor units.'
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='round']",
          message: 'Round money with the domain round(), never Math.round.'
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['electron', 'node:*', 'better-sqlite3', 'react', 'react-dom'],
          message: 'src/shared is pure: no Electron, Node, DB or DOM.'
        },
        {
          group: ['**/main/**', '**/renderer/**', '**/preload/**'],
          message: 'src/shared must not depend on a process.'
        }
      ])
    }
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/renderer/**', 'react', 'react-dom'], message: 'main never imports the renderer.' }
      ])
    }
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: [
            '**/renderer/**',
            '**/preload/**',
            'electron',
            'react',
            'react-dom',
            ...['api', 'core', 'domain/*/', 'electron', 'payments', 'services', 'store', 'web'].map(
              (dir) => `**/main/${dir}/**`
            ),
            '**/main/domain/*',
            // The Z-report's builder is pure (domain is lint-held free of I/O): the head office
            // reuses it so its figures have the till's definitions, not a copy of them.
            '!**/main/domain/reports/',
            '**/main/domain/reports/*',
            '!**/main/domain/reports/z-report',
            // The one durable way to open SQLite (synchronous=FULL), which a guard test holds everyone to.
            '!**/main/store/connection',
            // The till's scrypt hashing and its web mode's CSP and page-visit check: the head
            // office's web app holds itself to the same ones, not to copies of them.
            '!**/main/services/secret-hash',
            '!**/main/web/security',
            // The till's bill-file reader (Alipay's GBK CSV or zip, WeChat Pay's backtick bill, each
            // row's provider day checked) and the refusal it raises: the head office's
            // reconciliation reads merchants' files exactly as the till does. The readers need
            // Node's Buffer and a Node library, so src/shared (pure) cannot hold them.
            '!**/main/services/reconciliation/',
            '**/main/services/reconciliation/*',
            '!**/main/services/reconciliation/bill-files',
            '!**/main/domain/errors'
          ],
          message:
            'The head office shares only src/shared with the till (and the CLI command interface, the durable SQLite opener, the Z-report builder, scrypt hashing and the web-mode security headers).'
        }
      ])
    }
  },
  {
    // The composition root (src/main/app) wires everything; only the bindings and the simulator start it.
    files: ['src/main/{api,core,domain,payments,services,store,sync,fs}/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/renderer/**', 'react', 'react-dom'], message: 'main never imports the renderer.' },
        {
          group: ['**/app/create-core', '**/main/app/**'],
          message: 'src/main/app is the composition root: the bindings start it, nothing below imports it.'
        }
      ])
    }
  },
  {
    files: ['src/main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['node:*', 'better-sqlite3', 'electron', '**/store/**', '**/services/**', '**/api/**'],
          message: 'domain is pure: no I/O.'
        }
      ])
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          group: ['**/main/**', 'electron', 'node:*', 'better-sqlite3', 'decimal.js'],
          message: 'The renderer asks main; it never computes money or touches the store.'
        }
      ])
    }
  },
  {
    // The head office's web app: React like the renderer, asking its server as the renderer asks main.
    files: ['src/hq-web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict([
        {
          group: ['**/main/**', '**/server/**', 'electron', 'node:*', 'better-sqlite3', 'decimal.js'],
          message: 'The hq-web asks the head office; it never computes money or touches a store.'
        }
      ])
    }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/main/**', '**/renderer/**'], message: 'preload exposes the contract only.' }
      ])
    }
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', 'bin/**/*.cjs', '*.config.*'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': 'off',
      'no-empty-pattern': 'off'
    }
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        module: 'writable'
      }
    }
  }
)
