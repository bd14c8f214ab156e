import { describe, expect, it } from 'vitest'
import { lineColumn, parseJsonDocument } from '../../../../src/core/validation/parse-json'
import { form } from '../../../fixtures/documents'

describe('parse-json', () => {
  describe('parseJsonDocument', () => {
    it('should report malformed JSON with its line and column', () => {
      const text = '{\n  "schemaVersion": 1,\n  "id": "x",,\n}'
      const r = parseJsonDocument('form', text)
      expect(r.ok).toBe(false)
      if (r.ok) return
      expect(r.issues[0]?.code).toBe('invalidJson')
      expect(r.issues[0]?.params).toMatchObject({ line: 3, column: 13 })
      expect(r.issues[0]?.message['zh-CN']).toContain('第 3 行第 13 列')
      expect(r.issues[0]?.message.en).toContain('line 3, column 13')
    })

    it('should report truncated JSON at its end', () => {
      const r = parseJsonDocument('form', '{"a": [1, 2')
      expect(!r.ok && r.issues[0]?.params).toMatchObject({ line: 1, column: 12 })
    })

    it('should return a valid current document', () => {
      const r = parseJsonDocument('form', JSON.stringify(form()))
      expect(r.ok && r.value.id).toBe('opps')
      expect(r.ok && r.migratedFrom).toBeUndefined()
    })

    it('should migrate an unversioned document and say from which version', () => {
      const old = { id: 'f', appId: 'a', title: '旧表单', fields: [{ id: 'lvl', name: '级别', type: 'select', choices: ['高', '低'] }] }
      const r = parseJsonDocument('form', JSON.stringify(old))
      expect(r.ok && r.migratedFrom).toBe(0)
      expect(r.ok && r.value.fields[0]).toEqual({ id: 'lvl', label: '级别', type: 'select', options: { choices: [{ id: '高', label: '高' }, { id: '低', label: '低' }] } })
    })

    it('should refuse a document from a newer version before validating it', () => {
      const r = parseJsonDocument('view', JSON.stringify({ schemaVersion: 7 }))
      expect(!r.ok && r.issues.map(i => i.code)).toEqual(['newerVersion'])
    })
  })

  describe('lineColumn', () => {
    it('should count lines and columns from 1', () => {
      expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 })
    })
  })
})
