/**
 * Team sync, bad input (issue 12): signing in with a wrong password, to a server that is down,
 * and to a server whose CORS settings do not allow this page each say what is wrong and what to
 * do, and nothing of the local workspace changes.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startSyncServer, type SyncServer } from '../../tools/sync-server.mjs'
import { createAppWithForm } from './app-actions'
import { fillField } from './grid-actions'
import { startSession } from './harness'

async function signIn(page: Page, server: string, user: string, password: string): Promise<string> {
  await page.goto(`${new URL(page.url()).origin}/#/settings`)
  await page.waitForSelector('[data-test=team-sync]')
  await fillField(page, 'sync-server', server)
  await fillField(page, 'sync-user', user)
  await fillField(page, 'sync-password', password)
  await page.click('[data-test=sync-sign-in]')
  await page.waitForSelector('[data-test=sync-error]', { timeout: 20_000 })
  return (await page.textContent('[data-test=sync-error]')) ?? ''
}

describe('team sync: a server that cannot be used says why', () => {
  let open: SyncServer
  let strict: SyncServer
  let session: Session
  let page: Page

  beforeAll(async () => {
    open = await startSyncServer()
    // Allows only another site's pages (credentials included): this page is not among them.
    strict = await startSyncServer({ origins: ['https://crm.example.com'] })
    session = await startSession({ locale: 'zh-CN' })
    // The browser logs the refused requests, as it should.
    session.expectedErrors.push(/status of 401|ERR_CONNECTION_REFUSED|Failed to fetch|CORS policy|net::ERR_FAILED/)
    page = await session.open()
    await createAppWithForm(page, '本地应用', '客户')
  }, 60_000)
  afterAll(async () => {
    await session?.close()
    await open?.stop()
    await strict?.stop()
  })

  it('names a wrong password', async () => {
    const text = await signIn(page, open.url, 'admin', 'not-the-password')
    expect(text).toContain('登录失败')
    expect(text).toContain('admin')
    expect(await page.locator('[data-test=sync-session]').count()).toBe(0)
  })

  it('names an address where no server answers', async () => {
    const url = `http://127.0.0.1:${await freePort()}/`
    const text = await signIn(page, url, 'admin', 'admin')
    expect(text).toContain('无法连接服务器')
    expect(text).toContain(url)
  })

  it('says a server whose CORS settings leave this page out must add it', async () => {
    const text = await signIn(page, strict.url, 'admin', 'admin')
    expect(text).toContain('服务器未允许此页面访问（CORS）')
    expect(text).toContain(new URL(page.url()).origin)
    // The local workspace is as it was.
    await page.goto(`${new URL(page.url()).origin}/#/`)
    await expect.poll(() => page.locator('[data-test=app-name]').allTextContents()).toEqual(['本地应用'])
  })
})
