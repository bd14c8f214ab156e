/**
 * Zero-count funnel layers on the page (issue #14, "defects found": they were drawn as full
 * boxes). A funnel of the deals now in the first stage has empty later layers; down the middle of
 * the funnel the canvas shows one filled band per layer with deals and none for an empty one
 * (its inside is left blank, only a dashed outline is drawn).
 */
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { closeConfigPanel, openSalesDashboard } from './dashboard-actions'
import { shot, startSession } from './harness'

/** The layers' raw values, from the funnel's screen-reader table. */
async function layerValues(card: Locator): Promise<number[]> {
  return card.locator('[data-test=widget-data] tr').evaluateAll(rows => rows.map(r => Number(r.getAttribute('data-value'))))
}

/**
 * Bands of filled (coloured) pixels down the funnel's middle column: the funnel series sits at
 * left 3 % with width 48 % of the chart, so its axis is at 27 %. Near-white and grey pixels (the
 * gaps, a dashed outline) end a band.
 */
async function filledBands(card: Locator): Promise<number> {
  const canvas = card.locator('[data-test=widget-chart] canvas').first()
  return canvas.evaluate((el: HTMLCanvasElement) => {
    const ctx = el.getContext('2d')!
    const x = Math.round(el.width * 0.27)
    const { data } = ctx.getImageData(x, 0, 1, el.height)
    let bands = 0
    let inBand = false
    for (let y = 0; y < el.height; y++) {
      const [r, g, b, a] = [data[y * 4]!, data[y * 4 + 1]!, data[y * 4 + 2]!, data[y * 4 + 3]!]
      const coloured = a > 128 && Math.max(r, g, b) - Math.min(r, g, b) > 40
      if (coloured && !inBand) bands++
      inBand = coloured
    }
    return bands
  })
}

describe('funnel: empty layers are not drawn as full boxes', () => {
  it('should fill one band per layer with deals and leave every empty layer blank inside', async () => {
    const session = await startSession({ locale: 'zh-CN' })
    const page = await session.open()
    await openSalesDashboard(page)
    await page.click('[data-test=dashboard-mode]')
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-funnel]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    // only the deals now in the first stage: the later layers are empty
    await page.locator('[data-test=widget-filter] button', { hasText: '添加条件' }).click()
    const cond = page.locator('[data-test=widget-filter] .cond').first()
    await cond.locator('.el-select').first().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '销售阶段' }).first().click()
    await cond.locator('[data-test=condition-choice]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '潜在客户识别' }).first().click()
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    const card = page.locator('[data-test=card-funnel]').last()
    await card.scrollIntoViewIfNeeded()
    await expect.poll(async () => (await layerValues(card)).length).toBeGreaterThan(3)
    const values = await layerValues(card)
    expect(values[0]).toBeGreaterThan(0)
    expect(values.filter(v => v === 0).length).toBeGreaterThan(0)
    // drawn (the chart animates in): one filled band per layer with deals, none for the empty ones
    await expect.poll(() => filledBands(card), { timeout: 10_000 }).toBe(values.filter(v => v > 0).length)
    await shot(page, 'funnel-empty-layers-zh')
    await session.close()
  })
})
