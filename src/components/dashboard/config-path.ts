import type { Ref, WritableComputedRef } from 'vue'
import { computed } from 'vue'

type Obj = Record<string, unknown>

/** Reads a dotted path ('dimension.field') of a config object. */
export function readPath(obj: Obj, path: string): unknown {
  let cur: unknown = obj
  for (const key of path.split('.')) cur = cur !== null && typeof cur === 'object' ? (cur as Obj)[key] : undefined
  return cur
}

/**
 * A copy of `obj` with `path` set to `value`; undefined, '' and NaN delete the key, and an
 * object left empty by that is deleted too (so configs stay minimal and schema-valid).
 */
export function writePath(obj: Obj, path: string, value: unknown): Obj {
  const [head, ...rest] = path.split('.')
  if (head === undefined) return obj
  const out: Obj = { ...obj }
  if (rest.length === 0) {
    if (value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value))) delete out[head]
    else out[head] = value
    return out
  }
  const child = out[head] !== null && typeof out[head] === 'object' && !Array.isArray(out[head]) ? out[head] as Obj : {}
  const next = writePath(child, rest.join('.'), value)
  if (Object.keys(next).length === 0) delete out[head]
  else out[head] = next
  return out
}

/** A writable computed bound to one path of a config ref. */
export function bindPath<T>(cfg: Ref<Obj>, path: string): WritableComputedRef<T | undefined> {
  return computed({
    get: () => readPath(cfg.value, path) as T | undefined,
    set: (v) => { cfg.value = writePath(cfg.value, path, v) },
  })
}
