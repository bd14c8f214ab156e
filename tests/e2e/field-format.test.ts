/**
 * Values shown the same way everywhere (issue #16): the template's pipeline board shows
 * customers by name and lane totals with the currency, never internal ids; the record drawer
 * is titled by the record's title.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, installSalesTemplate } from './app-actions'
import { shot, startSession } from './harness'

/** A record id as the app makes them: 12 characters of nanoid's URL-safe alphabet. */
const RECORD_ID = /(?:^|[\s,、])[\w-]{12}(?:$|[\s,、])/

describe('field formatting on the pipeline board', () => {
  let session: Session
  let page: Page
  let oppUrl = ''
  beforeAll(async () => {
    session = await startSession()
    page = await session.open()
    await installSalesTemplate(page)
    const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
    oppUrl = `${session.baseUrl}#/app/${appIdOf(page)}/form/${oppId}`
  })
  afterAll(async () => session.close())

  it('should show each card\'s customer by name and each lane total with ¥, never a record id', async () => {
    await page.goto(oppUrl)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    const values = page.locator('[data-test=kanban-card] [data-test=kanban-card-value]')
    await values.first().waitFor()
    await expect.poll(async () => (await values.allTextContents()).filter(t => t === '…').length).toBe(0)
    const texts = await values.allTextContents()
    expect(texts.length).toBeGreaterThan(20)
    expect(texts.filter(t => RECORD_ID.test(t))).toEqual([])
    const customers = await page.locator('[data-test=kanban-card] .kc-field', { hasText: '客户' }).locator('dd').allTextContents()
    expect(customers.length).toBeGreaterThan(5)
    expect(customers.every(c => /[\u4E00-\u9FFF]/.test(c))).toBe(true)
    const sums = await page.locator('[data-test=kanban-sum]').allTextContents()
    expect(sums.length).toBeGreaterThan(0)
    for (const s of sums) expect(s).toMatch(/¥[\d,]+\.\d{2}/)
    await shot(page, 'format-kanban')
  })

  it('should show the dashboard\'s money figures with ¥ (加权管道金额, 销售速度)', async () => {
    await page.goto(oppUrl.replace(/\/form\/.*$/, ''))
    const href = (await page.locator('[data-test=side-dashboard]').first().getAttribute('href')) ?? ''
    await page.goto(`${session.baseUrl}${href}`)
    for (const title of ['加权管道金额', '销售速度（每天）']) {
      const value = page.locator('[data-test=card-kpi]', { hasText: title }).locator('[data-test=kpi-value]')
      await expect.poll(() => value.textContent()).toMatch(/^¥[\d,]+$/)
    }
    expect(await page.locator('[data-test=card-kpi]', { hasText: '赢率' }).locator('[data-test=kpi-value]').textContent()).toMatch(/%$/)
  })

  it('should say "no records" in Chinese when a filter leaves the grid empty (not AG Grid\'s "No Rows To Show")', async () => {
    await page.goto(oppUrl)
    await page.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
    await page.locator('.ag-row').first().waitFor()
    await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill('没有这样的商机zzz')
    await expect.poll(() => page.locator('.ag-overlay-no-rows-center, .ag-overlay').first().textContent()).toContain('没有可显示的记录')
    await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill('')
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
  })

  it('should title the record drawer opened from a card by the deal\'s name', async () => {
    const card = page.locator('[data-test=kanban-card]').first()
    const title = (await card.locator('.kc-title').textContent()) ?? ''
    await card.click()
    await page.waitForSelector('[data-test=record-drawer]')
    await expect.poll(() => page.locator('[data-test=record-drawer] .el-drawer__title').textContent()).toBe(title)
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
  })
})
