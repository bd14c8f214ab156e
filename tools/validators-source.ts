/**
 * The generator behind `virtual:document-validators` (tools/validators-plugin.ts): ajv's
 * standalone code for every document schema, from the same Ajv setup Node code uses
 * (src/core/validation/ajv.ts). Loaded by the plugin through Vite's module runner, so the
 * Vite config itself imports no TypeScript from src.
 */
import { _ } from 'ajv/dist/2020'
import standaloneCode from 'ajv/dist/standalone'
import { createAjv } from '../src/core/validation/ajv'
import { DOCUMENT_KINDS, schemaIdOf } from '../src/core/validation/kinds'

/** The export name → schema id of every generated validator. */
export const VALIDATOR_EXPORTS: Record<string, string> = {
  ...Object.fromEntries(DOCUMENT_KINDS.map(kind => [kind, schemaIdOf(kind)])),
  widget: `${schemaIdOf('dashboard')}#/$defs/widget`,
}

/** The ES module source of the document validators. */
export function documentValidatorsCode(): string {
  // inlineRefs: false shares one function per $ref (a backup holds forms, views, dashboards…)
  // instead of inlining each again: the generated code is about half as large.
  const ajv = createAjv({ inlineRefs: false, code: { source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } })
  const code = standaloneCode(ajv, VALIDATOR_EXPORTS)
  // ajv's ESM output still calls require() for its runtime helpers (string length, deep equal)
  // and the formats: import them and hand them over. A CommonJS module reads the same in Node
  // (module.exports under `default`) and in the bundle (module.exports as the namespace).
  const ids = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map(m => m[1]!))]
  const imports = ids.map((id, i) => `import * as m${i} from ${JSON.stringify(id)}`).join('\n')
  const table = ids.map((id, i) => `${JSON.stringify(id)}: m${i}`).join(', ')
  return `${imports}
const modules = { ${table} }
function require(id) {
  const ns = modules[id]
  return typeof ns.default === 'object' && ns.default !== null ? ns.default : ns
}
${code}`
}
