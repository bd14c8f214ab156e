/**
 * Forecast (issue 13, part 4), on the installed sales-funnel template, in zh-CN and en: a
 * probability set by hand on a deal's record page is marked manual, survives a reload and a later
 * stage change (its category follows the stage), the weighted pipeline equals Σ amount ×
 * probability over the open deals of a backup, the forecast widget's figures equal the backup's
 * deals summed by category and month, 恢复阶段默认 gives the stage's defaults back, and a stage's
 * default category is set by clicking in the stage editor.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FieldOf, RecordRow, WorkspaceBackup } from '../../src/core/schema/types'
import { appIdOf, installSalesTemplate } from './app-actions'
import { downloadBackup, pickOption } from './io-actions'
import { shot, startSession } from './harness'

const WORDS = {
  'zh-CN': { proposal: '方案制定', manual: '手动', follows: '阶段默认', bestCase: '可能成交', forecast: '销售预测', weighted: '加权管道金额', needs: '需求分析' },
  'en': { proposal: 'Proposal', manual: 'manual', follows: 'stage default', bestCase: 'Best case', forecast: 'Forecast', weighted: 'Weighted pipeline', needs: 'Needs analysis' },
} as const

type Locale = keyof typeof WORDS
type Sums = Record<string, number>

/** The text box of a form field (Element Plus puts data-test on the input itself or on its wrapper). */
const input = (id: string) => `input[data-test=input-${id}], [data-test=input-${id}] input`

/** Money as the cards show it: ¥, thousands separators, no decimals from 100 up. */
const yuan = (v: number, locale: Locale) => `¥${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v)}`

function oppOf(backup: WorkspaceBackup) {
  const form = backup.forms.find(f => f.fields.some(x => x.id === 'f_opp_stage'))!
  const stage = form.fields.find(x => x.id === 'f_opp_stage') as FieldOf<'stage'>
  const kind = new Map(stage.options.stages.map(s => [s.id, s.kind]))
  return { form, stage, kind, records: backup.records[form.id] ?? [] }
}

/** Σ amount × probability / 100 over the open deals (the weighted pipeline), counted here. */
function weightedOf(backup: WorkspaceBackup): number {
  const { kind, records } = oppOf(backup)
  return records.reduce((sum, r) => {
    const a = r.values.f_opp_amount
    return kind.get(r.values.f_opp_stage as string) === 'open' && typeof a === 'number' ? sum + a * (r.values.f_opp_probability as number) / 100 : sum
  }, 0)
}

/** Per category, and per month and category: the deals' amounts and counts (won by closed date, the others by expected close; lost left out). */
function forecastOf(backup: WorkspaceBackup): { amounts: Sums, counts: Sums, months: Map<string, Sums> } {
  const { kind, records } = oppOf(backup)
  const amounts: Sums = { closed: 0, commit: 0, bestCase: 0, pipeline: 0 }
  const counts: Sums = { closed: 0, commit: 0, bestCase: 0, pipeline: 0 }
  const months = new Map<string, Sums>()
  for (const r of records) {
    const k = kind.get(r.values.f_opp_stage as string)
    if (k === 'lost' || k === undefined) continue
    const category = k === 'won' ? 'closed' : r.values.f_opp_forecast as string
    if (category === 'omitted') continue
    const date = (k === 'won' ? r.values.f_opp_closed_date : r.values.f_opp_expected_close) as string | undefined
    if (!date) continue
    const a = (r.values.f_opp_amount as number | undefined) ?? 0
    amounts[category]! += a
    counts[category]!++
    const m = months.get(date.slice(0, 7)) ?? { closed: 0, commit: 0, bestCase: 0, pipeline: 0 }
    m[category]! += a
    months.set(date.slice(0, 7), m)
  }
  return { amounts, counts, months }
}

describe.each(['zh-CN', 'en'] as const)('forecast (%s)', (locale) => {
  const w = WORDS[locale]
  let session: Session
  let page: Page
  let base = ''
  let home = ''
  let dashboard = ''
  let deal: RecordRow

  beforeAll(async () => {
    session = await startSession({ locale })
    page = await session.open()
    await installSalesTemplate(page)
    const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
    home = `${session.baseUrl}#/app/${appIdOf(page)}`
    base = `${home}/form/${oppId}`
    dashboard = `${session.baseUrl}${(await page.locator('[data-test=side-dashboard]').first().getAttribute('href')) ?? ''}`
    // a deal in 需求分析 following its stage, with what 方案制定's gate asks (amount, needs)
    const { records } = oppOf(await downloadBackup<WorkspaceBackup>(page))
    deal = records.find(r => r.values.f_opp_stage === 'stage_needs' && typeof r.values.f_opp_amount === 'number' && r.values.f_opp_needs && !r.values.f_opp_forecast_manual)!
    expect(deal).toBeDefined()
  })
  afterAll(async () => session.close())

  const panel = () => page.locator('[data-test=record-forecast]')
  async function openDeal() {
    await page.goto('about:blank')
    await page.goto(`${base}/record/${deal.id}`)
    await panel().waitFor()
  }
  async function stored(): Promise<RecordRow> {
    const { records } = oppOf(await downloadBackup<WorkspaceBackup>(page))
    return records.find(r => r.id === deal.id)!
  }

  it('should mark a probability typed on the record page as manual, through a reload', async () => {
    await openDeal()
    expect(await panel().locator('[data-test=forecast-probability]').getAttribute('data-manual')).toBe('false')
    expect(await panel().locator('[data-test=forecast-probability]').textContent()).toContain('40%')
    await page.fill(input('f_opp_probability'), '75')
    await page.click('[data-test=record-submit]')
    await page.waitForURL(u => !u.hash.includes('/record/'))
    await openDeal()
    await page.reload()
    await panel().waitFor()
    const prob = panel().locator('[data-test=forecast-probability]')
    expect(await prob.getAttribute('data-manual')).toBe('true')
    expect(await prob.textContent()).toContain('75%')
    expect(await prob.textContent()).toContain(w.manual)
  })

  it('should keep the manual probability through a later stage change while the category follows the stage', async () => {
    await openDeal()
    await pickOption(page, 'input-f_opp_stage', w.proposal)
    await page.click('[data-test=record-submit]')
    await page.waitForURL(u => !u.hash.includes('/record/'))
    await openDeal()
    const prob = panel().locator('[data-test=forecast-probability]')
    expect(await prob.textContent()).toContain('75%')
    expect(await prob.getAttribute('data-manual')).toBe('true')
    const cat = panel().locator('[data-test=forecast-category]')
    expect(await cat.textContent()).toContain(w.bestCase)
    expect(await cat.textContent()).toContain(w.follows)
    await shot(page, `forecast-record-${locale}`)
    expect((await stored()).values).toMatchObject({ f_opp_stage: 'stage_proposal', f_opp_probability: 75, f_opp_forecast: 'bestCase', f_opp_forecast_manual: ['probability'] })
  })

  it('should give the weighted pipeline as Σ amount × probability and the forecast\'s figures as the deals counted by category and month', async () => {
    const backup = await downloadBackup<WorkspaceBackup>(page)
    const weighted = weightedOf(backup)
    const expected = forecastOf(backup)
    await page.goto('about:blank')
    await page.goto(dashboard)
    const kpi = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: w.weighted }) }).locator('[data-test=kpi-value]')
    await expect.poll(() => kpi.textContent(), { timeout: 30_000 }).toBe(yuan(weighted, locale))
    const card = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: w.forecast }) })
    const fc = card.locator('[data-test=widget-forecast]')
    await fc.waitFor()
    expect(Number(await fc.locator('[data-test=forecast-weighted]').getAttribute('data-value'))).toBeCloseTo(weighted, 6)
    for (const c of ['closed', 'commit', 'bestCase', 'pipeline']) {
      const item = fc.locator(`[data-test=forecast-total][data-category=${c}]`)
      expect(Number(await item.getAttribute('data-amount')), c).toBeCloseTo(expected.amounts[c]!, 6)
      expect(Number(await item.getAttribute('data-count')), c).toBe(expected.counts[c])
      expect(await item.locator('strong').textContent(), c).toBe(yuan(expected.amounts[c]!, locale))
      expect(expected.amounts[c], c).toBeGreaterThan(0)
    }
    const rows = await fc.locator('[data-test=widget-data] tr[data-month]').evaluateAll(trs => trs.map(tr => [
      tr.getAttribute('data-month'),
      Object.fromEntries([...tr.querySelectorAll('td[data-category]')].map(td => [td.getAttribute('data-category'), Number(td.getAttribute('data-amount'))])),
      tr.getAttribute('data-target'),
    ] as [string, Sums, string]))
    const shown = new Map(rows.map(([m, sums]) => [m, sums]))
    for (const [month, sums] of expected.months) expect(shown.get(month), month).toEqual(sums)
    expect(rows.some(([, , target]) => Number(target) > 0)).toBe(true)
    await card.scrollIntoViewIfNeeded()
    await shot(page, `forecast-widget-${locale}`)
  })

  it('should give both values the stage defaults back with 恢复阶段默认', async () => {
    await openDeal()
    await panel().locator('[data-test=forecast-reset]').click()
    const prob = panel().locator('[data-test=forecast-probability]')
    await expect.poll(() => prob.getAttribute('data-manual')).toBe('false')
    expect(await prob.textContent()).toContain('60%')
    expect(await panel().locator('[data-test=forecast-reset]').isDisabled()).toBe(true)
    const after = await stored()
    expect(after.values).toMatchObject({ f_opp_probability: 60, f_opp_forecast: 'bestCase' })
    expect(after.values.f_opp_forecast_manual ?? null).toBeNull()
  })

  it('should set a stage\'s default category by clicking in the stage editor, and give it to the deals following it', async () => {
    await page.goto('about:blank')
    await page.goto(home)
    await page.locator('[data-test=stage-settings]').first().click()
    const row = page.locator('[data-test=stage-row][data-stage=stage_needs]')
    await row.locator('[data-test=stage-category]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: w.bestCase }).first().click()
    await expect.poll(() => row.locator('[data-test=stage-category]').textContent()).toContain(w.bestCase)
    await shot(page, `forecast-stage-editor-${locale}`)
    await page.click('[data-test=stage-save]')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })
    const { records, stage } = oppOf(await downloadBackup<WorkspaceBackup>(page))
    expect(stage.options.stages.find(s => s.id === 'stage_needs')?.forecastCategory).toBe('bestCase')
    const needs = records.filter(r => r.values.f_opp_stage === 'stage_needs')
    expect(needs.length).toBeGreaterThan(0)
    for (const r of needs) {
      const manual = (r.values.f_opp_forecast_manual ?? []) as string[]
      if (!manual.includes('category')) expect(r.values.f_opp_forecast, r.id).toBe('bestCase')
    }
  })
})
