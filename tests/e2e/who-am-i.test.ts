/**
 * "Who are you?" on the first edit (issue #16): with no member set as "me" and team sync off,
 * the first edit asks once; a typed name or a picked member then authors the change log instead
 * of 某人; a skip is remembered in the workspace. Usable by keyboard and at 390 px.
 */
import type { Page } from 'playwright-core'
import type { WorkspaceBackup } from '../../src/core/schema/types'
import type { Session } from './harness'
import { afterAll, describe, expect, it } from 'vitest'
import { pipelinesBackup } from '../fixtures/pipelines-e2e'
import { openRestored } from './app-actions'
import { editCell } from './grid-actions'
import { settled, shot, startSession } from './harness'

/** The fixture with nobody set as "me" (as after a template install). */
function nobodyIsMe(): WorkspaceBackup {
  const b = pipelinesBackup()
  return { ...b, settings: { ...b.settings, currentMemberId: undefined, members: [...b.settings.members, { id: 'm2', name: 'Alex', color: '#13c2c2' }] } }
}

const dialog = (page: Page) => page.locator('[data-test=who-am-i]')

/** The authors of row `row`'s change log, newest first, read in its drawer. */
async function authors(page: Page, row: number, logTab: string): Promise<string[]> {
  await page.locator(`.ag-row[row-index="${row}"] .ag-selection-checkbox input`).first().check()
  await page.click('[data-test=open-details]')
  await page.waitForSelector('[data-test=record-drawer]')
  await page.locator('[data-test=record-drawer] .el-tabs__item', { hasText: logTab }).click()
  await page.waitForSelector('[data-test=change-entry]')
  const out = await page.locator('[data-test=change-entry] .cl-head strong').allTextContents()
  await page.keyboard.press('Escape')
  await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })
  await page.locator(`.ag-row[row-index="${row}"] .ag-selection-checkbox input`).first().uncheck()
  return out
}

describe('who am I, asked on the first edit', () => {
  let session: Session
  afterAll(async () => session?.close())

  it('should ask on the first edit, take a typed name by keyboard and log the next edits under it', async () => {
    session = await startSession({ askWhoAmI: true })
    const page = await openRestored(session, nobodyIsMe(), '/app/crm/form/deals')
    expect(await dialog(page).count()).toBe(0)
    await editCell(page, 0, 'title', '新客户-1 改')
    await dialog(page).waitFor()
    await settled(page)
    await shot(page, 'who-am-i-zh')
    // keyboard: the members, then "someone else" and a name box; Enter saves
    await page.locator('[data-test=who-new] input').focus()
    await page.keyboard.press('Space')
    const name = page.locator('input[data-test=who-name], [data-test=who-name] input').first()
    await name.waitFor()
    await name.focus()
    await page.keyboard.type('李雷')
    await page.keyboard.press('Enter')
    await dialog(page).waitFor({ state: 'detached' })
    await editCell(page, 0, 'title', '新客户-1 再改')
    await settled(page)
    expect(await dialog(page).count()).toBe(0)
    // newest first: the edit after answering is 李雷's, the one that asked stays 某人's
    const log = await authors(page, 0, '修改记录')
    expect(log.slice(0, 2)).toEqual(['李雷', '某人'])
    // a reload does not ask again
    await page.reload()
    await page.waitForSelector('.ag-row')
    await editCell(page, 1, 'title', '新客户-2 改')
    await settled(page)
    expect(await dialog(page).count()).toBe(0)
    expect((await authors(page, 1, '修改记录'))[0]).toBe('李雷')
    await session.close()
  })

  it('should let a member be picked by keyboard at 390 px in English', async () => {
    session = await startSession({ askWhoAmI: true, locale: 'en' })
    const page = await openRestored(session, { ...nobodyIsMe(), settings: { ...nobodyIsMe().settings, locale: 'en' } }, '/app/crm/form/deals')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.click('[data-test=show-table]')
    await page.waitForSelector('.ag-row')
    await editCell(page, 0, 'title', 'Deal 1 edited')
    await dialog(page).waitFor()
    await settled(page)
    const box = (await dialog(page).boundingBox())!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(390)
    expect(await dialog(page).textContent()).toContain('Who are you?')
    await shot(page, 'who-am-i-phone-en')
    await page.locator('[data-test=who-member] input').first().focus()
    await page.keyboard.press('Space')
    for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement?.getAttribute('data-test') === 'who-save')); i++) await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await dialog(page).waitFor({ state: 'detached' })
    await page.click('[data-test=show-table]')
    await editCell(page, 0, 'title', 'Deal 1 edited again')
    await page.setViewportSize({ width: 1360, height: 860 })
    expect((await authors(page, 0, 'Change log'))[0]).toBe('王芳')
    await session.close()
  })

  it('should not ask again after a skip in the same workspace', async () => {
    session = await startSession({ askWhoAmI: true })
    const page = await openRestored(session, nobodyIsMe(), '/app/crm/form/deals')
    await editCell(page, 0, 'title', '新客户-1 改')
    await dialog(page).waitFor()
    await page.click('[data-test=who-skip]')
    await dialog(page).waitFor({ state: 'detached' })
    await editCell(page, 1, 'title', '新客户-2 改')
    await page.reload()
    await page.waitForSelector('.ag-row')
    await editCell(page, 2, 'title', '新客户-3 改')
    await settled(page)
    expect(await dialog(page).count()).toBe(0)
    expect((await authors(page, 2, '修改记录'))[0]).toBe('某人')
  })
})
