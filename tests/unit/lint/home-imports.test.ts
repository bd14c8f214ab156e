/**
 * What the home page's initial JS may not hold: the modules loaded on demand since the bench's
 * bundle row found the home at 660 KB gzip against its 300 KB budget (7 Dec: ExcelJS through
 * the core/io barrel, the sync engine and the document validators through main.ts, both UI
 * languages). The static import graph of src/main.ts is walked as the bundler walks it (type
 * imports and `import()` left out); one barrel import of the wrong module would bring them back.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))

function resolve(from: string, spec: string): string {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return spec
  const base = spec.startsWith('@/') ? join(root, 'src', spec.slice(2)) : normalize(join(dirname(from), spec))
  const file = [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')].find(f => existsSync(f) && statSync(f).isFile())
  if (file) return file
  throw new Error(`${from}: cannot resolve ${spec}`)
}

function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8')
  if (!file.endsWith('.vue')) return text
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map(m => m[1]).join('\n')
}

/** The modules `file` imports: statically only, or with its `import()`s too. */
function importsOf(file: string, dynamic: boolean): string[] {
  const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, true)
  const out: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const typeOnly = clause?.isTypeOnly || (!clause?.name && clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every(e => e.isTypeOnly))
      if (!typeOnly) out.push(node.moduleSpecifier.text)
    }
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      out.push(node.moduleSpecifier.text)
    }
    else if (dynamic && ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      out.push((node.arguments[0] as ts.StringLiteral).text)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out.map(spec => resolve(file, spec))
}

/** Every module reachable from src/main.ts (paths relative to the repo, packages by name). */
function graph(dynamic: boolean): Set<string> {
  const seen = new Set<string>()
  const todo = [join(root, 'src/main.ts')]
  while (todo.length > 0) {
    const file = todo.pop()!
    const key = file.startsWith(root) ? file.slice(root.length) : file
    if (seen.has(key)) continue
    seen.add(key)
    if (file.startsWith('/') && /\.(ts|vue)$/.test(file)) todo.push(...importsOf(file, dynamic))
  }
  return seen
}

const ON_DEMAND = ['exceljs', 'pouchdb-browser', 'src/sync/engine.ts', 'src/sync/transfer.ts', 'src/core/validation/document-validators.ts', 'virtual:locale-messages/zh-CN', 'virtual:locale-messages/en']

describe('the home page\'s initial JS', () => {
  const initial = graph(false)
  const all = graph(true)

  it.each(ON_DEMAND)('should load %s only when it is used', (module) => {
    expect(all.has(module), `${module} is no longer imported at all: update this list`).toBe(true)
    expect(initial.has(module)).toBe(false)
  })

  it('should still hold what every page needs', () => {
    for (const module of ['src/stores/records.ts', 'src/storage/localforage-adapter.ts', 'src/App.vue', 'vue']) expect(initial.has(module)).toBe(true)
  })
})
