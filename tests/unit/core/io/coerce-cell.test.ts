import type { FieldDef } from '../../../../src/core/schema/types'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FIELD_TYPES } from '../../../../src/core/fields/registry'
import { cellCoercer, COERCE_MEMO_LIMIT, coerceCell } from '../../../../src/core/io/coerce-cell'
import { relationResolver } from '../../../../src/core/io/relation-resolver'
import { everyTypeFields } from '../../../fixtures/fields'
import { field, MEMBERS, starterFields } from '../../../fixtures/io'

const CTX = { dateFormat: 'DMY' as const, members: MEMBERS }

/** Cells of every kind a column meets: good, bad, empty, formula-escaped, repeated. */
const CELLS = ['', ' ', '1,200', '¥3.50', '25%', 'abc', '2024-03-05', '05/03/2024', '2024-02-30', 'Referral', 'Fax', 'VIP, 热门', '是', '否', '张三', 'nobody', '\'=1+1', '12 kg', 'a@b.cn', 'https://acme.cn']

describe('coerce-cell', () => {
  describe('cellCoercer', () => {
    const fields: FieldDef[] = [...starterFields(), field('member'), field('number', { id: 'f_kg', options: { unit: 'kg' } })]

    it('should give the same result as coerceCell for every cell of every type, also when cells repeat', () => {
      for (const f of fields) {
        const coerce = cellCoercer(f, CTX)
        for (const cell of [...CELLS, ...CELLS]) expect(coerce(cell), `${f.type} ${cell}`).toEqual(coerceCell(cell, f, CTX))
      }
    })

    it('should never hand two rows the same list value', () => {
      const multi = starterFields().find(f => f.type === 'multiselect')!
      const coerce = cellCoercer(multi, CTX)
      const a = coerce('VIP, 热门')
      const b = coerce('VIP, 热门')
      expect(a).toEqual(b)
      expect(a.ok && b.ok && a.value).not.toBe(b.ok && b.value)
    })

    it('should give what coerceCell gives for any run of cells of any writable type, lists never shared', () => {
      const titles = new Map([['Acme', ['r1']], ['Twin', ['r2', 'r3']]])
      const relation = relationResolver(() => titles)
      const all: FieldDef[] = [...fields, ...everyTypeFields(FIELD_TYPES), field('member', { id: 'f_ms', options: { multiple: true } }), field('relation', { id: 'f_rm', options: { formId: 'x', multiple: true } })]
      const cell = fc.oneof(fc.constantFrom(...CELLS, 'Acme', 'Twin', 'r1, Acme', 'a', 'a, b', 'b；c', '张三、Li Si', 'm1', '', ''), fc.string({ maxLength: 5 }))
      fc.assert(fc.property(fc.constantFrom(...all), fc.boolean(), fc.boolean(), fc.array(cell, { minLength: 1, maxLength: 30 }), (f, linked, escaped, cells) => {
        const rel = linked ? relation : undefined
        const coerce = cellCoercer(f, CTX, rel, escaped)
        const lists = new Set<unknown>()
        for (const c of cells) {
          const got = coerce(c)
          expect(got, `${f.type} ${JSON.stringify(c)}`).toEqual(coerceCell(c, f, CTX, rel, escaped))
          if (got.ok && got.value !== null && typeof got.value === 'object') {
            expect(lists.has(got.value), `${f.type} ${JSON.stringify(c)} shares its value`).toBe(false)
            lists.add(got.value)
            // A row that changes its value changes no other row's.
            if (Array.isArray(got.value)) got.value.push('changed')
          }
        }
      }), { numRuns: 1500 })
    })

    it('should stay correct for a column with more distinct texts than it remembers', () => {
      const num = starterFields().find(f => f.type === 'number')!
      const coerce = cellCoercer(num, CTX)
      for (let i = 0; i < COERCE_MEMO_LIMIT + 50; i++) expect(coerce(String(i))).toEqual({ ok: true, value: i })
      expect(coerce('7')).toEqual({ ok: true, value: 7 })
      expect(coerce('x').ok).toBe(false)
    })
  })
})
