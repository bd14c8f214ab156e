import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { FIELD_GROUPS, checkFormDesign, createField, diffSchema, planFormSave, restoreField, trashField, withType } from '../../../../src/core/schema-evolution'
import { FIELD_TYPES } from '../../../../src/core/fields'
import { validateDocument } from '../../../../src/core/validation'
import { dealFields, designForm, row } from '../../../fixtures/designer'

const level: FieldDef = { id: 'lvl', type: 'select', label: '级别', options: { choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } }
const saved = designForm([...dealFields(), level, { id: 'code', type: 'text', label: '编码' }], { serialCounters: { sn: 7 } })
const records = [row('r1', { name: '华为', amount: 10, lvl: 'b', code: '12' }), row('r2', { name: '小米', amount: 5, lvl: 'a', code: 'x' })]

describe('save-plan', () => {
  describe('planFormSave', () => {
    it('should store a rename without touching any record and log it', () => {
      const draft = { ...saved, fields: saved.fields.map(f => (f.id === 'name' ? { ...f, label: '客户名称' } : f)) }
      const plan = planFormSave(saved, draft, records, 100)
      expect(plan.tx.records).toBeUndefined()
      expect(plan.form.updatedAt).toBe(100)
      expect(plan.form.history).toEqual([{ at: 100, kind: 'renameField', fieldId: 'name', label: '客户名称', from: '名称', to: '客户名称' }])
    })

    it('should convert records of a changed type in the same transaction and keep the originals in the trash', () => {
      const draft = { ...saved, fields: saved.fields.map(f => (f.id === 'code' ? withType(f, 'number', { form: saved, forms: [] }) : f)) }
      const plan = planFormSave(saved, draft, records, 100)
      const puts = plan.tx.records!.deals!.put!
      expect(puts.map(r => [r.id, r.values.code, r.rev])).toEqual([['r1', 12, 2], ['r2', null, 2]])
      const copy = plan.form.trash!.find(t => t.reason === 'typeChange')!
      expect(puts[1]!.values[copy.field.id]).toBe('x')
      expect(plan.report.typeChanges).toEqual([{ fieldId: 'code', rewritten: 2, trashId: copy.field.id }])
      expect(plan.form.history?.[0]).toMatchObject({ kind: 'changeType', from: 'text', to: 'number' })
      expect(validateDocument('form', plan.form).ok).toBe(true)
    })

    it('should move records of a removed option where the designer chose', () => {
      const draft = { ...saved, fields: saved.fields.map(f => (f.id === 'lvl' ? { ...level, options: { choices: [{ id: 'a', label: 'A' }] } } : f)) }
      const plan = planFormSave(saved, draft, records, 100, { remaps: { lvl: { b: 'a' } } })
      expect(plan.tx.records!.deals!.put!.map(r => [r.id, r.values.lvl])).toEqual([['r1', 'a']])
      expect(plan.report.remapped).toEqual([{ fieldId: 'lvl', records: 1 }])
    })

    it('should empty records of a removed option when no target was chosen', () => {
      const draft = { ...saved, fields: saved.fields.map(f => (f.id === 'lvl' ? { ...level, options: { choices: [{ id: 'b', label: 'B' }] } } : f)) }
      const plan = planFormSave(saved, draft, records, 100)
      expect(plan.tx.records!.deals!.put!.map(r => [r.id, r.values.lvl])).toEqual([['r2', null]])
    })

    it('should never lower serial counters, whatever the draft says', () => {
      const plan = planFormSave(saved, { ...saved, serialCounters: { sn: 2 } }, records, 100)
      expect(plan.form.serialCounters).toEqual({ sn: 7 })
    })

    it('should keep a deleted field restorable with its values untouched', () => {
      const deleted = planFormSave(saved, trashField(saved, 'code', 50), records, 100)
      expect(deleted.tx.records).toBeUndefined()
      expect(deleted.form.trash?.map(t => t.field.id)).toEqual(['code'])
      const restored = planFormSave(deleted.form, restoreField(deleted.form, 'code'), records, 200)
      expect(restored.form.fields.map(f => f.id)).toContain('code')
      expect(restored.form.history?.at(-1)).toMatchObject({ kind: 'restoreField', fieldId: 'code' })
    })
  })

  describe('diffSchema', () => {
    it('should report added, deleted and moved fields', () => {
      const after = designForm([saved.fields[1]!, saved.fields[0]!, { id: 'new', type: 'text', label: '新' }])
      const kinds = diffSchema(designForm(saved.fields.slice(0, 3)), after, 1).map(c => c.kind)
      expect(kinds).toEqual(['addField', 'deleteField', 'moveField'])
    })
  })
})

describe('new-field', () => {
  describe('FIELD_GROUPS', () => {
    it('should list all 31 field types exactly once', () => {
      const listed = Object.values(FIELD_GROUPS).flat()
      expect(listed).toHaveLength(31)
      expect([...listed].sort()).toEqual([...FIELD_TYPES].sort())
    })
  })

  describe('createField', () => {
    it('should give every type a definition the schema accepts (a new formula waits for its expression)', () => {
      const other: FormDef = designForm([{ id: 'x', type: 'text', label: 'X' }], { id: 'accounts' })
      let form = designForm([{ id: 'name', type: 'text', label: '名称' }])
      for (const type of FIELD_TYPES) form = { ...form, fields: [...form.fields, createField(type, type, { form, forms: [other] })] }
      const formula = form.fields.find(f => f.type === 'formula')!
      expect(validateDocument('form', { ...form, fields: form.fields.filter(f => f !== formula) }).ok).toBe(true)
      expect(validateDocument('form', form).ok).toBe(false)
      expect(new Set(form.fields.map(f => f.label)).size).toBe(form.fields.length)
    })
  })
})

describe('design-check', () => {
  describe('checkFormDesign', () => {
    it('should accept a valid form with a formula', () => {
      expect(checkFormDesign(designForm(dealFields()), { forms: [] })).toEqual([])
    })

    it('should name a formula that points at a deleted field', () => {
      const fields = dealFields().filter(f => f.id !== 'rate')
      const issues = checkFormDesign(designForm(fields), { forms: [] })
      expect(issues).toHaveLength(1)
      expect(issues[0]!.path).toBe('/fields/2/options/expression')
      expect(issues[0]!.message['zh-CN']).toContain('期望')
    })

    it('should name a relation to a form that does not exist', () => {
      const issues = checkFormDesign(designForm([{ id: 'acc', type: 'relation', label: '客户', options: { formId: 'gone' } }]), { forms: [] })
      expect(issues.map(i => [i.path, i.code])).toEqual([['/fields/0/options/formId', 'danglingReference']])
    })

    it('should refuse duplicate ids and unknown types with the place named', () => {
      const dup = checkFormDesign(designForm([{ id: 'a', type: 'text', label: 'A' }, { id: 'a', type: 'text', label: 'B' }]), { forms: [] })
      expect(dup.map(i => i.code)).toContain('duplicateId')
      const unknown = checkFormDesign({ ...designForm([]), fields: [{ id: 'a', type: 'hologram', label: 'A' }] }, { forms: [] })
      expect(unknown.map(i => i.code)).toContain('unknownType')
    })

    it('should report a formula cycle', () => {
      const fields: FieldDef[] = [
        { id: 'a', type: 'formula', label: 'A', options: { expression: '{b} + 1' } },
        { id: 'b', type: 'formula', label: 'B', options: { expression: '{a} + 1' } },
      ]
      expect(checkFormDesign(designForm(fields), { forms: [] }).some(i => i.params.code === 'CYCLE')).toBe(true)
    })
  })
})
