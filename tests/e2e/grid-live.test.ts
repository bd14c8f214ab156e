import type { Page } from 'playwright-core'
import { confirmRestore } from './app-actions'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cell, editCell } from './grid-actions'
import { gridViewsBackup } from '../fixtures/grid-views'
import { shot, startSession } from './harness'

/** Restores the twelve-deal workspace through the settings page and opens the deals grid. */
async function openDeals(session: Session): Promise<Page> {
  const page = await session.open('#/settings')
  await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
  await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(gridViewsBackup())) })
  await confirmRestore(page)
  await page.waitForSelector('[data-test=backup]')
  await page.goto(`${session.baseUrl}#/app/crm/form/opps`)
  await page.waitForSelector('.ag-row')
  return page
}

const countText = async (page: Page) => (await page.textContent('[data-test=record-count]'))?.trim() ?? ''
/** Titles of the rendered rows, in displayed order. */
const titles = (page: Page) => page.$$eval('.ag-row[row-index]', (rows) => {
  const byIndex = new Map<number, string>()
  for (const r of rows) {
    const title = r.querySelector('[col-id=title]')
    if (title) byIndex.set(Number(r.getAttribute('row-index')), title.textContent ?? '')
  }
  return [...byIndex].sort((a, b) => a[0] - b[0]).map(([, t]) => t)
})

async function search(page: Page, text: string): Promise<void> {
  await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill(text)
}

describe('grid live updates: edits reach the grid as row transactions, under the view\'s search and sort (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await openDeals(session)
  })
  afterAll(async () => session.close())

  it('should show an edited title in place and keep the other rows where they were', async () => {
    const before = await titles(page)
    await editCell(page, 1, 'title', '小米科技')
    await expect.poll(() => cell(page, 1, 'title').textContent()).toBe('小米科技')
    expect(await titles(page)).toEqual(before.map((t, i) => (i === 1 ? '小米科技' : t)))
    expect(await countText(page)).toBe('显示 12 / 共 12 条记录')
  })

  it('should drop a row that an edit takes out of the search, and bring it back when the search is cleared', async () => {
    await search(page, '华为')
    await expect.poll(() => countText(page)).toBe('显示 1 / 共 12 条记录')
    await editCell(page, 0, 'title', '华为云')
    await expect.poll(() => cell(page, 0, 'title').textContent()).toBe('华为云')
    await editCell(page, 0, 'title', '荣耀')
    await expect.poll(() => countText(page)).toBe('显示 0 / 共 12 条记录')
    await expect.poll(async () => (await titles(page)).length).toBe(0)
    await search(page, '')
    await expect.poll(() => countText(page)).toBe('显示 12 / 共 12 条记录')
    expect((await titles(page))[0]).toBe('荣耀')
  })

  it('should move an edited row to its new place under the view\'s sort', async () => {
    await page.click('[data-test=sort-button]')
    await page.click('[data-test=sort-add]')
    await page.locator('[data-test=sort-field]').last().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '金额' }).first().click()
    await page.locator('[data-test=sort-dir] label', { hasText: '降序' }).click()
    await page.locator('[data-test=form-title]').click()
    await expect.poll(async () => (await titles(page))[0]).toBe('网易')
    // 荣耀 (was 华为, 10 000) is last; raising its amount puts it first.
    expect((await titles(page)).at(-1)).toBe('荣耀')
    await editCell(page, 11, 'amount', '990000')
    await expect.poll(async () => (await titles(page))[0]).toBe('荣耀')
    expect((await titles(page))[1]).toBe('网易')
    await shot(page, 'grid-live-sorted-after-edit')
  })

  it('should select all rows from the header checkbox and clear them again', async () => {
    await page.locator('[data-test=grid-select-all]').click()
    await expect.poll(() => page.locator('[data-test=delete-selected]').textContent()).toContain('12')
    expect(await page.locator('[data-test=grid-select-all]').isChecked()).toBe(true)
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().click()
    await expect.poll(() => page.locator('[data-test=grid-select-all]').evaluate(el => (el as HTMLInputElement).indeterminate)).toBe(true)
    await page.locator('[data-test=grid-select-all]').click()
    await expect.poll(() => page.locator('[data-test=delete-selected]').textContent()).toContain('12')
    await page.locator('[data-test=grid-select-all]').click()
    await expect.poll(() => page.locator('[data-test=delete-selected]').count()).toBe(0)
    await shot(page, 'grid-live-select-all')
  })

  it('should show an edit made in another tab', async () => {
    const other = await session.open('#/app/crm/form/opps')
    await other.waitForSelector('.ag-row')
    const row = (await titles(other)).indexOf('比亚迪')
    await editCell(other, row, 'title', '比亚迪汽车')
    await expect.poll(async () => (await titles(page)).includes('比亚迪汽车'), { timeout: 10_000 }).toBe(true)
    expect(await countText(page)).toBe('显示 12 / 共 12 条记录')
    await other.close()
  })
})
