/**
 * Lead scoring (issue 13, part 5) in the browser: a score field whose four rules are built by
 * clicks in the designer ranks five hand-made leads in the expected order; a score cell explains
 * itself (the rules that fired, by click or Enter) in zh-CN and en; deleting a field a rule uses
 * is flagged in the designer, naming the rule and the field; and the learned mode on the public
 * CRM data set shows per-value win rates equal to a plain count of the CSV in this test.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEADS, scoringBackup } from '../fixtures/scoring'
import { CRM_DIR, CRM_SKIP_REASON, hasCrmData } from '../shared-data'
import { openRestored } from './app-actions'
import { closeConfigPanel, openSalesDashboard, pickConfigOption } from './dashboard-actions'
import { addDesignerField, pick } from './designer-actions'
import { cell } from './grid-actions'
import { settled, shot, startSession } from './harness'
import { pickOption } from './io-actions'

/** Adds rule `i` to the selected score field: one condition (field, op, value) and its points. */
async function addRule(page: Page, i: number, field: string, op: string | undefined, value: { pick?: string, fill?: string } | undefined, points: number) {
  await page.click('[data-test=score-add-rule]')
  const rule = page.locator(`[data-test=score-rule-${i}]`)
  await rule.locator('[data-test=filter-add]').first().click()
  const cond = rule.locator('[data-test=filter-condition]').last()
  await cond.locator('[data-test=filter-field]').click()
  await cond.locator('.el-select-dropdown__item:visible', { hasText: field }).first().click()
  if (op) {
    await cond.locator('[data-test=filter-op]').click()
    await cond.locator('.el-select-dropdown__item:visible', { hasText: op }).first().click()
  }
  if (value?.pick) {
    // The value box is replaced by one fitting the field just picked (a 是/否 select for a
    // checkbox); a click that reached the box being replaced opens nothing, so click again.
    const item = cond.locator('.el-select-dropdown__item:visible', { hasText: value.pick }).first()
    for (let attempt = 0; attempt < 3 && !(await item.isVisible()); attempt++) {
      await cond.locator('[data-test=filter-value]').first().click()
      await item.waitFor({ timeout: 4_000 }).catch(() => undefined)
    }
    await item.click()
  }
  if (value?.fill) {
    const input = cond.locator('[data-test=filter-value] input, input[data-test=filter-value]').first()
    await input.fill(value.fill)
    await input.press('Enter')
  }
  const pts = rule.locator('[data-test=score-rule-points] input').first()
  await pts.fill(String(points))
  await pts.press('Enter')
  await expect.poll(() => pts.inputValue()).toBe(String(points))
}

/** Name and score of every grid row, as displayed. */
async function scores(page: Page, scoreCol: string): Promise<[string, number][]> {
  const out: [string, number][] = []
  for (let r = 0; r < LEADS.length; r++) out.push([((await cell(page, r, 'name').textContent()) ?? '').trim(), Number((await cell(page, r, scoreCol).locator('.fg-score-n').textContent())?.replace('−', '-'))])
  return out
}

describe('lead scoring', () => {
  let session: Session
  let page: Page
  let scoreId = ''

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await openRestored(session, scoringBackup(), '/app/app1/form/leads')
  })
  afterAll(async () => session.close())

  it('should rank five hand-made leads by rules built by clicks', async () => {
    await page.goto(`${session.baseUrl}#/app/app1/form/leads/design`)
    await page.waitForSelector('[data-test=designer]')
    scoreId = await addDesignerField(page, 'score', '线索评分')
    await page.waitForSelector('[data-test=score-no-rules]')
    await addRule(page, 0, '行业', undefined, { pick: '制造业' }, 20)
    await addRule(page, 1, '预算', '大于', { fill: '1000000' }, 30)
    await addRule(page, 2, '已知决策人', undefined, { pick: '是' }, 15)
    await addRule(page, 3, '竞争对手', '不为空', undefined, -10)
    await shot(page, 'scoring-rules-zh')
    await page.click('[data-test=designer-save]')
    await page.waitForSelector('[data-test=designer-clean]')
    await page.click('[data-test=designer-open-grid]')
    await cell(page, 4, scoreId).locator('.fg-score').waitFor()
    const shown = await scores(page, scoreId)
    // every lead has the score its hand-computed rules give, so sorting by it gives A B C D E
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(LEADS.map(l => [l.name, l.score])))
    expect(shown.toSorted((a, b) => b[1] - a[1]).map(([n]) => n)).toEqual(['线索A', '线索B', '线索C', '线索D', '线索E'])
  })

  it('should explain a score by click and by Enter on the focused cell', async () => {
    const rowA = LEADS.findIndex(l => l.name === '线索A')
    await cell(page, rowA, scoreId).locator('.fg-score').click()
    const pop = page.locator('[data-test=score-why-popover]:visible')
    await pop.waitFor()
    expect(await pop.locator('[data-test=score-why-line]').allTextContents()).toEqual([
      expect.stringMatching(/行业 等于 制造业\s*\+20/),
      expect.stringMatching(/预算 大于 ¥1,000,000\s*\+30/),
      expect.stringMatching(/已知决策人 等于 是\s*\+15/),
    ])
    await shot(page, 'scoring-why-zh')
    await page.keyboard.press('Escape')
    await expect.poll(() => pop.count()).toBe(0)
    // keyboard: focus E's score cell, Enter opens its reasons, Escape closes them
    const rowE = LEADS.findIndex(l => l.name === '线索E')
    await cell(page, rowE, 'name').click()
    for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement?.getAttribute('col-id')) !== scoreId; i++) await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => [document.activeElement?.closest('.ag-row')?.getAttribute('row-index'), document.activeElement?.getAttribute('col-id')])).toEqual([String(rowE), scoreId])
    await page.keyboard.press('Enter')
    const popE = page.locator('[data-test=score-why-popover]:visible')
    await popE.waitFor()
    expect(await popE.textContent()).toContain('-10 分的依据')
    expect(await popE.locator('[data-test=score-why-line]').allTextContents()).toEqual([expect.stringMatching(/竞争对手 不为空\s*−10/)])
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-test=score-why-popover]:visible').count()).toBe(0)
  })

  it('should flag a rule whose field was deleted, naming the rule and the field', async () => {
    await page.goto(`${session.baseUrl}#/app/app1/form/leads/design`)
    await page.waitForSelector('[data-test=designer]')
    await page.click('[data-test=canvas-field-rival]')
    await page.click('[data-test=delete-rival]')
    await page.click(`[data-test=canvas-field-${scoreId}]`)
    const flag = page.locator('[data-test=score-rule-3] [data-test=score-rule-missing]')
    await flag.waitFor()
    expect(await flag.textContent()).toContain('规则 4 用到的字段「竞争对手」已删除')
    expect(await page.textContent('[data-test=designer-issues]')).toContain('第 4 条评分规则用到的字段「竞争对手」已删除')
    await shot(page, 'scoring-deleted-field-zh')
    await page.click('[data-test=designer-undo]')
    await expect.poll(() => page.locator('[data-test=designer-issues]').count()).toBe(0)
  })

  it('should explain a score in English', async () => {
    await page.goto(`${session.baseUrl}#/app/app1/form/leads`)
    await page.click('[data-test=locale-select]')
    await page.locator('.el-select-dropdown__item:visible', { hasText: 'English' }).click()
    const rowB = LEADS.findIndex(l => l.name === '线索B')
    await cell(page, rowB, scoreId).locator('.fg-score').click()
    const pop = page.locator('[data-test=score-why-popover]:visible')
    await pop.waitFor()
    expect(await pop.textContent()).toContain('Why 35 points')
    expect(await pop.locator('[data-test=score-why-line]').allTextContents()).toEqual([
      expect.stringMatching(/Industry is Manufacturing\s*\+20/),
      expect.stringMatching(/Decision maker known is Yes\s*\+15/),
    ])
    await shot(page, 'scoring-why-en')
    await page.keyboard.press('Escape')
  })
})

describe('most promising leads on the sales-funnel template', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should add the most promising leads table by clicking: open deals by 线索评分, highest first, with why', async () => {
    await openSalesDashboard(page)
    await page.click('[data-test=dashboard-mode]')
    await page.locator('[data-test=add-widget]').first().click()
    await page.locator('[data-test=palette-table]:visible').click()
    await page.waitForSelector('[data-test=config-panel]')
    await pickConfigOption(page, '[data-test=cfg-form]', '商机')
    await pickConfigOption(page, '[data-test=cfg-preset]', '最有潜力的线索')
    await closeConfigPanel(page)
    await page.click('[data-test=dashboard-mode]')
    const card = page.locator('[data-test=card-table]').last()
    await card.scrollIntoViewIfNeeded()
    expect(await card.locator('[data-test=widget-title]').textContent()).toBe('最有潜力的线索')
    const table = card.locator('[data-test=widget-table]')
    await table.locator('tbody tr').first().waitFor({ timeout: 30_000 })
    const head = await table.locator('thead th').allTextContents()
    const at = head.findIndex(h => h.includes('线索评分'))
    expect(head.at(-1)).toContain('评分依据')
    const rows = await table.locator('tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent?.trim() ?? '')))
    expect(rows.length).toBeGreaterThanOrEqual(5)
    const scoresShown = rows.map(r => Number(r[at]))
    expect(scoresShown).toEqual(scoresShown.toSorted((a, b) => b - a))
    expect(scoresShown[0]).toBeGreaterThan(0)
    // the why of the best lead names the rules that gave its points, and they add up to it
    const why = rows[0]!.at(-1)!
    const points = [...why.matchAll(/([+−])(\d+)/g)].reduce((n, m) => n + (m[1] === '−' ? -1 : 1) * Number(m[2]), 0)
    expect(points).toBe(scoresShown[0])
    await settled(page)
    await shot(page, 'scoring-promising-widget-zh')
  })

  it('should open the 最有潜力的线索 view sorted by score', async () => {
    await page.click('[data-test=side-form] >> text=商机')
    await page.locator('[data-test=view-tab]', { hasText: '最有潜力的线索' }).click()
    await page.locator('.ag-row').first().waitFor()
    const col = 'f_opp_score'
    const firstRows: number[] = []
    for (let r = 0; r < 8; r++) firstRows.push(Number(await cell(page, r, col).locator('.fg-score-n').textContent()))
    expect(firstRows).toEqual(firstRows.toSorted((a, b) => b - a))
    await shot(page, 'scoring-promising-view-zh')
  })
})

/** sales_pipeline.csv counted by hand: per value of `column`, won and closed (won + lost) deals. */
function crmCounts(column: string): Map<string, { won: number, n: number }> {
  const [header, ...lines] = readFileSync(`${CRM_DIR}sales_pipeline.csv`, 'utf8').trim().split(/\r?\n/)
  const cols = header!.split(',')
  const at = cols.indexOf(column)
  const stage = cols.indexOf('deal_stage')
  const out = new Map<string, { won: number, n: number }>()
  for (const line of lines) {
    const cells = line.split(',')
    const s = cells[stage]
    if (s !== 'Won' && s !== 'Lost') continue
    const c = out.get(cells[at]!) ?? { won: 0, n: 0 }
    c.n++
    if (s === 'Won') c.won++
    out.set(cells[at]!, c)
  }
  return out
}

describe.skipIf(!hasCrmData)(`learned scores on the CRM data set (${hasCrmData ? 'present' : CRM_SKIP_REASON})`, () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should show each product\'s won / closed and win rate equal to a count of the CSV', async () => {
    await page.click('[data-test=create-app]')
    await page.locator('input[data-test=name-input], [data-test=name-input] input').first().fill('CRM')
    await page.click('[data-test=name-submit]')
    await page.waitForSelector('[data-test=app-title]')
    await page.click('[data-test=create-form-from-file]')
    await page.setInputFiles('[data-test=io-file-input], input[type=file]', { name: 'sales_pipeline.csv', mimeType: 'text/csv', buffer: readFileSync(`${CRM_DIR}sales_pipeline.csv`) })
    await page.waitForSelector('[data-test=nf-fields]')
    await pickOption(page, 'nf-type-4', 'Stage')
    await page.click('[data-test=nf-create]')
    await page.waitForSelector('[data-test=nf-done]', { timeout: 90_000 })
    await page.click('[data-test=nf-open]')
    await page.waitForSelector('[data-test=form-title]')
    const formUrl = page.url().split('?')[0]!.replace(/#\/?/, '#/')
    await page.goto(`${formUrl}/design`)
    await page.waitForSelector('[data-test=designer]')
    await addDesignerField(page, 'score', 'Lead score')
    await page.click('[data-test=score-learn-on]')
    await pick(page, '[data-test=score-learn-fields]', 'product')
    await page.click('[data-test=designer-title]')
    await page.click('[data-test=score-learn]')
    const rows = page.locator('[data-test=score-learned-row]')
    await rows.first().waitFor()
    const counts = crmCounts('product')
    const shown = await rows.evaluateAll(els => els.map(e => ({ label: (e.querySelector('td')?.textContent ?? '').split('·').pop()!.trim(), won: Number(e.getAttribute('data-won')), n: Number(e.getAttribute('data-n')), rate: e.querySelector('[data-test=score-learned-rate]')?.textContent ?? '' })))
    expect(shown).toHaveLength(counts.size)
    for (const row of shown) {
      const c = counts.get(row.label)
      expect(c, row.label).toBeDefined()
      expect({ won: row.won, n: row.n }, row.label).toEqual(c)
      expect(row.rate, row.label).toBe(`${(c!.won / c!.n * 100).toFixed(1)}%`)
    }
    const total = [...counts.values()].reduce((a, c) => ({ won: a.won + c.won, n: a.n + c.n }), { won: 0, n: 0 })
    expect(await page.textContent('[data-test=score-learn-base]')).toContain(`(${total.won} of ${total.n} closed records)`)
    await page.locator('[data-test=score-learned-table]').scrollIntoViewIfNeeded()
    await shot(page, 'scoring-learned-crm-en')
  })
})
