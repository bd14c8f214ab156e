import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { localeMessages } from '../../tools/messages-plugin.ts'
import { documentValidators } from '../../tools/validators-plugin.ts'

// The bench page: its own entry (no app shell), importing the product's storage adapter,
// stores, core and AG Grid directly. Built by bench/run.mjs into dist-bench-page/ (git-ignored like every dist-*).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The product code imports `virtual:document-validators` (ajv standalone code made at build time)
  // and `virtual:locale-messages/<locale>` (the merged UI messages).
  plugins: [vue(), documentValidators(), localeMessages()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('../../src', import.meta.url)) },
  },
  // bulk-import runs the app's import worker, which validates with the same generated code.
  worker: { format: 'es', plugins: () => [documentValidators()] },
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist-bench-page', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 10_000,
  },
})
