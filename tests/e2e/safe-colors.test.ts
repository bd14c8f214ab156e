/**
 * Colours that load URLs (hardening issue, finding E): a backup whose app, option and member
 * colours are `url(//127.0.0.1:1/…)` is refused by name, and neither the refusal nor the home
 * page afterwards makes a single request to that host.
 */
import type { Page, Request } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gridEditBackup } from '../fixtures/grid-edit'
import { startSession } from './harness'

const HOST = '127.0.0.1:1'

type Backup = ReturnType<typeof gridEditBackup> & {
  apps: { color?: string }[]
  forms: { fields: { id: string, options?: { choices?: { color?: string }[] } }[] }[]
  settings: { members: { color: string }[] }
}

function tellingBackup(): Backup {
  const b = gridEditBackup() as Backup
  b.apps[0]!.color = `url(//${HOST}/app)`
  const level = b.forms[0]!.fields.find(f => f.id === 'level')
  level!.options!.choices![0]!.color = `url(//${HOST}/opt)`
  b.settings.members[0]!.color = `url(//${HOST}/m)`
  return b
}

describe('safe colours: a backup with url() colours', () => {
  let session: Session
  let page: Page
  const calls: string[] = []
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    session.context.on('request', (r: Request) => { if (r.url().includes(HOST)) calls.push(r.url()) })
    page = await session.open('#/settings')
  })
  afterAll(async () => session.close())

  it('should refuse the restore, naming the app, the option and the member', async () => {
    await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
    await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tellingBackup())) })
    const alert = page.locator('[data-test=restore-errors]')
    await expect.poll(() => alert.textContent()).toContain('不是颜色')
    const text = (await alert.textContent()) ?? ''
    expect(text).toContain('销售管理')
    expect(text).toContain('张伟')
    expect(text).toContain('级别')
    expect(await page.locator('.el-message-box').count()).toBe(0)
  })

  it('should make no request to the host from the settings or the home page', async () => {
    await page.goto(session.baseUrl)
    await page.waitForSelector('[data-test=home-from-template]')
    expect(await page.locator('[data-test=app-card]').count()).toBe(0)
    expect(calls).toEqual([])
  })
})
