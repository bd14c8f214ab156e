/**
 * A lead score whose rule reads a date relative to today (最近跟进 在最近 30 天内 +10) is not
 * left as it was computed at the last edit: with the page clock moved 40 days on and nobody
 * editing, reopening the form gives the lead its score for the new day.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FieldDef, WorkspaceBackup } from '../../src/core/schema/types'
import { openRestored } from './app-actions'
import { creationHistory, rowsAt } from '../fixtures/backup-rows'
import { cell } from './grid-actions'
import { startSession } from './harness'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 16, 4)
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

const FIELDS: FieldDef[] = [
  { id: 'title', type: 'text', label: { 'zh-CN': '线索', 'en': 'Lead' } },
  { id: 'last', type: 'date', label: { 'zh-CN': '最近跟进', 'en': 'Last contact' } },
  { id: 'score', type: 'score', label: { 'zh-CN': '线索评分', 'en': 'Lead score' }, options: { rules: [
    { id: 'recent', when: { and: [{ field: 'last', op: 'lastNDays', value: 30 }] }, points: 10 },
  ] } },
]

function backup(): WorkspaceBackup {
  const records = rowsAt(T0 - DAY, 'l', [
    { title: '华东制造', last: iso(T0 - 5 * DAY), score: 10 },
    { title: '华南零售', last: iso(T0 - 60 * DAY), score: 0 },
  ])
  return {
    schemaVersion: 1,
    kind: 'funnelgrid-backup',
    exportedAt: T0,
    settings: { schemaVersion: 1, members: [{ id: 'm1', name: '王芳', color: '#409eff' }], currentMemberId: 'm1' },
    apps: [{ schemaVersion: 1, id: 'crm', name: { 'zh-CN': '销售管理', 'en': 'Sales' }, formIds: ['leads'], dashboardIds: [], createdAt: T0, updatedAt: T0 }],
    forms: [{ schemaVersion: 1, id: 'leads', appId: 'crm', name: { 'zh-CN': '线索', 'en': 'Leads' }, fields: FIELDS, titleField: 'title', createdAt: T0, updatedAt: T0 }],
    views: [{ schemaVersion: 1, id: 'all', formId: 'leads', name: { 'zh-CN': '全部线索', 'en': 'All leads' }, kind: 'grid' }],
    dashboards: [],
    records: { leads: records },
    stageEvents: [],
    changes: creationHistory('leads', 'title', records).changes,
    trash: {},
  }
}

describe('lead scores that read the date follow the day', () => {
  let session: Session
  let page: Page
  const scores = async () => [Number(await cell(page, 0, 'score').locator('.fg-score-n').textContent()), Number(await cell(page, 1, 'score').locator('.fg-score-n').textContent())]

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    await session.context.clock.setFixedTime(T0)
    page = await openRestored(session, backup(), '/app/crm/form/leads')
  })
  afterAll(async () => session.close())

  it('should show the scores as of today, then as of 40 days later without an edit', async () => {
    await expect.poll(scores).toEqual([10, 0])
    await session.context.clock.setFixedTime(T0 + 40 * DAY)
    await page.reload()
    await page.waitForSelector('.ag-row')
    await expect.poll(scores).toEqual([0, 0])
    // stored, not only shown: still 0 after another reload
    await page.reload()
    await page.waitForSelector('.ag-row')
    await expect.poll(scores).toEqual([0, 0])
    // and its reasons say so: no rule fired today
    await cell(page, 0, 'score').locator('.fg-score').click()
    const pop = page.locator('[data-test=score-why-popover]:visible')
    await pop.waitFor()
    expect(await pop.locator('[data-test=score-why-line]').count()).toBe(0)
  })
})
