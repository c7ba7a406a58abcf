import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileDurably } from '../../../src/main/fs/durable-file'
import { mountPowerCut, powerCutUnavailable } from '../../support/powercut-fs/mount'
import { tempDir } from '../../support/temp-dir'

const unavailable = powerCutUnavailable()

/**
 * Files outside SQLite (backups, keys, saved receipts) survive a power cut only if written to a
 * temporary name, fsynced, renamed and their folder fsynced. The fixture filesystem loses each
 * step that was skipped — shown first with the plain ways of writing a file.
 */
describe.skipIf(unavailable)('files written outside SQLite, across a power cut', () => {
  const cutAfter = async (
    write: (dir: string) => void,
    options: { reorder?: boolean; tear?: boolean; seed?: number } = {}
  ): Promise<string> => {
    const base = tempDir()
    const disk = join(base, 'disk')
    const fs = await mountPowerCut(disk, join(base, 'mnt'), { seed: options.seed ?? 1, ...options })
    try {
      // A file that existed before (the previous key, yesterday's receipt) and its replacement.
      writeFileDurably(join(base, 'mnt', 'key.pem'), 'old key')
      write(join(base, 'mnt'))
      await fs.cut()
    } finally {
      await fs.unmount()
    }
    return existsSync(join(disk, 'key.pem')) ? readFileSync(join(disk, 'key.pem'), 'utf8') : '(gone)'
  }

  it('loses a plain write that was never fsynced (the fixture models the loss)', async () => {
    expect(await cutAfter((dir) => writeFileSync(join(dir, 'key.pem'), 'new key'))).not.toBe('new key')
  })

  it('loses a fsynced file renamed into place without fsyncing its folder', async () => {
    const written = await cutAfter((dir) => {
      writeFileDurably(join(dir, 'key.tmp'), 'new key') // durable under its temp name…
      renameSync(join(dir, 'key.tmp'), join(dir, 'key.pem')) // …but this rename is not
    })
    expect(written).toBe('old key')
  })

  it('keeps a file written durably, whole, through strict and reordered cuts', async () => {
    for (const options of [
      {},
      { reorder: true, tear: true, seed: 7 },
      { reorder: true, tear: true, seed: 8 }
    ])
      expect(await cutAfter((dir) => writeFileDurably(join(dir, 'key.pem'), 'new key'), options)).toBe(
        'new key'
      )
  })
})
