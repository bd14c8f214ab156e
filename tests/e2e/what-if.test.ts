/**
 * What-if planner (issue #14, part 6) next to the reverse funnel, as a user works it: sliders per
 * stage conversion and stay moved with the keyboard change the projected wins, amount and close
 * dates; reset brings back the measured rates; the planner reads in both languages.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { closeConfigPanel, openSalesDashboard } from './dashboard-actions'
import { settled, shot, startSession } from './harness'

/** Adds a reverse funnel from the palette and opens its what-if planner. */
async function openPlanner(page: Page): Promise<void> {
  await page.click('[data-test=dashboard-mode]')
  await page.locator('[data-test=add-widget]').first().click()
  await page.locator('[data-test=palette-reverseFunnel]:visible').click()
  await page.waitForSelector('[data-test=config-panel]')
  await closeConfigPanel(page)
  await page.click('[data-test=dashboard-mode]')
  const card = page.locator('[data-test=card-reverseFunnel]').last()
  await card.scrollIntoViewIfNeeded()
  await card.locator('[data-test=open-what-if]').click()
  await page.waitForSelector('[data-test=what-if] [data-test=what-if-stage]')
  await settled(page)
}

const text = (page: Page, sel: string) => page.locator(`[data-test=what-if] ${sel}`).first().textContent().then(t => (t ?? '').trim())

describe('what-if planner', () => {
  it('should move a stage\'s conversion and days by keyboard, change the projection and reset to the measured rates (zh-CN)', async () => {
    const session = await startSession({ locale: 'zh-CN' })
    const page = await session.open()
    await openSalesDashboard(page)
    await openPlanner(page)
    const drawer = page.locator('[data-test=what-if]')
    expect(await drawer.locator('[data-test=what-if-stage]').count()).toBeGreaterThan(2)
    const first = drawer.locator('[data-test=what-if-stage]').first()
    expect(await first.textContent()).toMatch(/实测 \d+\.\d%（[\d,]+ \/ [\d,]+）/)
    const measuredRate = (await first.locator('[data-test=what-if-rate-value]').textContent())!.trim()
    const pipeline = await text(page, '[data-test=what-if-pipeline]')
    const leads = await text(page, '[data-test=what-if-leads-yield]')
    expect(pipeline).toMatch(/^在途管道[\d,]+ 个 → 预计赢单 [\d,.]+ 个，¥[\d,]+预计成交约 \d{4}-\d{2}-\d{2}$/)
    expect(await text(page, '[data-test=what-if-goal-line]')).toMatch(/为目标 ¥1,000,000 的 \d{1,3}(,\d{3})*\.\d%/)
    expect(await page.locator('[data-test=what-if] [data-test=what-if-goal] input').inputValue()).toBe('¥1,000,000')
    await shot(page, 'what-if-zh')

    // the first stage's conversion slider, by keyboard: End = 100.0 %
    const slider = first.locator('[data-test=what-if-rate] [role=slider]')
    expect(await slider.getAttribute('aria-label')).toMatch(/转化率$/)
    await slider.focus()
    await page.keyboard.press('End')
    await expect.poll(() => first.locator('[data-test=what-if-rate-value]').textContent()).toBe('100.0%')
    expect(await slider.getAttribute('aria-valuetext')).toBe('100.0%')
    // every new lead now passes the first stage: more expected wins from leads (the pipeline's first-stage deals too)
    await expect.poll(() => text(page, '[data-test=what-if-leads-yield]')).not.toBe(leads)
    expect(await text(page, '[data-test=what-if-changed]')).toBe('已调整 1 项')
    // a longer last stage moves the close dates later
    const last = drawer.locator('[data-test=what-if-stage]').last()
    const close = await text(page, '[data-test=what-if-leads-yield] .fg-muted')
    await last.locator('[data-test=what-if-days] [role=slider]').focus()
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight')
    await expect.poll(() => text(page, '[data-test=what-if-leads-yield] .fg-muted')).not.toBe(close)
    expect((await text(page, '[data-test=what-if-leads-yield] .fg-muted')) > close).toBe(true)
    await shot(page, 'what-if-changed-zh')

    await drawer.locator('[data-test=what-if-reset]').click()
    await expect.poll(() => first.locator('[data-test=what-if-rate-value]').textContent()).toBe(measuredRate)
    expect(await text(page, '[data-test=what-if-pipeline]')).toBe(pipeline)
    expect(await text(page, '[data-test=what-if-leads-yield]')).toBe(leads)
    expect(await drawer.locator('[data-test=what-if-reset]').isDisabled()).toBe(true)
    await session.close()
  })

  it('should read in English with every figure formatted', async () => {
    const session = await startSession({ locale: 'en' })
    const page = await session.open()
    await openSalesDashboard(page)
    await openPlanner(page)
    expect(await page.locator('[data-test=what-if] .el-drawer__title').textContent()).toBe('What-if · Reverse funnel')
    expect(await text(page, '[data-test=what-if-stage]')).toMatch(/Measured \d+\.\d% \([\d,]+ \/ [\d,]+\)/)
    expect(await text(page, '[data-test=what-if-pipeline]')).toMatch(/^Open pipeline[\d,]+ → [\d,.]+ expected wins, ¥[\d,]+Closing around \d{4}-\d{2}-\d{2}$/)
    expect(await text(page, '[data-test=what-if-goal-line]')).toMatch(/ \d{1,3}(,\d{3})*\.\d% of the ¥1,000,000 goal/)
    // the goal box reads like every amount, and a share past 1,000 % is grouped too
    const goal = page.locator('[data-test=what-if] [data-test=what-if-goal] input')
    expect(await goal.inputValue()).toBe('¥1,000,000')
    await goal.fill('2500000')
    await goal.press('Tab')
    await expect.poll(() => goal.inputValue()).toBe('¥2,500,000')
    await expect.poll(() => text(page, '[data-test=what-if-goal-line]')).toMatch(/ \d{1,3}(,\d{3})*\.\d% of the ¥2,500,000 goal/)
    await goal.fill('1000')
    await goal.press('Tab')
    await expect.poll(() => text(page, '[data-test=what-if-goal-line]')).toMatch(/ \d{1,3}(,\d{3})+\.\d% of the ¥1,000 goal/)
    await shot(page, 'what-if-small-goal-en')
    await goal.fill('1000000')
    await goal.press('Tab')
    await expect.poll(() => goal.inputValue()).toBe('¥1,000,000')
    for (const cell of await page.locator('[data-test=what-if-month] td').allTextContents()) expect(cell).toMatch(/^(\d{4}-\d{2}|[\d,.]+|¥[\d,]+)$/)
    await shot(page, 'what-if-en')
    await session.close()
  })
})
