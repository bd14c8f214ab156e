/**
 * Stalled deals and snooze (issue 13, part 3), on the installed sales-funnel template with a fixed
 * clock: a stalled deal is said so on its kanban card and in the grid; snoozed from its record
 * page with a reason and a resume date, it leaves the dashboard's stalled table, its card and row
 * say "暂缓至 …", and from the resume date on it is back in the table.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, installSalesTemplate } from './app-actions'
import { shot, startSession } from './harness'

const DAY = 86_400_000
/** Noon local time, 10 March 2026: every date below is counted from it. */
const T0 = new Date(2026, 2, 10, 12, 0, 0).getTime()
const RESUME = '2026-03-20'
const RESUME_MS = new Date(2026, 2, 20, 0, 0, 0).getTime()

async function stalledTitles(page: Page): Promise<string[]> {
  const table = page.locator('[data-test=card-table]', { hasText: '停滞商机' }).locator('[data-test=widget-table]')
  await table.locator('tbody tr').first().waitFor({ timeout: 30_000 })
  return table.locator('tbody tr td:first-child').allTextContents()
}

describe('stalled deals and snooze', () => {
  let session: Session
  let page: Page
  let dashboard = ''
  let oppUrl = ''
  let title = ''
  /** Another stalled deal, never snoozed. */
  let other = ''

  beforeAll(async () => {
    session = await startSession()
    await session.context.clock.setFixedTime(T0)
    page = await session.open()
    await installSalesTemplate(page)
    const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
    oppUrl = `${session.baseUrl}#/app/${appIdOf(page)}/form/${oppId}`
    dashboard = `${session.baseUrl}${(await page.locator('[data-test=side-dashboard]').first().getAttribute('href')) ?? ''}`
  })
  afterAll(async () => session.close())

  async function openDashboard(): Promise<string[]> {
    await page.goto('about:blank')
    await page.goto(dashboard)
    return stalledTitles(page)
  }

  async function searchBoard(text: string) {
    await page.goto(oppUrl)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill(text)
    const card = page.locator('[data-test=kanban-card]', { has: page.locator('.kc-title', { hasText: text }) }).first()
    await card.waitFor()
    return card
  }

  it('should list stalled deals and say "停滞 N 天" on their kanban card', async () => {
    const titles = await openDashboard()
    expect(titles.length).toBeGreaterThan(1)
    title = titles[0]!
    other = titles[1]!
    const card = await searchBoard(title)
    const alert = card.locator('[data-test=stage-alert]')
    expect(await alert.getAttribute('data-alert')).toBe('stalled')
    expect(await alert.textContent()).toMatch(/^\s*停滞 \d+ 天\s*$/)
    expect(await alert.locator('svg').count()).toBe(1)
  })

  it('should snooze it from its record page with a reason and a resume date, and leave the stalled table', async () => {
    await openDashboard()
    const table = page.locator('[data-test=card-table]', { hasText: '停滞商机' }).locator('[data-test=widget-table]')
    await table.locator('tbody tr', { hasText: title }).first().click()
    const panel = page.locator('[data-test=record-snooze]')
    await panel.locator('[data-test=snooze-open]').click()
    // a resume date that is not after today is refused with a message
    await panel.locator('[data-test=snooze-save]').click()
    await expect.poll(() => panel.locator('[data-test=snooze-problem]').textContent()).toContain('今天之后')
    const date = panel.locator('[data-test=snooze-form] input').first()
    await date.fill(RESUME)
    await date.press('Enter')
    await panel.locator('input[data-test=snooze-reason], [data-test=snooze-reason] input').first().fill('等待客户预算审批')
    await panel.locator('[data-test=snooze-save]').click()
    await expect.poll(() => panel.locator('[data-test=stage-alert]').textContent()).toContain(`暂缓至 ${RESUME}`)
    expect(await panel.locator('[data-test=snooze-reason-text]').textContent()).toBe('等待客户预算审批')
    await panel.locator('[data-test=snooze-end]').waitFor()
    await shot(page, 'snooze-record')

    const titles = await openDashboard()
    expect(titles).not.toContain(title)
    await page.locator('[data-test=card-table]', { hasText: '停滞商机' }).scrollIntoViewIfNeeded()
    await shot(page, 'snooze-dashboard')
  })

  it('should say "暂缓至 …" on its kanban card and in the grid\'s stage cell, apart from stalled ones', async () => {
    const card = await searchBoard(title)
    const badge = card.locator('[data-test=stage-alert]')
    await expect.poll(() => badge.getAttribute('data-alert')).toBe('snoozed')
    expect(await badge.textContent()).toMatch(/^\s*暂缓至 2026-03-20\s*$/)
    await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill('')
    await page.locator('[data-test=kanban-card] [data-alert=stalled]').first().waitFor()
    await shot(page, 'snooze-kanban')
    await page.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
    await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill(title)
    await expect.poll(() => page.locator('.ag-row').count()).toBeLessThanOrEqual(2)
    const alert = page.locator('.ag-row [data-test=stage-alert]').first()
    await expect.poll(() => alert.getAttribute('data-alert')).toBe('snoozed')
    expect(await alert.textContent()).toContain('暂缓至 2026-03-20')
    await shot(page, 'snooze-grid')
    await page.locator('input[data-test=view-search], [data-test=view-search] input').first().fill(other)
    await expect.poll(() => page.locator('.ag-row [data-test=stage-alert]').first().getAttribute('data-alert')).toBe('stalled')
    expect(await page.locator('.ag-row [data-test=stage-alert]').first().textContent()).toMatch(/^\s*停滞 \d+ 天\s*$/)
  })

  it('should stay out of the stalled table the day before the resume date and be back on it', async () => {
    await session.context.clock.setFixedTime(RESUME_MS - 60_000)
    expect(await openDashboard()).not.toContain(title)
    await session.context.clock.setFixedTime(RESUME_MS + 60_000)
    const back = await openDashboard()
    expect(back).toContain(title)
    // and the card says stalled again
    const card = await searchBoard(title)
    await expect.poll(() => card.locator('[data-test=stage-alert]').getAttribute('data-alert')).toBe('stalled')
  })

  it('should end a snooze early with 取消暂缓', async () => {
    await session.context.clock.setFixedTime(T0 + DAY)
    expect(await openDashboard()).not.toContain(title)
    const card = await searchBoard(title)
    await card.click()
    const panel = page.locator('[data-test=record-drawer] [data-test=record-snooze]')
    await panel.locator('[data-test=snooze-end]').click()
    await panel.locator('[data-test=snooze-open]').waitFor()
    expect(await openDashboard()).toContain(title)
  })
})
