/**
 * "New form from a file" with a stage column: before the form is created the user puts the
 * proposed stages in funnel order (▲▼) and marks which are won and lost, and the dialog shows
 * the funnel the form will have. The form created has those stages in that order, and its
 * funnel overview shows the counts the preview promised — equal to a count over the file here.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from './app-actions'
import { fillField } from './grid-actions'
import { settled, shot, startSession } from './harness'
import { expectCount, funnelShown } from './history-actions'
import { downloadBackup, pickOption } from './io-actions'

interface Backup { forms: { id: string, name: unknown }[] }

const HUBSPOT = readFileSync(new URL('../fixtures/io-history/hubspot-deals-current.csv', import.meta.url), 'utf8')
const HUBSPOT_OPEN = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent']

const order = async (page: Page) => (await page.locator('[data-test=nf-stage-order-item] .io-so-name').allTextContents()).map(s => s.trim())

/** Reached at least, from the current stage only: an open stage reaches itself and those above, won reaches all, lost only the first. */
function funnelOfFile(stages: string[], open: string[], won: string, lost: string): number[] {
  const depth = (s: string) => (s === won ? open.length + 1 : s === lost ? 1 : open.indexOf(s) + 1)
  return [...open, won].map((_, k) => stages.filter(s => depth(s) >= k + 1).length)
}

async function openNewForm(page: Page, name: string, text: string, stageCol: number) {
  await page.click('[data-test=create-form-from-file]')
  await page.setInputFiles('[data-test=io-file-input]', { name, mimeType: 'text/csv', buffer: Buffer.from(text) })
  await page.waitForSelector('[data-test=nf-fields]')
  await pickOption(page, `nf-type-${stageCol}`, '阶段')
  await page.waitForSelector('[data-test=nf-stage-order]')
}

async function createAndOpen(page: Page) {
  await page.click('[data-test=nf-create]')
  await page.waitForSelector('[data-test=nf-done]', { timeout: 60_000 })
  await page.click('[data-test=nf-open]')
}

async function formIdOf(page: Page, name: string): Promise<string> {
  return (await downloadBackup<Backup>(page)).forms.find(f => f.name === name)!.id
}

describe('new form from a file: stage order and outcomes before creating', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await createApp(page, '阶段')
  }, 60_000)
  afterAll(async () => session.close())

  it('should let the stages be put in funnel order with ▲, preview that funnel and create the form with it', async () => {
    await openNewForm(page, 'hubspot_now.csv', HUBSPOT, 3)
    // the proposal guesses from the names: HubSpot's stages are not all common funnel words
    expect((await order(page)).slice(0, 5)).not.toEqual(HUBSPOT_OPEN)
    for (const [target, stage] of HUBSPOT_OPEN.entries()) {
      let at = (await order(page)).indexOf(stage)
      while (at > target) {
        await page.click(`[data-test=nf-stage-order-up-${at}]`)
        at--
      }
    }
    expect(await order(page)).toEqual([...HUBSPOT_OPEN, 'Closed Won', 'Closed Lost'])
    const current = HUBSPOT.trim().split('\n').slice(1).map(l => l.split(',')[3]!)
    const want = funnelOfFile(current, HUBSPOT_OPEN, 'Closed Won', 'Closed Lost')
    await expect.poll(() => page.textContent('[data-test=nf-funnel]')).toContain([...HUBSPOT_OPEN, 'Closed Won'].map((s, k) => `${s} ${want[k]}`).join(' → '))
    await shot(page, 'new-form-stages-order-zh')
    await createAndOpen(page)
    await expectCount(page, current.length)
    const shown = await funnelShown(page, await formIdOf(page, 'hubspot_now'))
    expect(shown.names).toEqual([...HUBSPOT_OPEN, 'Closed Won'])
    expect(shown.steps).toEqual(want)
  }, 120_000)

  it('should let stages the names do not give away be marked won and lost, with no extra outcome left', async () => {
    const csv = ['Deal,Stage', 'A,Lead', 'B,Meeting', 'C,Signed', 'D,Dropped', 'E,Signed', 'F,Meeting'].join('\n')
    await openNewForm(page, 'signed.csv', csv, 1)
    // no value reads as won or lost: the outcomes 赢单 / 输单 are added so the field is valid
    expect(await order(page)).toEqual(['Lead', 'Meeting', 'Signed', 'Dropped', '赢单', '输单'])
    await pickOption(page, 'nf-stage-order-kind-2', '赢单')
    await settled(page)
    // Signed is now the won outcome: the added 赢单 goes, Dropped moves up to where Signed was
    await expect.poll(() => order(page)).toEqual(['Lead', 'Meeting', 'Dropped', 'Signed', '输单'])
    await pickOption(page, 'nf-stage-order-kind-2', '输单')
    await settled(page)
    await expect.poll(() => order(page)).toEqual(['Lead', 'Meeting', 'Signed', 'Dropped'])
    expect(await page.locator('[data-test=nf-stage-order-item]').evaluateAll(li => li.map(x => x.getAttribute('data-kind')))).toEqual(['open', 'open', 'won', 'lost'])
    const want = funnelOfFile(['Lead', 'Meeting', 'Signed', 'Dropped', 'Signed', 'Meeting'], ['Lead', 'Meeting'], 'Signed', 'Dropped')
    expect(await page.textContent('[data-test=nf-funnel]')).toContain(`Lead ${want[0]} → Meeting ${want[1]} → Signed ${want[2]}`)
    await fillField(page, 'nf-name', 'signed')
    await createAndOpen(page)
    await expectCount(page, 6)
    const shown = await funnelShown(page, await formIdOf(page, 'signed'))
    expect(shown.names).toEqual(['Lead', 'Meeting', 'Signed'])
    expect(shown.steps).toEqual(want)
    expect(shown.winRate).toBe('66.7%')
  }, 120_000)

  it('should refuse to create a stage field with no open stage, saying why, and fit a phone', async () => {
    await openNewForm(page, 'phone.csv', ['Deal,Stage', 'A,Lead', 'B,Won'].join('\n'), 1)
    await page.setViewportSize({ width: 390, height: 844 })
    await pickOption(page, 'nf-stage-order-kind-0', '赢单')
    await settled(page)
    await expect.poll(() => page.textContent('[data-test=new-form-file-dialog]')).toContain('需要至少一个进行中阶段')
    expect(await page.locator('[data-test=nf-create]').isDisabled()).toBe(true)
    await page.locator('[data-test=nf-stages]').scrollIntoViewIfNeeded()
    await shot(page, 'new-form-stages-phone-zh')
    // nothing of the dialog runs off the side of the phone
    const overflow = await page.locator('[data-test=nf-stages]').evaluate(el => el.scrollWidth - el.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    await pickOption(page, 'nf-stage-order-kind-1', '进行中')
    await settled(page)
    await expect.poll(() => page.locator('[data-test=nf-create]').isDisabled()).toBe(false)
    await page.keyboard.press('Escape')
    await page.setViewportSize({ width: 1360, height: 860 })
  }, 120_000)
})
