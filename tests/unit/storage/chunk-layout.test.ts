import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ChunkLayout } from '../../../src/storage/chunk-layout'

describe('chunk-layout', () => {
  describe('ChunkLayout', () => {
    it('should fill chunks in order and start a new one when the last is full', () => {
      const layout = new ChunkLayout(2)
      for (const id of ['a', 'b', 'c']) layout.sync(id, true)
      expect(layout.chunkNumbers()).toEqual([0, 1])
      expect(layout.idsOf(1)).toEqual(['c'])
      expect([...layout.dirty]).toEqual([0, 1])
    })

    it('should rewrite only the chunk of an updated id and never refill an earlier chunk', () => {
      const layout = new ChunkLayout(2)
      layout.addLoaded(0, ['a', 'b'])
      layout.addLoaded(1, ['c', 'd'])
      layout.sync('a', false)
      layout.sync('d', true)
      layout.sync('e', true)
      expect([...layout.dirty]).toEqual([0, 1, 2])
      expect(layout.idsOf(0)).toEqual(['b'])
      expect(layout.idsOf(2)).toEqual(['e'])
    })

    it('should list an emptied chunk until it is dropped', () => {
      const layout = new ChunkLayout(2)
      layout.addLoaded(0, ['a'])
      layout.sync('a', false)
      expect(layout.chunkNumbers()).toEqual([])
      expect(layout.allChunkNumbers()).toEqual([0])
      layout.dropChunk(0)
      expect(layout.allChunkNumbers()).toEqual([])
    })

    it('should give a batch a chunk of its own after a short last one, and refuse one holding an id it has', () => {
      const layout = new ChunkLayout(4)
      layout.addLoaded(0, ['a'])
      expect(layout.appendChunk(['a', 'x'])).toBeUndefined()
      expect(layout.appendChunk(['y', 'y'])).toBeUndefined()
      expect(layout.dirty.size).toBe(0)
      expect(layout.appendChunk(['b', 'c'])).toBe(1)
      expect(layout.idsOf(0)).toEqual(['a'])
      expect(layout.idsOf(1)).toEqual(['b', 'c'])
      // the ids are placed: an update rewrites their chunk, a new id goes after them
      layout.dirty.clear()
      layout.sync('c', true)
      layout.sync('d', true)
      expect([...layout.dirty]).toEqual([1])
      expect(layout.idsOf(1)).toEqual(['b', 'c', 'd'])
      layout.sync('b', false)
      expect(layout.idsOf(1)).toEqual(['c', 'd'])
      expect(layout.appendChunk(['e'], true)).toBe(2)
    })

    it('should place new ids appended without a lookup (appendNew) exactly where sync places them', () => {
      fc.assert(fc.property(fc.integer({ min: 1, max: 4 }), fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }), fc.boolean(), (size, loaded, adds, indexed) => {
        const a = new ChunkLayout(size)
        const b = new ChunkLayout(size)
        let k = 0
        loaded.forEach((n, c) => {
          const ids = Array.from({ length: Math.min(n, size) }, () => `id${k++}`)
          a.addLoaded(c, [...ids])
          b.addLoaded(c, [...ids])
        })
        // the id index built already (an earlier change) or not
        if (indexed) for (const l of [a, b]) l.sync('id0', l.idsOf(0)?.includes('id0') ?? false)
        for (const n of adds) {
          const ids = Array.from({ length: n }, () => `id${k++}`)
          for (const id of ids) a.sync(id, true)
          b.appendNew(ids)
        }
        expect(b.allChunkNumbers()).toEqual(a.allChunkNumbers())
        for (const c of a.allChunkNumbers()) expect(b.idsOf(c)).toEqual(a.idsOf(c))
        expect([...b.dirty].sort()).toEqual([...a.dirty].sort())
        // later changes find the appended ids in their chunk
        const last = `id${k - 1}`
        if (k > 0) {
          a.sync(last, false)
          b.sync(last, false)
          for (const c of a.allChunkNumbers()) expect(b.idsOf(c)).toEqual(a.idsOf(c))
        }
      }), { numRuns: 300 })
    })
  })
})
