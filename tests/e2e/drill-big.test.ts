/**
 * Everyday checks on a workspace of 4,000 deals (issue #16): a drill-through from a dashboard
 * column over 3,600 of them opens the grid with the same count and a short link (it carries the
 * filter, not the records' ids); a new kanban view lanes by the stage field though a select
 * comes first in the form; arranging the dashboard's widgets by dragging selects no text.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRILL_COUNTS, drillBackup } from '../fixtures/drill-e2e'
import { openRestored } from './app-actions'
import { settled, shot, startSession } from './harness'

describe('a workspace of 4,000 deals', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await openRestored(session, drillBackup(), '/app/crm/form/deals')
  })
  afterAll(async () => session.close())

  it('should drill from a column of 3,600 deals into the grid showing exactly those, by a short link', async () => {
    await page.goto(`${session.baseUrl}#/app/crm/dashboard/d1`)
    const card = page.locator('[data-widget-id=w1]')
    await card.locator('[data-test=widget-chart] canvas').waitFor()
    await settled(page)
    // the axis tooltip names the category anywhere over its band; the bar is in the band's middle
    const box = (await card.locator('[data-test=widget-chart]').boundingBox())!
    const y = box.y + box.height - 60
    const xs: number[] = []
    for (let x = box.x + 4; x < box.x + box.width; x += 6) {
      await page.mouse.move(x, y)
      const tip = card.locator('[data-test=widget-chart] > div:not(:first-child)')
      if ((await tip.count()) && ((await tip.first().textContent()) ?? '').includes('新客户')) xs.push(x)
    }
    expect(xs.length).toBeGreaterThan(2)
    await page.mouse.click((xs[0]! + xs.at(-1)!) / 2, y)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => page.textContent('[data-test=record-count]'), { timeout: 20_000 }).toBe(`显示 ${DRILL_COUNTS.new} / 共 ${DRILL_COUNTS.new + DRILL_COUNTS.renewal} 条记录`)
    // the link names the filter, never 3,600 record ids (12 characters each: 40 KB)
    expect(page.url().length).toBeLessThan(400)
    expect(decodeURIComponent(page.url())).toMatch(/[?&](?:filter|drill)=/)
    await shot(page, 'drill-big-grid')
    // the same link opened afresh shows the same rows
    const url = page.url()
    const again = await session.open()
    await again.goto(url)
    await expect.poll(() => again.textContent('[data-test=record-count]'), { timeout: 20_000 }).toBe(await page.textContent('[data-test=record-count]'))
    await again.close()
  })

  it('should drill from a funnel layer of all 4,000 deals by a link naming the widget, not the ids', async () => {
    await page.goto(`${session.baseUrl}#/app/crm/dashboard/d1`)
    const chart = page.locator('[data-widget-id=w3] [data-test=widget-chart]')
    await chart.locator('canvas').waitFor()
    await settled(page)
    const first = await page.locator('[data-widget-id=w3] [data-test=widget-data] tr').first().getAttribute('data-value')
    expect(Number(first)).toBeGreaterThan(3000)
    const box = (await chart.boundingBox())!
    // the funnel is drawn in the left half (3% .. 51%), its first layer at the top
    await page.mouse.click(box.x + box.width * 0.27, box.y + 8 + 12)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => page.textContent('[data-test=record-count]'), { timeout: 20_000 }).toBe(`显示 ${first} / 共 ${DRILL_COUNTS.new + DRILL_COUNTS.renewal} 条记录`)
    expect(decodeURIComponent(page.url())).toContain('drill=')
    expect(page.url().length).toBeLessThan(400)
  })

  it('should lane a new kanban view by the stage field, not the select that comes first', async () => {
    await page.goto(`${session.baseUrl}#/app/crm/form/deals`)
    await page.locator('.ag-row').first().waitFor()
    await page.click('[data-test=view-new]')
    await page.click('[data-test=view-new-kanban]')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=kanban-board]')
    const lanes = await page.locator('[data-test=kanban-lane]').evaluateAll(ls => ls.map(l => l.getAttribute('data-lane')))
    expect(lanes).toEqual(['lead', 'demo', 'won', 'lost'])
    await shot(page, 'drill-big-kanban')
  })

  it('should select no page text while a widget is dragged across the dashboard', async () => {
    await page.goto(`${session.baseUrl}#/app/crm/dashboard/d1`)
    await page.locator('[data-widget-id=w1] [data-test=widget-chart] canvas').waitFor()
    await page.click('[data-test=dashboard-mode]')
    await settled(page)
    const head = (await page.locator('[data-widget-id=w2] [data-test=widget-title]').boundingBox())!
    const title = (await page.locator('[data-test=dashboard-title]').boundingBox())!
    await page.mouse.move(head.x + 4, head.y + head.height / 2)
    await page.mouse.down()
    // across the other card's title and the dashboard's name, as a hand would
    for (let i = 1; i <= 12; i++) await page.mouse.move(head.x + 4 + (title.x - head.x) * i / 12, head.y + head.height / 2 + (title.y + title.height / 2 - head.y - head.height / 2) * i / 12)
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
    await page.mouse.up()
    expect(await page.evaluate(() => window.getSelection()?.toString() ?? '')).toBe('')
    await page.click('[data-test=dashboard-mode]')
  })
})
