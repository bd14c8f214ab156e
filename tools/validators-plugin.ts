/**
 * `virtual:document-validators`: the document schemas' ajv validators, generated as plain
 * code when the module is first loaded (build, dev server, vitest) with ajv's standalone code
 * generation (tools/validators-source.ts). The app then never calls ajv's compiler, which
 * builds functions with `new Function` and so needs the `'unsafe-eval'` the CSP does not grant
 * (docs/architecture.md, "Content-Security-Policy"). The schemas stay the one source: edit
 * schemas/*.json (restart the dev server), nothing generated is committed.
 */
import type { Plugin } from 'vite'
import type * as Source from './validators-source.ts'
import { fileURLToPath, URL } from 'node:url'
import { runnerImport } from 'vite'

const ID = 'virtual:document-validators'
const RESOLVED = `\0${ID}`
const SOURCE = fileURLToPath(new URL('./validators-source.ts', import.meta.url))

let code: Promise<string> | undefined

async function generate(): Promise<string> {
  const { module } = await runnerImport<typeof Source>(SOURCE, { configFile: false, logLevel: 'error' })
  return module.documentValidatorsCode()
}

/** The Vite plugin serving `virtual:document-validators` (also add it to worker.plugins). */
export function documentValidators(): Plugin {
  return {
    name: 'funnelgrid:document-validators',
    resolveId: id => (id === ID ? RESOLVED : undefined),
    load: id => (id === RESOLVED ? (code ??= generate()) : undefined),
  }
}
