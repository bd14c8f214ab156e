import { describe, expect, it } from 'vitest'
import { convertValue } from '../../../../src/core/fields/convert-value'
import { behaviourOf, FIELD_TYPES, fieldRegistry } from '../../../../src/core/fields/registry'
import { anyField, field } from '../../../fixtures/fields'

const COMPUTED = ['lookup', 'rollup', 'formula', 'score', 'serial', 'separator', 'description', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']

describe('registry', () => {
  describe('fieldRegistry', () => {
    it('should mark exactly the computed and layout types as computed', () => {
      expect(FIELD_TYPES.filter(t => fieldRegistry[t].computed).sort()).toEqual([...COMPUTED].sort())
    })

    it.each(FIELD_TYPES.filter(t => !COMPUTED.includes(t)))('should parse empty text to the empty value of %s', (type) => {
      const b = fieldRegistry[type]
      const f = anyField(type)
      expect(behaviourOf(f).parseText('', f)).toEqual({ ok: true, value: b.emptyValue })
      expect(behaviourOf(f).format(b.emptyValue, f, { locale: 'en' })).toBe(type === 'checkbox' ? 'No' : '')
    })

    it.each(FIELD_TYPES)('should sort empty values after filled ones for %s', (type) => {
      const f = anyField(type)
      const filled: unknown = type === 'multiselect' ? ['a'] : type === 'address' ? { detail: 'x' } : 1
      expect(behaviourOf(f).compare(null, filled, f)).toBeGreaterThan(0)
      expect(behaviourOf(f).compare(filled, undefined, f)).toBeLessThan(0)
      expect(behaviourOf(f).compare(null, undefined, f)).toBe(0)
    })
  })

  describe('convertValue', () => {
    it('should keep empty values empty in the new type', () => {
      expect(convertValue(null, field('text'), field('multiselect'))).toEqual({ ok: true, value: [] })
    })

    it('should refuse converting into files and subforms', () => {
      expect(convertValue('a.pdf', field('text'), field('attachment')).ok).toBe(false)
      expect(convertValue('x', field('text'), field('subform')).ok).toBe(false)
    })

    it('should convert numbers into ratings and checkboxes', () => {
      expect(convertValue(4.4, field('number'), field('rating'))).toEqual({ ok: true, value: 4 })
      expect(convertValue(0, field('number'), field('checkbox'))).toEqual({ ok: true, value: false })
    })
  })
})
