import type { TestProject } from 'vitest/node'
import { preview } from 'vite'
import { chromiumPath } from './chromium'

// Serves the production build (npm run test:e2e builds first) on a free port for the browser tests.
export default async function setup(project: TestProject) {
  chromiumPath() // fail early, with install instructions, when there is no browser
  const server = await preview({ preview: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' })
  const address = server.httpServer.address()
  const port = typeof address === 'object' && address ? address.port : 4173
  project.provide('baseUrl', `http://127.0.0.1:${port}/`)
  return async () => {
    await server.close()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
  }
}
