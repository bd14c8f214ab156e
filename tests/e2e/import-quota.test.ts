/**
 * An import that runs out of storage: it stops at a batch boundary saying how many rows were
 * written, the next visit says so again, and the same file resumes the rest. Chromium ignores
 * CDP's Storage.overrideQuotaForOrigin here (headless, a Playwright context: the quota stays
 * 10 GB), so the page's IndexedDB is made to refuse: once the page sets `fgStorageFull`, every
 * put of a record chunk throws QuotaExceededError, as a full disk refuses a write.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppWithForm } from './app-actions'
import { shot, startSession } from './harness'
import { confirmLeftOutIfAny, recordTotal, resumeImport } from './io-actions'

const fileDir = mkdtempSync(join(tmpdir(), 'fg-quota-'))

/** Rows with a 300-character note of pseudo-random letters (storage compresses repeated text). */
function titlesCsv(rows: number): string {
  let seed = 7
  const letter = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return String.fromCharCode(97 + (seed % 26))
  }
  const note = () => Array.from({ length: 300 }, letter).join('')
  return `标题,备注\n${Array.from({ length: rows }, (_, i) => `客户${String(i).padStart(5, '0')},${note()}`).join('\n')}\n`
}

/** In the page: with `fgRecordWrites` set, the third and later puts of record chunks throw QuotaExceededError. */
function refuseRecordWrites(): void {
  const put = IDBObjectStore.prototype.put
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
    const w = window as unknown as { fgRecordWrites?: number }
    if (w.fgRecordWrites !== undefined && typeof key === 'string' && key.startsWith('rec:') && ++w.fgRecordWrites >= 3)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    return put.call(this, value, key)
  }
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.locator('[data-test=import-open]').first().click()
  await page.waitForSelector('[data-test=io-records-panel]')
  await page.setInputFiles('[data-test=io-file-input]', path)
  await page.waitForSelector('[data-test=io-mapping]')
}

describe('an import that fills the browser\'s storage', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    // The refused batch is logged by the save-status store as it happens.
    session = await startSession({ locale: 'zh-CN', expectedErrors: [/quota|QuotaExceeded|存储空间/i] })
    await session.context.addInitScript(refuseRecordWrites)
    page = await session.open()
  })
  afterAll(async () => {
    await session.close()
    rmSync(fileDir, { recursive: true, force: true })
  })

  it('should stop at a batch boundary with the rows written counted, and resume the rest once there is room', async () => {
    const rows = 8000
    const path = join(fileDir, 'quota.csv')
    writeFileSync(path, titlesCsv(rows))
    await createAppWithForm(page, '配额', '配额客户')
    const formUrl = page.url().slice(session.baseUrl.length)
    // Room for two of the eight batches: the third record write is refused, and every one after.
    await page.evaluate(() => {
      const w = window as unknown as { fgRecordWrites: number }
      w.fgRecordWrites = 0
    })
    await importFile(page, path)
    // 备注 has no field in this form: the import lists it as left out and waits for the user to say so.
    await confirmLeftOutIfAny(page)
    await page.click('[data-test=io-plan]')
    await page.waitForSelector('[data-test=io-review-summary]')
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]', { timeout: 60_000 })
    const summary = (await page.textContent('[data-test=io-done-summary]')) ?? ''
    const m = summary.replace(/,/g, '').match(/之前的 (\d+) 批（(\d+) 条）已保存/)
    expect(m, summary).not.toBeNull()
    const [batches, written] = [Number(m![1]), Number(m![2])]
    expect(batches).toBe(2)
    expect(written).toBe(2000)
    expect(summary).toContain('写入第 3 批时失败：浏览器存储空间已满')
    expect(await page.textContent('[data-test=io-done-resume]')).toContain('再次导入同一个文件即可从中断处继续')
    await shot(page, 'import-quota-failed')
    await page.close()

    // Next visit: what storage holds is what the result said; the journal says the rest is left.
    page = await session.open(formUrl)
    await page.waitForSelector('[data-test=import-interrupted]', { timeout: 20_000 })
    expect(await recordTotal(page)).toBe(written)
    expect(await page.textContent('[data-test=import-interrupted]')).toContain(`8,000 行中已保存 ${written.toLocaleString('en')} 行`)
    await shot(page, 'import-quota-notice')

    // Room again (a new page: nothing refuses): the same file writes only the rest.
    await page.click('[data-test=import-journal-resume]')
    await page.waitForSelector('[data-test=io-records-panel]')
    await page.setInputFiles('[data-test=io-file-input]', path)
    await resumeImport(page, rows - written)
    await expect.poll(() => recordTotal(page)).toBe(rows)
    expect(await page.locator('[data-test=import-interrupted]').count()).toBe(0)
  })
})
