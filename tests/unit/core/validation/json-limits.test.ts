import type { DocumentKind } from '../../../../src/core/validation'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseTemplateFile } from '../../../../src/core/template'
import { acceptJsonDocument, checkJsonSize, checkJsonValue, formatSize, JSON_LIMITS, parseBoundedJson, parseJsonDocument, scanJsonText } from '../../../../src/core/validation'
import { parseRouteFilter } from '../../../../src/core/views'
import { parseBackupFile } from '../../../../src/core/workspace/backup-file'
import { app, backup, dashboard, form, settings, template, view } from '../../../fixtures/documents'
import { salesTemplate } from '../../../fixtures/template'

const RUNS = { numRuns: 10_000 }
/** 10k generated cases take a while on a shared machine. */
const SLOW = 180_000
const FIXTURES: Record<DocumentKind, () => object> = { form, view, dashboard, app, template, backup, settings }
const KINDS = Object.keys(FIXTURES) as DocumentKind[]

/** `depth` levels of arrays and objects (`shape` picks one per level), around `inner`. */
function nested(depth: number, shape: readonly ('a' | 'o' | 's')[], inner: string): string {
  let open = ''
  let close = ''
  for (let i = 0; i < depth; i++) {
    const s = shape[i % shape.length]
    // 's': an object whose key holds brackets, which must not count as nesting.
    if (s === 'a') { open += '['; close = `]${close}` }
    else if (s === 'o') { open += '{"k":'; close = `}${close}` }
    else { open += '{"[{\\"]":'; close = `}${close}` }
  }
  return `${open}${inner}${close}`
}

/** Generated JSON text: deep (sometimes far past every limit), wide, or cut short, alone or inside a real document. */
const jsonText = fc.record({
  kind: fc.constantFrom(...KINDS),
  depth: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 5_000 })),
  shape: fc.array(fc.constantFrom('a' as const, 'o' as const, 's' as const), { minLength: 1, maxLength: 4 }),
  width: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })),
  inDocument: fc.boolean(),
  unversioned: fc.boolean(),
  cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
}).map(({ kind, depth, shape, width, inDocument, unversioned, cut }) => {
  const wide = width === 0 ? '0' : `[${Array.from({ length: width }, (_, i) => (i % 2 ? `{"k${i}":${i}}` : String(i))).join(',')}]`
  const deep = nested(depth, shape, wide)
  let text = deep
  if (inDocument) {
    const doc: Record<string, unknown> = { ...FIXTURES[kind](), extra: '__DEEP__' }
    if (unversioned) delete doc.schemaVersion
    text = JSON.stringify(doc).replace('"__DEEP__"', deep)
  }
  if (cut !== undefined) text = text.slice(0, Math.floor(text.length * cut))
  return { kind, depth, text }
})

/** The deepest nesting of a text, outside strings (an independent count, for the expectations). */
function depthOf(text: string): number {
  let d = 0
  let max = 0
  let str = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (str) { if (c === '\\') i++; else if (c === '"') str = false }
    else if (c === '"') str = true
    else if (c === '[' || c === '{') max = Math.max(max, ++d)
    else if (c === ']' || c === '}') d--
  }
  return max
}

function refusalNamesPlace(message: { 'zh-CN': string, 'en': string }, zh: string, en: string): void {
  expect(message['zh-CN']).toContain(zh)
  expect(message.en).toContain(en)
}

describe('json-limits', () => {
  describe('scanJsonText', () => {
    it('should refuse a backup nested 100k deep, naming the limit, the line and the column', () => {
      const text = `{\n  "a": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`
      const r = scanJsonText('backup', text)
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.issue.code).toBe('tooDeep')
      expect(r.issue.params).toMatchObject({ maxDepth: 64, line: 2, column: 71 })
      expect(r.issue.message['zh-CN']).toBe('备份文件嵌套超过 64 层（第 2 行第 71 列）')
      expect(r.issue.message.en).toBe('Backup nests deeper than 64 levels (line 2, column 71)')
    })

    it('should accept exactly the limit and refuse one level more', () => {
      expect(scanJsonText('form', nested(64, ['a'], '1')).ok).toBe(true)
      expect(scanJsonText('form', nested(65, ['a'], '1')).ok).toBe(false)
    })

    it('should not count brackets inside strings, escaped quotes included', () => {
      const text = JSON.stringify({ s: '['.repeat(1_000), t: '\\"[[[[', u: `"${'{'.repeat(500)}` })
      expect(scanJsonText('routeFilter', text).ok).toBe(true)
    })

    it('should refuse text longer than the place allows, naming both sizes', () => {
      const r = scanJsonText('storedViews', ' '.repeat(256 * 1024 + 1))
      expect(!r.ok && r.issue.code).toBe('tooLarge')
      expect(!r.ok && r.issue.message.en).toBe('Remembered view choice is larger than 256 kB (256 kB)')
    })

    it('should refuse a file by its size before it is read', () => {
      const r = checkJsonSize('backup', 201 * 1024 * 1024)
      expect(!r.ok && r.issue.message['zh-CN']).toBe('备份文件超过 200 MB（实际 201 MB）')
      expect(checkJsonSize('backup', 200 * 1024 * 1024).ok).toBe(true)
    })
  })

  describe('formatSize', () => {
    it('should show bytes, kB and MB', () => {
      expect([formatSize(12), formatSize(8 * 1024), formatSize(1.5 * 1024 * 1024), formatSize(200 * 1024 * 1024)]).toEqual(['12 B', '8 kB', '1.5 MB', '200 MB'])
    })
  })

  describe('checkJsonValue', () => {
    it('should refuse a deep value by its path, without recursion', () => {
      let deep: unknown = 1
      for (let i = 0; i < 100_000; i++) deep = { k: deep }
      const r = checkJsonValue('tabMessage', { tx: deep })
      expect(!r.ok && r.issue.code).toBe('tooDeep')
      expect(!r.ok && r.issue.message.en).toBe('A change from another tab nests deeper than 64 levels (at /tx/k/k/k/k/k/k/k/…)')
    })

    it('should refuse a cyclic value as too deep instead of looping', () => {
      const a: Record<string, unknown> = {}
      a.self = a
      expect(!checkJsonValue('syncDocument', a).ok && checkJsonValue('syncDocument', a)).toMatchObject({ issue: { code: 'tooDeep' } })
    })

    it('should refuse a value whose shared branches multiply past the size limit', () => {
      let v: unknown = 'x'.repeat(1_000)
      for (let i = 0; i < 40; i++) v = [v, v]
      expect(checkJsonValue('syncDocument', v)).toMatchObject({ ok: false, issue: { code: 'tooLarge' } })
    })
  })

  describe('every entry point on generated deep and wide JSON', () => {
    it('should parse documents of every kind or refuse them naming the place, never throw', () => {
      fc.assert(fc.property(jsonText, ({ kind, text }) => {
        const r = parseJsonDocument(kind, text)
        if (r.ok) return
        expect(r.issues.length).toBeGreaterThan(0)
        if (depthOf(text) > JSON_LIMITS[kind].maxDepth) {
          expect(r.issues[0]!.code).toBe('tooDeep')
          expect(r.issues[0]!.message.en).toMatch(/nests deeper than 64 levels \(line \d+, column \d+\)$/)
        }
      }), RUNS)
    }, SLOW)

    it('should restore a backup file or refuse it as the backup, never throw', () => {
      fc.assert(fc.property(jsonText, ({ text }) => {
        const r = parseBackupFile(text)
        if (!r.ok && depthOf(text) > 64) refusalNamesPlace(r.issues[0]!.message, '备份文件嵌套超过 64 层', 'Backup nests deeper than 64 levels')
      }), RUNS)
    }, SLOW)

    it('should read a template file or refuse it as the template, never throw', () => {
      fc.assert(fc.property(jsonText, ({ text }) => {
        const r = parseTemplateFile(text)
        if (!r.ok && depthOf(text) > 64) refusalNamesPlace(r.issues[0]!.message, '模板文件嵌套超过 64 层', 'Template nests deeper than 64 levels')
      }), RUNS)
    }, SLOW)

    it('should read a pasted form and dashboard or refuse it as that JSON, never throw', () => {
      fc.assert(fc.property(jsonText, ({ text }) => {
        const f = parseJsonDocument('form', text)
        const d = parseJsonDocument('dashboard', text)
        if (depthOf(text) > 64) {
          expect(!f.ok && f.issues[0]!.message['zh-CN']).toContain('表单 JSON 嵌套超过 64 层')
          expect(!d.ok && d.issues[0]!.message.en).toContain('Dashboard JSON nests deeper than 64 levels')
        }
      }), RUNS)
    }, SLOW)

    it('should apply a link\'s filter or refuse it, never throw', () => {
      const filterText = fc.record({ depth: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3_000 })), or: fc.boolean(), width: fc.integer({ min: 0, max: 200 }), cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) })
        .map(({ depth, or, width, cut }) => {
          let node = JSON.stringify({ field: 'amount', op: 'gt', value: 1 })
          for (let i = 0; i < depth; i++) node = `{"${(i % 2 === 0) === or ? 'or' : 'and'}":[${node}${`,${JSON.stringify({ field: 'amount', op: 'empty' })}`.repeat(i === 0 ? width : 0)}]}`
          return cut === undefined ? node : node.slice(0, Math.floor(node.length * cut))
        })
      const fields = form().fields
      fc.assert(fc.property(filterText, (text) => {
        const r = parseRouteFilter(text, fields)
        if (depthOf(text) > JSON_LIMITS.routeFilter.maxDepth) {
          expect(r).toMatchObject({ ok: false, reason: 'limit', issue: { code: 'tooDeep' } })
          if (!r.ok && r.reason === 'limit') refusalNamesPlace(r.issue.message, '链接中的筛选条件嵌套超过 32 层', 'The link\'s filter nests deeper than 32 levels')
        }
      }), RUNS)
    }, SLOW)

    it('should read what localStorage holds (view choice, import journal, form draft) or refuse it, never throw', () => {
      fc.assert(fc.property(jsonText, fc.constantFrom('storedViews' as const, 'importJournal' as const, 'formDraft' as const), ({ text }, place) => {
        const r = parseBoundedJson(place, text)
        if (depthOf(text) > JSON_LIMITS[place].maxDepth) expect(!r.ok && r.issue.code).toBe('tooDeep')
      }), RUNS)
    }, SLOW)

    it('should accept a synced or cloned value or refuse it by its path, never throw', () => {
      const value = fc.record({ kind: fc.constantFrom(...KINDS), depth: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 3_000 })), width: fc.integer({ min: 0, max: 500 }), array: fc.boolean() })
        .map(({ kind, depth, width, array }) => {
          let deep: unknown = Array.from({ length: width }, (_, i) => ({ [`k${i}`]: i }))
          for (let i = 0; i < depth; i++) deep = array ? [deep] : { k: deep }
          // The document is level 1, each wrapper one more, then the array and its objects.
          return { kind, deepest: depth + 2 + (width > 0 ? 1 : 0), doc: { ...FIXTURES[kind](), extra: deep } }
        })
      fc.assert(fc.property(value, ({ kind, deepest, doc }) => {
        const r = acceptJsonDocument(kind, doc, 'syncDocument')
        expect(r.ok).toBe(false) // `extra` is never allowed: refused either by the limit or by the schema
        if (!r.ok && deepest > 64) refusalNamesPlace(r.issues[0]!.message, '同步文档嵌套超过 64 层（位置 /extra', 'Synced document nests deeper than 64 levels (at /extra')
      }), RUNS)
    }, SLOW)
  })

  describe('the limits against the app\'s own documents', () => {
    it('should let every shipped template and fixture through', () => {
      expect(parseTemplateFile(JSON.stringify(salesTemplate())).ok).toBe(true)
      for (const kind of KINDS) expect(scanJsonText(kind, JSON.stringify(FIXTURES[kind](), null, 2)).ok).toBe(true)
    })
  })
})
