/**
 * AG Grid's own texts follow the UI language (issue #16): the empty-grid overlay and the
 * screen-reader labels of its checkboxes are Chinese in the Chinese UI, and switch on the open
 * grid when the language changes (zh-CN ⇄ en), without a reload.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pipelinesBackup } from '../fixtures/pipelines-e2e'
import { openRestored, setLocale } from './app-actions'
import { shot, startSession } from './harness'

const search = 'input[data-test=view-search], [data-test=view-search] input'
const rowCheckbox = (page: Page) => page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first()
const overlay = (page: Page) => page.locator('.ag-overlay-no-rows-center, .ag-overlay').first()

describe('AG Grid\'s texts in the UI language', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await openRestored(session, pipelinesBackup(), '/app/crm/form/deals')
  })
  afterAll(async () => session.close())

  it('should label the row checkboxes and the empty overlay in Chinese, then in English and back on the open grid', async () => {
    await page.evaluate(() => { (window as unknown as { __same: boolean }).__same = true })
    await expect.poll(() => rowCheckbox(page).getAttribute('aria-label')).toMatch(/^按空格键/)
    expect(await rowCheckbox(page).getAttribute('aria-label')).not.toMatch(/[A-Za-z]{3}/)
    await page.fill(search, '没有这样的商机zzz')
    await expect.poll(() => overlay(page).textContent()).toContain('没有可显示的记录')
    await shot(page, 'grid-language-zh')

    await setLocale(page, 'English')
    await expect.poll(() => overlay(page).textContent()).toContain('No records to show')
    await page.fill(search, '')
    await expect.poll(() => rowCheckbox(page).getAttribute('aria-label')).toMatch(/^Press Space/)
    await shot(page, 'grid-language-en')

    await setLocale(page, '简体中文')
    await expect.poll(() => rowCheckbox(page).getAttribute('aria-label')).toMatch(/^按空格键/)
    await page.fill(search, '没有这样的商机zzz')
    await expect.poll(() => overlay(page).textContent()).toContain('没有可显示的记录')
    // the same page all along: no reload
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true)
    await page.fill(search, '')
  })
})
