/**
 * The layering rules of eslint.config.js, checked by linting small snippets as if they lived
 * in each folder: a rule that stopped firing would let a component talk to storage again.
 */
import { ESLint } from 'eslint'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const eslint = new ESLint({ cwd: root })

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` })
  return result!.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message)
}

const ADAPTER = `import { useAdapter } from '@/stores/use-adapter'\nexport const a = useAdapter\n`
const STORAGE = `import { createLocalforageAdapter } from '@/storage/localforage-adapter'\nexport const a = createLocalforageAdapter\n`
const SYNC = `import { createSyncEngine } from '@/sync/engine'\nexport const s = createSyncEngine\n`
const KEY = `import { STORAGE_KEY } from '@/symbols'\nexport const k = STORAGE_KEY\n`
const COMPONENT = `import type { FieldUiContext } from '@/components/fields/field-tags'\nexport type C = FieldUiContext\n`
const DEEP_RECORDS = `import { createRecords } from '@/core/records/mutations'\nexport const c = createRecords\n`
const RECORDS = `import { useRecordsStore } from './records'\nexport const r = useRecordsStore\n`

describe('layer rules in eslint.config.js', () => {
  it.each([
    ['src/components/grid/use-grid-x.ts', ADAPTER],
    ['src/components/record/x.ts', STORAGE],
    ['src/components/settings/x.ts', SYNC],
    ['src/pages/x.ts', SYNC],
    ['src/components/form/x.ts', KEY],
    ['src/widgets/x.ts', STORAGE],
    ['src/composables/use-x.ts', ADAPTER],
    ['src/composables/use-x.ts', COMPONENT],
    ['src/stores/x.ts', COMPONENT],
    ['src/stores/undo.ts', RECORDS],
    ['src/stores/history.ts', RECORDS],
    ['src/components/grid/x.ts', DEEP_RECORDS],
    ['src/stores/x.ts', DEEP_RECORDS],
  ])('should refuse in %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toHaveLength(1)
  })

  it.each([
    ['src/stores/x.ts', ADAPTER],
    ['src/stores/x.ts', STORAGE],
    ['src/main.ts', STORAGE],
    ['src/stores/x.ts', SYNC],
    ['src/main.ts', KEY],
    ['src/components/grid/x.ts', COMPONENT],
    ['src/stores/external-changes.ts', RECORDS],
  ])('should allow in %s: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([])
  })
})
