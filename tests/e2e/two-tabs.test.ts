/**
 * Two tabs of one workspace (one browser context, so one IndexedDB) editing the same cell at
 * the same moment: whichever commit lands last under the Web Lock wins, both tabs end up
 * showing it, it is what storage holds after a reload, and the tab whose edit lost is told
 * (src/core/storage/conflicts.ts).
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gridViewsBackup } from '../fixtures/grid-views'
import { openRestored } from './app-actions'
import { cell } from './grid-actions'
import { startSession } from './harness'

const text = async (page: Page) => ((await cell(page, 0, 'title').textContent()) ?? '').trim()
const notices = (page: Page) => page.locator('[data-test=edit-conflict]')

/** Opens the first row's title editor and types `value`, without pressing Enter; returns the editor. */
async function typeTitle(page: Page, value: string) {
  await cell(page, 0, 'title').dblclick()
  const editor = page.locator('.ag-cell-inline-editing input').first()
  await editor.waitFor()
  await editor.fill(value)
  return editor
}

describe('two tabs editing one cell at the same moment (zh-CN)', () => {
  let session: Session
  let a: Page
  let b: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    a = await openRestored(session, gridViewsBackup(), '/app/crm/form/opps')
    b = await session.open('#/app/crm/form/opps')
    await b.waitForSelector('.ag-row')
    // A reload while a commit is in flight asks first: go on.
    for (const page of [a, b]) page.on('dialog', dialog => void dialog.accept())
  })
  afterAll(async () => session.close())

  it('should tell the tab whose save an editor left open in the other tab overwrote', async () => {
    const editorB = await typeTitle(b, '乙方-编辑器未关')
    const before = await notices(a).count()
    // B's editor stays open while A saves the same cell and the save reaches B's tab.
    const heardByB = b.evaluate(() => new Promise<void>((resolve) => {
      const channel = new BroadcastChannel('funnelgrid:funnelgrid')
      channel.onmessage = () => {
        channel.close()
        resolve()
      }
    }))
    const editorA = await typeTitle(a, '甲方-先保存')
    await editorA.press('Enter')
    await heardByB
    await editorB.press('Enter')
    await expect.poll(async () => [await text(a), await text(b)]).toEqual(['乙方-编辑器未关', '乙方-编辑器未关'])
    await expect.poll(() => notices(a).count()).toBe(before + 1)
    expect(await notices(a).last().textContent()).toContain('商机 · 乙方-编辑器未关 · 商机名称')
    await a.reload()
    await a.waitForSelector('.ag-row')
    await expect.poll(() => text(a)).toBe('乙方-编辑器未关')
  })
})
