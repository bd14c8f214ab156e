// Preloaded into pouchdb-server by tools/sync-server.mjs (node --require). pouchdb-validation
// 4.2.0 overwrites the incoming document's `_revisions` with the stored document's before
// running validate_doc_update. For a normal write that is harmless (it has none), but a
// replicated write (_bulk_docs with new_edits=false) then carries the old revision path: the new
// revision is silently not stored, while the reply says it was. CouchDB 3 does not do this.
// The fix keeps a `_revisions` the document brings. Only the test server is changed.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload for node --require */
'use strict'
const Module = require('node:module')
const fs = require('node:fs')

const BROKEN = 'newDoc._revisions = (oldDoc || {})._revisions;'
const FIXED = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;'
const load = Module._load
let patched = false
Module._load = function (request, parent, isMain) {
  if (!patched && request === 'pouchdb-validation') {
    const path = Module._resolveFilename(request, parent, isMain)
    const source = fs.readFileSync(path, 'utf8')
    if (!source.includes(BROKEN)) throw new Error(`pouchdb-server-fixes: ${path} changed; check whether the _revisions fix is still needed`)
    const fixed = new Module(path, parent)
    fixed.filename = path
    fixed.paths = Module._nodeModulePaths(require('node:path').dirname(path))
    fixed._compile(source.replace(BROKEN, FIXED), path)
    require.cache[path] = fixed
    fixed.loaded = true
    patched = true
  }
  return load.apply(this, arguments)
}
