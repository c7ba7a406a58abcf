import { homedir, platform } from 'node:os'
import { join } from 'node:path'

/**
 * Where Kassa keeps its SQLite file, backups and logs when not told otherwise:
 * `KASSA_DATA_DIR` wins; else the OS's per-user data folder (the same folder Electron's
 * `userData` uses, so web mode and the desktop app see the same shop).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KASSA_DATA_DIR) return env.KASSA_DATA_DIR
  const home = homedir()
  switch (platform()) {
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Kassa')
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Kassa')
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Kassa')
  }
}

export interface DataPaths {
  root: string
  database: string
  backups: string
  logs: string
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    database: join(root, 'kassa.sqlite'),
    backups: join(root, 'backups'),
    logs: join(root, 'logs')
  }
}
