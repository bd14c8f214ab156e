/**
 * Bad input (issue #16): a value that cannot be formatted — a relation to a deleted record, an
 * option removed from its field — shows a marked placeholder naming the cause, never an internal
 * id and never a blank, wherever a user reads it: grid, kanban, record drawer, record page,
 * recycle bin and a CSV export.
 */
import type { Page } from 'playwright-core'
import type { FieldDef, WorkspaceBackup } from '../../src/core/schema/types'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pipelinesBackup } from '../fixtures/pipelines-e2e'
import { creationHistory, rowsAt } from '../fixtures/backup-rows'
import { openRestored } from './app-actions'
import { cell } from './grid-actions'
import { settled, shot, startSession } from './harness'

const OPTION_GONE = '〔选项已删除〕'
const RECORD_GONE = '〔关联记录已删除〕'
/** The ids the broken values hold: none may ever be shown. */
const IDS = /opt_removed_x|acc_deleted_x/

function brokenBackup(): WorkspaceBackup {
  const base = pipelinesBackup()
  const t0 = base.exportedAt
  const deals = base.forms[0]!
  const fields: FieldDef[] = [...deals.fields, { id: 'customer', type: 'relation', label: { 'zh-CN': '客户', 'en': 'Account' }, options: { formId: 'accounts' } }]
  const accounts = rowsAt(t0, 'a', [{ name: '华为' }])
  const records = base.records.deals!.map((r, i) => (i === 0 ? { ...r, values: { ...r.values, title: '坏数据商机', kind: 'opt_removed_x', customer: 'acc_deleted_x' } } : { ...r, values: { ...r.values, customer: 'a1' } }))
  const binned = { ...records[1]!, id: 'pbin', values: { ...records[1]!.values, title: '回收站里的坏数据', kind: 'opt_removed_x', customer: 'acc_deleted_x' } }
  return {
    ...base,
    apps: [{ ...base.apps[0]!, formIds: ['deals', 'accounts'] }],
    forms: [{ ...deals, fields }, { schemaVersion: 1, id: 'accounts', appId: 'crm', name: { 'zh-CN': '客户', 'en': 'Accounts' }, fields: [{ id: 'name', type: 'text', label: { 'zh-CN': '名称', 'en': 'Name' } }], titleField: 'name', createdAt: t0, updatedAt: t0 }],
    views: base.views.map(v => (v.kind === 'kanban' ? { ...v, kanban: { field: 'stage', amountField: 'amount', cardFields: ['kind', 'customer'] } } : { ...v, columns: [{ field: 'title' }, { field: 'kind' }, { field: 'customer' }, { field: 'stage' }] })),
    records: { deals: records, accounts },
    ...creationHistory('deals', 'stage', records),
    trash: { deals: [binned] },
  }
}

async function expectMarked(text: string, where: string): Promise<void> {
  expect(text, where).toContain(OPTION_GONE)
  expect(text, where).toContain(RECORD_GONE)
  expect(text, where).not.toMatch(IDS)
}

describe('bad input shown as a marked placeholder everywhere', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession()
    page = await openRestored(session, brokenBackup(), '/app/crm/form/deals')
  })
  afterAll(async () => session.close())

  it('should mark the grid\'s cells, not show ids or blanks', async () => {
    await expect.poll(async () => `${await cell(page, 0, 'kind').textContent()} ${await cell(page, 0, 'customer').textContent()}`).toContain(RECORD_GONE)
    await expectMarked(`${await cell(page, 0, 'kind').textContent()} ${await cell(page, 0, 'customer').textContent()}`, 'grid')
    expect(await cell(page, 1, 'customer').textContent()).toContain('华为')
    await shot(page, 'bad-input-grid')
  })

  it('should mark the record drawer and the record page', async () => {
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().check()
    await page.click('[data-test=open-details]')
    await page.waitForSelector('[data-test=record-drawer]')
    await settled(page)
    await expectMarked((await page.textContent('[data-test=record-drawer]')) ?? '', 'drawer')
    await shot(page, 'bad-input-drawer')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().uncheck()
    await page.goto(`${session.baseUrl}#/app/crm/form/deals/record/p1`)
    await page.waitForSelector('[data-test=form-renderer]')
    await settled(page)
    const form = await page.locator('[data-test=form-renderer]').evaluate((el) => {
      const values = [...el.querySelectorAll('input')].map(i => i.value)
      return `${el.textContent ?? ''} ${values.join(' ')}`
    })
    await expectMarked(form, 'record page')
    await shot(page, 'bad-input-record-page')
  })

  it('should mark the kanban card, the recycle bin and a CSV export', async () => {
    await page.goto(`${session.baseUrl}#/app/crm/form/deals`)
    await page.waitForSelector('.ag-row')
    await page.locator('[data-test=view-tab]', { hasText: '看板' }).click()
    const card = page.locator('[data-test=kanban-card]', { hasText: '坏数据商机' })
    await card.waitFor()
    await expect.poll(() => card.textContent()).toContain(RECORD_GONE)
    await expectMarked((await card.textContent()) ?? '', 'kanban')
    await shot(page, 'bad-input-kanban')
    await page.click('[data-test=recycle-bin-button]')
    const binRow = page.locator('[data-test=trash-row]', { hasText: '回收站里的坏数据' })
    await binRow.waitFor()
    // the bin shows a record's first few fields (the relation is not among them here)
    const bin = (await binRow.textContent()) ?? ''
    expect(bin).toContain(OPTION_GONE)
    expect(bin).not.toMatch(IDS)
    await page.keyboard.press('Escape')
    await page.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
    await page.waitForSelector('.ag-row')
    await page.click('[data-test=export-open]')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-csv]:visible').click()])
    const csv = readFileSync(await download.path(), 'utf8')
    const line = csv.split(/\r?\n/).find(l => l.includes('坏数据商机')) ?? ''
    await expectMarked(line, 'csv')
  })
})
