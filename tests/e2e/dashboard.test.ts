/**
 * Dashboards acceptance (issue #6): the template's sales dashboard with demo data, the global
 * date filter against core's funnel, drill-through into the grid, a dashboard built by clicks
 * that survives a reload, and a broken JSON edit that changes nothing.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { daySpanOf } from '../../src/core/dashboard'
import { cumulativeFunnel } from '../../src/core/metrics'
import { compileFilter } from '../../src/core/query'
import type { FieldOf, WorkspaceBackup } from '../../src/core/schema/types'
import { fillField } from './grid-actions'
import { appIdOf } from './app-actions'
import { shot, startSession } from './harness'

const OPP_STAGE = 'f_opp_stage'

async function downloadBackup(page: Page): Promise<WorkspaceBackup> {
  const back = page.url()
  await page.goto(`${new URL(page.url()).origin}/#/settings`)
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=backup]')])
  const backup = JSON.parse(readFileSync(await download.path(), 'utf8')) as WorkspaceBackup
  await page.goto(back)
  return backup
}

/** The figures a chart widget draws (its accessible data table), label -> value. */
async function widgetFigures(page: Page, widgetId: string): Promise<[string, string][]> {
  return page.$$eval(`[data-widget-id="${widgetId}"] [data-test=widget-data] tr`, rows => rows.map(r => [r.getAttribute('data-label') ?? '', r.getAttribute('data-value') ?? ''] as [string, string]))
}

async function widgetIdByTitle(page: Page, title: string): Promise<string> {
  const card = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: title }) }).first()
  return (await card.getAttribute('data-widget-id')) ?? ''
}

async function pickOption(page: Page, trigger: string, text: string): Promise<void> {
  await page.click(trigger)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

describe('dashboards: template dashboard, filters, drill-through, building and JSON', () => {
  let session: Session
  let page: Page
  let appId = ''
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should show every widget of the installed sales dashboard with data', async () => {
    await page.click('[data-test=home-from-template]')
    await page.click('[data-test=template-install]')
    await page.click('[data-test=install-start]')
    await page.waitForSelector('[data-test=funnel-overview]', { timeout: 30_000 })
    appId = appIdOf(page)
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(14)
    await expect.poll(() => page.locator('[data-test=widget-kpi]').count(), { timeout: 15_000 }).toBe(4)
    expect(await page.locator('[data-test=widget-needs-config]').count()).toBe(0)
    for (const v of await page.locator('[data-test=kpi-value]').allTextContents()) expect(v.trim()).not.toBe('—')
    const noCanvas = () => page.$$eval('[data-widget-id]', cards => cards.filter(c => c.querySelector('[data-test=widget-chart]') && !c.querySelector('canvas')).map(c => c.getAttribute('data-test')))
    await expect.poll(noCanvas).toEqual([])
    await expect.poll(() => page.locator('[data-test=widget-chart] canvas').count()).toBe(8)
    expect(await page.locator('[data-test=widget-table] tbody tr').count()).toBeGreaterThan(0)
    expect(await page.textContent('[data-test=bottleneck-sentence]')).toContain('瓶颈在')
    const funnel = await widgetFigures(page, await widgetIdByTitle(page, '销售漏斗'))
    expect(funnel.map(f => f[0])).toEqual(['潜在客户识别', '接触和交流', '需求分析', '方案制定', '谈判和异议处理', '成交与签约'])
    expect(Number(funnel[0]?.[1])).toBeGreaterThan(100)
    await shot(page, 'dashboard-template-zh')
    await page.locator('[data-test=card-table]').first().scrollIntoViewIfNeeded()
    await shot(page, 'dashboard-template-lower-zh')
    await page.locator('[data-test=dashboard-title]').scrollIntoViewIfNeeded()
  })

  it('should change the funnel with the date filter to exactly core\'s numbers for that filter', async () => {
    const funnelId = await widgetIdByTitle(page, '销售漏斗')
    const before = await widgetFigures(page, funnelId)
    await pickOption(page, '[data-test^=filter-preset-]', '本季度')
    await expect.poll(async () => JSON.stringify(await widgetFigures(page, funnelId))).not.toBe(JSON.stringify(before))
    const shown = (await widgetFigures(page, funnelId)).map(f => Number(f[1]))
    const backup = await downloadBackup(page)
    await page.waitForSelector('[data-test=dashboard-page]')
    const opp = backup.forms.find(f => f.fields.some(x => x.id === OPP_STAGE) && f.appId === appId)!
    const stage = opp.fields.find(x => x.id === OPP_STAGE) as FieldOf<'stage'>
    const span = daySpanOf({ preset: 'thisQuarter' }, Date.now())!
    const where = compileFilter({ and: [{ field: 'f_opp_created', op: 'between', value: [span.from, span.to] }] }, opp.fields, { now: Date.now() })
    const core = cumulativeFunnel({ records: backup.records[opp.id]!, events: backup.stageEvents.filter(e => e.formId === opp.id), field: stage, options: { where } })
    expect(shown).toEqual(core.steps.map(s => s.count))
    expect(shown[0]).toBeLessThan(Number(before[0]?.[1]))
    await shot(page, 'dashboard-template-filtered-zh')
  })

  it('should open the grid with exactly the records of a clicked funnel layer', async () => {
    const funnelId = await widgetIdByTitle(page, '销售漏斗')
    const figures = await widgetFigures(page, funnelId)
    const layer = 1
    const expected = Number(figures[layer]?.[1])
    const box = (await page.locator(`[data-widget-id="${funnelId}"] [data-test=widget-chart]`).boundingBox())!
    const n = figures.length
    const gap = 3
    const h = (box.height - 8 - 40 - gap * (n - 1)) / n
    // the funnel is drawn in the left half (3% .. 51%), its labels to the right
    await page.mouse.click(box.x + box.width * 0.27, box.y + 8 + layer * (h + gap) + h / 2)
    await page.waitForSelector('[data-test=route-filter-chip]')
    await expect.poll(() => page.textContent('[data-test=record-count]')).toContain(`显示 ${expected} /`)
    await shot(page, 'dashboard-drill-grid-zh')
    await page.goBack()
    await page.waitForSelector('[data-test=dashboard-page]')
  })

  it('should build a dashboard by clicks (funnel, KPI, bar) that survives a reload', async () => {
    await page.click('[data-test=create-dashboard]')
    await fillField(page, 'name-input', '我的看板')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=dashboard-empty]')
    await page.click('[data-test=dashboard-mode]')
    for (const type of ['funnel', 'kpi', 'bar']) {
      await page.locator('[data-test=add-widget]').first().click()
      await page.locator(`[data-test=palette-${type}]:visible`).click()
      await page.waitForSelector('[data-test=config-panel]')
      if (type === 'kpi') await pickOption(page, '[data-test=cfg-metric]', '赢率')
      if (type === 'bar') {
        await fillField(page, 'cfg-title', '按阶段统计')
        await shot(page, 'dashboard-edit-panel-zh')
      }
      await page.locator('[data-test=config-panel] .el-drawer__close-btn').click()
      await page.waitForSelector('[data-test=config-panel]', { state: 'detached' })
    }
    await page.click('[data-test=dashboard-mode]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(3)
    await page.reload()
    await page.waitForSelector('[data-test=dashboard-page]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(3)
    await expect.poll(() => page.locator('[data-test=widget-chart] canvas').count(), { timeout: 15_000 }).toBe(2)
    expect(await page.locator('[data-test=widget-needs-config]').count()).toBe(0)
    expect((await page.textContent('[data-test=kpi-value]'))?.trim()).toMatch(/%$/)
    expect(await page.textContent('[data-test=dashboard-page]')).toContain('按阶段统计')
    await shot(page, 'dashboard-built-zh')
  })

  it('should refuse broken JSON with a clear error and leave the dashboard unchanged', async () => {
    await page.click('[data-test=dashboard-mode]')
    await page.click('[data-test=dashboard-json-open]')
    const area = page.locator('[data-test=dashboard-json]')
    const original = await area.inputValue()
    await area.fill(original.replace('"widgets": [', '"widgets": [,'))
    await expect.poll(() => page.textContent('[data-test=json-errors]')).toContain('JSON 格式错误')
    expect(await page.isDisabled('[data-test=json-apply]')).toBe(true)
    await area.fill(original.replace(/"mode": "cumulative"/, '"mode": "sideways"'))
    await expect.poll(() => page.textContent('[data-test=json-errors]')).toContain('/widgets/0/config/mode')
    await shot(page, 'dashboard-json-error-zh')
    expect(await page.isDisabled('[data-test=json-apply]')).toBe(true)
    await page.locator('.el-dialog__headerbtn').last().click()
    await page.click('[data-test=dashboard-mode]')
    await page.reload()
    await page.waitForSelector('[data-test=dashboard-page]')
    await expect.poll(() => page.locator('[data-widget-id]').count()).toBe(3)
    expect(await page.locator('[data-test=widget-needs-config]').count()).toBe(0)
  })

  it('should show both dashboards in English', async () => {
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    await expect.poll(() => page.textContent('[data-test=dashboard-mode]')).toContain('Edit')
    await shot(page, 'dashboard-built-en')
    await page.locator('[data-test=side-dashboard]').first().click()
    await expect.poll(() => page.locator('[data-test=widget-kpi]').count(), { timeout: 15_000 }).toBe(4)
    await expect.poll(() => page.textContent('[data-test=bottleneck-sentence]')).toContain('The bottleneck is')
    await shot(page, 'dashboard-template-en')
    expect(session.errors).toEqual([])
  })
})
