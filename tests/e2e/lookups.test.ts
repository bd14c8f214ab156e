/**
 * Lookups in the running app: install the sales template with demo data, see the contacts'
 * "account industry" lookup filled (by the option's label), change the industry of that
 * account, and see the contact's lookup cell follow; activities show their opportunity's
 * account by name.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formHref, installSalesTemplate } from './app-actions'
import { cell, cellText, openGrid } from './grid-actions'
import { shot, startSession } from './harness'

const INDUSTRY = 'f_con_industry'
const CON_ACCOUNT = 'f_con_account'

describe('lookups: filled on install, following edits of the related record (zh-CN)', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession()
    page = await session.open('/')
  }, 60_000)
  afterAll(async () => {
    await session.close()
  })

  it('should fill the lookup column of the installed demo data and follow an edit of the linked account', async () => {
    await installSalesTemplate(page)
    const contacts = await formHref(page, '联系人')
    const accounts = await formHref(page, '客户')

    await openGrid(page, contacts)
    // The relation cell shows '…' until the accounts' titles are loaded.
    await expect.poll(() => cellText(page, 0, CON_ACCOUNT)).toMatch(/^(?!…$)./)
    const account = await cellText(page, 0, CON_ACCOUNT)
    const contactId = await page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')
    const industry = await cellText(page, 0, INDUSTRY)
    // The lookup shows the account's industry by its label (a Chinese word, not an option id).
    expect(industry).toMatch(/[\u4E00-\u9FFF]/)
    expect(industry).not.toContain('ind_')
    await cell(page, 0, INDUSTRY).scrollIntoViewIfNeeded()
    await shot(page, 'lookups-contacts-filled')

    // Change that account's industry in the accounts grid.
    await openGrid(page, accounts, { field: 'f_acc_name', op: 'eq', value: account })
    await expect.poll(() => cellText(page, 0, 'f_acc_name')).toBe(account)
    expect(await cellText(page, 0, 'f_acc_industry')).toBe(industry)
    const next = industry === '金融' ? 'ind_energy' : 'ind_finance'
    const nextLabel = industry === '金融' ? '能源/化工' : '金融'
    await cell(page, 0, 'f_acc_industry').dblclick()
    await page.waitForSelector('[data-test=pick-editor]')
    await page.click(`[data-test=pick-${next}]`)
    await expect.poll(() => cellText(page, 0, 'f_acc_industry')).toBe(nextLabel)

    // The contact of that account shows the new industry.
    await openGrid(page, contacts, { field: '_id', op: 'eq', value: contactId })
    await expect.poll(() => page.locator('.ag-row[row-index="0"]').first().getAttribute('row-id')).toBe(contactId)
    await expect.poll(() => cellText(page, 0, INDUSTRY)).toBe(nextLabel)
    expect(await cellText(page, 0, CON_ACCOUNT)).toBe(account)
    await cell(page, 0, INDUSTRY).scrollIntoViewIfNeeded()
    await shot(page, 'lookups-contacts-after-edit')

    // Quick search finds the contact by its name together with the looked-up industry's label.
    const name = await cellText(page, 0, 'f_con_name')
    await openGrid(page, contacts)
    await page.locator('[data-test=view-search] input, input[data-test=view-search]').first().fill(`${name} ${nextLabel}`)
    await expect.poll(async () => page.locator(`.ag-row[row-id="${contactId}"]`).count()).toBeGreaterThan(0)
    await expect.poll(() => cellText(page, 0, INDUSTRY)).toBe(nextLabel)
    expect(session.errors).toEqual([])
  }, 90_000)

  it('should show an activity\'s account (a lookup of a relation) by the account\'s name', async () => {
    const activities = await formHref(page, '跟进记录')
    await page.goto(`${new URL(page.url()).origin}/#${activities}`)
    await cell(page, 0, 'f_act_opportunity').waitFor()
    await expect.poll(() => cellText(page, 0, 'f_act_account')).toMatch(/[\u4E00-\u9FFF]/)
    expect(await cellText(page, 0, 'f_act_account')).not.toMatch(/^[\w-]{10,}$/)
    await shot(page, 'lookups-activities')
  }, 30_000)
})
