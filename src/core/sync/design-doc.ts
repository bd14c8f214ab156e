// The design document every workspace database holds. Its validate_doc_update is the server's
// half of the permission model (src/core/sync/roles.ts is the client's mirror of it): CouchDB
// and pouchdb-server run it on every write, replication included, with the database's
// `_security` object as the 4th argument. It is server code kept as a source string (CouchDB
// stores functions as text); the app never evaluates it.
import type { SecurityObject } from './roles'
import { DESIGN_DOC_ID, SYNC_SCHEMA_VERSION } from './layout'

/** Bumped when the function below changes, so publishing updates an older design document. */
export const DESIGN_DOC_VERSION = 2

// ES5 only: CouchDB 3's JavaScript engine (SpiderMonkey 1.8.5 on older installs) runs it.
// Keep the id rules in step with layout.ts and the role rules with roles.ts.
//
// The member table is written into the function too (MEMBERS below), beside `_security`, by the
// same call: pouchdb-server hands validate_doc_update an empty security object on replication
// writes (_bulk_docs with new_edits=false), where CouchDB 3 passes the real one. The function
// reads `_security` when it has names and the table otherwise, so both servers enforce the same roles.
const VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  var MEMBERS = __MEMBERS__;
  var name = userCtx.name;
  var roles = userCtx.roles || [];
  var sec = (secObj && (secObj.admins || secObj.members)) ? secObj : MEMBERS;
  function listed(group) {
    if (!group) return false;
    if (name !== null && (group.names || []).indexOf(name) !== -1) return true;
    for (var i = 0; i < roles.length; i++) if ((group.roles || []).indexOf(roles[i]) !== -1) return true;
    return false;
  }
  var role = null;
  if (roles.indexOf('_admin') !== -1) role = 'admin';
  else if (name === null) role = null;
  else if (listed(sec.admins)) role = 'admin';
  else if (listed(sec.members)) role = ((sec.funnelgrid && sec.funnelgrid.viewers) || []).indexOf(name) !== -1 ? 'viewer' : 'member';
  if (role === null) throw({ unauthorized: 'Sign in as a member of this workspace to change it.' });
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (role !== 'admin') throw({ forbidden: 'Only workspace admins may change the design document.' });
    return;
  }
  var type = null;
  if (id === 'settings') type = 'settings';
  else {
    var m = /^(def|rec|evt|chg|fil):([^:]+):(.+)$/.exec(id);
    if (m) type = { def: 'definition', rec: 'record', evt: 'event', chg: 'change', fil: 'file' }[m[1]];
    if (type === 'definition' && ['app', 'form', 'view', 'dashboard'].indexOf(m[2]) === -1) type = null;
    if (type === 'file' && m[2] !== 'blob') type = null;
  }
  if (type === null) throw({ forbidden: 'Document id "' + id + '" is not one FunnelGrid writes.' });
  if (role === 'viewer') throw({ forbidden: 'Read-only members (viewers) may not change this workspace.' });
  if (role === 'member' && (type === 'definition' || type === 'settings')) throw({ forbidden: 'Only workspace admins may change forms, views, dashboards, apps and settings.' });
  if (newDoc._deleted) return;
  if (newDoc.type !== type) throw({ forbidden: 'Document "' + id + '" must have type "' + type + '".' });
  if (newDoc.schemaVersion !== ${SYNC_SCHEMA_VERSION}) throw({ forbidden: 'Document "' + id + '" has schemaVersion ' + newDoc.schemaVersion + '; this workspace holds version ${SYNC_SCHEMA_VERSION}.' });
  if (typeof newDoc.by !== 'string' || typeof newDoc.at !== 'string') throw({ forbidden: 'Document "' + id + '" must say who wrote it and when (by, at).' });
  if (newDoc.by !== name && roles.indexOf('_admin') === -1) throw({ forbidden: 'Document "' + id + '" says it was written by "' + newDoc.by + '", but you are signed in as "' + name + '".' });
  if (!newDoc.body || typeof newDoc.body !== 'object') throw({ forbidden: 'Document "' + id + '" has no body.' });
  if ((type === 'event' || type === 'change' || type === 'file') && oldDoc && !oldDoc._deleted) throw({ forbidden: 'Stage events, change entries and files are never changed once written ("' + id + '").' });
  if (type === 'file' && !(newDoc._attachments && newDoc._attachments.content)) throw({ forbidden: 'File "' + id + '" has no content attachment.' });
}`

/** JSON as a JavaScript literal (U+2028/2029 are line breaks to older engines). */
function literal(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

export interface DesignDoc {
  _id: string
  _rev?: string
  funnelgridDesign: number
  validate_doc_update: string
}

/** The design document for a workspace whose members are described by `security`. */
export function designDocument(security: SecurityObject): DesignDoc {
  const table: SecurityObject = {
    admins: { names: security.admins?.names ?? [], roles: security.admins?.roles ?? [] },
    members: { names: security.members?.names ?? [], roles: security.members?.roles ?? [] },
    funnelgrid: { viewers: security.funnelgrid?.viewers ?? [] },
  }
  return { _id: DESIGN_DOC_ID, funnelgridDesign: DESIGN_DOC_VERSION, validate_doc_update: VALIDATE.replace('__MEMBERS__', () => literal(table)) }
}
