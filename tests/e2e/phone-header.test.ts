/**
 * Headers at phone width (issue 16 leftovers): at 390 px the app name is shown whole in both
 * languages (it was cut to "FunnelGrid 漏斗…" in Chinese), and the grid page's header — title,
 * view tabs, buttons — takes at most two lines (in English the view tabs wrapped it to 3–4).
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installSalesTemplate, setLocale } from './app-actions'
import { settled, shot, startSession } from './harness'

/** How many lines the children of `selector` sit on (by their vertical centre). */
async function lines(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((el) => {
    const rows: number[] = []
    for (const child of el.children) {
      const r = child.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const mid = r.top + r.height / 2
      if (!rows.some(y => Math.abs(y - mid) < 12)) rows.push(mid)
    }
    return rows.length
  })
}

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`phone headers (390 px, ${locale})`, () => {
    let session: Session
    let page: Page
    beforeAll(async () => {
      session = await startSession({ locale })
      page = await session.open()
      await page.setViewportSize({ width: 390, height: 844 })
      if (locale === 'en') await setLocale(page, 'English')
      await installSalesTemplate(page)
    })
    afterAll(async () => session.close())

    it('should show the app name whole in the header, on one line', async () => {
      const brand = page.locator('.fg-brand')
      const { scroll, client } = await brand.evaluate(el => ({ scroll: el.scrollWidth, client: el.clientWidth }))
      expect(scroll, `${await brand.textContent()} is cut`).toBeLessThanOrEqual(client)
      expect((await page.locator('.fg-header').boundingBox())?.height).toBeLessThanOrEqual(53)
      expect(await lines(page, '.fg-header')).toBe(1)
    })

    it('should keep the grid page header to two lines, the view tabs scrolling sideways', async () => {
      await page.click('[data-test=sidebar-toggle]')
      await page.locator('[data-test=side-form]', { hasText: locale === 'en' ? 'Opportunities' : '商机' }).first().click()
      await page.waitForSelector('[data-test=grid-cards], .ag-row')
      await settled(page)
      await shot(page, `phone-grid-header-${locale}`)
      expect(await lines(page, '.grid-toolbar')).toBeLessThanOrEqual(2)
      // every view stays reachable: the last tab scrolls into view and can be picked
      const last = page.locator('[data-test=view-tab]').last()
      await last.scrollIntoViewIfNeeded()
      await last.click()
      await expect.poll(() => last.getAttribute('class')).toContain('on')
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    })
  })
}
