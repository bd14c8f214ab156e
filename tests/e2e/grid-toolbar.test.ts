/**
 * The grid page's toolbars (issue #16). At 390 px, in Chinese and in English, the view toolbar
 * keeps to two lines (search and count; the tools) and every tool it leaves out is in its
 * "more" menu and works from there; the page's own buttons keep to one line. On a 1440 px
 * English desktop the view toolbar is one line and no ⋯ menu sits alone on a line.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, installSalesTemplate } from './app-actions'
import { settled, shot, startSession } from './harness'

/** The lines the visible items of a toolbar sit on: each line's items' data-test (or text), top to bottom. */
async function linesOf(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).first().evaluate((bar) => {
    const lines: { mid: number, items: string[] }[] = []
    for (const el of bar.children) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const mid = r.top + r.height / 2
      const name = el.getAttribute('data-test') ?? el.querySelector('[data-test]')?.getAttribute('data-test') ?? (el.textContent ?? '').trim()
      const line = lines.find(l => Math.abs(l.mid - mid) < 8)
      if (line) line.items.push(name)
      else lines.push({ mid, items: [name] })
    }
    return lines.sort((a, b) => a.mid - b.mid).map(l => l.items)
  })
}

async function setLocale(page: Page, label: string): Promise<void> {
  await page.click('[data-test=locale-select]')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).click()
  await settled(page)
}

/** Opens the "more" menu and clicks `item` in it. */
async function fromMore(page: Page, item: string): Promise<void> {
  await page.click('[data-test=grid-more-button]')
  await page.locator(`[data-test=${item}]:visible`).click()
}

describe('grid toolbars at phone width and on a wide English desktop', () => {
  let session: Session
  let page: Page
  let gridUrl = ''
  beforeAll(async () => {
    session = await startSession()
    page = await session.open()
    await installSalesTemplate(page)
    const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
    gridUrl = `${session.baseUrl}#/app/${appIdOf(page)}/form/${oppId}`
  })
  afterAll(async () => session.close())

  for (const lang of ['zh', 'en'] as const) {
    it(`should keep the phone toolbar to two lines with the rest in "more" (${lang})`, async () => {
      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(gridUrl)
      if (lang === 'en') await setLocale(page, 'English')
      await page.waitForSelector('[data-test=grid-cards]')
      await settled(page)
      const lines = await linesOf(page, '[data-test=view-toolbar]')
      expect(lines, JSON.stringify(lines)).toHaveLength(2)
      expect(lines[0]).toEqual(['view-search', 'record-count'])
      expect(lines[1]).toEqual(['filter-button', 'sort-button', 'group-button', 'columns-button', 'grid-more'])
      // the page's own buttons: one line
      const actions = await page.locator('.grid-actions > *:visible').evaluateAll(els => [...new Set(els.map(e => Math.round(e.getBoundingClientRect().top)))])
      expect(actions).toHaveLength(1)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
      await shot(page, `grid-toolbar-phone-${lang}`)
      await page.click('[data-test=grid-more-button]')
      for (const item of ['more-batch', 'more-import', 'more-export-csv', 'more-export-xlsx', 'more-trash']) await page.locator(`[data-test=${item}]:visible`).waitFor()
      await shot(page, `grid-toolbar-phone-more-${lang}`)
      await page.keyboard.press('Escape')
      await page.locator('[data-test=more-batch]').waitFor({ state: 'hidden' })
    })
  }

  it('should open every tool from the phone\'s "more" menu, and 添加字段 from the form menu', async () => {
    await fromMore(page, 'more-trash')
    await page.waitForSelector('[data-test=recycle-bin]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=recycle-bin]', { state: 'detached' })
    await fromMore(page, 'more-batch')
    await page.waitForSelector('[data-test=batch-dialog]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=batch-dialog]', { state: 'detached' })
    await fromMore(page, 'more-import')
    await page.waitForSelector('[data-test=import-dialog]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=import-dialog]', { state: 'detached' })
    const [download] = await Promise.all([page.waitForEvent('download'), fromMore(page, 'more-export-csv')])
    expect(download.suggestedFilename()).toMatch(/\.csv$/)
    await page.click('[data-test=form-more]')
    await page.locator('[data-test=more-add-field]:visible').click()
    await page.waitForSelector('[data-test=field-label]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=field-label]', { state: 'detached' })
  })

  it('should keep the English view toolbar on one line at 1440 px, with no ⋯ alone on a line', async () => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(gridUrl)
    await page.locator('.ag-row').first().waitFor()
    await settled(page)
    expect(await page.textContent('[data-test=add-record]')).toContain('Add record')
    const tools = await linesOf(page, '[data-test=view-toolbar]')
    expect(tools, JSON.stringify(tools)).toHaveLength(1)
    for (const line of [...await linesOf(page, '.grid-toolbar'), ...await linesOf(page, '.grid-actions'), ...await linesOf(page, '[data-test=view-bar]')]) {
      expect(line.length === 1 && /⋯|···|form-more|view-menu/.test(line[0]!), JSON.stringify(line)).toBe(false)
    }
    const top = async (sel: string) => (await page.locator(sel).boundingBox())?.y ?? -1
    expect(Math.abs(await top('[data-test=form-more]') - await top('[data-test=add-record]'))).toBeLessThan(8)
    expect(Math.abs(await top('[data-test=view-menu-button]') - await top('[data-test=view-tab] >> nth=0'))).toBeLessThan(12)
    await shot(page, 'grid-toolbar-1440-en')
    await setLocale(page, '简体中文')
    await shot(page, 'grid-toolbar-1440-zh')
  })
})
