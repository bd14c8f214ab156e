/**
 * Team sync with two people on two machines (two browsers, each its own profile) against a real
 * CouchDB-protocol server (pouchdb-server in memory, started here on a free loopback port): A
 * publishes the installed sales template, adds B as a member, B joins and sees the same figures;
 * live edits, kanban moves, offline merges and conflicts travel between them; made a viewer, B
 * sees no edit controls and the server refuses B's forced write.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../tools/sync-server.mjs'
import { formHref, installSalesTemplate } from './app-actions'
import { cellText, colIdByHeader, editCell, fillField } from './grid-actions'
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

  it('an edit on A appears in B\'s open grid, and B\'s edit in A\'s, without a reload', async () => {
    for (const page of [pageA, pageB]) {
      await page.goto(`${new URL(page.url()).origin}/#${dealsPath}`)
      await page.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
      await page.locator('.ag-row').first().waitFor()
    }
    const nameA = await colIdByHeader(pageA, '商机名称')
    const first = await cellText(pageA, 0, nameA)
    const rowB = async () => {
      const rows = await pageB.locator(`.ag-row .ag-cell[col-id="${nameA}"]`).allTextContents()
      return rows.map(t => t.trim())
    }
    expect(await rowB()).toContain(first)
    await editCell(pageA, 0, nameA, `${first}（A 改）`)
    await expect.poll(rowB, { timeout: 30_000 }).toContain(`${first}（A 改）`)
    await expect.poll(() => chipState(pageA), { timeout: 30_000 }).toBe('synced')

    const second = await cellText(pageB, 1, nameA)
    await editCell(pageB, 1, nameA, `${second}（B 改）`)
    const rowsA = async () => (await pageA.locator(`.ag-row .ag-cell[col-id="${nameA}"]`).allTextContents()).map(t => t.trim())
    await expect.poll(rowsA, { timeout: 30_000 }).toContain(`${second}（B 改）`)
    expect(await rowsA()).toContain(`${first}（A 改）`)
  }, 120_000)

  it('A moves a deal to the next stage on the kanban: B\'s kanban, grid, funnel and change log show it by A, without a reload', async () => {
    const lane = (page: Page, stage: string) => page.locator(`[data-test=kanban-lane][data-lane="${stage}"]`)
    const count = async (page: Page, stage: string) => Number(await lane(page, stage).locator('[data-test=kanban-count]').textContent())
    for (const page of [pageA, pageB]) {
      await page.goto(`${new URL(page.url()).origin}/#${dealsPath}`)
      await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
      await lane(page, 'stage_lead').locator('[data-test=kanban-card]').first().waitFor()
    }
    const before = { lead: await count(pageB, 'stage_lead'), contact: await count(pageB, 'stage_contact') }
    const funnelBefore = await dashboardFunnel(pageA)
    await pageA.goBack()
    await lane(pageA, 'stage_lead').locator('[data-test=kanban-card]').first().waitFor()
    const card = lane(pageA, 'stage_lead').locator('[data-test=kanban-card]').first()
    const deal = `[data-test=kanban-card][data-record="${await card.getAttribute('data-record')}"]`
    await card.dragTo(lane(pageA, 'stage_contact').locator('.kl-cards'))
    await expect.poll(() => count(pageA, 'stage_contact')).toBe(before.contact + 1)
    const moved = Date.now()
    // The user on B sees it within 5 s, with nothing done on B.
    await expect.poll(() => count(pageB, 'stage_contact'), { timeout: 5_000, interval: 100 }).toBe(before.contact + 1)
    console.log(`team sync: a kanban move reached the other browser in ${Date.now() - moved} ms`)
    expect(await count(pageB, 'stage_lead')).toBe(before.lead - 1)
    await expect.poll(() => lane(pageB, 'stage_contact').locator(deal).count()).toBe(1)

    await lane(pageB, 'stage_contact').locator(deal).click()
    await pageB.waitForSelector('[data-test=record-drawer]')
    await pageB.locator('.el-tabs__item', { hasText: '修改记录' }).click()
    await expect.poll(() => pageB.locator('[data-test=change-line]').first().textContent()).toContain('接触和交流')
    expect(await pageB.locator('[data-test=change-entry]').first().textContent()).toContain('admin')
    await pageB.locator('.el-tabs__item', { hasText: '阶段历程' }).click()
    const lastVisit = pageB.locator('[data-test=record-drawer] [data-test=stage-timeline-entry]').last()
    await expect.poll(() => lastVisit.getAttribute('data-stage')).toBe('stage_contact')
    await expect.poll(() => lastVisit.locator('[data-test=stage-timeline-by]').textContent()).toBe('由 admin 移入')
    await shot(pageB, 'team-sync-pulled-stage-zh')
    await pageB.keyboard.press('Escape')

    const funnelA = await dashboardFunnel(pageA)
    expect(funnelA).not.toEqual(funnelBefore)
    await expect.poll(() => dashboardFunnel(pageB), { timeout: 5_000 }).toEqual(funnelA)
  }, 120_000)

  it('offline on both sides: fields changed on one side merge; the same field changed on both is marked on both until one side picks', async () => {
    const lane = (page: Page, stage: string) => page.locator(`[data-test=kanban-lane][data-lane="${stage}"]`)
    for (const page of [pageA, pageB]) {
      await page.goto(`${new URL(page.url()).origin}/#${dealsPath}`)
      await page.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
      await lane(page, 'stage_lead').locator('[data-test=kanban-card]').first().waitFor()
    }
    // Requests the replicator makes while the network is gone fail in the console, as they should.
    for (const s of [a, b]) s.expectedErrors.push(/ERR_INTERNET_DISCONNECTED|Failed to fetch|NetworkError/)
    const id = await lane(pageA, 'stage_lead').locator('[data-test=kanban-card]').first().getAttribute('data-record')
    const card = (page: Page) => page.locator(`[data-test=kanban-card][data-record="${id}"]`)
    const inputOf = (page: Page, field: string) => page.locator(`[data-test=record-drawer] input[data-test="input-${field}"], [data-test=record-drawer] [data-test="input-${field}"] input`).first()
    async function editInDrawer(page: Page, values: Record<string, string>) {
      await card(page).click()
      await page.waitForSelector('[data-test=record-drawer]')
      for (const [field, text] of Object.entries(values)) await inputOf(page, field).fill(text)
      await page.click('[data-test=drawer-save]')
      await expect.poll(() => page.locator('[data-test=drawer-save]').isDisabled()).toBe(true)
      await page.keyboard.press('Escape')
      await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
    }
    async function drawerValues(page: Page, fields: string[]) {
      await card(page).click()
      await page.waitForSelector('[data-test=record-drawer]')
      const out = await Promise.all(fields.map(f => inputOf(page, f).inputValue()))
      await page.keyboard.press('Escape')
      await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
      return out
    }
    async function apart(work: () => Promise<void>) {
      for (const s of [a, b]) await s.context.setOffline(true)
      await work()
      for (const page of [pageA, pageB]) await expect.poll(() => pageA === page ? chipState(pageA) : chipState(pageB), { timeout: 60_000 }).toBe('offline')
      expect(await pageA.locator('[data-test=sync-chip]').textContent()).toMatch(/离线，[1-9]\d* 项待上传/)
      for (const s of [a, b]) await s.context.setOffline(false)
    }

    await apart(async () => {
      await editInDrawer(pageA, { f_opp_amount: '123456' })
      await editInDrawer(pageB, { f_opp_competitors: '华为' })
    })
    for (const page of [pageA, pageB]) {
      await expect.poll(() => chipState(page), { timeout: 60_000 }).toBe('synced')
      await expect.poll(() => drawerValues(page, ['f_opp_amount', 'f_opp_competitors']), { timeout: 30_000 }).toEqual(['123456', '华为'])
    }

    await apart(async () => {
      await editInDrawer(pageA, { f_opp_amount: '111111' })
      await editInDrawer(pageB, { f_opp_amount: '222222' })
    })
    const marked = (page: Page) => page.locator('.ag-cell.fg-cell-conflict[col-id="f_opp_amount"]')
    for (const page of [pageA, pageB]) {
      await page.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
      await page.locator('.ag-row').first().waitFor()
      await expect.poll(() => chipState(page), { timeout: 60_000 }).toBe('synced')
    }
    // The deal may be far down the grid: find it by its title through a URL filter.
    await pageA.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await card(pageA).click()
    const title = ((await pageA.locator('[data-test=record-drawer] .el-drawer__title, [data-test=record-drawer] header').first().textContent()) ?? '').trim()
    await pageA.keyboard.press('Escape')
    for (const page of [pageA, pageB]) {
      const filter = { and: [{ field: 'f_opp_title', op: 'eq', value: title }] }
      await page.goto(`${new URL(page.url()).origin}/#${dealsPath}?filter=${encodeURIComponent(JSON.stringify(filter))}`)
      await page.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
      await expect.poll(() => marked(page).count(), { timeout: 30_000 }).toBe(1)
      expect(await page.locator('[data-test=sync-chip]').textContent()).toContain('⚠ 1')
    }
    await shot(pageB, 'team-sync-conflict-grid-zh')

    // A picks B's value in the record drawer; the marker goes on both, and both show it.
    await pageA.locator('.ag-row .ag-checkbox-input').first().check()
    await pageA.click('[data-test=open-details]')
    await pageA.waitForSelector('[data-test=drawer-conflict]')
    await shot(pageA, 'team-sync-conflict-drawer-zh')
    await pageA.locator('[data-test=drawer-conflict] .el-radio', { hasText: '222,222' }).or(pageA.locator('[data-test=drawer-conflict] .el-radio', { hasText: '222222' })).first().click()
    await pageA.locator('[data-test=drawer-conflict] [data-test^=sync-resolve-]').click()
    await pageA.waitForSelector('[data-test=drawer-conflict]', { state: 'detached' })
    expect(await inputOf(pageA, 'f_opp_amount').inputValue()).toBe('222222')
    await pageA.keyboard.press('Escape')
    for (const page of [pageA, pageB]) await expect.poll(() => marked(page).count(), { timeout: 30_000 }).toBe(0)
    await pageB.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    await expect.poll(() => drawerValues(pageB, ['f_opp_amount', 'f_opp_competitors']), { timeout: 30_000 }).toEqual(['222222', '华为'])
  }, 240_000)

  it('a file A attaches to a quote opens on B with the same bytes', async () => {
    await pageA.goto(`${new URL(pageA.url()).origin}/#${dealsPath}`)
    await pageA.waitForSelector('[data-test=side-form]')
    const proposalsPath = await formHref(pageA, '方案/报价')
    const png = Buffer.from(await pageA.evaluate(() => {
      const c = document.createElement('canvas')
      c.width = 240
      c.height = 160
      const ctx = c.getContext('2d')!
      ctx.fillStyle = '#2f6bff'
      ctx.fillRect(0, 0, 240, 160)
      ctx.fillStyle = '#fff'
      ctx.font = 'bold 28px sans-serif'
      ctx.fillText('报价单', 70, 90)
      return c.toDataURL('image/png').split(',')[1]!
    }), 'base64')
    const drawerFile = (page: Page) => page.locator('[data-test=record-drawer] [data-test=input-f_prop_file] [data-test=file-item]', { hasText: '报价单.png' })
    await pageA.goto(`${new URL(pageA.url()).origin}/#${proposalsPath}`)
    await pageA.locator('.ag-row .ag-checkbox-input').first().check()
    await pageA.click('[data-test=open-details]')
    await pageA.waitForSelector('[data-test=record-drawer]')
    const title = ((await pageA.locator('[data-test=record-drawer] .el-drawer__title, [data-test=record-drawer] header').first().textContent()) ?? '').trim()
    await pageA.setInputFiles('[data-test=record-drawer] [data-test=file-input-f_prop_file]', { name: '报价单.png', mimeType: 'image/png', buffer: png })
    await drawerFile(pageA).waitFor()
    await pageA.click('[data-test=drawer-save]')
    await expect.poll(() => pageA.locator('[data-test=drawer-save]').isDisabled()).toBe(true)
    await pageA.keyboard.press('Escape')
    await expect.poll(() => chipState(pageA), { timeout: 30_000 }).toBe('synced')

    const filter = { and: [{ field: 'f_prop_title', op: 'eq', value: title }] }
    await pageB.goto(`${new URL(pageB.url()).origin}/#${proposalsPath}?filter=${encodeURIComponent(JSON.stringify(filter))}`)
    await pageB.locator('.ag-row .ag-checkbox-input').first().check()
    await pageB.click('[data-test=open-details]')
    await expect.poll(() => drawerFile(pageB).count(), { timeout: 30_000 }).toBe(1)
    // The contents are on B: no "missing" mark, and the download is byte for byte A's file.
    expect(await drawerFile(pageB).locator('.missing').count()).toBe(0)
    const [download] = await Promise.all([pageB.waitForEvent('download'), drawerFile(pageB).locator('[data-test=file-download]').click()])
    expect(readFileSync((await download.path())!).equals(png)).toBe(true)
    await shot(pageB, 'team-sync-file-zh')
    await pageB.keyboard.press('Escape')
  }, 120_000)

  it('A makes bob a viewer: after a reload B sees no edit controls, a paste is refused with a message, and a write forced past the UI is refused by the server', async () => {
    await openSettings(pageA)
    await fillField(pageA, 'sync-member-name', 'bob')
    await pageA.click('[data-test=sync-member-role]')
    await pageA.locator('.el-select-dropdown__item:visible', { hasText: '只读' }).click()
    await pageA.click('[data-test=sync-member-add]')
    await expect.poll(() => pageA.locator('[data-test=sync-members] li').allTextContents()).toContainEqual(expect.stringContaining('bob · 只读'))

    // B learns the new role from the server when the app starts again.
    await openSettings(pageB)
    await pageB.reload()
    await pageB.waitForSelector('[data-test=team-sync]')
    await expect.poll(() => pageB.textContent('[data-test=team-sync]'), { timeout: 30_000 }).toContain('你的角色：只读')
    await expect.poll(() => pageB.locator('[data-test=restore-while-syncing]').count()).toBe(1)
    expect(await pageB.locator('[data-test=restore]').count()).toBe(0)

    await pageB.goto(`${new URL(pageB.url()).origin}/#${dealsPath}`)
    await pageB.locator('[data-test=view-tab]', { hasText: '全部商机' }).click()
    await pageB.locator('.ag-row').first().waitFor()
    for (const control of ['add-record', 'new-record-form', 'add-field', 'batch-button', 'import-open', 'recycle-bin-button', 'form-more', 'view-new', 'view-menu-button', 'side-form-design', 'create-form', 'create-dashboard', 'stage-settings', 'grid-undo', 'grid-fill']) {
      expect(await pageB.locator(`[data-test=${control}]`).count(), control).toBe(0)
    }
    expect(await pageB.textContent('[data-test=grid-read-only]')).toContain('只读成员')
    await shot(pageB, 'team-sync-viewer-grid-zh')

    // Keyboard edits the grid still catches (clear a cell) are refused with the reason; the value stays.
    const nameCol = await colIdByHeader(pageB, '商机名称')
    const before = await cellText(pageB, 0, nameCol)
    await pageB.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${nameCol}"]`).click()
    await pageB.keyboard.press('Delete')
    await expect.poll(() => pageB.locator('.el-message').allTextContents()).toContainEqual(expect.stringContaining('只读成员，不能修改记录'))
    expect(await cellText(pageB, 0, nameCol)).toBe(before)

    await pageB.locator('[data-test=view-tab]', { hasText: '商机看板' }).click()
    const card = pageB.locator('[data-test=kanban-card]').first()
    await card.waitFor()
    expect(await card.getAttribute('draggable')).toBe('false')
    await pageB.click('[data-test=side-dashboard]')
    await pageB.waitForSelector('[data-test=dashboard-page]')
    expect(await pageB.locator('[data-test=dashboard-mode]').count()).toBe(0)

    // A write forced past the UI, with B's own session, is refused by the server itself (the
    // browser logs the 403 of that request).
    b.expectedErrors.push(/status of 403 \(Forbidden\)/)
    const db = `funnelgrid-${WORKSPACE}`
    const forced = await pageB.evaluate(async ({ server, db }) => {
      const list = await (await fetch(`${server}${db}/_all_docs?startkey=%22rec%3A%22&endkey=%22rec%3A%EF%BF%B0%22&limit=1&include_docs=true`, { credentials: 'include' })).json() as { rows: { id: string, doc: Record<string, unknown> & { body: { values: Record<string, unknown> } } }[] }
      const doc = list.rows[0]!.doc
      const put = await fetch(`${server}${db}/${encodeURIComponent(doc._id as string)}`, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...doc, by: 'bob', body: { ...doc.body, values: { ...doc.body.values, f_opp_title: 'forced by a viewer' } } }),
      })
      const after = await (await fetch(`${server}${db}/${encodeURIComponent(doc._id as string)}`, { credentials: 'include' })).json() as { _rev: string }
      return { status: put.status, reply: await put.text(), revBefore: doc._rev, revAfter: after._rev }
    }, { server: server.url, db })
    expect(forced.status).toBe(403)
    expect(forced.reply).toMatch(/forbidden/)
    expect(forced.revAfter).toBe(forced.revBefore)
  }, 120_000)
})
