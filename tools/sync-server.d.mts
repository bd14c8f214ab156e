export interface SyncServer {
  url: string
  port: number
  admin: string
  password: string
  /** `Basic …` header value for the server admin. */
  auth: string
  pid: number | undefined
  stop: () => Promise<void>
  output: () => string
}
export interface SyncServerOptions {
  host?: string
  port?: number
  admin?: string
  password?: string
  dir?: string
  origins?: string[]
}
export function freePort(): Promise<number>
export function startSyncServer(options?: SyncServerOptions): Promise<SyncServer>
