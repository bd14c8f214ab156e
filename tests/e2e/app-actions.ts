import type { Page } from 'playwright-core'
import type { Session } from './harness'
import { fillField } from './grid-actions'

/** Installs the sales-funnel template with its demo data from the home page, as a user would; resolves on its funnel page. */
export async function installSalesTemplate(page: Page): Promise<void> {
  await page.click('[data-test=home-from-template]')
  await page.click('[data-test=template-install]')
  await page.waitForSelector('[data-test=install-dialog]')
  await page.click('[data-test=install-start]')
  await page.waitForSelector('[data-test=funnel-overview]', { timeout: 30_000 })
}

/** The id of the app the page shows (from its #/app/<id> route). */
export function appIdOf(page: Page): string {
  return /#\/app\/([^/?]+)/.exec(page.url())?.[1] ?? ''
}

/** The route of a form in the sidebar, by its name. */
export async function formHref(page: Page, name: string): Promise<string> {
  const href = await page.locator('[data-test=side-form]', { hasText: name }).first().getAttribute('href')
  if (!href) throw new Error(`no form ${name} in the sidebar`)
  return href.replace(/^#/, '')
}

/** Creates an empty app named `app` from the home page; resolves on the app's page. */
export async function createApp(page: Page, app: string): Promise<void> {
  await page.click('[data-test=create-app]')
  await fillField(page, 'name-input', app)
  await page.click('[data-test=name-submit]')
  await page.waitForSelector('[data-test=app-title]')
}

/** Creates an app named `app` with one form named `form` from the home page; resolves on the form's grid. */
export async function createAppWithForm(page: Page, app: string, form: string): Promise<void> {
  await createApp(page, app)
  await page.click('[data-test=create-form]')
  await fillField(page, 'name-input', form)
  await page.click('[data-test=name-submit]')
  await page.waitForSelector('[data-test=form-title]')
}

/**
 * Confirms the "restore from backup" box and waits for the reload that follows. Scoped to that
 * box by its title: a box closed just before (a delete confirmation) may still be fading out.
 */
export async function confirmRestore(page: Page): Promise<void> {
  const box = page.getByRole('dialog', { name: /^(从备份恢复|Restore from backup)$/ })
  await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), box.locator('.el-message-box__btns .el-button--primary').click()])
}

/** Opens the settings page, restores `backup` as a user would (the page reloads), then opens `path` and waits for the grid's first row. */
export async function openRestored(session: Session, backup: unknown, path: string): Promise<Page> {
  const page = await session.open('#/settings')
  await page.waitForSelector('[data-test=restore-file]', { state: 'attached' })
  await page.setInputFiles('[data-test=restore-file]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) })
  await confirmRestore(page)
  await page.waitForSelector('[data-test=backup]')
  await page.goto(`${session.baseUrl}#${path}`)
  await page.waitForSelector('.ag-row')
  return page
}

/** Switches the UI language with the header's language select ('English' / '简体中文'). */
export async function setLocale(page: Page, label: string): Promise<void> {
  await page.click('[data-test=locale-select]')
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: label }).click()
}
