/** Semantic checks per document kind, run after the schema accepted the document. */
import type { DocumentKind, DocumentTypes } from '../kinds'
import type { IssueSink } from '../compose'
import { assertNever } from '../../utils/assert-never'
import { checkDefinitions } from './bundle-checks'
import { checkApp, checkDashboard, checkSettings, checkView } from './doc-checks'
import { checkForm } from './form-checks'

/** Runs the semantic checks of a schema-valid document. */
export function checkSemantics<K extends DocumentKind>(sink: IssueSink, kind: K, doc: DocumentTypes[K]): void {
  const k: DocumentKind = kind
  switch (k) {
    case 'form': return checkForm(sink, doc as DocumentTypes['form'])
    case 'view': return checkView(sink, doc as DocumentTypes['view'])
    case 'dashboard': return checkDashboard(sink, doc as DocumentTypes['dashboard'])
    case 'app': return checkApp(sink, doc as DocumentTypes['app'])
    case 'settings': return checkSettings(sink, doc as DocumentTypes['settings'])
    case 'template': {
      const { bundle } = doc as DocumentTypes['template']
      return checkDefinitions(sink, {
        apps: { items: [bundle.app], at: '/bundle/app', single: true },
        forms: { items: bundle.forms, at: '/bundle/forms' },
        views: { items: bundle.views, at: '/bundle/views' },
        dashboards: { items: bundle.dashboards, at: '/bundle/dashboards' },
      })
    }
    case 'backup': {
      const b = doc as DocumentTypes['backup']
      checkSettings(sink, b.settings, '/settings')
      return checkDefinitions(sink, {
        apps: { items: b.apps, at: '/apps' },
        forms: { items: b.forms, at: '/forms' },
        views: { items: b.views, at: '/views' },
        dashboards: { items: b.dashboards, at: '/dashboards' },
      })
    }
    default: return assertNever(k, 'document kind')
  }
}
