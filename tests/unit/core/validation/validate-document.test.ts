import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { DocumentKind } from '../../../../src/core/validation/kinds'
import { DOCUMENT_KINDS } from '../../../../src/core/validation/kinds'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { app, backup, dashboard, exampleDocuments, form, json, settings, template, view } from '../../../fixtures/documents'

const TEMPLATES_DIR = new URL('../../../../templates/', import.meta.url)
const templateFiles = existsSync(TEMPLATES_DIR) ? readdirSync(TEMPLATES_DIR).filter(f => f.endsWith('.json')) : []

function messages(kind: DocumentKind, doc: unknown): string[] {
  const r = validateDocument(kind, doc)
  return r.ok ? [] : r.issues.map(i => `${i.path} ${i.message.en}`)
}

describe('validate-document', () => {
  describe('validateDocument', () => {
    it('should accept the factory documents of every kind', () => {
      const docs = { form: form(), view: view(), dashboard: dashboard(), app: app(), template: template(), backup: backup(), settings: settings() }
      for (const kind of DOCUMENT_KINDS) expect(messages(kind, json(docs[kind])), kind).toEqual([])
    })

    it.each(exampleDocuments().map(d => [d.file, d] as const))('should accept the example document %s', (_file, { kind, doc }) => {
      expect(DOCUMENT_KINDS).toContain(kind)
      expect(messages(kind as DocumentKind, doc)).toEqual([])
    })

    it('should cover every document kind with at least one example file', () => {
      const kinds = new Set(exampleDocuments().map(d => d.kind))
      expect([...kinds].sort()).toEqual([...DOCUMENT_KINDS].sort())
    })

    it('should find the shipped templates (an empty templates/ folder is a broken checkout, not a pass)', () => {
      expect(templateFiles).toContain('sales-funnel.json')
    })

    it.each(templateFiles)('should accept templates/%s as a template', (file) => {
      const doc = JSON.parse(readFileSync(new URL(file, TEMPLATES_DIR), 'utf8')) as unknown
      expect(messages('template', doc)).toEqual([])
    })

    it('should return the document itself as the typed value', () => {
      const doc = json(form())
      const r = validateDocument('form', doc)
      expect(r.ok && r.value).toBe(doc)
    })

    it('should refuse a non-object with a message', () => {
      const r = validateDocument('form', [])
      expect(r.ok).toBe(false)
      expect(!r.ok && r.issues[0]?.code).toBe('notObject')
    })
  })
})
