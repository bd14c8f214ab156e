import { describe, expect, it } from 'vitest'
import type { Transaction } from '@/core/storage/adapter'
import { writeRefusal } from '@/core/sync/write-permission'

const row = { id: 'r1', rev: 1, createdAt: 1, updatedAt: 1, values: {} }
const recordEdit: Transaction = { records: { f1: { put: [row] } } }
const eventOnly: Transaction = { stageEvents: [{ id: 'e1', formId: 'f1', recordId: 'r1', fieldId: 's', from: null, to: 'a', at: 1 }] }
const designSave: Transaction = { defs: { put: [{ kind: 'view', doc: { id: 'v1' } as never }] } }
const formDrop: Transaction = { dropForms: ['f1'] }
const languageSwitch: Transaction = { settings: { locale: 'en' } as never }

describe('writeRefusal', () => {
  it('allows everything when team sync is off', () => {
    for (const tx of [recordEdit, eventOnly, designSave, formDrop, languageSwitch]) expect(writeRefusal(tx, null)).toBeNull()
  })

  it('allows everything for an admin', () => {
    for (const tx of [recordEdit, eventOnly, designSave, formDrop, languageSwitch]) expect(writeRefusal(tx, 'admin')).toBeNull()
  })

  it('lets a member change records but not the design', () => {
    expect(writeRefusal(recordEdit, 'member')).toBeNull()
    expect(writeRefusal(eventOnly, 'member')).toBeNull()
    expect(writeRefusal(designSave, 'member')?.part).toBe('design')
    expect(writeRefusal(formDrop, 'member')?.part).toBe('design')
    expect(writeRefusal({ ...recordEdit, ...designSave }, 'member')?.message.en).toMatch(/Only admins/)
  })

  it('refuses a viewer every shared change, saying why, but keeps the device settings writable', () => {
    const refused = writeRefusal(recordEdit, 'viewer')
    expect(refused?.part).toBe('records')
    expect(refused?.message['zh-CN']).toContain('只读')
    expect(writeRefusal(eventOnly, 'viewer')?.part).toBe('records')
    expect(writeRefusal({ records: { f1: { delete: ['r1'], toTrash: true } } }, 'viewer')?.part).toBe('records')
    expect(writeRefusal(designSave, 'viewer')?.part).toBe('design')
    expect(writeRefusal(languageSwitch, 'viewer')).toBeNull()
    expect(writeRefusal({ records: {} }, 'viewer')).toBeNull()
  })
})
