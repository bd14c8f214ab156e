/** bundle: gzip size of the JS a route loads before it can show (from the build's .vite/manifest.json). */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface Chunk { file: string, imports?: string[], isEntry?: boolean }
type Manifest = Record<string, Chunk>

/** Routes measured: the lazy components loaded on top of the entry. */
export const ROUTES: Record<string, string[]> = {
  home: [],
  grid: ['src/pages/AppLayout.vue', 'src/pages/FormGridView.vue'],
  dashboard: ['src/pages/AppLayout.vue', 'src/pages/DashboardView.vue'],
}

/**
 * What every route also waits for before it shows: main.ts awaits the UI messages of the
 * language shown (a module per language since 7 Dec; Chinese, the default, is counted).
 */
export const STARTUP: string[] = ['virtual:locale-messages/zh-CN']

/** Chunk keys reachable from `keys` through static imports. */
function closure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (into.has(key) || !manifest[key]) continue
    into.add(key)
    closure(manifest, manifest[key].imports ?? [], into)
  }
  return into
}

/** Gzip KB (default zlib level) of the JS files each route needs, entry and STARTUP included. */
export function bundleSizes(dist: string): Record<string, { kb: number, files: number }> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest
  const entry = Object.keys(manifest).find(k => manifest[k]?.isEntry)
  if (!entry) throw new Error(`no entry in ${dist}/.vite/manifest.json`)
  const out: Record<string, { kb: number, files: number }> = {}
  for (const [route, lazy] of Object.entries(ROUTES)) {
    const missing = [...STARTUP, ...lazy].filter(k => !manifest[k])
    if (missing.length > 0) throw new Error(`route ${route}: ${missing.join(', ')} not in the manifest`)
    const files = [...closure(manifest, [entry, ...STARTUP, ...lazy])].map(k => manifest[k]!.file).filter(f => f.endsWith('.js'))
    const bytes = files.reduce((t, f) => t + gzipSync(readFileSync(join(dist, f))).length, 0)
    out[route] = { kb: Math.round(bytes / 102.4) / 10, files: files.length }
  }
  return out
}
