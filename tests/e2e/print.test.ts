/**
 * Print / save as PDF (issue #16): a record's Print button (drawer) prints its form page with
 * the stage timeline and no shell; the dashboard's Print prints every widget whole. The print
 * dialog is the browser's: window.print is counted instead of opened.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, installSalesTemplate } from './app-actions'
import { SCREENSHOT_DIR, settled, startSession } from './harness'

/** Pages of a PDF Chromium printed (one `/Type /Page` object each). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0
}

/** Print preview: the page under print CSS at the width of an A4 page, as a full-page screenshot to look at. */
async function printPreview(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 794, height: 1123 })
  await page.emulateMedia({ media: 'print' })
  await settled(page)
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true })
}

describe('print', () => {
  let session: Session
  let page: Page
  let app = ''
  beforeAll(async () => {
    session = await startSession()
    await session.context.addInitScript(() => {
      const w = window as unknown as { __prints: number, print: () => void }
      w.__prints = 0
      w.print = () => { w.__prints++ }
    })
    page = await session.open()
    await installSalesTemplate(page)
    app = `${session.baseUrl}#/app/${appIdOf(page)}`
  })
  afterAll(async () => session.close())
  afterEach(async () => {
    await page.emulateMedia({ media: 'screen' })
    await page.setViewportSize({ width: 1360, height: 860 })
  })
  const prints = () => page.evaluate(() => (window as unknown as { __prints: number }).__prints)

  it('should print a record from its drawer as a clean one-page form with its stage timeline', async () => {
    const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
    await page.goto(`${app}/form/${oppId}`)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await page.locator('[data-test=kanban-lane][data-lane=stage_won] [data-test=kanban-card]').first().click()
    await page.waitForSelector('[data-test=record-drawer]')
    await page.click('[data-test=drawer-print]')
    await page.waitForSelector('[data-test=record-print]')
    await expect.poll(prints).toBe(1)
    await printPreview(page, 'print-record')
    for (const shell of ['.fg-header', '[data-test=app-sidebar]', '[data-test=record-submit]', '[data-test=record-print]'])
      expect(await page.locator(shell).isVisible(), shell).toBe(false)
    await page.locator('[data-test=record-stage-timeline] [data-test=stage-timeline-name]').first().waitFor()
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: `${SCREENSHOT_DIR}print-record.pdf` })
    expect(pdfPages(pdf)).toBe(1)
    await page.emulateMedia({ media: 'screen' })
    expect(await page.locator('[data-test=record-stage-timeline]').isVisible()).toBe(false)
  })

  it('should print the template dashboard with every widget whole and no shell', async () => {
    await page.goto(app)
    const href = (await page.locator('[data-test=side-dashboard]').first().getAttribute('href')) ?? ''
    await page.goto(`${session.baseUrl}${href}`)
    await page.locator('[data-test=dashboard-page] canvas').first().waitFor()
    await page.click('[data-test=dashboard-print]')
    await expect.poll(prints).toBe(2)
    await printPreview(page, 'print-dashboard')
    expect(await page.locator('.fg-header').isVisible()).toBe(false)
    expect(await page.locator('[data-test=app-sidebar]').isVisible()).toBe(false)
    expect(await page.locator('[data-test=dashboard-print]').isVisible()).toBe(false)
    // Widgets flow one after another (no absolute positions a page break could cut through).
    const positions = await page.locator('.vgl-item').evaluateAll(els => els.map(e => getComputedStyle(e).position))
    expect(positions.length).toBeGreaterThan(5)
    expect(new Set(positions)).toEqual(new Set(['relative']))
    const breaks = await page.locator('.vgl-item').evaluateAll(els => els.map(e => getComputedStyle(e).breakInside))
    expect(new Set(breaks)).toEqual(new Set(['avoid']))
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    expect(pdfPages(pdf)).toBeGreaterThan(0)
    await page.emulateMedia({ media: 'screen' })
  })
})
