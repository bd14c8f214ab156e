import { StorageError } from './adapter'

/**
 * A deep copy of `value` made with `structuredClone`, so stored state never shares objects
 * with callers. Callers must pass plain data: a Vue reactive proxy, a function or a class
 * instance with private state cannot be cloned and is rejected with StorageError('invalid')
 * (unwrap with Vue's `toRaw` first).
 */
export function clonePlain<T>(value: T, what: string): T {
  try {
    return structuredClone(value)
  }
  catch (err) {
    const name = err instanceof Error ? err.name : ''
    const detail = err instanceof Error ? err.message : String(err)
    if (name === 'DataCloneError') {
      throw new StorageError(
        'invalid',
        `Cannot store ${what}: it contains a value that is not plain data (a Vue reactive proxy, `
        + `a function or a class instance?). Pass plain objects, e.g. unwrapped with toRaw(). (${detail})`,
        { cause: err },
      )
    }
    throw new StorageError('invalid', `Cannot copy ${what}: ${detail}`, { cause: err })
  }
}
