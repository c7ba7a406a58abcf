import { EVENT_VERSIONS } from '@shared/sync/protocol'

/** Turns a payload of version `n` into version `n + 1`. Pure. */
export type Upgrader = (payload: unknown) => unknown

/**
 * For each event type: the version the projections read, and an upgrader from every older version
 * the head office ever accepted. An offline till may run an old app for weeks, so an upgrader is
 * never removed. Today every type is at version 1: add `upgrade[1]` when a type moves to 2.
 */
export interface UpgraderRegistry {
  current(type: string): number
  upgrade(type: string, version: number): Upgrader | undefined
}

export function createUpgraderRegistry(
  versions: Readonly<Record<string, number>> = EVENT_VERSIONS,
  upgraders: Readonly<Record<string, Readonly<Record<number, Upgrader>>>> = {}
): UpgraderRegistry {
  return {
    current: (type) => versions[type] ?? 1,
    upgrade: (type, version) => upgraders[type]?.[version]
  }
}

export const defaultUpgraders = createUpgraderRegistry()

/**
 * The payload brought to the version the projections read, or why it cannot be: a version newer
 * than this head office knows (quarantined until it is updated), or a missing upgrader.
 */
export function upgradePayload(
  registry: UpgraderRegistry,
  type: string,
  version: number,
  payload: unknown
): { ok: true; payload: unknown } | { ok: false; reason: string } {
  const current = registry.current(type)
  if (version > current) {
    return {
      ok: false,
      reason: `${type} version ${version} is newer than this head office reads (${current}): update the head office`
    }
  }
  let value = payload
  for (let v = version; v < current; v++) {
    const step = registry.upgrade(type, v)
    if (!step) return { ok: false, reason: `no upgrader for ${type} from version ${v}` }
    value = step(value)
  }
  return { ok: true, payload: value }
}
