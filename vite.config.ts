import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { documentValidators } from './tools/validators-plugin.ts'

// Vite 8 bundles with Rolldown: chunk groups replace Rollup's manualChunks (see STACK.md §4.7).
// The grid and chart libraries get their own chunks so the home page does not load them.
export default defineConfig({
  plugins: [vue(), documentValidators()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  worker: { format: 'es', plugins: () => [documentValidators()] },
  build: {
    // FG_DIST lets parallel local test runs build into separate folders.
    outDir: process.env.FG_DIST || 'dist',
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|pinia|vue-router|vue-i18n|@intlify)[\\/]/, priority: 3 },
            { name: 'ag-grid', test: /node_modules[\\/]ag-grid/, priority: 2 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|vue-echarts)[\\/]/, priority: 2 },
            { name: 'exceljs', test: /node_modules[\\/]exceljs[\\/]/, priority: 2 },
            { name: 'codemirror', test: /node_modules[\\/](@codemirror|@lezer|crelt|style-mod|w3c-keyname)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
})
