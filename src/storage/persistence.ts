/** Outcome of asking the browser to keep this site's data under storage pressure. */
export type PersistResult = 'granted' | 'denied' | 'unsupported'

/** Space used and available for this site, in bytes (absent when the browser does not say). */
export interface StorageEstimate {
  usage?: number
  quota?: number
}

interface StorageManagerLike {
  persist?: () => Promise<boolean>
  persisted?: () => Promise<boolean>
  estimate?: () => Promise<StorageEstimate>
}

function storageManager(): StorageManagerLike | undefined {
  return (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator?.storage
}

/**
 * Asks the browser not to evict FunnelGrid's data when disk space runs low
 * (`navigator.storage.persist()`). Never throws.
 */
export async function requestPersistentStorage(): Promise<PersistResult> {
  const manager = storageManager()
  if (typeof manager?.persist !== 'function') return 'unsupported'
  try {
    return (await manager.persist()) ? 'granted' : 'denied'
  }
  catch {
    return 'denied'
  }
}

/** Whether the browser granted persistent storage (`navigator.storage.persisted()`); undefined when it cannot tell. */
export async function isStoragePersisted(): Promise<boolean | undefined> {
  const manager = storageManager()
  if (typeof manager?.persisted !== 'function') return undefined
  try {
    return await manager.persisted()
  }
  catch {
    return undefined
  }
}

/** How much storage the site uses and may use, or undefined when the browser cannot tell. */
export async function estimateStorage(): Promise<StorageEstimate | undefined> {
  const manager = storageManager()
  if (typeof manager?.estimate !== 'function') return undefined
  try {
    const { usage, quota } = await manager.estimate()
    return { usage, quota }
  }
  catch {
    return undefined
  }
}
