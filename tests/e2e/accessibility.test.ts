/**
 * Accessibility (issue #16): axe-core finds no serious or critical violation on the main pages
 * — home, template gallery, settings, app home, grid, kanban, the "who are you?" dialog of the
 * first edit, designer, record form, dashboard (view and edit) — in Chinese and in English.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appIdOf, installSalesTemplate } from './app-actions'
import { editCell } from './grid-actions'
import { settled, startSession } from './harness'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Finding { id: string, impact: string, nodes: string[] }

/**
 * Runs axe-core on the page as it is and returns its serious and critical violations. axe is
 * evaluated through DevTools (the app's CSP forbids inline scripts, rightly).
 */
async function axeFindings(page: Page): Promise<Finding[]> {
  await settled(page)
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string, impact: string | null, nodes: { target: unknown[], html: string, failureSummary?: string }[] }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
      .filter(v => v.impact === 'serious' || v.impact === 'critical')
      .map(v => ({ id: v.id, impact: v.impact ?? '', nodes: v.nodes.slice(0, 5).map(n => `${n.target.join(' ')} ${n.html.slice(0, 120)} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim().slice(0, 160)}`) }))
  })
}

/** The findings as lines a developer can act on. */
function report(findings: Finding[]): string[] {
  return findings.flatMap(f => [`${f.impact} ${f.id}`, ...f.nodes.map(n => `  ${n}`)])
}

for (const locale of ['zh-CN', 'en'] as const) {
  describe(`axe-core on every main page (${locale})`, () => {
    let session: Session
    let page: Page
    let app = ''
    let oppForm = ''
    let dashboard = ''
    beforeAll(async () => {
      session = await startSession({ locale })
      page = await session.open()
      await page.waitForSelector('[data-test=home-from-template]')
      if (locale === 'en') {
        await page.click('[data-test=locale-select]')
        await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'English' }).click()
      }
    })
    afterAll(async () => session.close())

    const check = async (waitFor: string) => {
      await page.waitForSelector(waitFor)
      expect.soft(report(await axeFindings(page)), waitFor).toEqual([])
    }

    it('home (empty) and the template gallery', async () => {
      await check('[data-test=home-from-template]')
      await installSalesTemplate(page)
      app = `${session.baseUrl}#/app/${appIdOf(page)}`
      oppForm = `${app}/form/${(await page.getAttribute('[data-test=funnel-overview]', 'data-form')) ?? ''}`
      dashboard = (await page.locator('[data-test=side-dashboard]').first().getAttribute('href')) ?? ''
      await page.goto(`${session.baseUrl}#/templates`)
      await check('[data-test=template-install]')
    })

    it('home with an app, settings', async () => {
      await page.goto(session.baseUrl)
      await check('[data-test=app-card], [data-test=home-app]')
      await page.goto(`${session.baseUrl}#/settings`)
      await check('[data-test=backup]')
    })

    it('app home', async () => {
      await page.goto(app)
      await check('[data-test=funnel-overview] [data-test=funnel-step]')
    })

    it('grid and kanban', async () => {
      await page.goto(oppForm)
      await check('.ag-row')
      await page.locator('[data-test=view-tab]', { hasText: locale === 'en' ? 'Pipeline board' : '商机看板' }).click()
      await check('[data-test=kanban-card]')
    })

    it('the "who are you?" dialog asked on the first edit, with its name box open', async () => {
      await page.goto(oppForm)
      await page.locator('[data-test=view-tab]').first().click()
      await page.waitForSelector('.ag-row')
      // The session marks the question as asked on every page load; unmarked, the next edit asks.
      await page.evaluate(() => localStorage.removeItem('funnelgrid:who-am-i-asked'))
      await editCell(page, 0, 'f_opp_title', locale === 'en' ? 'Renamed deal' : '改名的商机')
      await check('[data-test=who-am-i] [data-test=who-new]')
      await page.click('[data-test=who-am-i] [data-test=who-new]')
      await check('input[data-test=who-name], [data-test=who-name] input')
      await page.click('[data-test=who-skip]')
      await page.waitForSelector('[data-test=who-am-i]', { state: 'detached' })
    })

    it('record form and designer', async () => {
      await page.goto(`${oppForm}/new`)
      await check('[data-test=form-renderer]')
      await page.goto(`${oppForm}/design`)
      await check('[data-test=designer-canvas], [data-test=designer]')
      // the stage field's settings: its stages and linked fields
      await page.click('[data-test=canvas-field-f_opp_stage]')
      await check('[data-test=stage-links]')
    })

    it('automations: the list and the editor', async () => {
      await page.goto(`${app}/automations`)
      await check('[data-test=automation-card]')
      await page.locator('[data-test=automation-edit]').first().click()
      await check('[data-test=automation-editor] [data-test=automation-step-0]')
      await page.click('[data-test=automation-cancel]')
    })

    it('dashboard, viewing and editing', async () => {
      await page.goto(`${session.baseUrl}${dashboard}`)
      await check('[data-test=dashboard-page] canvas, [data-test=dashboard-page] svg')
      await page.click('[data-test=dashboard-mode]')
      await check('[data-test=dashboard-json-open]')
    })
  })
}
