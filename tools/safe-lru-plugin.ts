import type { Plugin } from 'vite'
import { fileURLToPath, URL } from 'node:url'

const SAFE_LRU = fileURLToPath(new URL('../src/widgets/shared/safe-lru.ts', import.meta.url))
const ZRENDER_LRU = /[\\/]zrender[\\/]lib[\\/]core[\\/]LRU\.js$/

/**
 * Replaces zrender's plain-object LRU cache with src/widgets/shared/safe-lru.ts wherever
 * zrender or ECharts import it (text widths, colours, images, decals): see that file for why.
 */
export function safeLru(): Plugin {
  return {
    name: 'funnelgrid-safe-lru',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('core/LRU.js')) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      return resolved && ZRENDER_LRU.test(resolved.id) ? SAFE_LRU : null
    },
  }
}
