/**
 * Stage targets (issue #14, part 4) as a user sets and reads them: a target conversion typed in
 * the stage editor, the dashboard's funnel and conversion widgets flagging the stage below it with
 * its 95 % interval, and the stage's "why" panel (loss reasons, conversion by group, time in it).
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installSalesTemplate } from './app-actions'
import { setStageTarget } from './dashboard-actions'
import { settled, shot, startSession } from './harness'

describe('stage targets (zh-CN)', () => {
  let session: Session
  let page: Page
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    page = await session.open()
    await installSalesTemplate(page)
  })
  afterAll(async () => session.close())

  it('should flag a stage below the target typed in the stage editor, with its interval, and open its why panel', async () => {
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    await setStageTarget(page, 'stage_lead', '99')
    await setStageTarget(page, 'stage_contact', '1')
    await page.click('[data-test=stage-save]')
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })

    await page.click('[data-test=side-dashboard]')
    const funnel = page.locator('[data-test=card-funnel]')
    const lead = funnel.locator('[data-test=stage-target][data-stage=stage_lead]')
    await lead.waitFor({ timeout: 15_000 })
    expect(await lead.getAttribute('data-flagged')).toBe('true')
    const rate = lead.locator('[data-test=target-rate]')
    expect(await rate.getAttribute('data-verdict')).toBe('belowSignificant')
    const line = (await rate.textContent()) ?? ''
    expect(line).toContain('显著低于目标')
    expect(line).toMatch(/95% 区间 \d+\.\d%–\d+\.\d%，n = [\d,]+），目标 99\.0%/)
    // a met target is listed, not flagged, and has no why button
    const contact = funnel.locator('[data-test=stage-target][data-stage=stage_contact]')
    expect(await contact.getAttribute('data-flagged')).toBe('false')
    expect(await contact.locator('[data-test=target-why]').count()).toBe(0)
    // the conversion widget marks the same stage
    const conv = page.locator('[data-test=card-conversion] [data-test=stage-target][data-stage=stage_lead]')
    expect(await conv.getAttribute('data-flagged')).toBe('true')
    await shot(page, 'stage-targets-dashboard-zh')

    await lead.locator('[data-test=target-why]').click()
    const why = page.locator('[data-test=stage-why]')
    await why.waitFor()
    await settled(page)
    expect(await why.locator('[data-test=why-summary]').textContent()).toMatch(/^[\d,]+ 个商机到达此阶段，[\d,]+ 个进入下一步（\d+\.\d%）。$/)
    expect(await why.locator('[data-test=why-reason]').count()).toBeGreaterThan(0)
    expect(await why.locator('[data-test=why-group]').count()).toBeGreaterThan(0)
    expect(await why.locator('[data-test=why-group] [data-test=why-row]').count()).toBeGreaterThan(1)
    // owner first, then source; a relation's groups are named by the linked record's title, never its id
    expect(await why.locator('[data-test=why-group]').first().getAttribute('data-field')).toBe('f_opp_owner')
    const accounts = await why.locator('[data-test=why-group][data-field=f_opp_account] [data-test=why-row] td:first-child').allTextContents()
    expect(accounts.length).toBeGreaterThan(0)
    for (const a of accounts) expect(a).not.toMatch(/^[\w-]{10,}$/)
    expect(await why.locator('[data-test=why-time]').textContent()).toMatch(/\d(\.\d)? (天|小时|分钟)/)
    await shot(page, 'stage-targets-why-zh')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=stage-why]', { state: 'detached' })
  })
})
