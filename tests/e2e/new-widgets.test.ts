/**
 * The sales dashboard with every widget issue #14 added (pipeline waterfall, reverse funnel with
 * its what-if planner, breakdown), in both languages: each draws (none needs configuring) and the
 * screenshots are looked at for overlaps and unformatted numbers.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { installSalesTemplate } from './app-actions'
import { closeConfigPanel, openSalesDashboard, setStageTarget } from './dashboard-actions'
import { settled, shot, startSession } from './harness'

const NEW = ['waterfall', 'reverseFunnel', 'breakdown'] as const

async function addWidget(page: Page, type: string): Promise<void> {
  await page.locator('[data-test=add-widget]').first().click()
  await page.locator(`[data-test=palette-${type}]:visible`).click()
  await page.waitForSelector('[data-test=config-panel]')
  await closeConfigPanel(page)
}

describe('every new funnel widget on one dashboard', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`should draw the waterfall, the reverse funnel and the breakdown together (${locale})`, async () => {
      const session = await startSession({ locale })
      const page = await session.open()
      await openSalesDashboard(page)
      await page.click('[data-test=dashboard-mode]')
      for (const type of NEW) await addWidget(page, type)
      await page.click('[data-test=dashboard-mode]')
      for (const type of NEW) {
        const card = page.locator(`[data-test=card-${type}]`).last()
        await card.waitFor()
        expect(await card.locator('[data-test=widget-needs-config]').count()).toBe(0)
      }
      await expect.poll(() => page.locator('[data-test=card-breakdown] [data-test=breakdown-row]').count()).toBeGreaterThan(1)
      // breakdown figures read as formatted numbers: counts with separators, rates with one decimal
      for (const cell of await page.locator('[data-test=card-breakdown] [data-test=breakdown-records]').allTextContents()) expect(cell.trim()).toMatch(/^\d[\d,]*$/)
      await page.locator('[data-test=card-waterfall]').last().scrollIntoViewIfNeeded()
      await shot(page, `new-widgets-top-${locale}`)
      await page.locator('[data-test=card-breakdown]').last().scrollIntoViewIfNeeded()
      await shot(page, `new-widgets-breakdown-${locale}`)
      await session.close()
    })
  }

  it('should flag a stage below its target with its interval and open its why panel in English', async () => {
    const session = await startSession({ locale: 'en' })
    const page = await session.open()
    await installSalesTemplate(page)
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    await setStageTarget(page, 'stage_lead', '99')
    await page.click('[data-test=stage-save]')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })
    await page.click('[data-test=side-dashboard]')
    const lead = page.locator('[data-test=card-funnel] [data-test=stage-target][data-stage=stage_lead]')
    await lead.waitFor({ timeout: 15_000 })
    expect(await lead.locator('[data-test=target-rate]').textContent()).toMatch(/Significantly below target.*\(95% interval \d+\.\d%–\d+\.\d%, n = [\d,]+\), target 99\.0%/)
    await shot(page, 'new-widgets-targets-en')
    await lead.locator('[data-test=target-why]').click()
    await page.locator('[data-test=stage-why]').waitFor()
    await settled(page)
    expect(await page.locator('[data-test=why-summary]').textContent()).toMatch(/^[\d,]+ deals reached this stage, [\d,]+ moved on \(\d+\.\d%\)\.$/)
    await shot(page, 'new-widgets-why-en')
    await session.close()
  })
})
