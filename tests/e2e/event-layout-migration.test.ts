/**
 * Stage events stored as columns (issue 17 part 3): a workspace whose IndexedDB still holds
 * stage events as arrays of objects (layout 1, what the app wrote before) opens with the same
 * funnel, is migrated in the background to chunks of columns, and still shows the same funnel.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LAYOUT_VERSION } from '../../src/storage/layout-migration'
import { shot, startSession } from './harness'

interface Layout { version: number | null, columns: number, objects: number }

/** The `layout` key and how many `ev:` chunks are columns / arrays of objects. */
async function storedLayout(page: Page): Promise<Layout> {
  return await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('funnelgrid')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const all = <T>(req: IDBRequest<T>) => new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const kv = db.transaction('keyvaluepairs').objectStore('keyvaluepairs')
    const keys = (await all(kv.getAllKeys())).map(String).filter(k => k.startsWith('ev:'))
    const out = { version: ((await all(kv.get('layout'))) as { version?: number } | undefined)?.version ?? null, columns: 0, objects: 0 }
    for (const key of keys) {
      const value = await all(kv.get(key)) as unknown
      if (Array.isArray(value)) out.objects++
      else if ((value as { format?: string } | undefined)?.format === 'stage-event-columns-1') out.columns++
    }
    db.close()
    return out
  })
}

/**
 * Rewrites every `ev:` chunk as the array of event objects it stores (key order as the app
 * made them, odd events as kept) and removes the `layout` key: the database as layout 1 left it.
 */
async function toLayout1(page: Page): Promise<number> {
  return await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('funnelgrid')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const tx = db.transaction('keyvaluepairs', 'readwrite')
    const kv = tx.objectStore('keyvaluepairs')
    let events = 0
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      kv.getAllKeys().onsuccess = ev => resolve((ev.target as IDBRequest<IDBValidKey[]>).result)
    })
    for (const key of keys.map(String).filter(k => k.startsWith('ev:'))) {
      const c = await new Promise<Record<string, never> & { ids: string[], record: ArrayLike<number>, form: ArrayLike<number>, field: ArrayLike<number>, from: ArrayLike<number>, to: ArrayLike<number>, at: ArrayLike<number>, recordIds: string[], names: string[], odd?: [number, unknown][] }>((resolve) => {
        kv.get(key).onsuccess = ev => resolve((ev.target as IDBRequest).result)
      })
      const list: unknown[] = c.ids.map((id, j) => ({
        id,
        formId: c.names[c.form[j]!],
        recordId: c.recordIds[c.record[j]!],
        fieldId: c.names[c.field[j]!],
        from: c.from[j] === 0xffff ? null : c.names[c.from[j]!],
        to: c.names[c.to[j]!],
        at: c.at[j],
      }))
      for (const [j, e] of c.odd ?? []) list[j] = e
      events += list.length
      kv.put(list, key)
    }
    kv.delete('layout')
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    db.close()
    return events
  })
}

/** The funnel overview's steps and win rate, once drawn from the form's stage events. */
async function funnelText(page: Page): Promise<string> {
  await page.waitForSelector('[data-test=funnel-overview] [data-test=funnel-step-count]', { timeout: 30_000 })
  await page.waitForSelector('[data-test=funnel-win-rate]')
  return (await page.locator('[data-test=funnel-overview]').innerText()).trim()
}

describe('stage events: layout 1 -> columns in a real browser', () => {
  let session: Session
  beforeAll(async () => {
    session = await startSession()
  })
  afterAll(async () => {
    await session?.close()
  })

  it('should open a workspace of the old layout with the same funnel, migrate it, and keep showing it', async () => {
    const page = await session.open()
    await page.click('[data-test=home-from-template]')
    await page.click('[data-test=template-install]')
    await page.click('[data-test=install-start]')
    await page.waitForSelector('[data-test=funnel-overview]', { timeout: 60_000 })
    const before = await funnelText(page)
    await expect.poll(() => storedLayout(page), { timeout: 30_000 }).toMatchObject({ version: LAYOUT_VERSION, objects: 0 })
    const stored = await storedLayout(page)
    expect(stored.columns).toBeGreaterThan(0)

    // The app is idle (nothing to commit): the database is rewritten under it, then reopened.
    expect(await toLayout1(page)).toBeGreaterThan(100)
    expect(await storedLayout(page)).toEqual({ version: null, columns: 0, objects: stored.columns })
    await page.reload()
    expect(await funnelText(page)).toBe(before)
    await shot(page, 'event-layout-migration-old-layout-open')
    await expect.poll(() => storedLayout(page), { timeout: 60_000 }).toEqual({ version: LAYOUT_VERSION, columns: stored.columns, objects: 0 })
    await page.reload()
    expect(await funnelText(page)).toBe(before)
  }, 180_000)
})
