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
import { shot, startSession } from './harness'

const ROUNDS = 20
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

  it(`should show one value in both tabs, the stored one, and a notice in the tab that lost, in each of ${ROUNDS} rounds`, async () => {
    const tabs = { a, b }
    for (let round = 0; round < ROUNDS; round++) {
      const values = { a: `甲方-${round}`, b: `乙方-${round}` }
      // Both editors open on the same stored value before either saves: the edits overlap.
      const editors = { a: await typeTitle(a, values.a), b: await typeTitle(b, values.b) }
      const before = { a: await notices(a).count(), b: await notices(b).count() }
      await Promise.all([editors.a.press('Enter'), editors.b.press('Enter')])

      // Exactly one tab is told its edit was overwritten (both edits started from the same
      // stored version, so whichever commit lands second overwrites one its writer never saw).
      // Until then a tab may briefly show the other's first save: only the notice says who lost.
      const told = async () => ({ a: await notices(a).count() - before.a, b: await notices(b).count() - before.b })
      await expect.poll(async () => { const n = await told(); return n.a + n.b }, { message: `round ${round}: one tab is told` }).toBeGreaterThan(0)
      const n = await told()
      expect(n.a + n.b, `round ${round}: only one tab is told`).toBe(1)
      const loser = n.a === 1 ? 'a' : 'b'
      const winner = loser === 'a' ? 'b' : 'a'
      const shown = values[winner]
      await expect.poll(async () => [await text(a), await text(b)], { message: `round ${round}: both tabs show the winner's value` }).toEqual([shown, shown])
      expect(await notices(tabs[loser]).last().textContent()).toContain(`商机 · ${shown} · 商机名称`)
      expect((await told())[winner]).toBe(0)

      // What both show is what storage holds: one tab (in turn) reads it again from IndexedDB.
      const reloaded = round % 2 ? a : b
      await reloaded.reload()
      await reloaded.waitForSelector('.ag-row')
      await expect.poll(() => text(reloaded)).toBe(shown)
      expect(await text(reloaded === a ? b : a)).toBe(shown)
      if (round === 0) await shot(tabs[loser] === reloaded ? tabs[winner] : tabs[loser], 'two-tabs-conflict-notice')
    }
  }, 300_000)

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
