import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import type { Plugin } from 'vite'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { contentSecurityPolicy, SECURITY_HEADERS } from './tools/csp.ts'
import { safeLru } from './tools/safe-lru-plugin.ts'
import { localeMessages } from './tools/messages-plugin.ts'
import { documentValidators } from './tools/validators-plugin.ts'

/** Writes the CSP as a `<meta http-equiv>` into the built index.html (the dev server has none: HMR injects styles). */
function cspMeta(): Plugin {
  return {
    name: 'funnelgrid:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', 'content': contentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' }],
  }
}

// The service worker precaches the whole build (so the app opens offline) and waits when a
// new build is deployed until the user accepts the reload (ShellUpdatePrompt). A precache is
// keyed by the origin, and every e2e session starts a fresh browser profile on its own port,
// so a build never meets another build's cache.
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['icons/apple-touch-icon.png'],
  manifest: {
    name: 'FunnelGrid',
    short_name: 'FunnelGrid',
    description: 'Local-first, spreadsheet-style CRM builder / 本地优先的表格式 CRM 搭建工具',
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#2f6bff',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,woff,woff2,webmanifest}'],
    // exceljs and the grid are near 1 MB each; every chunk must be cached to open offline.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The first install takes the open page at once; later versions wait for the prompt.
    clientsClaim: true,
    skipWaiting: false,
  },
})

// Vite 8 bundles with Rolldown: chunk groups replace Rollup's manualChunks (see STACK.md §4.7).
// The grid and chart libraries get their own chunks so the home page does not load them.
export default defineConfig({
  plugins: [vue(), documentValidators(), localeMessages(), safeLru(), cspMeta(), pwa],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173 },
  // The production headers (docs/architecture.md, "Content-Security-Policy"), also what the
  // browser tests run under.
  preview: { port: 4173, headers: { 'Content-Security-Policy': contentSecurityPolicy(), ...SECURITY_HEADERS } },
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
