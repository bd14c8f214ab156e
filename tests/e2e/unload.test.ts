/**
 * An edit followed ~20 ms later by a reload is kept: the commit's write-ahead-log entry is
 * written in the task of the edit (src/storage/localforage-adapter.ts), and while a commit is
 * in flight the page asks before it goes away (save-status `guardUnsavedChanges`).
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gridViewsBackup } from '../fixtures/grid-views'
import { openRestored } from './app-actions'
import { cell } from './grid-actions'
import { startSession } from './harness'

const EDITS = 8
const text = async (page: Page, row: number) => ((await cell(page, row, 'title').textContent()) ?? '').trim()

describe('edits right before a reload (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await openRestored(session, gridViewsBackup(), '/app/crm/form/opps')
    // The unsaved-changes prompt, when a commit is still in flight: leave anyway.
    page.on('dialog', dialog => void dialog.accept())
  })
  afterAll(async () => session.close())

  it(`should keep each of ${EDITS} edits followed by a reload 20 ms later`, async () => {
    for (let i = 0; i < EDITS; i++) {
      const value = `重载前-${i}`
      await cell(page, i, 'title').dblclick()
      const editor = page.locator('.ag-cell-inline-editing input').first()
      await editor.waitFor()
      await editor.fill(value)
      // The reload is part of the scenario: asked by the page 20 ms after the Enter that saves.
      await editor.evaluate((el) => {
        el.addEventListener('keydown', (e) => {
          if ((e as KeyboardEvent).key === 'Enter') setTimeout(() => location.reload(), 20)
        }, { once: true })
      })
      await Promise.all([page.waitForEvent('load'), editor.press('Enter')])
      await page.waitForSelector('.ag-row')
      for (let j = 0; j <= i; j++) await expect.poll(() => text(page, j)).toBe(`重载前-${j}`)
    }
  }, 180_000)

  it('should have run without console errors', () => {
    expect(session.errors).toEqual([])
  })
})
