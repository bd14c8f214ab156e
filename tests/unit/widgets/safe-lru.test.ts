import { describe, expect, it } from 'vitest'
import LRU from '../../../src/widgets/shared/safe-lru'

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

describe('safe LRU (zrender\'s text-width cache on a Map)', () => {
  it('should hold __proto__ and constructor as ordinary keys and leave Object.prototype alone', () => {
    const lru = new LRU<number>(10)
    expect(lru.get('__proto__')).toBeUndefined()
    expect(lru.get('constructor')).toBeUndefined()
    lru.put('__proto__', 1)
    lru.put('constructor', 2)
    expect([lru.get('__proto__'), lru.get('constructor'), lru.len()]).toEqual([1, 2, 2])
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS)
    expect(({} as Record<string, unknown>).prev).toBeUndefined()
  })

  it('should evict the least recently used entry, as zrender\'s does', () => {
    const lru = new LRU<string>(2)
    expect(lru.put('a', 'A')).toBeNull()
    expect(lru.put('b', 'B')).toBeNull()
    expect(lru.get('a')).toBe('A')
    expect(lru.put('c', 'C')).toBe('B')
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C'])
    expect(lru.put('a', 'other')).toBeNull()
    expect(lru.get('a')).toBe('A')
    expect(lru.put(1, 'one')).toBe('C')
    expect(lru.get('1')).toBe('one')
    lru.clear()
    expect(lru.len()).toBe(0)
  })
})
