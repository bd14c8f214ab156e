/**
 * The built app under its Content-Security-Policy (tools/csp.ts) and its service worker:
 * the policy is sent as a header and a meta tag, the main pages run with no violation and no
 * console error, and once the worker controls the page the app reloads offline with its data.
 */
import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../tools/csp'
import { formHref, installSalesTemplate } from './app-actions'
import { shot, startSession } from './harness'

interface Violation { directive: string, blocked: string, sample: string, source: string }
type Collected = Window & { __cspViolations?: Violation[] }

/** Collects every CSP violation of every document of the session into window.__cspViolations. */
async function watchViolations(session: Session): Promise<void> {
  await session.context.addInitScript(() => {
    const list: { directive: string, blocked: string, sample: string, source: string }[] = []
    ;(window as Window & { __cspViolations?: typeof list }).__cspViolations = list
    document.addEventListener('securitypolicyviolation', (e) => {
      list.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` })
    })
  })
}

function violations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as Collected).__cspViolations ?? [])
}

/** Resolves once a service worker controls the page (its precache is complete by then). */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (navigator.serviceWorker.controller) return
    await new Promise(resolve => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  })
}

describe('content security policy', () => {
  let session: Session
  let page: Page

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    await watchViolations(session)
    page = await session.context.newPage()
  })
  afterAll(async () => {
    await session?.close()
  })

  it('should send the policy as a header and as a meta tag', async () => {
    const response = await page.goto(session.baseUrl)
    const header = response?.headers()['content-security-policy'] ?? ''
    expect(header).toBe(contentSecurityPolicy())
    for (const directive of ["script-src 'self'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "connect-src 'self'", "img-src 'self' data: blob:"]) expect(header).toContain(directive)
    expect(header).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
    const meta = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content')
    expect(meta).toBe(contentSecurityPolicy({ meta: true }))
    expect(meta).not.toContain('frame-ancestors')
    expect(response?.headers()['x-content-type-options']).toBe('nosniff')
  })

  it('should run home, template install, grid, dashboard and designer with no violation', async () => {
    await page.waitForSelector('[data-test=home-from-template]')
    await installSalesTemplate(page)
    const grid = await formHref(page, '商机')
    await page.goto(`${session.baseUrl}#${grid}`)
    await page.waitForSelector('.ag-row')
    await page.click('.ag-header-cell-label >> nth=1')
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page]')
    await page.waitForSelector('[data-test=dashboard-page] canvas')
    // An ECharts tooltip is HTML with style attributes: hover a chart to draw one.
    const chart = page.locator('[data-test=dashboard-page] canvas').nth(1)
    const box = await chart.boundingBox()
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.goto(`${session.baseUrl}#${grid}/design`)
    await page.waitForSelector('[data-test=designer]')
    await page.click('[data-test=tab-json]')
    await page.waitForSelector('[data-test=json-editor] .cm-content')
    await shot(page, 'csp-designer-json')
    expect(await violations(page)).toEqual([])
  })
})

describe('offline', () => {
  let session: Session

  beforeAll(async () => {
    session = await startSession({ locale: 'zh-CN' })
    await watchViolations(session)
  })
  afterAll(async () => {
    await session?.context.setOffline(false)
    await session?.close()
  })

  it('should reload offline, once the service worker controls the page, with the workspace and its data', async () => {
    const page = await session.open()
    await page.waitForSelector('[data-test=home-from-template]')
    await installSalesTemplate(page)
    const grid = await formHref(page, '客户')
    await page.goto(`${session.baseUrl}#${grid}`)
    const firstRow = page.locator('.ag-row[row-index="0"]').first()
    await firstRow.waitFor()
    const online = (await firstRow.textContent())?.trim()
    expect(online).toBeTruthy()
    await controlled(page)

    await session.context.setOffline(true)
    const response = await page.reload()
    expect(response?.fromServiceWorker()).toBe(true)
    await firstRow.waitFor()
    expect((await firstRow.textContent())?.trim()).toBe(online)
    await page.click('[data-test=side-dashboard]')
    await page.waitForSelector('[data-test=dashboard-page] canvas')
    await shot(page, 'offline-dashboard')
    expect(await violations(page)).toEqual([])
  })
})
