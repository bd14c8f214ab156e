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
  errors: string[]
  open: (path?: string) => Promise<Page>
  close: () => Promise<void>
}

/**
 * A fresh browser profile (so a fresh IndexedDB) per session. Console errors and page errors
 * are collected so tests can assert the app ran clean.
 */
export async function startSession(opts: { locale?: string } = {}): Promise<Session> {
  const baseUrl = inject('baseUrl')
  const browser = await launchChromium()
  const context = await browser.newContext({ locale: opts.locale ?? 'zh-CN', viewport: { width: 1360, height: 860 } })
  context.setDefaultTimeout(10_000)
  const errors: string[] = []
  async function open(path = ''): Promise<Page> {
    const page = await context.newPage()
    page.on('pageerror', e => errors.push(`pageerror: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`)
    })
    await page.goto(baseUrl + path)
    return page
  }
  return { browser, context, baseUrl, errors, open, close: () => browser.close() }
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: false })
}
