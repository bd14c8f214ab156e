/**
 * The one write pipeline, seen from the user's side: writes that used to skip it now get
 * what every edit gets. Restoring a deleted account from the recycle bin fills its contacts'
 * lookups again (and undoes as one step); records rebuilt by a stage-history log import get
 * their defaults, lookups and formulas (and the import undoes as one step).
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formHref, installSalesTemplate } from './app-actions'
import { cellText, openGrid } from './grid-actions'
import { shot, startSession } from './harness'

const countText = async (page: Page) => (await page.textContent('[data-test=record-count]'))?.trim() ?? ''

/** The row id of the record whose title cell reads `title`. */
async function rowIdOf(page: Page, title: string): Promise<string> {
  const row = page.locator('.ag-row', { has: page.locator('[col-id=title]', { hasText: title }) }).first()
  await row.waitFor()
  return (await row.getAttribute('row-id'))!
}

/** A cell's text by row id and column id (pinned and scrolled parts of a row are separate elements). */
async function textByRowId(page: Page, rowId: string, colId: string): Promise<string> {
  const cellEl = page.locator(`.ag-row[row-id="${rowId}"] [col-id="${colId}"]`).first()
  await cellEl.scrollIntoViewIfNeeded()
  return ((await cellEl.textContent()) ?? '').trim()
}

/** Opens the import dialog on its stage-history tab. */
async function openHistoryImport(page: Page): Promise<void> {
  await page.click('[data-test=import-open]')
  await page.locator('[data-test=import-dialog] .el-tabs__item', { hasText: '导入阶段历史' }).click()
  await page.waitForSelector('[data-test=io-history-panel]')
}

describe('one write pipeline: recycle-bin restore and history import compute what edits compute (zh-CN)', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession()
    page = await session.open('/')
  }, 60_000)
  afterAll(async () => {
    await session.close()
  })

  it('should fill a contact\'s account lookup again when the account is restored from the bin, and empty it on undo', async () => {
    await installSalesTemplate(page)
    const contacts = await formHref(page, '联系人')
    const accounts = await formHref(page, '客户')

    // A contact, its account (by name) and the account's industry shown through the lookup.
    await openGrid(page, contacts)
    await expect.poll(() => cellText(page, 0, 'f_con_account')).toMatch(/^(?!…$)./)
    const account = await cellText(page, 0, 'f_con_account')
    const industry = await cellText(page, 0, 'f_con_industry')
    const contactId = await page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')
    expect(industry).toMatch(/[\u4E00-\u9FFF]/)

    // Delete the account: the contact's lookup empties.
    await openGrid(page, accounts, { field: 'f_acc_name', op: 'eq', value: account })
    await expect.poll(() => cellText(page, 0, 'f_acc_name')).toBe(account)
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().click()
    await page.click('[data-test=delete-selected]')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').count()).toBe(0)
    await openGrid(page, contacts, { field: '_id', op: 'eq', value: contactId })
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')).toBe(contactId)
    await expect.poll(() => cellText(page, 0, 'f_con_industry')).toBe('')

    // Restore it from the recycle bin: the lookup is back.
    await openGrid(page, accounts)
    await page.click('[data-test=recycle-bin-button]')
    await expect.poll(() => page.locator('[data-test=trash-row]').count()).toBe(1)
    expect(await page.textContent('[data-test=trash-row]')).toContain(account)
    await page.click('[data-test=trash-restore]')
    await page.waitForSelector('[data-test=trash-empty]')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-test=trash-empty]').count()).toBe(0)
    await openGrid(page, contacts, { field: '_id', op: 'eq', value: contactId })
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')).toBe(contactId)
    await expect.poll(() => cellText(page, 0, 'f_con_industry')).toBe(industry)
    expect(await cellText(page, 0, 'f_con_account')).toBe(account)
    await shot(page, 'pipeline-restore-lookup')

    // One undo in the accounts grid puts the account back in the bin and empties the lookup again.
    await openGrid(page, accounts, { field: 'f_acc_name', op: 'eq', value: account })
    await expect.poll(() => cellText(page, 0, 'f_acc_name')).toBe(account)
    await page.click('[data-test=grid-undo]')
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').count()).toBe(0)
    await openGrid(page, contacts, { field: '_id', op: 'eq', value: contactId })
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')).toBe(contactId)
    await expect.poll(() => cellText(page, 0, 'f_con_industry')).toBe('')
  }, 120_000)

  it('should give records rebuilt from a stage-history log their default, lookup and formula values, and undo the import as one step', async () => {
    // A workspace with an account and a deals form whose account defaults to it, a lookup of
    // its name and a formula over the amount, restored from a backup like a user's own.
    const backup = JSON.parse(readFileSync(new URL('../fixtures/documents/backup.small.json', import.meta.url), 'utf8')) as Record<string, unknown> & { forms: { id: string, fields: Record<string, unknown>[] }[], records: Record<string, unknown[]>, stageEvents: unknown[], changes: unknown[], dashboards: unknown[], views: unknown[] }
    const opps = backup.forms.find(f => f.id === 'opps')!
    const account = opps.fields.find(f => f.id === 'account')!
    account.default = { kind: 'static', value: 'a1' }
    opps.fields.push({ id: 'double', label: '双倍金额', type: 'formula', options: { expression: '{amount}*2' } })
    backup.records = { accounts: [{ id: 'a1', values: { name: '华为' }, createdAt: 1, updatedAt: 1, rev: 1 }] }
    backup.stageEvents = []
    backup.changes = []
    // Its saved view filters on amount > 1000; the grid here shows every record.
    backup.views = []
    await page.goto(`${new URL(page.url()).origin}/#/settings`)
    await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) })
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.locator('.el-message-box__btns .el-button--primary').click()])
    await page.waitForSelector('[data-test=backup]')
    await page.goto(`${new URL(page.url()).origin}/#/app/crm/form/opps`)
    await expect.poll(() => countText(page)).toMatch(/共 0 条/)

    // Import the log: two deals, three stage changes.
    await openHistoryImport(page)
    const log = ['deal,stage,changed_at,amount', 'D1,潜在客户识别,2024-01-02,100', 'D1,接触和交流,2024-01-10,120', 'D2,潜在客户识别,2024-01-05,50'].join('\n')
    await page.setInputFiles('[data-test=io-history-panel] [data-test=io-file-input]', { name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(log) })
    await page.waitForSelector('[data-test=io-history-check]')
    await page.click('[data-test=io-history-check]')
    await page.waitForSelector('[data-test=io-history-summary]')
    await page.click('[data-test=io-history-write]')
    await page.waitForSelector('[data-test=io-history-done]')
    await page.click('[data-test=io-finish]')
    await expect.poll(() => countText(page)).toMatch(/共 2 条/)

    await shot(page, 'pipeline-history-import')
    const d1 = await rowIdOf(page, 'D1')
    await expect.poll(() => textByRowId(page, d1, 'accountName')).toBe('华为')
    expect(await textByRowId(page, d1, 'account')).toBe('华为')
    expect((await textByRowId(page, d1, 'double')).replace(/[^\d.]/g, '')).toMatch(/^240(\.0+)?$/)

    // The values are stored, not only shown: they survive a reload.
    await page.reload()
    await expect.poll(() => countText(page)).toMatch(/共 2 条/)
    await expect.poll(() => textByRowId(page, d1, 'accountName')).toBe('华为')
  }, 120_000)

  it('should undo a whole history import as one step', async () => {
    const log = ['deal,stage,changed_at', 'D3,潜在客户识别,2024-02-02', 'D4,接触和交流,2024-02-03'].join('\n')
    await openHistoryImport(page)
    await page.setInputFiles('[data-test=io-history-panel] [data-test=io-file-input]', { name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(log) })
    await page.click('[data-test=io-history-check]')
    await page.click('[data-test=io-history-write]')
    await page.waitForSelector('[data-test=io-history-done]')
    await page.click('[data-test=io-finish]')
    await expect.poll(() => countText(page)).toMatch(/共 4 条/)
    await page.click('[data-test=grid-undo]')
    await expect.poll(() => countText(page)).toMatch(/共 2 条/)
  }, 60_000)
})
