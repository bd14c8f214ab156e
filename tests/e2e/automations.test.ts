/**
 * Automations (智能助手, issue #13): the template's three on their page; a kanban move into
 * 需求分析 creates the 需求调研 task in the same undo step, and its run log says so; the same
 * through paste, batch edit and an import of 100 rows (100 tasks, not 200); an automation built
 * by clicks that would trigger itself is cut after one round with a message; the page in English.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, formHref, installSalesTemplate } from './app-actions'
import { cell, openGrid } from './grid-actions'
import { shot, startSession } from './harness'
import { confirmLeftOutIfAny, pickOption } from './io-actions'

const TASK_SUBJECT = 'f_act_subject'
const TASK_DEAL = 'f_act_opportunity'
const STAGE = 'f_opp_stage'
const TITLE = 'f_opp_title'
// 需求分析 may only be entered with a primary contact (the template's stage rule).
const HAS_CONTACT = { field: 'f_opp_contact', op: 'notEmpty' }

const countText = async (page: Page) => (await page.textContent('[data-test=record-count]'))?.trim() ?? ''

/** How many 跟进记录 records have a subject containing `text` (the grid's "显示 N / 共 M 条记录"). */
async function tasksWith(page: Page, activities: string, text: string): Promise<number> {
  const filter = { and: [{ field: TASK_SUBJECT, op: 'contains', value: text }] }
  await page.goto(`${new URL(page.url()).origin}/#${activities}?filter=${encodeURIComponent(JSON.stringify(filter))}`)
  await page.waitForSelector('[data-test=route-filter-chip]')
  // rows drawn, or the grid's own "no records" overlay
  await page.locator('.ag-row').or(page.locator('.ag-overlay-no-rows-center')).first().waitFor()
  return Number(/(\d[\d,]*)/.exec(await countText(page))?.[1]?.replace(/,/g, '') ?? 'NaN')
}

async function openAutomations(page: Page, app: string): Promise<void> {
  await page.goto(`${app}/automations`)
  await page.waitForSelector('[data-test=automations-page]')
}

async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer()
    dt.setData('text/plain', text)
    const target = document.activeElement ?? document.body
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, text)
}

/** The number of runs the named automation's card reports ("运行 N 次"), 0 when it never ran. */
async function runsOf(page: Page, app: string, name: string): Promise<number> {
  await openAutomations(page, app)
  const text = (await card(page, name).locator('[data-test=automation-runs]').textContent()) ?? ''
  return Number(/运行 (\d+) 次/.exec(text)?.[1] ?? 0)
}

/** The deals' grid (their last view may be the board), optionally filtered through the URL. */
async function openDealsGrid(page: Page, deals: string, ...filter: unknown[]): Promise<void> {
  const query = filter.length ? `?filter=${encodeURIComponent(JSON.stringify({ and: filter }))}` : ''
  await page.goto(`${new URL(page.url()).origin}/#${deals}${query}`)
  const tab = page.locator('[data-test=view-tab]', { hasText: '全部商机' })
  await tab.click()
  if (filter.length) await page.waitForSelector('[data-test=route-filter-chip]')
  await page.locator('.ag-row').first().waitFor()
}

const card = (page: Page, name: string) => page.locator('[data-test=automation-card]', { hasText: name })

describe('automations (zh-CN)', () => {
  let session: Session
  let page: Page
  let app = ''
  let deals = ''
  let activities = ''
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await installSalesTemplate(page)
    app = `${session.baseUrl}#/app/${appIdOf(page)}`
    deals = await formHref(page, '商机')
    activities = await formHref(page, '跟进记录')
  })
  afterAll(async () => session.close())

  it('should list the template\'s three automations in words, from the sidebar', async () => {
    await page.click('[data-test=side-automations]')
    await page.waitForSelector('[data-test=automations-page]')
    await expect.poll(() => page.locator('[data-test=automation-card]').count()).toBe(3)
    const needs = card(page, '需求分析 → 需求调研任务')
    expect(await needs.locator('[data-test=automation-trigger]').textContent()).toBe('「商机」的「销售阶段」进入「需求分析」时')
    expect(await needs.locator('[data-test=automation-action]').first().textContent()).toContain('在「跟进记录」新建一条记录（填写 跟进主题、')
    expect(await needs.locator('[data-test=automation-runs]').textContent()).toContain('还没有运行过')
    expect(await page.locator('[data-test=automation-broken]').count()).toBe(0)
    await shot(page, 'automations-list-zh')
  })

  it('should open its guide from the page, with the worked example and formula references written out', async () => {
    await openAutomations(page, app)
    await page.click('.automations-page .help-link')
    const article = page.locator('[data-test=help-article-helpAutomations]')
    await article.waitFor()
    expect(await article.locator('h2').textContent()).toBe('智能助手（自动化）')
    expect(await article.textContent()).toContain('用 {字段名} 引用触发记录的字段')
    expect(await article.locator('[data-test=help-example]').textContent()).toContain('把一张“接触和交流”的卡片拖到“需求分析”')
    await shot(page, 'help-automations-zh')
  })

  it('should create the research task when a card is dragged into 需求分析, undo both with one Ctrl+Z, and log the run', async () => {
    const before = await tasksWith(page, activities, '需求调研：')
    await page.goto(`${session.baseUrl}#${deals}`)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await page.waitForSelector('[data-test=kanban-board]')
    const lane = (key: string) => page.locator(`[data-test=kanban-lane][data-lane="${key}"]`)
    const card0 = lane('stage_contact').locator('[data-test=kanban-card]').first()
    const recordId = (await card0.getAttribute('data-record')) ?? ''
    const title = ((await card0.locator('.kc-title').textContent()) ?? '').trim()
    expect(title).not.toBe('')
    await card0.dragTo(lane('stage_needs').locator('.kl-cards'))
    await lane('stage_needs').locator(`[data-test=kanban-card][data-record="${recordId}"]`).waitFor()

    await openAutomations(page, app)
    const needs = card(page, '需求分析 → 需求调研任务')
    await expect.poll(() => needs.locator('[data-test=automation-runs]').textContent()).toContain('运行 1 次')
    await needs.locator('[data-test=automation-log]').click()
    const run = page.locator('[data-test=automation-run]').first()
    expect(await run.locator('[data-test=automation-run-record]').textContent()).toBe(title)
    expect(await run.locator('[data-test=automation-run-effect]').textContent()).toBe('在「跟进记录」新建了一条记录')
    await shot(page, 'automations-run-log-zh')
    // the record the run created opens from its line
    await run.locator('[data-test=automation-run-open-created]').click()
    await expect.poll(() => page.locator('[data-test=form-item-f_act_subject] input').inputValue()).toBe(`需求调研：${title}`)

    expect(await tasksWith(page, activities, `需求调研：${title}`)).toBe(1)
    expect(await cell(page, 0, TASK_DEAL).textContent()).toContain(title)
    // the task's change log names the automation that created it
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().check()
    await page.click('[data-test=open-details]')
    await page.locator('[data-test=record-drawer] .el-tabs__item', { hasText: '修改记录' }).click()
    expect(await page.locator('[data-test=change-automation]').first().textContent()).toBe('由智能助手「需求分析 → 需求调研任务」')
    await page.keyboard.press('Escape')
    expect(await tasksWith(page, activities, '需求调研：')).toBe(before + 1)

    await page.goto(`${session.baseUrl}#${deals}`)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await lane('stage_needs').locator(`[data-test=kanban-card][data-record="${recordId}"]`).waitFor()
    await page.locator('[data-test=kanban-board]').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await lane('stage_contact').locator(`[data-test=kanban-card][data-record="${recordId}"]`).waitFor()
    expect(await tasksWith(page, activities, `需求调研：${title}`)).toBe(0)
  })
  it('should fire once per deal moved by a paste into the stage column', async () => {
    const before = await tasksWith(page, activities, '需求调研：')
    await openDealsGrid(page, deals, { field: STAGE, op: 'eq', value: 'stage_contact' }, HAS_CONTACT)
    const titles = await Promise.all([0, 1, 2].map(async r => ((await cell(page, r, TITLE).textContent()) ?? '').trim()))
    await cell(page, 0, STAGE).click()
    await pasteText(page, '需求分析\r\n需求分析\r\n需求分析')
    await expect.poll(() => page.locator('.el-message--success').count()).toBeGreaterThan(0)
    expect(await tasksWith(page, activities, '需求调研：')).toBe(before + 3)
    for (const title of titles) expect(await tasksWith(page, activities, `需求调研：${title}`)).toBe(1)
  })

  it('should fire once per deal of a batch edit', async () => {
    const before = await tasksWith(page, activities, '需求调研：')
    await openDealsGrid(page, deals, { field: STAGE, op: 'eq', value: 'stage_lead' }, HAS_CONTACT)
    for (const r of [0, 1]) await page.locator(`.ag-row[row-index="${r}"] .ag-selection-checkbox input`).first().check()
    await page.click('[data-test=batch-button]')
    await page.click('[data-test=batch-scope-selected]')
    await pickOption(page, 'batch-field', '销售阶段')
    await pickOption(page, 'batch-value', '需求分析')
    await page.click('[data-test=batch-run]')
    await expect.poll(() => page.locator('[data-test=batch-dialog]').count()).toBe(0)
    expect(await tasksWith(page, activities, '需求调研：')).toBe(before + 2)
  })

  it('should create 100 tasks, not 200, for an import of 100 deals in 需求分析', async () => {
    const before = await tasksWith(page, activities, '需求调研：')
    const runs = await runsOf(page, app, '需求分析 → 需求调研任务')
    // linked by record id (the import takes an id as well as a title; titles may repeat)
    const firstId = async (form: string) => {
      await openGrid(page, await formHref(page, form))
      return (await page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')) ?? ''
    }
    const [account, contact] = [await firstId('客户'), await firstId('联系人')]
    const csv = ['商机名称,客户,主要联系人,销售阶段', ...Array.from({ length: 100 }, (_, i) => `导入商机${i + 1},${account},${contact},需求分析`)].join('\n')
    await openDealsGrid(page, deals)
    await page.locator('[data-test=import-open]').first().click()
    await page.waitForSelector('[data-test=io-records-panel]')
    await page.setInputFiles('[data-test=io-file-input]', { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.waitForSelector('[data-test=io-mapping]')
    await confirmLeftOutIfAny(page)
    await page.click('[data-test=io-plan]')
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]')
    expect(await page.textContent('[data-test=io-done-summary]')).toContain('100')
    await page.click('[data-test=io-finish]')
    expect(await tasksWith(page, activities, '需求调研：')).toBe(before + 100)
    expect(await tasksWith(page, activities, '需求调研：导入商机')).toBe(100)
    expect(await runsOf(page, app, '需求分析 → 需求调研任务')).toBe(runs + 100)
  })

  it('should build an automation by clicks, and cut it after one round when it would trigger itself', async () => {
    await openAutomations(page, app)
    await page.click('[data-test=automation-new]')
    await page.waitForSelector('[data-test=automation-editor]')
    await page.fill('input[data-test=automation-name-input]', '需求复核标记')
    await pickOption(page, 'trigger-form', '商机')
    await pickOption(page, 'trigger-kind', '字段被修改')
    await pickOption(page, 'trigger-field', '客户需求')
    expect(await page.textContent('[data-test=automation-problems]')).toContain('请至少添加一个动作')
    await page.click('[data-test=automation-add-action]')
    await page.click('[data-test=automation-add-setFields]')
    await page.click('[data-test=step-add-value]')
    await pickOption(page, 'mapping-field', '客户需求')
    await pickOption(page, 'mapping-source', '公式')
    await page.fill('textarea[data-test=mapping-formula]', '{客户需求} & "（已复核）"')
    await page.locator('[data-test=automation-editor] [data-test=formula-ok]').waitFor()
    await expect.poll(() => page.locator('[data-test=automation-problems]').count()).toBe(0)
    await shot(page, 'automations-editor-zh')
    await page.click('[data-test=automation-save]')
    const made = card(page, '需求复核标记')
    await made.waitFor()
    expect(await made.locator('[data-test=automation-trigger]').textContent()).toBe('「商机」的「客户需求」被修改时')
    expect(await made.locator('[data-test=automation-action]').textContent()).toBe('修改本记录的 客户需求')

    await openDealsGrid(page, deals, { field: STAGE, op: 'eq', value: 'stage_proposal' })
    const recordId = (await page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')) ?? ''
    await page.goto(`${app}/form/${deals.split('/').pop()}/record/${recordId}`)
    const needs = page.locator('[data-test=form-item-f_opp_needs] textarea')
    await needs.fill('要移动端审批')
    await page.click('[data-test=record-submit]')
    await expect.poll(() => page.locator('.el-message--warning').allTextContents()).toContainEqual(expect.stringContaining('智能助手「需求复核标记」的修改会再次触发它自己，已在第一轮后停止'))
    // the saved form returns to the grid; only then open the record again
    await expect.poll(() => page.url()).not.toContain('/record/')
    await page.goto(`${app}/form/${deals.split('/').pop()}/record/${recordId}`)
    await expect.poll(() => needs.inputValue()).toBe('要移动端审批（已复核）')
    await shot(page, 'automations-loop-cut-zh')
  })
})

describe('automations (en)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'en' })
    page = await session.open()
    await installSalesTemplate(page)
  })
  afterAll(async () => session.close())

  it('should show the automations and their editor in English', async () => {
    await page.click('[data-test=side-automations]')
    await expect.poll(() => page.locator('[data-test=automation-card]').count()).toBe(3)
    const first = page.locator('[data-test=automation-card]').first()
    expect(await first.locator('[data-test=automation-trigger]').textContent()).toBe('When "Stage" of "Opportunities" enters "Needs analysis"')
    expect(await first.locator('[data-test=automation-runs]').textContent()).toContain('Has not run yet')
    await shot(page, 'automations-list-en')
    await first.locator('[data-test=automation-edit]').click()
    await page.waitForSelector('[data-test=automation-editor]')
    expect(await page.locator('[data-test=automation-step-0]').textContent()).toContain('Create a record')
    expect(await page.locator('[data-test=automation-problems]').count()).toBe(0)
    await shot(page, 'automations-editor-en')
    await page.click('[data-test=automation-cancel]')
  })

  it('should be usable at phone width: the list and the editor fit 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    const sideways = () => page.evaluate(() => Math.max(document.documentElement.scrollWidth - window.innerWidth, ...[...document.querySelectorAll<HTMLElement>('.automations-page, .automation-editor .el-dialog__body')].map(el => el.scrollWidth - el.clientWidth)))
    await page.locator('[data-test=automation-card]').first().waitFor()
    expect(await sideways()).toBeLessThanOrEqual(0)
    await shot(page, 'automations-list-phone-en')
    await page.locator('[data-test=automation-edit]').first().click()
    await page.waitForSelector('[data-test=automation-editor]')
    expect(await sideways()).toBeLessThanOrEqual(0)
    await shot(page, 'automations-editor-phone-en')
    await page.click('[data-test=automation-cancel]')
    await page.setViewportSize({ width: 1360, height: 860 })
  })
})
