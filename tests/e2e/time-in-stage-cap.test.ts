/**
 * Time in stage on the template dashboard three years on (issue #14, "defects found": open deals
 * last touched years ago made "still in stage" bars that dwarfed the completed ones, so the chart
 * was unreadable). With open stays many times longer than any completed figure, the value axis ends
 * near the longest completed bar, which then spans well over a third of the chart; before, it
 * was a sliver beside the open bars. The axis ticks are formatted (the capped end once read
 * "22.99755342013889").
 */
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openSalesDashboard } from './dashboard-actions'
import { shot, startSession } from './harness'

/**
 * The longest run of the first series' colour (#2f6bff, completed stays) along a row or a column
 * of the canvas, as a share of its width or height (the chart draws bars or columns).
 */
async function longestCompletedBar(card: Locator): Promise<number> {
  return card.locator('[data-test=widget-chart] canvas').first().evaluate((el: HTMLCanvasElement) => {
    const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height)
    const blue = (x: number, y: number) => {
      const i = (y * el.width + x) * 4
      return Math.abs(data[i]! - 0x2F) < 24 && Math.abs(data[i + 1]! - 0x6B) < 24 && Math.abs(data[i + 2]! - 0xFF) < 24
    }
    let across = 0
    for (let y = 0; y < el.height; y++) {
      for (let x = 0, run = 0; x < el.width; x++) {
        run = blue(x, y) ? run + 1 : 0
        across = Math.max(across, run)
      }
    }
    let down = 0
    for (let x = 0; x < el.width; x++) {
      for (let y = 0, run = 0; y < el.height; y++) {
        run = blue(x, y) ? run + 1 : 0
        down = Math.max(down, run)
      }
    }
    return Math.max(across / el.width, down / el.height)
  })
}

describe('time in stage: open stays do not dwarf the completed ones', () => {
  it('should end the value axis near the longest completed stay when open stays are far longer', async () => {
    const session = await startSession({ locale: 'zh-CN' })
    const page = await session.open()
    await openSalesDashboard(page)
    // three years on, with nobody working the pipeline: every open deal has sat ~1,100 days in its
    // stage, as the real exports' deals last touched years ago, while completed stays stay as they were
    await session.context.clock.setFixedTime(Date.now() + 3 * 365 * 86_400_000)
    await page.reload()
    await page.waitForSelector('[data-test=dashboard-page]')
    const card = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: '阶段停留时间' }) }).first()
    await card.scrollIntoViewIfNeeded()
    await expect.poll(() => card.locator('[data-test=widget-data] tr').count()).toBeGreaterThan(0)
    // completed / still in stage per stage, raw days
    const rows = await card.locator('[data-test=widget-data] tr').evaluateAll(trs => trs.map(r => (r.getAttribute('data-value') ?? '').split(' / ').map(Number)))
    const completed = Math.max(...rows.map(r => r[0] ?? 0))
    const open = Math.max(...rows.map(r => r[1] ?? 0))
    // the demo has the defect's shape: stays still open many times longer than any completed figure
    expect(open).toBeGreaterThan(3 * completed)
    await expect.poll(() => longestCompletedBar(card), { timeout: 10_000 }).toBeGreaterThan(0.4)
    await shot(page, 'time-in-stage-cap-zh')
    await session.close()
  })
})
