import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { countOptionUse, keepRemovedFields, remapOptionValues, removedOptionIds, restoreField, trashField } from '../../../../src/core/schema-evolution'
import { designForm, row } from '../../../fixtures/designer'

const fields: FieldDef[] = [{ id: 'name', type: 'text', label: '名称' }, { id: 'note', type: 'textarea', label: '备注' }]
const sel: FieldDef = { id: 'lvl', type: 'select', label: '级别', options: { choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] } }
const multi: FieldDef = { id: 'tags', type: 'multiselect', label: '标签', options: { choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } }

describe('trash', () => {
  describe('trashField', () => {
    it('should move the field to the trash and keep the rest in order', () => {
      const form = trashField(designForm(fields), 'note', 5)
      expect(form.fields.map(f => f.id)).toEqual(['name'])
      expect(form.trash).toEqual([{ field: fields[1], deletedAt: 5, reason: 'delete' }])
    })

    it('should move the title to another field when the title field is deleted', () => {
      const form = trashField(designForm(fields, { titleField: 'name' }), 'name', 5)
      expect(form.titleField).toBe('note')
    })
  })

  describe('restoreField', () => {
    it('should bring the field back at the end and empty the trash', () => {
      const form = restoreField(trashField(designForm(fields), 'name', 5), 'name')
      expect(form.fields.map(f => f.id)).toEqual(['note', 'name'])
      expect(form.trash).toBeUndefined()
    })
  })

  describe('keepRemovedFields', () => {
    it('should trash a field that a JSON edit dropped without deleting it', () => {
      const before = designForm(fields)
      const after = keepRemovedFields(before, designForm([fields[0]!]), 7)
      expect(after.trash?.map(t => t.field.id)).toEqual(['note'])
    })
  })
})

describe('options', () => {
  describe('removedOptionIds', () => {
    it('should list options missing after the edit', () => {
      const after = { ...sel, options: { choices: [{ id: 'a', label: 'A' }] } } as FieldDef
      expect(removedOptionIds(sel, after)).toEqual(['b', 'c'])
    })
  })

  describe('countOptionUse', () => {
    it('should count single and multiple values', () => {
      const counts = countOptionUse('lvl', ['b'], [row('1', { lvl: 'b' }), row('2', { lvl: ['b', 'a'] }), row('3', { lvl: 'a' })])
      expect(counts.get('b')).toBe(2)
    })
  })

  describe('remapOptionValues', () => {
    it('should move single values to the chosen option or empty them', () => {
      const out = remapOptionValues(sel, { b: 'a', c: null }, [row('1', { lvl: 'b' }), row('2', { lvl: 'c' }), row('3', { lvl: 'a' })])
      expect([...out]).toEqual([['1', 'a'], ['2', null]])
    })

    it('should replace ids inside multi-select lists without duplicates', () => {
      const out = remapOptionValues(multi, { b: 'a' }, [row('1', { tags: ['a', 'b'] }), row('2', { tags: ['b'] })])
      expect(out.get('1')).toEqual(['a'])
      expect(out.get('2')).toEqual(['a'])
    })
  })
})
