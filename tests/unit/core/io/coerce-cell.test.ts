import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { cellCoercer, COERCE_MEMO_LIMIT, coerceCell } from '../../../../src/core/io/coerce-cell'
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

    it('should stay correct for a column with more distinct texts than it remembers', () => {
      const num = starterFields().find(f => f.type === 'number')!
      const coerce = cellCoercer(num, CTX)
      for (let i = 0; i < COERCE_MEMO_LIMIT + 50; i++) expect(coerce(String(i))).toEqual({ ok: true, value: i })
      expect(coerce('7')).toEqual({ ok: true, value: 7 })
      expect(coerce('x').ok).toBe(false)
    })
  })
})
