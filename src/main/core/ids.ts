import { v7 as uuidv7 } from 'uuid'

/** Time-ordered ids for rows that sync (UUIDv7): sortable, unique across terminals. */
export function newId(): string {
  return uuidv7()
}
