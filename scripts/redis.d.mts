/** A running throwaway Redis server. See redis.mjs. */
export interface RunningRedis {
  /** `redis://127.0.0.1:PORT` */
  url: string
  port: number
  /** Stops the server and removes its folder. */
  stop(): Promise<void>
}

/** Path of redis-server; with `install`, as root on Debian, installs it with apt-get when missing. */
export declare function findRedisServer(options?: { install?: boolean }): string

/** Starts redis-server on 127.0.0.1 at a free port without persistence. */
export declare function startRedis(options?: { install?: boolean }): Promise<RunningRedis>
