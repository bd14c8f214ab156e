import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The CSP has no 'unsafe-eval', and ajv's compiler builds functions with new Function: the app
// must reach document validators through virtual:document-validators (generated at build time)
// and record schemas through value-schema-check. Only Node code (tests, tools/) runs ajv.
const SRC = fileURLToPath(new URL('../../../src/', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d => (d.isDirectory() ? files(join(dir, d.name)) : /\.(ts|vue)$/.test(d.name) ? [join(dir, d.name)] : []))
}

describe('no ajv compiler in the app', () => {
  it('should import ajv only as types, and its Node-only setup from nowhere in src', () => {
    const offenders: string[] = []
    for (const file of files(SRC)) {
      const name = relative(SRC, file)
      if (name === 'core/validation/ajv.ts') continue
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)) {
        const spec = m[1]!
        if (/^ajv(\/|$)/.test(spec) || /^ajv-formats$/.test(spec) || /(^|\/)ajv$/.test(spec)) offenders.push(`${name}: ${spec}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
