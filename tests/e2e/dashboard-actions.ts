import type { Locator, Page } from 'playwright-core'
import { appIdOf, installSalesTemplate } from './app-actions'
import { settled } from './harness'

/**
 * Installs the sales-funnel template with its demo data and opens its dashboard, once its KPI
 * cards draw; resolves the app's id and the opportunity form's.
 */
export async function openSalesDashboard(page: Page): Promise<{ appId: string, oppId: string }> {
  await installSalesTemplate(page)
  const ids = { appId: appIdOf(page), oppId: (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? '' }
  await page.click('[data-test=side-dashboard]')
  await page.waitForSelector('[data-test=dashboard-page]')
  await page.locator('[data-test=widget-kpi]').nth(3).waitFor({ timeout: 15_000 })
  return ids
}

/** Closes the widget config drawer and waits until its closing modal no longer takes clicks. */
export async function closeConfigPanel(page: Page): Promise<void> {
  await page.locator('[data-test=config-panel] .el-drawer__close-btn').click()
  await page.waitForSelector('[data-test=config-panel]', { state: 'detached' })
  await page.waitForSelector('.el-modal-drawer', { state: 'detached' })
  await settled(page)
}

/** Picks the option `text` of the select `trigger` (waiting out any dropdown still fading). */
export async function pickConfigOption(page: Page, trigger: string, text: string): Promise<void> {
  await settled(page)
  await page.click(trigger)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  await settled(page)
}

/** Types a stage's target conversion (percent) in the open stage editor and leaves the box. */
export async function setStageTarget(page: Page, stageId: string, rate: string): Promise<void> {
  const input = page.locator(`[data-test=stage-row][data-stage=${stageId}] [data-test=stage-target-rate] input`)
  await input.fill(rate)
  await input.press('Tab')
}

/**
 * Clicks the chart item of `card` whose tooltip starts with `tooltip` (a canvas chart has no
 * element per bar): hovers a grid of points over the chart's `fromX`..`toX` share of its width
 * until the tooltip shows, then clicks there. False when no point shows it.
 */
export async function clickChartItem(page: Page, card: Locator, tooltip: string, fromX = 0, toX = 1): Promise<boolean> {
  const box = await card.locator('[data-test=widget-chart]').boundingBox()
  if (!box) return false
  for (let x = box.x + box.width * fromX + 4; x < box.x + box.width * toX; x += 6) {
    for (let y = box.y + box.height - 30; y > box.y + 10; y -= 10) {
      await page.mouse.move(x, y)
      if (((await card.textContent()) ?? '').includes(tooltip)) {
        await page.mouse.click(x, y)
        return true
      }
    }
  }
  return false
}
