import type { IssueCode, LocalizedMessage, ValidationIssue } from './issue'
import type { DocumentKind } from './kinds'
import { describePlace } from './describe-place'

/** Where issues are being collected: the root document, its kind, and the sink. */
export interface IssueSink {
  doc: unknown
  kind: DocumentKind
  issues: ValidationIssue[]
}

/**
 * Adds an issue whose message is "<place>：<what>" / "<place>: <what>". `placePath` is the
 * path whose place is named (defaults to `path`), e.g. the object that lacks a property.
 */
export function report(sink: IssueSink, path: string, code: IssueCode, params: Record<string, unknown>, what: LocalizedMessage, placePath = path): void {
  const place = describePlace(sink.doc, sink.kind, placePath)
  sink.issues.push({
    path,
    code,
    params,
    message: { 'zh-CN': `${place['zh-CN']}：${what['zh-CN']}`, 'en': capitalize(`${place.en}: ${what.en}`) },
  })
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
