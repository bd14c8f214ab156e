import type { Page } from 'playwright-core'

/** Installs the sales-funnel template with its demo data from the home page, as a user would; resolves on its funnel page. */
export async function installSalesTemplate(page: Page): Promise<void> {
  await page.click('[data-test=home-from-template]')
  await page.click('[data-test=template-install]')
  await page.waitForSelector('[data-test=install-dialog]')
  await page.click('[data-test=install-start]')
  await page.waitForSelector('[data-test=funnel-overview]', { timeout: 30_000 })
}

/** The route of a form in the sidebar, by its name. */
export async function formHref(page: Page, name: string): Promise<string> {
  const href = await page.locator('[data-test=side-form]', { hasText: name }).first().getAttribute('href')
  if (!href) throw new Error(`no form ${name} in the sidebar`)
  return href.replace(/^#/, '')
}
