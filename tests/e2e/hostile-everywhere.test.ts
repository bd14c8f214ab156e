/**
 * The standing XSS / prototype-pollution / CSV-injection test (hardening issue, acceptance):
 * one backup carrying payloads in every name, label, value, title and text
 * (tests/fixtures/hostile.ts) is restored, then every page is visited — home, app home and
 * stage editor, each form's grid, a saved view and the kanban, the record drawer, the record
 * form page, the designer and its JSON view, the dashboard with a tooltip over each chart,
 * settings and the recycle bin. After each: nothing ran (`window.__xss` unset, no inline handler
 * or `javascript:` link in the DOM, no CSP violation), and `Object.prototype` is untouched.
 * Last, the grid's CSV export writes formula-like cells with a leading quote.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/core/io/csv-parse'
import { FORMULA_CELLS, hostileBackup, IMG, PROTO_NAMES, SVG, TEMPLATE } from '../fixtures/hostile'
import { openRestored } from './app-actions'
import { openGrid } from './grid-actions'
import { settled, startSession } from './harness'

const STANDARD = ['constructor', '__defineGetter__', '__defineSetter__', 'hasOwnProperty', '__lookupGetter__', '__lookupSetter__', 'isPrototypeOf', 'propertyIsEnumerable', 'toString', 'valueOf', '__proto__', 'toLocaleString']

interface Harm {
  xss: string
  prev: string
  constructorIsObject: boolean
  newPrototypeKeys: string[]
  inlineHandlers: number
  scriptLinks: number
  violations: string[]
}

const CLEAN: Harm = { xss: 'undefined', prev: 'undefined', constructorIsObject: true, newPrototypeKeys: [], inlineHandlers: 0, scriptLinks: 0, violations: [] }

/** Records CSP violations of every document (an inline handler that got into the DOM would be one). */
async function watchViolations(session: Session): Promise<void> {
  await session.context.addInitScript(() => {
    const list: string[] = []
    ;(window as Window & { __cspViolations?: string[] }).__cspViolations = list
    document.addEventListener('securitypolicyviolation', e => list.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`))
  })
}

/** What a payload would have left behind on the page once it settled. */
async function harm(page: Page): Promise<Harm> {
  await settled(page)
  return page.evaluate((standard) => {
    const w = window as Window & { __xss?: unknown, __cspViolations?: string[] }
    const known = new Set(standard)
    return {
      xss: typeof w.__xss,
      prev: typeof ({} as Record<string, unknown>).prev,
      constructorIsObject: ({}).constructor === Object,
      newPrototypeKeys: Object.getOwnPropertyNames(Object.prototype).filter(k => !known.has(k)),
      inlineHandlers: document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover]').length,
      scriptLinks: [...document.querySelectorAll('[href], [src], [action]')]
        .filter(el => ['href', 'src', 'action'].some(a => /^\s*javascript:/i.test(el.getAttribute(a) ?? ''))).length,
      violations: w.__cspViolations ?? [],
    }
  }, STANDARD)
}

async function expectClean(page: Page, where: string): Promise<void> {
  expect(await harm(page), where).toEqual(CLEAN)
}

/** Moves the mouse over the centre of every chart canvas on the page (each draws its tooltip). */
async function hoverCharts(page: Page): Promise<number> {
  const canvases = page.locator('[data-test=dashboard-page] [data-test=widget-chart] canvas')
  const n = await canvases.count()
  for (let i = 0; i < n; i++) {
    const canvas = canvases.nth(i)
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    if (!box) continue
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3)
    await settled(page)
  }
  return n
}

describe('hostile everywhere: a backup of XSS payloads and prototype names on every page', () => {
  let session: Session
  let page: Page
  const app = '/app/app1'
  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    await watchViolations(session)
    page = await openRestored(session, hostileBackup(), `${app}/form/deals`)
  })
  afterAll(async () => session?.close())

  it('should show the home page and the app home with its stage editor', async () => {
    await page.goto(session.baseUrl)
    await page.locator('[data-test=app-card]').first().waitFor()
    expect(await page.textContent('[data-test=app-card]')).toContain(IMG)
    await expectClean(page, 'home')

    await page.goto(`${session.baseUrl}#${app}`)
    await page.waitForSelector('[data-test=funnel-overview] [data-test=funnel-step]')
    await expectClean(page, 'app home')
    await page.click('[data-test=funnel-overview] [data-test=stage-settings]')
    await page.waitForSelector('[data-test=stage-editor] [data-test=stage-row]')
    await expectClean(page, 'stage editor')
    await page.locator('[data-test=stage-editor] .el-dialog__footer button').first().click()
    await page.waitForSelector('[data-test=stage-editor]', { state: 'detached' })
  })

  it('should show each form\'s grid, a saved view and the kanban', async () => {
    for (const form of ['deals', 'accounts', 'targets']) {
      await openGrid(page, `${app}/form/${form}`)
      await page.waitForSelector('.ag-row')
      await expectClean(page, `grid ${form}`)
    }
    await openGrid(page, `${app}/form/deals`)
    await page.click('[data-test=view-tab][data-view=v_grid]')
    await page.locator('.ag-row', { hasText: '__proto__' }).first().waitFor()
    await expectClean(page, 'saved view')
    await page.click('[data-test=view-tab][data-view=v_kanban]')
    await page.locator('[data-test=kanban-card]').first().waitFor()
    expect(await page.textContent('[data-test=kanban-board]')).toContain(TEMPLATE)
    await expectClean(page, 'kanban')
    await page.click('[data-test=view-tab][data-view=v_grid]')
    await page.locator('.ag-row').first().waitFor()
  })

  it('should show the record drawer and the record form page', async () => {
    await openGrid(page, `${app}/form/deals`)
    await page.locator('.ag-row[row-index="0"] .ag-selection-checkbox input').first().click()
    await page.click('[data-test=open-details]')
    await page.waitForSelector('[data-test=record-drawer]')
    await expectClean(page, 'record drawer')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=record-drawer]', { state: 'detached' })

    for (const id of ['d06', 'd07', 'd08', 'd09']) {
      await page.goto(`${session.baseUrl}#${app}/form/deals/record/${id}`)
      await page.waitForSelector('[data-test=record-form-title]')
      await expectClean(page, `record form ${id}`)
    }
    await page.goto(`${session.baseUrl}#${app}/form/deals/new`)
    await page.waitForSelector('[data-test=record-form-title]')
    await expectClean(page, 'new record form')
  })

  it('should show the designer and its JSON view', async () => {
    await page.goto(`${session.baseUrl}#${app}/form/deals/design`)
    await page.waitForSelector('[data-test=designer]')
    await expectClean(page, 'designer')
    await page.click('[data-test=tab-json]')
    await page.waitForSelector('[data-test=json-editor] .cm-content')
    expect(await page.textContent('[data-test=json-editor] .cm-content')).toContain('onerror')
    await expectClean(page, 'designer JSON')
  })

  it('should draw every widget, group the prototype names and show each chart\'s tooltip', async () => {
    await page.goto(`${session.baseUrl}#${app}/dashboard/dash1`)
    await page.locator('[data-widget-id=w_bar] [data-test=widget-chart] canvas').first().waitFor()
    const labels = () => page.$$eval('[data-widget-id=w_bar] [data-test=widget-data] tr', rows => rows.map(r => r.getAttribute('data-label')))
    await expect.poll(labels).toEqual(expect.arrayContaining([...PROTO_NAMES, IMG, SVG]))
    expect(await page.textContent('[data-widget-id=w_text]')).toContain(IMG)
    await expectClean(page, 'dashboard')
    expect(await hoverCharts(page)).toBeGreaterThanOrEqual(6)
    await expectClean(page, 'dashboard tooltips')
  })

  it('should show the settings page and the recycle bin', async () => {
    await page.goto(`${session.baseUrl}#/settings`)
    await page.waitForSelector('[data-test=backup]')
    await expectClean(page, 'settings')

    await openGrid(page, `${app}/form/deals`)
    await page.click('[data-test=recycle-bin-button]')
    await page.waitForSelector('[data-test=trash-row]')
    expect(await page.textContent('[data-test=trash-row]')).toContain(IMG)
    await expectClean(page, 'recycle bin')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-test=recycle-bin]', { state: 'detached' })
  })

  it('should export the grid to CSV with every formula-like cell quoted', async () => {
    await openGrid(page, `${app}/form/deals`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.click('[data-test=export-open]')
        await page.locator('[data-test=export-csv]:visible').click()
      })(),
    ])
    const table = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, ''))
    const cells = [...table.headers, ...table.rows.flat()]
    for (const value of FORMULA_CELLS) expect(cells).toContain(`'${value}`)
    expect(cells.filter(c => /^[=+\-@\t\r]/.test(c))).toEqual([])
    expect(cells).toContain(IMG)
    await expectClean(page, 'after export')
  })
})
