import type { z } from 'zod'
import type { Permission } from './permissions'

/** One API channel: its name is the key it is declared under (`domain:action`). */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I
  output: O
  permission: Permission
  /**
   * Someone whose role holds `permission` may approve the call in place (manager
   * override: their username and PIN sent beside the input) when the caller may not.
   */
  overridable?: boolean
  /** One line for humans: what the channel does. */
  summary: string
}

export function channel<I extends z.ZodType, O extends z.ZodType>(
  spec: ChannelSpec<I, O>
): ChannelSpec<I, O> {
  return spec
}

/** One main → renderer event. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P
  summary: string
  /**
   * Who may receive it: a signed-in, unlocked user whose role holds this permission
   * (`session`: anyone signed in). Nobody signed out ever receives an event.
   */
  permission: Exclude<Permission, 'public'>
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec
}

/**
 * Merges per-domain channel maps into one contract, refusing a name declared twice
 * (object spread would silently let the later one win).
 */
export function mergeChannelMaps<T extends Record<string, ChannelSpec>[]>(
  ...maps: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, ChannelSpec> = {}
  for (const map of maps) {
    for (const [name, spec] of Object.entries(map)) {
      if (name in merged) throw new Error(`API channel declared twice: ${name}`)
      if (!/^[a-z][a-z-]*:[a-z][a-zA-Z-]*$/.test(name))
        throw new Error(`API channel name must be domain:action: ${name}`)
      merged[name] = spec
    }
  }
  return merged as UnionToIntersection<T[number]>
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
  ? I
  : never
