/**
 * The merged UI messages of each language (tools/messages-plugin.ts). A page loads only the
 * language it shows, so a key missing from one cannot fall back to the other there: it would
 * show as its raw key.
 */
import en from 'virtual:locale-messages/en'
import zhCN from 'virtual:locale-messages/zh-CN'
import { describe, expect, it } from 'vitest'

function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix]
  return Object.entries(messages).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('UI messages per language', () => {
  it('should have the same keys in Chinese and English', () => {
    const zhKeys = keys(zhCN)
    expect(zhKeys.length).toBeGreaterThan(1000)
    expect(keys(en).sort()).toEqual(zhKeys.sort())
  })

  it('should hold every feature file\'s messages', () => {
    for (const feature of ['home', 'grid', 'dashboard', 'designer', 'io']) {
      expect(Object.keys(zhCN)).toContain(feature)
      expect(Object.keys(en)).toContain(feature)
    }
    expect((zhCN.home as { title: string }).title).toBe('我的应用')
  })
})
