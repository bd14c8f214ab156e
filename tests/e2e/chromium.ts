import type { Browser } from 'playwright-core'
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

/** Debian's chromium (or CHROMIUM_PATH). Playwright's own browser download does not work here. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The end-to-end tests need a real browser:\n`
      + '  Debian/Ubuntu: sudo apt-get install -y chromium\n'
      + '  macOS: brew install --cask chromium, then CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"\n'
      + 'or point CHROMIUM_PATH at any Chrome/Chromium binary.',
    )
  }
  return path
}

/** Flags for a closed network: without the background-networking ones Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS })
}
