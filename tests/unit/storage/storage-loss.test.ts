import { afterEach, describe, expect, it, vi } from 'vitest'
import { isStoragePersisted } from '../../../src/storage/persistence'
import { databaseGone, watchDatabaseLoss } from '../../../src/storage/storage-loss'

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('watchDatabaseLoss', () => {
  it('should report a deleted database and not block its delete', async () => {
    const name = `loss-${Math.random()}`
    ;(await request(indexedDB.open(name))).close()
    const lost: string[] = []
    const stop = watchDatabaseLoss([name], n => lost.push(n))
    await vi.waitFor(async () => {
      // The watcher's handle is open once the delete has to ask it.
      expect(await databaseGone(name)).toBe(false)
    })
    let blocked = false
    const del = indexedDB.deleteDatabase(name)
    del.onblocked = () => { blocked = true }
    await request(del)
    await vi.waitFor(() => expect(lost).toEqual([name]))
    expect(blocked).toBe(false)
    expect(await databaseGone(name)).toBe(true)
    stop()
  })
})

describe('isStoragePersisted', () => {
  it('should report what the browser says, or undefined when it cannot tell', async () => {
    vi.stubGlobal('navigator', { storage: { persisted: async () => true } })
    expect(await isStoragePersisted()).toBe(true)
    vi.stubGlobal('navigator', { storage: {} })
    expect(await isStoragePersisted()).toBeUndefined()
  })
})
