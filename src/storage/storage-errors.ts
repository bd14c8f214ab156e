import { StorageError } from '../core/storage/adapter'

function describe(err: unknown): { name: string, message: string, code: unknown } {
  if (typeof err === 'object' && err !== null) {
    const e = err as { name?: unknown, message?: unknown, code?: unknown }
    return { name: String(e.name ?? ''), message: String(e.message ?? ''), code: e.code }
  }
  return { name: '', message: String(err), code: undefined }
}

/**
 * Maps an IndexedDB / localforage failure to a StorageError the UI can explain:
 * full disk -> 'quota', database held by another tab or version -> 'blocked', no storage
 * at all -> 'unavailable', unclonable data -> 'invalid', anything else -> 'unknown'.
 * `action` completes "could not ...", e.g. "save your changes".
 */
export function toStorageError(err: unknown, action: string): StorageError {
  if (err instanceof StorageError) return err
  const { name, message, code } = describe(err)
  const options = { cause: err }
  if (name === 'QuotaExceededError' || code === 22 || /quota/i.test(message)) {
    return new StorageError('quota', `Browser storage is full, so FunnelGrid could not ${action}. `
      + 'Free space (export a backup, then delete old records or other sites\' data) and try again.', options)
  }
  if (name === 'VersionError' || name === 'InvalidStateError' || /blocked|version/i.test(message)) {
    return new StorageError('blocked', `The database is held by another tab or another version of FunnelGrid, `
      + `so it could not ${action}. Close the other FunnelGrid tabs and reload.`, options)
  }
  if (/no available storage method/i.test(message) || name === 'SecurityError') {
    return new StorageError('unavailable', `This browser offers no storage here (private mode or storage `
      + `disabled?), so FunnelGrid could not ${action}.`, options)
  }
  if (name === 'DataCloneError') {
    return new StorageError('invalid', `Some data is not plain (a Vue proxy or a function?), so FunnelGrid `
      + `could not ${action}. (${message})`, options)
  }
  return new StorageError('unknown', `FunnelGrid could not ${action}: ${message || name || 'unknown error'}`, options)
}
