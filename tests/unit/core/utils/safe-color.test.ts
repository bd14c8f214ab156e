import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { optionColor } from '../../../../src/components/fields/field-tags'
import { stageColor, STAGE_PALETTE } from '../../../../src/core/stages'
import { getAjv } from '../../../../src/core/validation/ajv'
import { kanbanLanes } from '../../../../src/core/views/kanban'
import { isSafeColor, safeColor } from '../../../../src/core/utils/safe-color'
import { parseBackupFile } from '../../../../src/core/workspace/backup-file'
import { app, backup, settings } from '../../../fixtures/documents'
import { stage, stageField } from '../../../fixtures/metrics'

const colorSchema = getAjv().getSchema('https://funnelgrid.dev/schemas/common.schema.json#/$defs/color')!
const schemaAccepts = (v: string) => colorSchema(v) as boolean

/** Strings that smuggle something into a style: a url(), nesting, a declaration break or a path. */
const hostile = fc.oneof(
  fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}url(${b}`),
  fc.tuple(fc.constantFrom('rgb', 'rgba', 'hsl', 'hsla'), fc.string({ maxLength: 8 })).map(([f, x]) => `${f}(1, 2, ${f}(${x}))`),
  fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `${a};${b}`),
  fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `${a}/${b}`),
  fc.tuple(fc.constantFrom('#fff', 'red', 'rgb(1, 2, 3)'), fc.constantFrom(';', ' url(//h/x)', '/', ')')).map(([c, tail]) => c + tail),
)

describe('safe-color', () => {
  describe('isSafeColor', () => {
    it.each(['#fff', '#FFF8', '#2f6bff', '#2F6BFF80', 'rgb(1, 2, 3)', 'rgba(64, 158, 255, 0.5)', 'rgb(10% 20% 30%)', 'hsl(120, 50%, 50%)', 'hsla(120deg, 50%, 50%, .5)', 'hsl(120 50% 50%)', 'red', 'rebeccapurple', 'transparent'])('should accept the colour %s', (c) => {
      expect(isSafeColor(c)).toBe(true)
      expect(schemaAccepts(c)).toBe(true)
    })

    it.each(['url(//127.0.0.1:1/x)', 'URL(x)', 'var(--x)', 'image-set("x" 1x)', 'red;background:url(x)', 'rgb(1,2,url(x))', 'expression(alert(1))', '#ggg', '#12345', '', 'Red', 'rgb(1, 2)', 'hsl(a, b, c)', 'rgb(1 2 3 / 50%)'])('should refuse %s', (c) => {
      expect(isSafeColor(c)).toBe(false)
      expect(schemaAccepts(c)).toBe(false)
      expect(safeColor(c)).toBeUndefined()
    })

    it('should refuse non-strings', () => {
      for (const v of [undefined, null, 1, {}, ['#fff']]) expect(isSafeColor(v)).toBe(false)
    })

    it('should never accept a string with url(, nested brackets, ; or /', () => {
      fc.assert(fc.property(hostile, s => !isSafeColor(s) && !schemaAccepts(s)), { numRuns: 500 })
    })

    it('should agree with the schema on any string', () => {
      fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^(?:#[0-9a-f]{3,9}|rgba?\([\d ,./%]{0,24}\)|[a-z]{3,12})$/)), s => isSafeColor(s) === schemaAccepts(s)), { numRuns: 500 })
    })
  })

  describe('backup restore', () => {
    it('should refuse a backup whose app colour is a url(), naming the app', () => {
      const doc = backup({ apps: [app({ color: 'url(//127.0.0.1:1/x)' })] })
      const r = parseBackupFile(JSON.stringify(doc))
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.issues.map(i => i.path)).toEqual(['/apps/0/color'])
      expect(r.issues[0]?.message.en).toMatch(/app.*CRM.*"url\(\/\/127\.0\.0\.1:1\/x\)" is not a colour/)
      expect(r.issues[0]?.message['zh-CN']).toContain('不是颜色')
    })

    it('should refuse a member colour that is not a colour, naming the member', () => {
      const doc = backup({ settings: settings({ members: [{ id: 'm1', name: '张三', color: 'red;x:url(//h/x)' }] }) })
      const r = parseBackupFile(JSON.stringify(doc))
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.issues.map(i => i.path)).toContain('/settings/members/0/color')
      expect(r.issues.find(i => i.path === '/settings/members/0/color')?.message['zh-CN']).toContain('张三')
    })
  })

  describe('points of use', () => {
    const URL_COLOR = 'url(//127.0.0.1:1/x)'

    it('should draw stages, options and kanban lanes with a fallback colour instead of a url()', () => {
      const field = stageField([stage('s1', 'open', { color: URL_COLOR }), stage('won', 'won', { color: '#16a34a' })])
      expect(stageColor(field, 's1')).toBe(STAGE_PALETTE[0])
      expect(stageColor(field, 'won')).toBe('#16a34a')
      expect(optionColor({ id: 'a', label: 'A', color: URL_COLOR }, 0)).toMatch(/^#/)
      const form = { schemaVersion: 1, id: 'f', appId: 'a', name: 'F', fields: [field], createdAt: 0, updatedAt: 0 }
      const lanes = kanbanLanes([{ id: 'r', values: { stage: 's1' }, createdAt: 0, updatedAt: 0, rev: 1 }], form, 'stage')
      expect(lanes.find(l => l.key === 's1')?.color).toBeUndefined()
      expect(lanes.find(l => l.key === 'won')?.color).toBe('#16a34a')
    })
  })
})
