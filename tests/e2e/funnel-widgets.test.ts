/**
 * Funnel widgets as a new user meets them (issue #14, "defects found"): the time-in-stage chart's
 * figures and panel, the config panel's defaults, a stage condition picked from its options, the
 * empty dashboard's hint in edit mode and a won deal's stage history.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeConfigPanel, openSalesDashboard } from './dashboard-actions'
import { fillField } from './grid-actions'
import { settled, shot, startSession } from './harness'

const STAGE = 'f_opp_stage'

async function widgetIdByTitle(page: Page, title: string): Promise<string> {
  const card = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: title }) }).first()
  return (await card.getAttribute('data-widget-id')) ?? ''
}

/** The accessible figures of a chart widget: label, raw value, and the text a screen reader reads. */
async function figures(page: Page, widgetId: string): Promise<{ label: string, value: string, text: string }[]> {
  return page.$$eval(`[data-widget-id="${widgetId}"] [data-test=widget-data] tr`, rows => rows.map(r => ({
    label: r.getAttribute('data-label') ?? '',
    value: r.getAttribute('data-value') ?? '',
    text: r.querySelector('td')?.textContent ?? '',
  })))
}

async function configure(page: Page, widgetId: string): Promise<void> {
  await page.click(`[data-widget-id="${widgetId}"] [data-test=widget-configure]`)
  await page.waitForSelector('[data-test=config-panel]')
}

async function dropdownTexts(page: Page, trigger: string): Promise<string[]> {
  // a dropdown still fading out would be read with this one
  await settled(page)
  await page.click(trigger)
  const items = page.locator('.el-select-dropdown__item:visible')
  await items.first().waitFor()
  const texts = (await items.allTextContents()).map(t => t.trim())
  await page.keyboard.press('Escape')
  await settled(page)
  return texts
}

describe('funnel widgets: the defects found no longer reproduce (zh-CN)', () => {
  let session: Session
  let page: Page
  let appId = ''
  let oppId = ''
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    ;({ appId, oppId } = await openSalesDashboard(page))
  })
  afterAll(async () => session.close())

  it('should give time in stage with completed-visit counts and formatted figures, and offer mean and P90', async () => {
    const id = await widgetIdByTitle(page, '阶段停留时间')
    await expect.poll(async () => (await figures(page, id)).length).toBeGreaterThan(0)
    const rows = await figures(page, id)
    for (const r of rows) {
      expect(r.label).toMatch(/\n（\d+ 次）$/)
      // what a screen reader reads: "2.5 天 / 340.2 天", never 57.91840277777778
      for (const part of r.text.split(' / ')) expect(part).toMatch(/^(\d[\d,]*(\.\d)? (天|小时|分钟)|不到 1 分钟|—)$/)
    }
    expect(rows.some(r => /\.\d{3,}/.test(r.value))).toBe(true)
    await page.locator(`[data-widget-id="${id}"]`).scrollIntoViewIfNeeded()
    await shot(page, 'funnel-widgets-time-in-stage-zh')
    await page.click('[data-test=dashboard-mode]')
    await configure(page, id)
    expect(await dropdownTexts(page, '[data-test=cfg-stat]')).toEqual(['中位数', '平均值', '90 分位（P90）'])
    await closeConfigPanel(page)
  })

  it('should show the basis of a new conversion widget instead of a blank select, and pick a stage condition from its options', async () => {
    const before = await page.locator('[data-widget-id]').count()
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-conversion]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    expect(await page.textContent('[data-test=cfg-mode]')).toContain('累计（到达过）')
    await page.locator('[data-test=widget-filter] button', { hasText: '添加条件' }).click()
    const cond = page.locator('[data-test=widget-filter] .cond').first()
    await cond.locator('.el-select').first().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '销售阶段' }).first().click()
    await cond.locator('[data-test=condition-choice]').waitFor()
    expect(await cond.locator('input.el-input__inner').count()).toBe(0)
    expect(await dropdownTexts(page, '[data-test=widget-filter] [data-test=condition-choice]')).toContain('需求分析')
    await cond.locator('[data-test=condition-choice]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '需求分析' }).first().click()
    await shot(page, 'funnel-widgets-stage-condition-zh')
    await closeConfigPanel(page)
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(before + 1)
    const card = page.locator('[data-test=card-conversion]').last()
    await expect.poll(() => card.locator('[data-test=widget-conversion] tr').count()).toBeGreaterThan(0)
    // the deals now in 需求分析 have reached it: its step has records, not an emptied widget
    const counts = await card.locator('[data-test=widget-conversion] tr td.num').allTextContents()
    expect(counts.some(t => /^[1-9]/.test(t.trim()))).toBe(true)
    await page.click('[data-test=dashboard-mode]')
  })

  it('should change the funnel\'s figures and subtitle when its basis goes from cohort to period', async () => {
    const id = await widgetIdByTitle(page, '销售漏斗')
    const card = page.locator(`[data-widget-id="${id}"]`)
    await page.click('[data-test^=filter-preset-]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '本季度' }).first().click()
    await expect.poll(() => card.locator('[data-test=widget-subtitle]').textContent()).toMatch(/^队列 · 创建时间在 \d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2} 的商机，跟踪到现在$/)
    const cohort = (await figures(page, id)).map(f => Number(f.value))
    await page.click('[data-test=dashboard-mode]')
    await configure(page, id)
    await page.click('[data-test=cfg-basis]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '期间：' }).first().click()
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    await expect.poll(() => card.locator('[data-test=widget-subtitle]').textContent()).toMatch(/^期间 · \d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2} 发生的阶段进入/)
    const period = (await figures(page, id)).map(f => Number(f.value))
    expect(period).toHaveLength(cohort.length)
    expect(period).not.toEqual(cohort)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'funnel-widgets-period-basis-zh')
  })

  it('should draw a pipeline waterfall whose bars sum exactly and drill a bar to exactly its deals', async () => {
    await page.click('[data-test=dashboard-mode]')
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-waterfall]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    const card = page.locator('[data-test=card-waterfall]').last()
    const id = (await card.getAttribute('data-widget-id')) ?? ''
    await expect.poll(async () => (await figures(page, id)).length).toBe(7)
    expect(await card.locator('[data-test=widget-subtitle]').textContent()).toMatch(/^\d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2} 的在途管道变化$/)
    const bars = await figures(page, id)
    expect(bars.map(b => b.label)).toEqual(['期初在途', '+ 新建', '+ 重新打开', '− 移出', '− 赢单', '− 输单', '期末在途'])
    const v = bars.map(b => Number(b.value))
    expect(v.slice(0, -1).reduce((t, x) => t + x, 0)).toBe(v.at(-1))
    expect(v[0]).toBeGreaterThan(0)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'funnel-widgets-waterfall-zh')
    // find the "open at end" column (the last one) by its tooltip, then click it
    const box = (await card.locator('[data-test=widget-chart]').boundingBox())!
    const y = box.y + box.height - 60
    let found = false
    for (let x = box.x + box.width - 20; x > box.x + box.width * 0.6 && !found; x -= 8) {
      await page.mouse.move(x, y)
      found = ((await card.textContent()) ?? '').includes('期末在途: ')
      if (found) await page.mouse.click(x, y)
    }
    expect(found).toBe(true)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toContain(`显示 ${v.at(-1)} /`)
    await page.goBack()
    await page.waitForSelector('[data-test=dashboard-page]')
  })

  it('should not tell an editor of an empty dashboard to click Edit', async () => {
    await page.click('[data-test=create-dashboard]')
    await fillField(page, 'name-input', '空看板')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=dashboard-empty]')
    expect(await page.textContent('[data-test=dashboard-empty]')).toContain('点击右上角“编辑”')
    await page.click('[data-test=dashboard-mode]')
    await expect.poll(() => page.textContent('[data-test=dashboard-empty]')).toContain('从下面选一个')
    expect(await page.textContent('[data-test=dashboard-empty]')).not.toContain('点击“编辑”')
    await shot(page, 'funnel-widgets-empty-edit-zh')
    await page.click('[data-test=dashboard-mode]')
  })

  it('should not age a won deal in its stage history', async () => {
    const filter = { and: [{ field: STAGE, op: 'eq', value: 'stage_won' }] }
    await page.goto(`${new URL(page.url()).origin}/#/app/${appId}/form/${oppId}?filter=${encodeURIComponent(JSON.stringify(filter))}`)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await page.locator('.ag-row').first().waitFor()
    await page.locator('.ag-row').first().locator('.ag-selection-checkbox input, .ag-checkbox-input').first().check()
    await page.click('[data-test=open-details]')
    await page.waitForSelector('[data-test=record-drawer]')
    await page.locator('.el-tabs__item', { hasText: '阶段历程' }).click()
    const last = page.locator('[data-test=record-drawer] [data-test=stage-timeline-entry]').last()
    await expect.poll(() => last.getAttribute('data-stage')).toBe('stage_won')
    expect(await last.locator('[data-test=stage-timeline-closed]').textContent()).toBe('已结束，不再计时')
    expect(await last.locator('[data-test=stage-timeline-days]').count()).toBe(0)
    await shot(page, 'funnel-widgets-won-timeline-zh')
    await page.keyboard.press('Escape')
  })

  it('should draw a snapshot as shares of all deals without a bottleneck, and take a strict funnel\'s bottleneck from its own steps', async () => {
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    const id = await widgetIdByTitle(page, '销售漏斗')
    const card = page.locator(`[data-widget-id="${id}"]`)
    await page.click('[data-test=dashboard-mode]')
    await configure(page, id)
    await page.click('[data-test=cfg-mode]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '快照' }).first().click()
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    // a snapshot's layers are not nested: each is its share of all the deals shown, never "of first 1086 %"
    await expect.poll(async () => (await figures(page, id)).every(f => /^\d[\d,]* · 占全部 \d+\.\d%$/.test(f.text))).toBe(true)
    const shares = (await figures(page, id)).map(f => Number(/(\d+\.\d)%$/.exec(f.text)![1]))
    expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.5)
    expect(await card.locator('[data-test=funnel-bottleneck]').count()).toBe(0)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'funnel-widgets-snapshot-zh')

    await page.click('[data-test=dashboard-mode]')
    await configure(page, id)
    await page.click('[data-test=cfg-mode]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: '严格' }).first().click()
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    await expect.poll(async () => (await figures(page, id)).every(f => f.text.includes('占首层'))).toBe(true)
    // the sentence names the strict funnel's weakest step, at that step's own rate, and a readable duration
    const steps = (await figures(page, id)).map(f => /转入下一层 (\d+\.\d%)/.exec(f.text)?.[1]).filter(Boolean)
    const sentence = (await card.locator('[data-test=funnel-bottleneck]').textContent()) ?? ''
    const rate = /(\d+\.\d)\s?%/.exec(sentence)?.[1]
    expect(steps).toContain(`${rate}%`)
    expect(sentence).not.toMatch(/0\.0 天/)
  })
})

describe('funnel widgets in English', () => {
  it('should show the subtitles and the waterfall in English with every number formatted', async () => {
    const session = await startSession({ locale: 'en' })
    const page = await session.open()
    await page.click('[data-test=home-from-template]')
    await page.click('[data-test=template-install]')
    await page.click('[data-test=install-start]')
    await page.waitForSelector('[data-test=funnel-overview]', { timeout: 30_000 })
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    await page.click('[data-test=dashboard-mode]')
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-waterfall]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    await expect.poll(() => page.locator('[data-test=widget-subtitle]').first().textContent()).toBe('Cohort · all Opportunities, followed to now')
    const card = page.locator('[data-test=card-waterfall]').last()
    const id = (await card.getAttribute('data-widget-id')) ?? ''
    await expect.poll(async () => (await figures(page, id)).map(f => f.label)).toEqual(['Open at start', '+ Created', '+ Pulled in', '− Pushed out', '− Won', '− Lost', 'Open at end'])
    for (const f of await figures(page, id)) expect(f.text).toMatch(/^-?\d[\d,]*$/)
    await page.locator('[data-test=card-funnel]').first().scrollIntoViewIfNeeded()
    await shot(page, 'funnel-widgets-dashboard-en')
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'funnel-widgets-waterfall-en')
    await session.close()
  })
})
