import { v7 as uuidv7 } from 'uuid'

let source: () => string = () => uuidv7()

/** Time-ordered ids for rows that sync (UUIDv7): sortable, unique across terminals. */
export function newId(): string {
  return source()
}

/**
 * Replaces where `newId()` gets its ids, for a run that must replay exactly (`kassa simulate`,
 * which derives them from its seed and its clock). Returns the function that puts the previous
 * source back. Never used by a till serving people: ids must stay unique across terminals.
 */
export function useIdSource(next: () => string): () => void {
  const previous = source
  source = next
  return () => {
    source = previous
  }
}

/**
 * UUIDv7 ids from a clock and a stream of random words, so a seeded run makes the same ids:
 * the clock's milliseconds, a counter in the sequence bits (ordered within a millisecond) and
 * 8 bytes of the stream.
 */
export function seededIdSource(now: () => Date, nextWord: () => number): () => string {
  let counter = 0
  return () => {
    const random = new Uint8Array(16)
    for (let i = 0; i < 16; i += 4) {
      const word = nextWord()
      random[i] = word >>> 24
      random[i + 1] = (word >>> 16) & 0xff
      random[i + 2] = (word >>> 8) & 0xff
      random[i + 3] = word & 0xff
    }
    counter = (counter + 1) & 0x7fffffff
    return uuidv7({ msecs: now().getTime(), seq: counter, random })
  }
}
