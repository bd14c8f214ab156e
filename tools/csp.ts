/**
 * The app's Content-Security-Policy: one source for the `vite preview` header, the
 * `<meta http-equiv>` written into the built index.html and the production hosting docs
 * (docs/architecture.md, "Content-Security-Policy"; a test compares the docs to it).
 *
 * - script-src 'self': no inline script and no eval. ajv's compiler is never called in the
 *   browser (tools/validators-plugin.ts, src/core/validation/record/value-schema-check.ts);
 *   Vue is the runtime-only build (templates compiled at build time) and vue-i18n compiles
 *   messages without eval (its JIT compiler, the default since v10).
 * - style-src needs 'unsafe-inline': AG Grid's theming API injects `<style>` elements and
 *   ECharts' tooltips carry `style="…"` attributes in their HTML (measured by
 *   tests/e2e/csp-offline.test.ts with a strict style-src). Styles cannot run code.
 * - connect-src: this origin and the team-sync servers (CouchDB): by default only a server on
 *   this machine (`npm run sync-server`, any loopback port); a deployment names its CouchDB
 *   origins in FG_SYNC_ORIGINS at build time (comma-separated) and sets the same header on the host.
 */

/** The team-sync server origins the app may connect to (FG_SYNC_ORIGINS, else loopback only). */
export function syncOrigins(env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env): string[] {
  const listed = (env.FG_SYNC_ORIGINS ?? '').split(',').map(o => o.trim()).filter(Boolean)
  return listed.length ? listed : ['http://127.0.0.1:*', 'http://localhost:*']
}

/** Options of {@link contentSecurityPolicy}. */
export interface CspOptions {
  /** For a `<meta>` tag: drops the directives a meta policy cannot carry (frame-ancestors). */
  meta?: boolean
  /** Origins the app may connect to besides its own (default: `syncOrigins()`). */
  connect?: readonly string[]
}

/** The policy as a header value. */
export function contentSecurityPolicy(opts: CspOptions = {}): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...(opts.connect ?? syncOrigins())],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ...(opts.meta ? [] : [['frame-ancestors', "'none'"] as [string, string]]),
  ]
  return directives.map(d => d.join(' ')).join('; ')
}

/** The other security headers a host should send with every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}
