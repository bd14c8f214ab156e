// Lint: typescript-eslint + eslint-plugin-vue, plus the project's layering rules.
import js from '@eslint/js'
import stylistic from '@stylistic/eslint-plugin'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const UI_AND_STORAGE_LIBS = [
  'vue', 'vue-*', '@vue/*', 'pinia', 'ag-grid-*', 'echarts', 'echarts/*', 'zrender', 'localforage',
  'element-plus', 'element-plus/*', '@element-plus/*', 'vue-i18n', 'vue-router', 'grid-layout-plus',
  '@codemirror/*', 'codemirror',
]

// Layers (docs/architecture.md): storage is reached only through stores; composables and stores
// never reach up into components; the undo, history, save-status and workspace stores never
// import the records store (it imports them).
const STORAGE_DOOR = [
  { group: ['@/storage', '@/storage/*', '**/storage/*-adapter', '**/storage/blob-store'], message: 'Persistence is reached through a store (src/stores): components and composables never talk to the adapter.' },
  { group: ['@/stores/use-adapter', '**/stores/use-adapter'], message: 'useAdapter is for stores only: add a store action instead.' },
  { group: ['@/sync', '@/sync/*'], message: 'The sync engine is reached through the sync store (src/stores/sync.ts), like storage.' },
]
const NO_STORAGE_KEY = [{ name: '@/symbols', importNames: ['STORAGE_KEY'], message: 'The StorageAdapter is provided by main.ts and injected by stores only.' }]
const NO_COMPONENTS = { group: ['@/components/*', '@/pages/*', '**/*.vue'], message: 'Stores and composables never import components or pages: move the shared code down (core, a store, or src/composables).' }
const RECORDS_INDEX = { group: ['@/core/records/*'], message: 'Outside src/core, import the records domain from @/core/records (its index.ts).' }
const NO_RECORDS_STORE = { group: ['./records', '@/stores/records'], message: 'The records store imports this store, never the reverse: pass what you need in (see Replayer in undo.ts).' }

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', '**/dist/**', 'bench/.out/**', 'bench/.dist*/**', 'node_modules/**', 'coverage/**', 'bench/results.json', 'tests/e2e/screenshots/**'] },
  js.configs.recommended,
  // One formatter, as lint rules (no Prettier run): the style the code was already written in
  // (@antfu/eslint-config's stylistic choices), so formatting once changed ~50 files a little.
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: false, braceStyle: 'stroustrup', arrowParens: false, commaDangle: 'always-multiline', quoteProps: 'consistent-as-needed', jsx: false }),
  {
    rules: {
      // Short guard clauses and setters on one line are part of this code's style.
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/arrow-parens': ['error', 'as-needed', { requireForBlockBody: true }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
    },
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/require-default-prop': 'off',
      'vue/attribute-hyphenation': 'off',
      'vue/v-on-event-hyphenation': 'off',
    },
  },
  {
    // User text must be shielded before it reaches ECharts (src/widgets/shared/chart-text.ts).
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/widgets/echarts.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='setOption']", message: 'Use setChartOption from src/widgets/echarts.ts: it shields labels such as __proto__.' }],
    },
  },
  {
    // src/core is pure TypeScript: it must run in Node, tests and workers.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: UI_AND_STORAGE_LIBS, message: 'src/core must stay free of UI, state and storage libraries.' },
          { group: ['@/*', '../../*/**/*.vue'], message: 'src/core imports only from src/core (relative paths).' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    // UI code: no adapter, no storage modules.
    files: ['src/components/**/*.{ts,vue}', 'src/pages/**/*.{ts,vue}', 'src/widgets/**/*.{ts,vue}', 'src/router/**/*.ts', 'src/i18n/**/*.ts', 'src/App.vue'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...STORAGE_DOOR, RECORDS_INDEX], paths: NO_STORAGE_KEY }] },
  },
  {
    // Cross-feature composables: no adapter, no components.
    files: ['src/composables/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...STORAGE_DOOR, NO_COMPONENTS, RECORDS_INDEX], paths: NO_STORAGE_KEY }] },
  },
  {
    files: ['src/stores/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_COMPONENTS, RECORDS_INDEX] }] },
  },
  {
    files: ['src/stores/undo.ts', 'src/stores/history.ts', 'src/stores/save-status.ts', 'src/stores/workspace.ts', 'src/stores/files.ts', 'src/stores/backup.ts', 'src/stores/use-adapter.ts', 'src/stores/when-saved.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_COMPONENTS, NO_RECORDS_STORE, RECORDS_INDEX] }] },
  },
)
