/**
 * Sales funnel acceptance (issue #5): install the template with demo data, move an opportunity
 * through the grid (gate and loss-reason rules), see its stage history, customise stages and see
 * the grid and the funnel overview follow.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cell } from './grid-actions'
import { appIdOf } from './app-actions'
import { shot, startSession } from './harness'

const STAGE = 'f_opp_stage'
const AMOUNT = 'f_opp_amount'
const NEEDS = 'f_opp_needs'
const TITLE = 'f_opp_title'

/** Installs the sales-funnel template from the home page's empty state; returns app and opportunity form ids. */
async function installFromHome(page: Page, shotPrefix?: string): Promise<{ appId: string, oppId: string }> {
  await page.click('[data-test=home-from-template]')
  await page.waitForSelector('[data-test=template-sales-funnel]')
  if (shotPrefix) await shot(page, `${shotPrefix}-gallery`)
  await page.click('[data-test=template-install]')
  await page.waitForSelector('[data-test=install-dialog]')
  if (shotPrefix) await shot(page, `${shotPrefix}-install-dialog`)
  await page.click('[data-test=install-start]')
  await page.waitForSelector('[data-test=install-progress]')
  await page.waitForSelector('[data-test=funnel-overview]', { timeout: 30_000 })
  const appId = appIdOf(page)
  const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
  return { appId, oppId }
}

/** The opportunity grid showing only records currently in `stageId` (a dashboard-style link), plus extra conditions. */
async function openStageRows(page: Page, ids: { appId: string, oppId: string }, stageId: string, extra: { field: string, op: string }[] = []): Promise<void> {
  const filter = { and: [{ field: STAGE, op: 'eq', value: stageId }, ...extra] }
  await page.goto(`${new URL(page.url()).origin}/#/app/${ids.appId}/form/${ids.oppId}?filter=${encodeURIComponent(JSON.stringify(filter))}`)
  await page.waitForSelector('[data-test=route-filter-chip]')
  await cell(page, 0, STAGE).waitFor()
}

/** Rows (as displayed) and the text of some of their cells. */
async function rowTexts(page: Page, cols: string[]): Promise<{ row: number, id: string, text: Record<string, string> }[]> {
  const rendered = await renderedRows(page)
  const out: { row: number, id: string, text: Record<string, string> }[] = []
  for (const [row, id] of rendered) {
    const text: Record<string, string> = {}
    // the stage's own label, without its stalled badge ("停滞 N 天")
    for (const c of cols) text[c] = (await cell(page, row, c).evaluate((el) => {
      const copy = el.cloneNode(true) as Element
      copy.querySelector('[data-test=stage-alert]')?.remove()
      return copy.textContent ?? ''
    })).trim()
    out.push({ row, id, text })
  }
  return out
}

/** Rendered grid rows as [row index, record id], in display order (pinned and centre parts merged). */
async function renderedRows(page: Page): Promise<[number, string][]> {
  const pairs = await page.$$eval('.ag-row[row-index]', els => els.map(e => [Number(e.getAttribute('row-index')), e.getAttribute('row-id') ?? ''] as [number, string]))
  return [...new Map(pairs).entries()].sort((a, b) => a[0] - b[0])
}

/** Double-clicks a stage cell and picks a stage in the editor. */
async function pickStage(page: Page, row: number, stageId: string): Promise<void> {
  await cell(page, row, STAGE).dblclick()
  await page.waitForSelector('[data-test=pick-editor]')
  await page.click(`[data-test=pick-${stageId}]`)
}

async function lastMessage(page: Page): Promise<string> {
  const msg = page.locator('.el-message--error').last()
  await msg.waitFor()
  return (await msg.textContent()) ?? ''
}

describe('sales funnel: template install, stage rules, history and stage settings (zh-CN)', () => {
  let session: Session
  let page: Page
  let ids: { appId: string, oppId: string }
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should install the template with demo data, showing progress, and open a living funnel', async () => {
    await page.waitForSelector('[data-test=home-empty]')
    expect(await page.textContent('[data-test=home-from-template]')).toContain('从模板安装')
    ids = await installFromHome(page, 'funnel-zh')
    expect(ids.appId).not.toBe('')
    await expect.poll(() => page.locator('[data-test=side-form]').count()).toBe(11)
    const steps = page.locator('[data-test=funnel-step]')
    await expect.poll(() => steps.count()).toBe(6)
    expect(await steps.first().locator('[data-test=funnel-step-count]').textContent()).toBe('600')
    expect(await page.textContent('[data-test=funnel-win-rate]')).toMatch(/\d+\.\d%/)
    expect(await page.textContent('[data-test=funnel-section]')).toContain('需求分析')
    await shot(page, 'funnel-app-home-zh')
  })

  it('should refuse entering 方案制定 while its required fields are empty and name them', async () => {
    await openStageRows(page, ids, 'stage_needs', [{ field: AMOUNT, op: 'empty' }])
    const rows = await rowTexts(page, [STAGE, AMOUNT])
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every(r => r.text[STAGE] === '需求分析' && r.text[AMOUNT] === '')).toBe(true)
    const lacking = rows[0]
    await pickStage(page, lacking!.row, 'stage_proposal')
    const message = await lastMessage(page)
    expect(message).toContain('进入阶段「方案制定」前，请先填写')
    expect(message).toContain('「预计金额」')
    await expect.poll(() => cell(page, lacking!.row, STAGE).textContent()).toContain('需求分析')
    await shot(page, 'funnel-gate-refused-zh')
  })

  it('should move an opportunity from 需求分析 to 方案制定 in the grid and show it in its stage history', async () => {
    await openStageRows(page, ids, 'stage_needs', [{ field: AMOUNT, op: 'notEmpty' }, { field: NEEDS, op: 'notEmpty' }])
    const rows = await rowTexts(page, [STAGE, AMOUNT, TITLE])
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every(r => r.text[STAGE] === '需求分析' && r.text[AMOUNT] !== '')).toBe(true)
    const ready = rows[0]
    const before = rows.length
    await pickStage(page, ready!.row, 'stage_proposal')
    // It left the filtered rows: the grid shows only records still in 需求分析.
    await expect.poll(async () => (await renderedRows(page)).length).toBe(before - 1)
    await page.click('[data-test=route-filter-remove]')
    await page.locator('[data-test=view-search] input, input[data-test=view-search]').first().fill(ready!.text[TITLE]!)
    const row = page.locator(`.ag-row[row-id="${ready!.id}"]`)
    await openDrawerOf(page, row)
    await page.locator('.el-tabs__item', { hasText: '阶段历程' }).click()
    const names = page.locator('[data-test=record-drawer] [data-test=stage-timeline-name]')
    await expect.poll(async () => (await names.allTextContents()).slice(-2)).toEqual(['需求分析', '方案制定'])
    expect(await page.locator('[data-test=record-drawer] [data-test=stage-timeline-entry]').last().textContent()).toContain('当前')
    await shot(page, 'funnel-timeline-zh')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
    await page.locator('[data-test=view-search] input, input[data-test=view-search]').first().fill('')
    await expect.poll(async () => (await renderedRows(page)).length).toBeGreaterThan(5)
  })

  it('should refuse moving to 输单 without a loss reason', async () => {
    await openStageRows(page, ids, 'stage_needs')
    await pickStage(page, 0, 'stage_lost')
    const message = await lastMessage(page)
    expect(message).toContain('移入「输单」需要输单原因')
    expect(message).toContain('「输单原因」')
    await expect.poll(() => cell(page, 0, STAGE).textContent()).toContain('需求分析')
  })

  it('should rename a stage in the stage settings and show the new name in the funnel overview and the grid', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/app/${ids.appId}`)
    await page.waitForSelector('[data-test=funnel-overview] [data-test=funnel-step]')
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    const nameZh = page.locator('[data-test=stage-row][data-stage=stage_needs] input[data-test=stage-name], [data-test=stage-row][data-stage=stage_needs] [data-test=stage-name] input').first()
    await nameZh.fill('需求确认')
    await shot(page, 'funnel-stage-editor-zh')
    await page.click('[data-test=stage-save]')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })
    await expect.poll(() => page.locator('[data-test=funnel-step][data-stage=stage_needs] [data-test=funnel-step-name]').textContent()).toBe('需求确认')
    await openStageRows(page, ids, 'stage_needs')
    await expect.poll(() => cell(page, 0, STAGE).textContent()).toContain('需求确认')
    await page.reload()
    await cell(page, 0, STAGE).waitFor()
    await expect.poll(() => cell(page, 0, STAGE).textContent()).toContain('需求确认')
  })

  it('should move a card on the pipeline board and show the move in its stage history', async () => {
    await page.goto(`${new URL(page.url()).origin}/#/app/${ids.appId}/form/${ids.oppId}`)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await page.waitForSelector('[data-test=kanban-board]')
    const lane = (key: string) => page.locator(`[data-test=kanban-lane][data-lane="${key}"]`)
    const count = async (key: string) => Number(await lane(key).locator('[data-test=kanban-count]').textContent())
    const [lead, contact] = [await count('stage_lead'), await count('stage_contact')]
    const card = lane('stage_lead').locator('[data-test=kanban-card]').first()
    const recordId = await card.getAttribute('data-record')
    await card.dragTo(lane('stage_contact').locator('.kl-cards'))
    await expect.poll(() => count('stage_contact')).toBe(contact + 1)
    expect(await count('stage_lead')).toBe(lead - 1)
    await lane('stage_contact').locator(`[data-test=kanban-card][data-record="${recordId}"]`).click()
    await page.waitForSelector('[data-test=record-drawer]')
    await page.locator('.el-tabs__item', { hasText: '阶段历程' }).click()
    const names = page.locator('[data-test=record-drawer] [data-test=stage-timeline-name]')
    await expect.poll(async () => (await names.allTextContents()).at(-1)).toBe('接触和交流')
    await page.keyboard.press('Escape')
  })
})

/** Opens the record drawer of a rendered row: select it, then "details". */
async function openDrawerOf(page: Page, row: ReturnType<Page['locator']>): Promise<void> {
  await row.first().waitFor()
  await row.locator('.ag-selection-checkbox input, .ag-checkbox-input').first().check()
  await page.click('[data-test=open-details]')
  await page.waitForSelector('[data-test=record-drawer]')
}

describe('sales funnel in English', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await session.open()
  })
  afterAll(async () => session.close())

  it('should show the gallery, the funnel overview and the stage settings in English', async () => {
    await page.waitForSelector('[data-test=home-empty]')
    expect(await page.textContent('[data-test=home-from-template]')).toContain('Install from a template')
    await installFromHome(page, 'funnel-en')
    expect(await page.textContent('[data-test=funnel-section]')).toContain('Needs analysis')
    expect(await page.textContent('[data-test=funnel-win-rate]')).toContain('Win rate')
    await shot(page, 'funnel-app-home-en')
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    await page.click('[data-test=stage-row][data-stage=stage_contact] [data-test=stage-remove]')
    await page.waitForSelector('[data-test=stage-removals]')
    await page.click('[data-test=stage-save]')
    expect(await page.textContent('[data-test=stage-problems]')).toContain('Pick a new stage for the')
    await shot(page, 'funnel-stage-editor-en')
    await page.click('[data-test=stage-keep]')
    await page.locator('[data-test=stage-editor] .el-dialog__footer button').first().click()
  })

  it('should show a stage history in English', async () => {
    const oppId = (await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''
    await page.click('[data-test=funnel-overview] [data-test=funnel-open-form]')
    await cell(page, 0, STAGE).waitFor()
    expect(page.url()).toContain(oppId)
    const row = page.locator('.ag-row[row-index="0"]')
    await openDrawerOf(page, row)
    await page.locator('.el-tabs__item', { hasText: 'Stage history' }).click()
    await expect.poll(() => page.locator('[data-test=record-drawer] [data-test=stage-timeline-entry]').count()).toBeGreaterThan(0)
    expect(await page.textContent('[data-test=record-drawer] [data-test=stage-timeline]')).toMatch(/entered .* · [\d.]+ days/)
    await shot(page, 'funnel-timeline-en')
  })
})
