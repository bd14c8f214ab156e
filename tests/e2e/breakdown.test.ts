/**
 * Breakdowns (issue #14, part 5) as a user builds and reads one: a breakdown widget added from the
 * palette and set by clicking (group field, stage, ranking), its rows with their sample sizes and
 * the best and worst rows named in words; its group field deleted later in the designer names the
 * widget and the field while the rest of the dashboard still draws.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeConfigPanel, openSalesDashboard, pickConfigOption } from './dashboard-actions'
import { shot, startSession } from './harness'

describe('breakdown widget (zh-CN)', () => {
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

  it('should be set by clicking and show each source\'s figures with its sample and the best and worst rows named', async () => {
    await page.click('[data-test=dashboard-mode]')
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-breakdown]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    // a new breakdown starts on the owner field, overall, ranked by conversion
    expect(await page.textContent('[data-test=cfg-group-field]')).toContain('负责人')
    expect(await page.textContent('[data-test=cfg-breakdown-stage]')).toContain('整体')
    await pickConfigOption(page, '[data-test=cfg-group-field]', '线索来源')
    await pickConfigOption(page, '[data-test=cfg-breakdown-stage]', '需求分析')
    await pickConfigOption(page, '[data-test=cfg-rank-by]', '赢率')
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    const card = page.locator('[data-test=card-breakdown]').last()
    await card.scrollIntoViewIfNeeded()
    const rows = card.locator('[data-test=breakdown-row]')
    await expect.poll(() => rows.count()).toBeGreaterThan(1)
    const head = (await card.locator('thead').textContent()) ?? ''
    expect(head).toContain('线索来源')
    expect(head).toContain('需求分析 → ')
    expect(head).toContain('需求分析 停留（中位）')
    // every row carries its sample: records, x / n of each rate, the visits behind the median
    for (const text of await rows.allTextContents()) {
      expect(text).toMatch(/\d+(\.\d)?%[\d,]+ \/ [\d,]+/)
      expect(text).toMatch(/[\d,]+ 次/)
    }
    const records = (await card.locator('[data-test=breakdown-records]').allTextContents()).map(t => Number(t.replace(/,/g, '')))
    expect(records).toEqual([...records].sort((a, b) => b - a))
    // best and worst in words, not by colour alone
    expect(await card.locator('[data-mark=best] [data-test=breakdown-mark]').first().textContent()).toBe('▲ 最好')
    expect(await card.locator('[data-mark=worst] [data-test=breakdown-mark]').first().textContent()).toBe('▼ 最差')
    expect(await card.textContent()).toContain('最好 / 最差按赢率')
    await shot(page, 'breakdown-zh')
  })

  it('should name the widget and its deleted group field, and the rest of the dashboard still draws', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/app/${appId}/form/${oppId}/design`)
    await page.waitForSelector('[data-test=designer-canvas]')
    // 线索评分's rules read 线索来源, and the designer refuses a rule on a deleted field: the score
    // field goes first, so this test is about the breakdown alone.
    await page.click('[data-test=canvas-field-f_opp_score]')
    await page.click('[data-test=delete-f_opp_score]')
    await page.click('[data-test=canvas-field-f_opp_source]')
    await page.click('[data-test=delete-f_opp_source]')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    const card = page.locator('[data-test=card-breakdown]').last()
    const needs = card.locator('[data-test=widget-needs-config]')
    await needs.waitFor({ timeout: 15_000 })
    expect(await needs.textContent()).toContain('「分组对比」还需要设置')
    expect(await needs.textContent()).toContain('分组字段指向的字段「线索来源」已被删除')
    await expect.poll(() => page.locator('[data-test=card-funnel] [data-test=widget-data] tr').count()).toBeGreaterThan(0)
    await card.scrollIntoViewIfNeeded()
    await shot(page, 'breakdown-deleted-field-zh')
  })
})
