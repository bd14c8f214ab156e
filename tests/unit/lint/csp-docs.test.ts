import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../tools/csp'

// The hosting docs quote the policy for copying onto a server: they must quote tools/csp.ts's.
describe('CSP in the docs', () => {
  for (const doc of ['README.md', 'docs/architecture.md']) {
    it(`should quote the policy of tools/csp.ts in ${doc}`, () => {
      expect(readFileSync(new URL(`../../../${doc}`, import.meta.url), 'utf8')).toContain(contentSecurityPolicy())
    })
  }
})
