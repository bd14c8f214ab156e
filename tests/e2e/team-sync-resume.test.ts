/**
 * Team sync, issue acceptance "kill a page mid-push of 10k changes, reopen → resumes, server
 * ends with exactly the local records": an admin imports 10,000 records while the server is
 * held after its first few uploads, the page is closed mid-push, and the reopened page finishes
 * the push — the server then holds exactly the device's records (count and checksum).
 */
import type { Page, Route } from 'playwright-core'
import type { Session } from './harness'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSyncServer, type SyncServer } from '../../tools/sync-server.mjs'
import { createAppWithForm } from './app-actions'
import { fillField } from './grid-actions'
import { confirmLeftOutIfAny, downloadBackup } from './io-actions'
import { startSession } from './harness'

const ROWS = 10_000
const DB = 'funnelgrid-resume-team'
const fileDir = mkdtempSync(join(tmpdir(), 'fg-sync-resume-'))

const chip = (page: Page) => page.locator('[data-test=sync-chip]')

/** A checksum of records as `id → values`, in id order. */
function checksum(rows: { id: string, values: Record<string, unknown> }[]): string {
  const lines = rows.map(r => `${r.id}\t${JSON.stringify(Object.keys(r.values).sort().map(k => [k, r.values[k]]))}`).sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

describe('team sync: a page closed mid-push resumes on reopen', () => {
  let server: SyncServer
  let session: Session

  beforeAll(async () => {
    server = await startSyncServer()
    session = await startSession({ locale: 'zh-CN' })
    session.expectedErrors.push(/the server responded with a status of 404/, /Failed to fetch|net::ERR_FAILED|ERR_ABORTED/)
  }, 60_000)
  afterAll(async () => {
    await session?.close()
    await server?.stop()
    rmSync(fileDir, { recursive: true, force: true })
  })

  it(`imports ${ROWS.toLocaleString('en')} records, is closed mid-push, and on reopen the server ends with exactly the local records`, async () => {
    let page = await session.open()
    page.on('dialog', dialog => void dialog.accept())
    await createAppWithForm(page, '线索', '线索池')
    const formUrl = page.url().slice(session.baseUrl.length)

    await page.goto(`${session.baseUrl}#/settings`)
    await fillField(page, 'sync-server', server.url)
    await fillField(page, 'sync-user', 'admin')
    await fillField(page, 'sync-password', 'admin')
    await page.click('[data-test=sync-sign-in]')
    await page.waitForSelector('[data-test=sync-session]')
    await fillField(page, 'sync-workspace', 'resume-team')
    await page.click('[data-test=sync-publish]')
    await page.waitForSelector('[data-test=sync-connected]', { timeout: 60_000 })
    await expect.poll(() => chip(page).getAttribute('data-state'), { timeout: 30_000 }).toBe('synced')

    // The server takes the first three uploads, then stops answering: the push is under way.
    let uploads = 0
    const held: Route[] = []
    await session.context.route(`${server.url}${DB}/_bulk_docs`, async (route) => {
      if (++uploads <= 3) await route.continue()
      else held.push(route)
    })

    await page.goto(`${session.baseUrl}${formUrl}`)
    await page.locator('[data-test=import-open]').first().click()
    await page.waitForSelector('[data-test=io-records-panel]')
    const path = join(fileDir, 'leads.csv')
    writeFileSync(path, `标题\n${Array.from({ length: ROWS }, (_, i) => `线索${String(i).padStart(5, '0')}`).join('\n')}\n`)
    await page.setInputFiles('[data-test=io-file-input]', path)
    await page.waitForSelector('[data-test=io-mapping]')
    await confirmLeftOutIfAny(page)
    await page.click('[data-test=io-plan]')
    await page.waitForSelector('[data-test=io-review-summary]')
    await page.click('[data-test=io-write]')
    await page.waitForSelector('[data-test=io-done-summary]', { timeout: 120_000 })
    await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0)
    const waiting = Number(((await chip(page).textContent()) ?? '').replace(/\D/g, ''))
    console.info(`team sync resume: closed with ${uploads - 1} uploads sent, the chip said ${await chip(page).textContent()}`)
    expect(waiting).toBeGreaterThan(0)
    await page.close()
    await session.context.unroute(`${server.url}${DB}/_bulk_docs`)
    for (const route of held) await route.abort().catch(() => {})

    page = await session.open(formUrl)
    page.on('dialog', dialog => void dialog.accept())
    await expect.poll(() => chip(page).getAttribute('data-state'), { timeout: 120_000, interval: 500 }).toBe('synced')
    await expect.poll(async () => (await chip(page).textContent())?.trim(), { timeout: 30_000 }).toBe('已同步')

    type Backup = { forms: { id: string, name: unknown }[], records: Record<string, { id: string, values: Record<string, unknown> }[]> }
    const backup = await downloadBackup<Backup>(page)
    const formId = backup.forms.find(f => f.name === '线索池')!.id
    const local = backup.records[formId] ?? []
    expect(local).toHaveLength(ROWS)

    const key = (s: string) => encodeURIComponent(JSON.stringify(s))
    const res = await fetch(`${server.url}${DB}/_all_docs?include_docs=true&startkey=${key(`rec:${formId}:`)}&endkey=${key(`rec:${formId}:\uFFF0`)}`, { headers: { Authorization: server.auth } })
    const remote = ((await res.json()) as { rows: { doc: { body: { id: string, values: Record<string, unknown>, trashed?: boolean } } }[] }).rows
      .map(r => r.doc.body).filter(b => !b.trashed)
    expect(remote).toHaveLength(local.length)
    expect(checksum(remote)).toBe(checksum(local))
  }, 400_000)
})
