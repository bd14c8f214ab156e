/**
 * The Help page (issue 13, part 6): reachable from the header at every width, one guide per
 * section with its worked example on the template, in zh-CN and en; at 390 px wide the contents
 * become a row of links and nothing scrolls sideways.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HELP_SECTIONS } from '../../src/components/help/sections'
import { shot, startSession } from './harness'

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth - window.innerWidth, ...[...document.querySelectorAll<HTMLElement>('.fg-main, .help-body')].map(el => el.scrollWidth - el.clientWidth)))
}

describe('help page', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should open from the header and list every registered section', async () => {
    await page.click('[data-test=nav-help]')
    await page.waitForSelector('[data-test=help-page]')
    const links = await page.locator('[data-test=help-toc] a').evaluateAll(els => els.map(e => e.getAttribute('data-test')))
    expect(links).toEqual(HELP_SECTIONS.map(s => `help-link-${s.id}`))
    // the first section is shown without choosing
    await page.locator('[data-test=help-body] h2').waitFor()
    expect(await page.getAttribute('[data-test=help-body]', 'data-section')).toBe(HELP_SECTIONS[0]!.id)
  })

  it('should show the forecast guide with its worked example, in Chinese then English', async () => {
    await page.click('[data-test=help-link-forecast]')
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('销售预测与加权管道')
    const example = page.locator('[data-test=help-example]')
    expect(await example.textContent()).toContain('恢复阶段默认')
    expect(await example.locator('li').count()).toBeGreaterThanOrEqual(4)
    await shot(page, 'help-forecast-zh')
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('Forecast and weighted pipeline')
    expect(await example.textContent()).toContain('Reset to stage default')
    await page.click('[data-test=help-link-stalled]')
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('Stalled deals and snooze')
    expect(await page.locator('[data-test=help-example]').textContent()).toContain('Snooze')
    await shot(page, 'help-stalled-en')
  })

  it('should show the lead scoring guide with its worked example on the template, in English then Chinese', async () => {
    await page.click('[data-test=help-link-scoring]')
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('Lead scoring')
    const example = page.locator('[data-test=help-example]')
    expect(await example.textContent()).toContain('Most promising leads')
    expect(await example.locator('li').count()).toBeGreaterThanOrEqual(4)
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '中文' }).click()
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('线索评分')
    expect(await example.textContent()).toContain('最有潜力的线索')
    expect(await example.textContent()).toContain('从历史学习加减分')
    await shot(page, 'help-scoring-zh')
  })

  it('should show the pipelines guide with its worked example on the template, in Chinese then English', async () => {
    await page.click('[data-test=help-link-pipelines]')
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('多个管道')
    const example = page.locator('[data-test=help-example]')
    expect(await example.textContent()).toContain('按字段拆分')
    expect(await example.textContent()).toContain('不属于管道「续约」')
    expect(await example.locator('li').count()).toBeGreaterThanOrEqual(5)
    await shot(page, 'help-pipelines-zh')
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await expect.poll(() => page.textContent('[data-test=help-body] h2')).toBe('Several pipelines')
    expect(await example.textContent()).toContain('Split by field')
    expect(await example.textContent()).toContain('is not in the pipeline "Renewal"')
  })

  it('should be usable at phone width: menu entry, contents as a row, no sideways scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${session.baseUrl}#/`)
    await page.click('[data-test=nav-menu-button]')
    await page.click('[data-test=menu-nav-help]')
    await page.waitForSelector('[data-test=help-page]')
    await page.click('[data-test=help-link-stalled]')
    await page.locator('[data-test=help-example]').waitFor()
    const toc = await page.locator('[data-test=help-toc]').boundingBox()
    const body = await page.locator('[data-test=help-body]').boundingBox()
    // the contents sit above the article, not beside it
    expect((toc?.y ?? 0) + (toc?.height ?? 0)).toBeLessThanOrEqual(body?.y ?? 0)
    expect(body?.width).toBeGreaterThan(340)
    expect(await sideways(page)).toBeLessThanOrEqual(0)
    await shot(page, 'help-phone')
  })
})
