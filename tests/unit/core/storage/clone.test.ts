import { describe, expect, it } from 'vitest'
import { StorageError } from '../../../../src/core/storage/adapter'
import type { Transaction } from '../../../../src/core/storage/adapter'
import { clonePlain, copyTransaction, freezeTransaction } from '../../../../src/core/storage/clone'

describe('clone', () => {
  describe('clonePlain', () => {
    it('should copy plain data deeply', () => {
      const value = { a: [1, { b: 'x' }] }
      const copy = clonePlain(value, 'x')
      expect(copy).toEqual(value)
      expect(copy.a).not.toBe(value.a)
    })

    it('should reject a function with an invalid-data StorageError naming what was stored', () => {
      const err = (() => {
        try {
          clonePlain({ f: () => 1 }, 'the transaction')
        }
        catch (e) {
          return e
        }
      })()
      expect(err).toBeInstanceOf(StorageError)
      expect((err as StorageError).code).toBe('invalid')
      expect((err as StorageError).message).toContain('Cannot store the transaction')
    })
  })

  describe('copyTransaction', () => {
    const tx = (): Transaction => ({
      records: { f1: { put: [{ id: 'r1', values: { a: [1] }, createdAt: 1, updatedAt: 1, rev: 1 }] } },
      stageEvents: [{ id: 'e1', formId: 'f1', recordId: 'r1', fieldId: 's', from: null, to: 'o1', at: 1 }],
      changes: [{ id: 'c1', formId: 'f1', recordId: 'r1', at: 1, kind: 'create' }],
      defs: { put: [] },
    })

    it('should copy every part of a transaction nobody froze', () => {
      const t = tx()
      const copy = copyTransaction(t, 'x')
      expect(copy).toEqual(t)
      expect(copy.records!.f1!.put![0]).not.toBe(t.records!.f1!.put![0])
      expect(copy.stageEvents![0]).not.toBe(t.stageEvents![0])
    })

    it('should share frozen records, events and change entries and copy the rest', () => {
      const t = freezeTransaction(tx())
      const copy = copyTransaction(t, 'x')
      expect(copy).toEqual(t)
      expect(copy.records!.f1!.put![0]).toBe(t.records!.f1!.put![0])
      expect(copy.stageEvents![0]).toBe(t.stageEvents![0])
      expect(copy.changes![0]).toBe(t.changes![0])
      expect(copy.records).not.toBe(t.records)
      expect(copy.defs).not.toBe(t.defs)
    })

    it('should copy a frozen record whose values are not frozen (the writer can still edit them)', () => {
      const t = tx()
      Object.freeze(t.records!.f1!.put![0])
      const copy = copyTransaction(t, 'x')
      expect(copy.records!.f1!.put![0]).not.toBe(t.records!.f1!.put![0])
      expect(copy.records!.f1!.put![0]!.values).toEqual({ a: [1] })
    })
  })
})
