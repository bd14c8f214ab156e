/**
 * Team sync with two people on two machines (two browsers, each its own profile) against a real
 * CouchDB-protocol server (pouchdb-server in memory, started here on a free loopback port): A
 * publishes the installed sales template, adds B as a member, B joins and sees the same figures.
 * (Live edits between two engines are covered against the same server in tests/unit/sync.)
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../tools/sync-server.mjs'
import { formHref, installSalesTemplate } from './app-actions'
import { fillField } from './grid-actions'
import { shot, startSession } from './harness'

const WORKSPACE = 'sales-team'

async function openSettings(page: Page) {
  await page.goto(`${new URL(page.url()).origin}/#/settings`)
  await page.waitForSelector('[data-test=team-sync]')
}

async function signIn(page: Page, server: string, user: string, password: string) {
  await fillField(page, 'sync-server', server)
  await fillField(page, 'sync-user', user)
  await fillField(page, 'sync-password', password)
  await page.click('[data-test=sync-sign-in]')
  await page.waitForSelector('[data-test=sync-session]')
}

const chipState = (page: Page) => page.locator('[data-test=sync-chip]').getAttribute('data-state')

async function dashboardFunnel(page: Page): Promise<string[]> {
  await page.click('[data-test=side-dashboard]')
  await page.waitForSelector('[data-test=dashboard-page]')
  const card = page.locator('[data-widget-id]', { has: page.locator('[data-test=widget-title]', { hasText: '销售漏斗' }) }).first()
  await card.locator('[data-test=widget-data] tr').first().waitFor({ state: 'attached' })
  return card.locator('[data-test=widget-data] tr').evaluateAll(rows => rows.map(r => `${r.getAttribute('data-label')}=${r.getAttribute('data-value')}`))
}

describe('team sync: two people, one workspace on a CouchDB server (zh-CN)', () => {
  let server: SyncServer
  let a: Session
  let b: Session
  let pageA: Page
  let pageB: Page
  let dealsPath = ''

  beforeAll(async () => {
    server = await startSyncServer()
    a = await startSession({ locale: 'zh-CN' })
    b = await startSession({ locale: 'zh-CN' })
    pageA = await a.open()
    pageB = await b.open()
    for (const page of [pageA, pageB]) page.on('dialog', dialog => void dialog.accept())
    for (const s of [a, b]) s.expectedErrors.push(/the server responded with a status of 404/)
  }, 60_000)
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await server?.stop()
  })

  it('publishes from A, adds B as a member, and B joins with the same figures', async () => {
    await installSalesTemplate(pageA)
    dealsPath = await formHref(pageA, '商机')
    const figuresA = await dashboardFunnel(pageA)
    expect(figuresA).toHaveLength(6)

    await openSettings(pageA)
    await signIn(pageA, server.url, 'admin', 'admin')
    await fillField(pageA, 'sync-workspace', WORKSPACE)
    await pageA.click('[data-test=sync-publish]')
    await pageA.waitForSelector('[data-test=sync-connected]', { timeout: 60_000 })
    await expect.poll(() => chipState(pageA), { timeout: 30_000 }).toBe('synced')
    await fillField(pageA, 'sync-member-name', 'bob')
    await fillField(pageA, 'sync-member-password', 'bob-pw')
    await pageA.click('[data-test=sync-member-add]')
    await expect.poll(() => pageA.locator('[data-test=sync-members] li').allTextContents()).toContainEqual(expect.stringContaining('bob · 成员'))
    await shot(pageA, 'team-sync-admin-zh')

    await openSettings(pageB)
    await signIn(pageB, server.url, 'bob', 'bob-pw')
    await fillField(pageB, 'sync-workspace', WORKSPACE)
    await pageB.click('[data-test=sync-join]')
    await pageB.locator('.el-message-box__btns .el-button--primary').click()
    await pageB.waitForSelector('[data-test=sync-connected]', { timeout: 60_000 })
    await expect.poll(() => chipState(pageB), { timeout: 30_000 }).toBe('synced')
    expect(await pageB.textContent('[data-test=team-sync]')).toContain('成员')
    await shot(pageB, 'team-sync-member-zh')

    await pageB.goto(`${new URL(pageB.url()).origin}/#${dealsPath}`)
    await pageB.waitForSelector('[data-test=side-dashboard]')
    await pageB.click('[data-test=side-dashboard]')
    await expect.poll(() => dashboardFunnel(pageB), { timeout: 15_000 }).toEqual(figuresA)
  }, 180_000)
})
