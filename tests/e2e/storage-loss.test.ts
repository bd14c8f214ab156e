/**
 * The workspace's databases deleted under the open app ("clear site data", eviction): the
 * adapter hears the `versionchange`, closes its connections so the delete goes through, and
 * the page shows the storage-loss banner; later edits are kept in memory, counted, and
 * downloaded intact in a backup built from memory (src/storage/storage-loss.ts).
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WorkspaceBackup } from '../../src/core/schema/types'
import { gridViewsBackup } from '../fixtures/grid-views'
import { openRestored } from './app-actions'
import { cell } from './grid-actions'
import { shot, startSession } from './harness'

async function editTitle(page: Page, row: number, value: string): Promise<void> {
  await cell(page, row, 'title').dblclick()
  const editor = page.locator('.ag-cell-inline-editing input').first()
  await editor.waitFor()
  await editor.fill(value)
  await editor.press('Enter')
  await expect.poll(async () => ((await cell(page, row, 'title').textContent()) ?? '').trim()).toBe(value)
}

/** Whether the workspace database's records hold `text` (an edit stored for good). */
function storedContains(page: Page, text: string): Promise<boolean> {
  return page.evaluate(search => new Promise<boolean>((resolve) => {
    const req = indexedDB.open('funnelgrid')
    req.onerror = () => resolve(false)
    req.onsuccess = () => {
      const db = req.result
      const all = db.transaction('keyvaluepairs').objectStore('keyvaluepairs').getAll()
      all.onsuccess = () => {
        db.close()
        resolve(JSON.stringify(all.result).includes(search))
      }
      all.onerror = () => {
        db.close()
        resolve(false)
      }
    }
  }), text)
}

describe('storage cleared under the open app (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await openRestored(session, gridViewsBackup(), '/app/crm/form/opps')
  })
  afterAll(async () => session.close())

  it('should show the banner and download every unsaved edit intact', async () => {
    await editTitle(page, 0, '清除前已保存')
    await expect.poll(() => storedContains(page, '清除前已保存')).toBe(true)

    const outcome = await page.evaluate(() => Promise.all(['funnelgrid', 'funnelgrid-wal', 'funnelgrid-blobs'].map(name => new Promise<string>((resolve) => {
      let blocked = false
      const req = indexedDB.deleteDatabase(name)
      req.onblocked = () => { blocked = true }
      req.onsuccess = () => resolve(blocked ? `${name}: blocked first` : `${name}: deleted`)
      req.onerror = () => resolve(`${name}: ${String(req.error)}`)
    }))))
    expect(outcome).toEqual(['funnelgrid: deleted', 'funnelgrid-wal: deleted', 'funnelgrid-blobs: deleted'])
    const banner = page.locator('[data-test=storage-lost]')
    await banner.waitFor()

    await editTitle(page, 1, '清除后的修改一')
    await editTitle(page, 2, '清除后的修改二')
    await expect.poll(async () => banner.textContent()).toContain('您最近的 2 项修改保存在内存中')
    await shot(page, 'storage-loss-banner-zh')
    // Nothing was written to a re-created, empty database behind the user's back.
    expect(await page.evaluate(async () => (await indexedDB.databases()).map(d => d.name).filter(n => n?.startsWith('funnelgrid')))).toEqual([])

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=storage-lost-download]').click()])
    const path = await download.path()
    const backup = JSON.parse(await readFile(path, 'utf8')) as WorkspaceBackup
    const titles = new Map((backup.records.opps ?? []).map(r => [r.id, r.values.title]))
    const original = gridViewsBackup().records.opps!
    expect(titles.size).toBe(original.length)
    expect(titles.get(original[0]!.id)).toBe('清除前已保存')
    expect(titles.get(original[1]!.id)).toBe('清除后的修改一')
    expect(titles.get(original[2]!.id)).toBe('清除后的修改二')
    for (const r of original.slice(3)) expect(titles.get(r.id)).toBe(r.values.title)
    expect(backup.forms.map(f => f.id)).toEqual(['opps'])
    // The save-failure banner gives way to this one (nothing can be retried).
    expect(await page.locator('[data-test=save-failure]').count()).toBe(0)
  }, 120_000)

  it('should tell on the settings page whether the browser granted persistent storage', async () => {
    const fresh = await startSession({ locale: 'en' })
    try {
      const settings = await fresh.open('#/settings')
      const line = settings.locator('[data-test=storage-persisted]')
      await line.waitFor()
      expect(await line.textContent()).toMatch(/Persistent storage: (granted|not granted|this browser does not say)/)
    }
    finally {
      await fresh.close()
    }
  })
})
