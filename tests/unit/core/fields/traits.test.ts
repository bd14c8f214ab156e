import { describe, expect, it } from 'vitest'
import { FIELD_TYPES, fieldRegistry, NUMERIC_TYPES, typesWhere } from '../../../../src/core/fields/registry'
import designer from '../../../../src/i18n/messages/designer'

/** The lists the traits replaced, as they were written out before (issue 11): the derivations must give the same types. */
const SUBFORM_TYPES = ['text', 'textarea', 'number', 'money', 'percent', 'date', 'checkbox', 'rating', 'phone', 'email', 'url', 'member']
const NUMBER_MEASURES = ['number', 'money', 'percent', 'rating', 'formula', 'rollup', 'lookup', 'score']
const DATE_MEASURES = ['date', 'createdAt', 'updatedAt']
const EDITS_STORED = ['number', 'money', 'percent', 'rating', 'date']
const AMOUNTS = ['money', 'number']
const FILTER_KINDS = { dateRange: ['date', 'createdAt', 'updatedAt'], member: ['member', 'createdBy', 'updatedBy'], select: ['select', 'multiselect', 'stage'] }
const WIDE = ['textarea', 'subform', 'address', 'separator', 'description', 'attachment', 'image']

const typesWith = (has: (t: typeof FIELD_TYPES[number]) => boolean) => FIELD_TYPES.filter(has).sort()

describe('field traits', () => {
  it('should allow in subforms exactly the simple writable types, in the editor\'s order', () => {
    expect(FIELD_TYPES.filter(t => fieldRegistry[t].inSubform)).toEqual(SUBFORM_TYPES)
  })

  it('should let dashboard measures aggregate the number and the date types', () => {
    expect(NUMERIC_TYPES.toSorted()).toEqual([...NUMBER_MEASURES].sort())
    expect(typesWith(t => fieldRegistry[t].measure === 'amount')).toEqual(AMOUNTS)
    expect(typesWith(t => fieldRegistry[t].measure === 'date')).toEqual([...DATE_MEASURES].sort())
  })

  it('should offer each dashboard filter the date, member and option types', () => {
    for (const [kind, types] of Object.entries(FILTER_KINDS)) expect(typesWhere(b => b.filterKind === kind).sort(), kind).toEqual([...types].sort())
  })

  it('should give long text, files, subforms, addresses and layout items a whole form row', () => {
    expect(typesWith(t => fieldRegistry[t].wide)).toEqual([...WIDE].sort())
  })

  it('should start grid editors from the stored value for numbers and dates only', () => {
    expect(typesWith(t => fieldRegistry[t].editsStored)).toEqual([...EDITS_STORED].sort())
  })

  it('should keep computed types out of subforms and read-only in forms', () => {
    for (const t of FIELD_TYPES.filter(t => fieldRegistry[t].computed)) {
      expect(fieldRegistry[t].inSubform, t).toBe(false)
      expect(fieldRegistry[t].inputKind({ id: 'f', type: t, label: 'F', options: {} } as never, false), t).toBe('readonly')
    }
  })

  it('should name every field type in both locales', () => {
    for (const locale of ['zh-CN', 'en'] as const) expect(Object.keys(designer[locale].designer.types).sort()).toEqual([...FIELD_TYPES].sort())
  })
})
