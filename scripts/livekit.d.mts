/** A running livekit-server on loopback. See livekit.mjs. */
export interface RunningLivekit {
  /** `ws://127.0.0.1:PORT`: what browsers connect to. */
  url: string
  /** `http://127.0.0.1:PORT`: the Twirp API the server SDK calls. */
  httpUrl: string
  port: number
  apiKey: string
  apiSecret: string
  /** The binary that runs. */
  bin: string
  pid: number | undefined
  /** The last few kilobytes of its output. */
  log(): string
  /** Stops the server (SIGTERM, SIGKILL after 5 s) and removes its config folder. */
  stop(): Promise<void>
}

export interface StartLivekitOptions {
  /** Build it with Go when it is not found. */
  build?: boolean
  /** Keys for the server; a random test pair when unset. */
  apiKey?: string
  apiSecret?: string
  /** Where livekit-server posts its webhooks. */
  webhookUrl?: string
  /** Receives every output line. */
  onLog?: (line: string) => void
  /** livekit-server's log level (default warn). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error'
}

/** The release built from source. */
export declare const LIVEKIT_VERSION: string
/** Where a project-local build goes. */
export declare const TOOLS_BIN: string
/** How to install livekit-server, word for word. */
export declare const INSTALL_HINT: string

/** Path of livekit-server ($LIVEKIT_SERVER, PATH, tools/bin); with `build`, builds it with Go when missing. */
export declare function findLivekitServer(options?: { build?: boolean }): string

/** Development API key and secret, generated once and kept in `dataDir`. */
export declare function resolveDevKeys(dataDir: string): { apiKey: string; apiSecret: string }

/** A loopback-only livekit-server config object. */
export declare function livekitConfig(options: {
  port: number
  tcpPort: number
  udpPort: number
  apiKey: string
  apiSecret: string
  webhookUrl?: string
  logLevel?: string
}): Record<string, unknown>

/** Starts livekit-server on 127.0.0.1 at free ports. */
export declare function startLivekit(options?: StartLivekitOptions): Promise<RunningLivekit>
