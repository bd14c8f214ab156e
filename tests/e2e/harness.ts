import type { Browser, BrowserContext, Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { inject } from 'vitest'
import { launchChromium } from './chromium'

export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url))
mkdirSync(SCREENSHOT_DIR, { recursive: true })

export interface Session {
  browser: Browser
  context: BrowserContext
  baseUrl: string
  /** Console errors and page errors of every page of the session (checked and emptied after each test). */
  errors: string[]
  expectedErrors: RegExp[]
  open: (path?: string) => Promise<Page>
  close: () => Promise<void>
}

/**
 * A fresh browser profile (so a fresh IndexedDB) per session. Console errors and page errors
 * are collected; after every test, tests/e2e/setup.ts checks that the app ran clean.
 */
/** Sessions started and not closed: the e2e setup checks each of them after every test. */
const live = new Set<Session>()

/** Options of startSession. */
export interface SessionOptions {
  locale?: string
  /** Console messages a test provokes on purpose (a refused write it asserts on): not counted as errors. */
  expectedErrors?: RegExp[]
  /**
   * Let the app ask "who are you?" on the first edit (tests/e2e/who-am-i.test.ts). Other tests
   * start as if it had been skipped: the question would cover what they click.
   * @default false
   */
  askWhoAmI?: boolean
}

/**
 * After each test (tests/e2e/setup.ts): no page of a live session shows the save-failure
 * banner, and no page logged a console error or threw. Errors are emptied once reported, so
 * one failure is not repeated by every later test of the file.
 */
export async function checkLiveSessions(): Promise<void> {
  for (const session of live) {
    const problems: string[] = []
    for (const page of session.context.pages()) {
      if (page.isClosed()) continue
      await page.waitForLoadState('domcontentloaded').catch(() => undefined)
      const banners = await page.locator('[data-test=save-failure]').count().catch(() => 0)
      if (banners) problems.push(`${page.url()}: the save-failure banner is shown`)
    }
    problems.push(...session.errors.filter(e => !session.expectedErrors.some(r => r.test(e))))
    session.errors.length = 0
    if (problems.length) throw new Error(`The app was not clean during this test:\n${problems.join('\n')}`)
  }
}

export async function startSession(opts: SessionOptions = {}): Promise<Session> {
  const baseUrl = inject('baseUrl')
  const browser = await launchChromium()
  const context = await browser.newContext({ locale: opts.locale ?? 'zh-CN', viewport: { width: 1360, height: 860 } })
  context.setDefaultTimeout(10_000)
  if (!opts.askWhoAmI) {
    await context.addInitScript(() => {
      try {
        localStorage.setItem('funnelgrid:who-am-i-asked', '1')
      }
      catch { /* about:blank has no storage */ }
    })
  }
  const errors: string[] = []
  // Every page of the context, however it was opened (a popup, a second tab, a new page).
  context.on('page', (page) => {
    page.on('pageerror', e => errors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`)
    })
  })
  async function open(path = ''): Promise<Page> {
    const page = await context.newPage()
    await page.goto(baseUrl + path)
    return page
  }
  const session: Session = {
    browser,
    context,
    baseUrl,
    errors,
    expectedErrors: opts.expectedErrors ?? [],
    open,
    close: async () => {
      live.delete(session)
      await browser.close()
    },
  }
  live.add(session)
  return session
}

/**
 * Resolves when what the user sees has stopped moving: every CSS transition and animation of
 * the page has finished (Element Plus fades, tag enter transitions, AG Grid row animations)
 * and two frames were painted after that.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const running = () => document.getAnimations().filter(a => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity)
    const frames = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
    // A transition starts only once its style change is processed (a render after the last
    // check): settled means two frames in a row with nothing running.
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 20 && running().length; k++) await Promise.all(running().map(a => a.finished.catch(() => undefined)))
      await frames()
      if (!running().length) break
    }
  })
}

/** A screenshot of the page once it has settled (see `settled`). */
export async function shot(page: Page, name: string): Promise<void> {
  await settled(page)
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: false })
}
