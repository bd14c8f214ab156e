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
import { cell } from './grid-actions'
import { shot, startSession } from './harness'
import { pickOption } from './io-actions'

const TASK_SUBJECT = 'f_act_subject'
const TASK_DEAL = 'f_act_opportunity'
const STAGE = 'f_opp_stage'
const TITLE = 'f_opp_title'

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
    await page.keyboard.press('Escape')

    expect(await tasksWith(page, activities, `需求调研：${title}`)).toBe(1)
    expect(await cell(page, 0, TASK_DEAL).textContent()).toContain(title)
    expect(await tasksWith(page, activities, '需求调研：')).toBe(before + 1)

    await page.goto(`${session.baseUrl}#${deals}`)
    await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await lane('stage_needs').locator(`[data-test=kanban-card][data-record="${recordId}"]`).waitFor()
    await page.locator('[data-test=kanban-board]').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await lane('stage_contact').locator(`[data-test=kanban-card][data-record="${recordId}"]`).waitFor()
    expect(await tasksWith(page, activities, `需求调研：${title}`)).toBe(0)
  })
})
