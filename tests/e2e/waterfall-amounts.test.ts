/**
 * The waterfall's "± amount changes" bar as a sales manager meets it (issue #14): a deal that was
 * open at the start of the window has its amount edited in the grid; the dashboard's waterfall by
 * amount shows exactly that difference in the ± bar (read from the form's change log in
 * IndexedDB), the bars still sum from start to end, and the bar drills to exactly that deal.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from './harness'
import { clickChartItem, closeConfigPanel, openSalesDashboard, pickConfigOption } from './dashboard-actions'
import { cellText, editCell } from './grid-actions'
import { settled, shot, startSession } from './harness'

const AMOUNT = 'f_opp_amount'
const RAISE = 20_012_345

/** The waterfall's bars from its screen-reader table: label → raw value and the text read. */
async function bars(page: Page): Promise<Record<string, { value: number, text: string }>> {
  const rows = await page.$$eval('[data-test=card-waterfall] [data-test=widget-data] tr', trs => trs.map(r => [r.getAttribute('data-label') ?? '', r.getAttribute('data-value') ?? '', r.querySelector('td')?.textContent ?? ''] as const))
  return Object.fromEntries(rows.map(([label, value, text]) => [label, { value: Number(value), text }]))
}

describe('waterfall: amount changes from the change log (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await openSalesDashboard(page)
  })
  afterAll(async () => session.close())

  it('should show a deal open at the start whose amount was edited in the ± bar with the exact difference, and drill the bar to that deal', async () => {
    await page.click('[data-test=dashboard-mode]')
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-waterfall]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    await pickConfigOption(page, '[data-test=cfg-value]', '金额合计')
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    const card = page.locator('[data-test=card-waterfall]').last()
    await expect.poll(async () => Object.keys(await bars(page))).toContain('± 金额变化')
    const before = await bars(page)
    // the demo's amounts were never edited: nothing changed yet
    expect(before['± 金额变化']!.value).toBe(0)

    // a deal open at the start of the window: drill the start bar, take the first deal
    await card.scrollIntoViewIfNeeded()
    expect(await clickChartItem(page, card, '期初在途: ', 0, 0.2)).toBe(true)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toMatch(/^显示 [\d,]+ \//)
    // one that has an amount (some demo deals have none)
    let at = 0
    while (at < 10 && (await cellText(page, at, AMOUNT)) === '') at++
    const dealId = (await page.locator(`.ag-row[row-index="${at}"]`).first().getAttribute('row-id')) ?? ''
    expect(dealId).not.toBe('')
    const old = Number((await cellText(page, at, AMOUNT)).replace(/[^\d.]/g, ''))
    expect(old).toBeGreaterThan(0)
    await editCell(page, at, AMOUNT, String(old + RAISE))
    // by its id: the view's sort may move it
    await expect.poll(() => page.locator(`.ag-row[row-id="${dealId}"] [col-id="${AMOUNT}"]`).first().textContent()).toContain((old + RAISE).toLocaleString('en-US'))
    await settled(page)

    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    await expect.poll(async () => (await bars(page))['± 金额变化']?.value).toBe(RAISE)
    const after = await bars(page)
    expect(after['± 金额变化']!.text).toBe('¥20,012,345')
    // the start keeps the amount of then; the end gains the raise (unless the deal closed since the start)
    expect(after['期初在途']!.value).toBe(before['期初在途']!.value)
    const values = Object.values(after).map(b => b.value)
    expect(values.slice(0, -1).reduce((t, v) => t + v, 0)).toBeCloseTo(values.at(-1)!, 2)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'waterfall-amount-change-zh')

    // the ± bar (the fifth of eight columns) drills to exactly the edited deal
    expect(await clickChartItem(page, card, '± 金额变化: ', 0.45, 0.7)).toBe(true)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toMatch(/^显示 1 \//)
    expect(await page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')).toBe(dealId)
    await shot(page, 'waterfall-amount-change-drill-zh')
  })
})
