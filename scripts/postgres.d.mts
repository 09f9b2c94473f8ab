/** A running throwaway PostgreSQL cluster. See postgres.mjs. */
export interface RunningPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/atrium`, an empty database. */
  url: string
  /** `postgres://postgres@127.0.0.1:PORT/postgres`, superuser, for CREATE/DROP DATABASE. */
  adminUrl: string
  port: number
  /** Temp dir holding data, log and socket; removed by stop(). */
  dir: string
  /** Milliseconds from the call to ready. */
  startMs: number
  /** Stops the server at once (`pg_ctl stop -m immediate`) and removes its directory. */
  stop(): Promise<void>
}

/**
 * Directory holding initdb, pg_ctl and postgres. With `install`, as root on Debian, installs `postgresql` with
 * apt-get when missing. Throws naming what to install when none is found.
 */
export declare function findPostgresBin(options?: { install?: boolean }): string

/** Starts a throwaway cluster on 127.0.0.1 at a free port with trust auth. See postgres.mjs. */
export declare function startPostgres(options?: { install?: boolean }): Promise<RunningPostgres>
