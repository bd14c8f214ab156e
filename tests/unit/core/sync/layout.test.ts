import { describe, expect, it } from 'vitest'
import {
  changeDocId, databaseNameFor, definitionDocId, eventDocId, isValidDatabaseName, parseDocId, recordDocId, typeForId,
} from '../../../../src/core/sync/layout'

describe('database names', () => {
  it('derives a valid CouchDB name from any workspace id', () => {
    expect(databaseNameFor('Main')).toBe('funnelgrid-main')
    expect(databaseNameFor('Ab C.d:é')).toBe('funnelgrid-ab-c-d--')
    for (const id of ['Main', 'x y', '中文', 'a.b@c', '_x']) expect(isValidDatabaseName(databaseNameFor(id))).toBe(true)
  })

  it('refuses names CouchDB refuses', () => {
    for (const bad of ['', 'Sales', '1sales', '_users', 'sales team', 'sales.crm', 'x'.repeat(239)]) expect(isValidDatabaseName(bad)).toBe(false)
    for (const good of ['sales', 'sales-2026', 'a_b$c(d)+e/f-g']) expect(isValidDatabaseName(good)).toBe(true)
  })
})

describe('document ids', () => {
  it('round-trips every builder through parseDocId', () => {
    expect(parseDocId(definitionDocId('form', 'f1'))).toEqual({ type: 'definition', kind: 'form', id: 'f1' })
    expect(parseDocId(recordDocId('deals', 'r:1'))).toEqual({ type: 'record', formId: 'deals', recordId: 'r:1' })
    expect(parseDocId(eventDocId('deals', 'e1'))).toEqual({ type: 'event', formId: 'deals', eventId: 'e1' })
    expect(parseDocId(changeDocId('deals', 'c1'))).toEqual({ type: 'change', formId: 'deals', changeId: 'c1' })
    expect(parseDocId('settings')).toEqual({ type: 'settings' })
    expect(parseDocId('_design/funnelgrid')).toEqual({ type: 'design' })
    expect(recordDocId('deals', 'r1')).toBe('rec:deals:r1')
  })

  it('returns null for ids the layout does not produce', () => {
    for (const id of ['', 'rec', 'rec:deals', 'rec:deals:', 'rec::r1', 'def:widget:w1', 'xyz:a:b', '_design/other', 'Settings'])
      expect(parseDocId(id)).toBeNull()
    expect(typeForId('_design/funnelgrid')).toBeNull()
    expect(typeForId('evt:f:e')).toBe('event')
  })

  it('refuses parts that would make an id ambiguous', () => {
    expect(() => recordDocId('a:b', 'r1')).toThrow(/form id "a:b" contains ":"/)
    expect(() => eventDocId('deals', '')).toThrow(/event id is empty/)
  })
})
