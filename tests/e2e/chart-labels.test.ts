/**
 * Chart figures as a user reads them (issue #16): money on value axes, tooltips and labels
 * carries the amount field's ¥ (bar, line, funnel by amount), and a narrow column chart's axis
 * labels never overlap. Label positions are what the canvas drew (see chart-text.ts).
 */
import type { Locator, Page } from 'playwright-core'
import type { DashboardDef, WidgetDef } from '../../src/core/schema/types'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSalesDashboard } from './dashboard-actions'
import { drawnTexts, overlappingTexts, recordCanvasText } from './chart-text'
import { settled, shot, startSession } from './harness'

/** A tick of a money axis: the currency symbol, then a short number ("¥150万", "¥0"). */
const MONEY_TICK = /^-?¥\d[\d.,]*(?:万|亿)?$/

/** Ids of the template's widgets, by the names this file gives them. */
const template = new Map<string, string>()

function card(page: Page, id: string): Locator {
  return page.locator(`[data-widget-id="${template.get(id) ?? id}"]`)
}

/** Adds widgets to the open dashboard through its JSON editor, as a designer can, and waits for their charts. */
async function addWidgets(page: Page, widgets: (oppId: string) => WidgetDef[], oppId: string): Promise<void> {
  await page.click('[data-test=dashboard-mode]')
  await page.click('[data-test=dashboard-json-open]')
  const area = page.locator('[data-test=dashboard-json]')
  const doc = JSON.parse(await area.inputValue()) as DashboardDef
  await area.fill(JSON.stringify({ ...doc, widgets: [...widgets(oppId), ...doc.widgets.map(w => ({ ...w, layout: { ...w.layout, y: w.layout.y + 20 } }))] }, null, 2))
  await page.click('[data-test=json-apply]')
  await page.locator('[data-test=dashboard-json]').waitFor({ state: 'detached' })
  await page.click('[data-test=dashboard-mode]')
  for (const w of widgets(oppId)) await card(page, w.id).locator('[data-test=widget-chart] canvas').waitFor()
}

/** Hovers the chart of `c` along its middle until its tooltip says something matching `want`; the tooltip text. */
async function tooltipOf(page: Page, c: Locator, want: RegExp): Promise<string> {
  const box = (await c.locator('[data-test=widget-chart]').boundingBox())!
  for (let x = box.x + 20; x < box.x + box.width - 10; x += 12) {
    for (const y of [box.y + box.height * 0.5, box.y + box.height * 0.75, box.y + box.height * 0.3]) {
      await page.mouse.move(x, y)
      const tip = c.locator('[data-test=widget-chart] > div:not(:first-child)')
      const text = (await tip.count()) ? ((await tip.first().textContent()) ?? '') : ''
      if (want.test(text)) return text
    }
  }
  return ''
}

const money = (oppId: string): WidgetDef[] => [
  { id: 'w_money_col', type: 'column', title: '金额按负责人', layout: { x: 0, y: 0, w: 6, h: 8 }, config: { formId: oppId, dimension: { field: 'f_opp_owner' }, measure: { fn: 'sum', field: 'f_opp_amount' } } },
  { id: 'w_money_line', type: 'line', title: '每月新增金额', layout: { x: 6, y: 0, w: 6, h: 8 }, config: { formId: oppId, dimension: { field: 'f_opp_created', bucket: 'month' }, measure: { fn: 'sum', field: 'f_opp_amount' } } },
  { id: 'w_money_funnel', type: 'funnel', title: '金额漏斗', layout: { x: 0, y: 8, w: 6, h: 9 }, config: { formId: oppId, stageField: 'f_opp_stage', mode: 'cumulative', value: 'amount', amountField: 'f_opp_amount' } },
  // narrow: a quarter of the dashboard, long stage names under the bars
  { id: 'w_narrow_stage', type: 'column', title: '各阶段金额（窄）', layout: { x: 6, y: 8, w: 3, h: 9 }, config: { formId: oppId, stageMetric: { kind: 'pipelineByStage', stageField: 'f_opp_stage', amountField: 'f_opp_amount' } } },
  { id: 'w_narrow_owner', type: 'column', title: '跟进（窄）', layout: { x: 9, y: 8, w: 2, h: 9 }, config: { formId: oppId, dimension: { field: 'f_opp_source' } } },
]

describe('chart figures: currency and labels that never overlap', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await session.context.newPage()
    await recordCanvasText(page)
    await page.goto(session.baseUrl)
    const { oppId } = await openSalesDashboard(page)
    // the template's own charts (their ids are new on install): long stage names, lead sources
    for (const [key, title] of [['w_time_in_stage', '阶段停留时间'], ['w_source_win_rate', '线索来源效果']] as const) {
      const found = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: title }) }).first()
      template.set(key, (await found.getAttribute('data-widget-id')) ?? '')
    }
    await addWidgets(page, money, oppId)
    await settled(page)
  })
  afterAll(async () => session.close())

  it('should write the value axis of a money column and line chart with ¥', async () => {
    for (const id of ['w_money_col', 'w_money_line']) {
      await expect.poll(async () => (await drawnTexts(card(page, id))).filter(t => MONEY_TICK.test(t.text)).length).toBeGreaterThanOrEqual(3)
      // no bare number tick left on the value axis
      const texts = (await drawnTexts(card(page, id))).map(t => t.text)
      expect(texts.filter(t => /^[\d.,]+(?:万|亿)?$/.test(t))).toEqual([])
    }
    await card(page, 'w_money_col').scrollIntoViewIfNeeded()
    await shot(page, 'chart-money-axes-zh')
  })

  it('should show money in the tooltip of a column, a line and a funnel by amount with ¥', async () => {
    for (const id of ['w_money_col', 'w_money_line', 'w_money_funnel']) {
      await card(page, id).scrollIntoViewIfNeeded()
      const tip = await tooltipOf(page, card(page, id), /\d/)
      expect(tip, id).toMatch(/¥[\d,]+/)
    }
    const labels = (await drawnTexts(card(page, 'w_money_funnel'))).map(t => t.text)
    expect(labels.filter(t => /¥[\d,]+/.test(t)).length).toBeGreaterThanOrEqual(5)
    await shot(page, 'chart-money-funnel-zh')
    await page.mouse.move(0, 0)
  })

  it('should draw a narrow column chart\'s axis labels without any two overlapping', async () => {
    for (const id of ['w_narrow_stage', 'w_narrow_owner', 'w_time_in_stage', 'w_money_col', 'w_money_line']) {
      await card(page, id).scrollIntoViewIfNeeded()
      await settled(page)
      const texts = await drawnTexts(card(page, id))
      expect(texts.length, id).toBeGreaterThan(3)
      expect(overlappingTexts(texts), id).toEqual([])
    }
    await card(page, 'w_narrow_stage').scrollIntoViewIfNeeded()
    await shot(page, 'chart-narrow-zh')
  })

  it('should stack the widgets across a phone\'s width, labels apart, and keep them apart in English too', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await settled(page)
    // every widget across the width: a KPI figure whole, a chart wide enough to read
    const widths = await page.locator('[data-widget-id]').evaluateAll(cards => cards.map(c => c.getBoundingClientRect().width))
    expect(Math.min(...widths)).toBeGreaterThan(340)
    const kpi = page.locator('[data-test=kpi-value]').first()
    expect(await kpi.evaluate(el => el.scrollWidth <= el.clientWidth + 1)).toBe(true)
    await card(page, 'w_narrow_stage').scrollIntoViewIfNeeded()
    await shot(page, 'chart-narrow-phone-zh')
    for (const id of ['w_narrow_stage', 'w_money_col', 'w_money_line', 'w_time_in_stage', 'w_source_win_rate']) {
      await card(page, id).scrollIntoViewIfNeeded()
      await settled(page)
      expect(overlappingTexts(await drawnTexts(card(page, id))), id).toEqual([])
    }
    await shot(page, 'chart-narrow-phone-zh')
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'English' }).click()
    await expect.poll(() => page.textContent('[data-test=dashboard-mode]')).toContain('Edit')
    await settled(page)
    // The language's messages load on the switch, so the charts redraw in English after it;
    // ECharts animates them on its canvas (no CSS animation for settled to wait for), and its
    // labels pass each other on the way: wait for the drawing the user is left with.
    for (const id of ['w_narrow_stage', 'w_narrow_owner', 'w_money_col', 'w_time_in_stage']) {
      await card(page, id).scrollIntoViewIfNeeded()
      await settled(page)
      await expect.poll(async () => overlappingTexts(await drawnTexts(card(page, id))), { message: id, timeout: 5000 }).toEqual([])
    }
    expect((await drawnTexts(card(page, 'w_money_col'))).filter(t => /^¥\d[\d.]*[KMB]?$/.test(t.text)).length).toBeGreaterThanOrEqual(3)
    await card(page, 'w_narrow_stage').scrollIntoViewIfNeeded()
    await shot(page, 'chart-narrow-en')
  })
})
