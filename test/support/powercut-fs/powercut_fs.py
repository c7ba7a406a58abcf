#!/usr/bin/env python3
"""powercut_fs: a passthrough FUSE filesystem whose "disk" forgets what was never fsynced.

Why: kill -9 of an app keeps the kernel's page cache, so a crash test cannot tell
`synchronous=FULL` from `OFF`. A power cut loses everything that was written but not yet
fsynced. This filesystem makes that loss happen on demand.

Model (the "disk" is the backing directory; nothing here ever fsyncs the real disk, which
does not lose power in a test):

- File data: `write` keeps 4 KiB blocks in memory (reads see them); only `fsync` writes a
  file's blocks (and its size) through to the backing file. `close` persists nothing.
- Names: `create`, `unlink` and `rename` happen at once in the backing directory but stay
  *pending* until their directory is fsynced (`fsyncdir`); a cut undoes pending ones, newest
  first, as a journalling file system that never committed them would. (`mkdir` is durable
  at once: a simplification; Kassa creates its folders once, on first run.)
- A cut: the test writes `cut` to our stdin. We stop serving (every other request blocks on
  the lock for good), decide what reaches the disk, and exit. The test then kills the app
  and unmounts (`fusermount3 -u -z`).
  * strict (default): no unsynced block and no pending name change survives.
  * --reorder: write-back reordering, as SQLite's own crash tests model it (test6.c): each
    unsynced block independently reaches the disk or not, and a random oldest-first part of
    the pending name changes is kept.
  * --tear: one unsynced 4 KiB write is torn: only its first k of 8 512-byte sectors land.
  The test may instead write `arm SUBSTRING N`: the power then goes at the Nth write to a
  path containing SUBSTRING (to cut a backup in the middle, say).

Usage: powercut_fs.py BACKING MOUNTPOINT [--seed N] [--reorder] [--tear]
Prints `ready` once mounted and `cut <summary>` when it has cut. SIGKILL is a strict cut.
"""

import argparse
import errno
import os
import random
import sys
import threading

try:  # Debian's python3-fusepy names the module fusepy; pip's fusepy names it fuse.
    from fusepy import FUSE, FuseOSError, Operations
except ImportError:  # pragma: no cover
    from fuse import FUSE, FuseOSError, Operations

BLOCK = 4096
SECTOR = 512


class Dirty:
    """A file's unsynced state: its size as the app sees it and the blocks it changed."""

    def __init__(self, size):
        self.size = size
        # The smallest size it was truncated to since the last fsync: backing bytes past it
        # are gone for the app, even if the file has grown again since.
        self.floor = size
        self.blocks = {}  # block index -> bytearray(BLOCK), the app's view of that block


class PowerCutFS(Operations):
    def __init__(self, root, rng, reorder, tear):
        self.root = os.path.realpath(root)
        self.trash = self.root + '.trash'  # unlinked/overwritten files a cut may bring back
        os.makedirs(self.trash, exist_ok=True)
        self.rng, self.reorder, self.tear = rng, reorder, tear
        self.mutex = threading.Lock()  # one request at a time: simple, and a cut is atomic
        self.dirty = {}  # path -> Dirty
        self.fds = {}  # path -> backing fd (O_RDWR), opened lazily
        self.pending = []  # name changes not yet made durable: (dirs, undo callable)
        self.armed = None  # [substring, writes left]: cut at that write to a matching path
        self.trash_seq = 0

    # ---- helpers ---------------------------------------------------------------------

    def _full(self, path):
        return os.path.join(self.root, path.lstrip('/'))

    def _fd(self, path):
        fd = self.fds.get(path)
        if fd is None:
            fd = os.open(self._full(path), os.O_RDWR)
            self.fds[path] = fd
        return fd

    def _forget_fd(self, path):
        fd = self.fds.pop(path, None)
        if fd is not None:
            os.close(fd)

    def _backing(self, path, d, offset, size):
        """Backing bytes in [offset, offset+size), zeros past the truncation floor."""
        end = min(offset + size, d.floor if d else 1 << 62)
        data = os.pread(self._fd(path), max(0, end - offset), offset) if end > offset else b''
        return data + b'\0' * (size - len(data))

    def _state(self, path):
        d = self.dirty.get(path)
        if d is None:
            d = Dirty(os.fstat(self._fd(path)).st_size)
            self.dirty[path] = d
        return d

    def _persist(self, path, d, indexes, resize):
        """Writes the given dirty blocks to the backing file (and the size, when resize)."""
        fd = self._fd(path)
        if resize and d.floor < os.fstat(fd).st_size:
            os.ftruncate(fd, d.floor)
        for i in sorted(indexes):
            keep = min(BLOCK, d.size - i * BLOCK) if resize else BLOCK
            if keep > 0:
                os.pwrite(fd, bytes(d.blocks[i][:keep]), i * BLOCK)
        if resize:
            os.ftruncate(fd, d.size)

    def _trash(self, full):
        self.trash_seq += 1
        spot = os.path.join(self.trash, str(self.trash_seq))
        os.rename(full, spot)
        return spot

    def _pend(self, dirs, undo):
        self.pending.append((set(dirs), undo))

    # ---- the cut ---------------------------------------------------------------------

    def cut(self):
        """The power goes: decide what the disk keeps, then exit without serving again."""
        self.mutex.acquire()  # never released: requests in flight or to come block until exit
        self._cut_locked()

    def _cut_locked(self):
        kept = torn = 0
        unsynced = [(p, d, i) for p, d in self.dirty.items() for i in d.blocks]
        if self.tear and unsynced:
            path, d, i = self.rng.choice(unsynced)
            unsynced.remove((path, d, i))
            k = self.rng.randint(1, BLOCK // SECTOR - 1)  # a torn write: some sectors, not all
            os.pwrite(self._fd(path), bytes(d.blocks[i][: k * SECTOR]), i * BLOCK)
            torn = 1
        if self.reorder:
            for path, d, i in unsynced:
                if self.rng.random() < 0.5:
                    self._persist(path, d, [i], resize=False)
                    kept += 1
        keep_names = self.rng.randint(0, len(self.pending)) if self.reorder else 0
        for fd in list(self.fds.values()):
            os.close(fd)
        self.fds.clear()
        undone = 0
        for _dirs, undo in reversed(self.pending[keep_names:]):
            try:
                undo()
                undone += 1
            except OSError:
                pass
        try:
            print(f'cut blocks_unsynced={len(unsynced) + torn} kept={kept} torn={torn} '
                  f'names_pending={len(self.pending)} undone={undone}', flush=True)
        except OSError:
            pass  # nobody is listening any more
        os._exit(0)

    # ---- FUSE operations -------------------------------------------------------------

    def init(self, path):
        print('ready', flush=True)

    def getattr(self, path, fh=None):
        with self.mutex:
            st = os.lstat(self._full(path))
            attrs = {k: getattr(st, k) for k in (
                'st_mode', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
                'st_atime', 'st_mtime', 'st_ctime')}
            d = self.dirty.get(path)
            if d is not None:
                attrs['st_size'] = d.size
            return attrs

    def access(self, path, amode):
        if not os.access(self._full(path), amode):
            raise FuseOSError(errno.EACCES)

    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self._full(path))

    def statfs(self, path):
        sv = os.statvfs(self._full(path))
        return {k: getattr(sv, k) for k in (
            'f_bavail', 'f_bfree', 'f_blocks', 'f_bsize', 'f_favail', 'f_ffree',
            'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

    def chmod(self, path, mode):
        os.chmod(self._full(path), mode)

    def chown(self, path, uid, gid):
        os.chown(self._full(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self._full(path), times)

    def mkdir(self, path, mode):
        os.mkdir(self._full(path), mode)

    def rmdir(self, path):
        os.rmdir(self._full(path))

    def create(self, path, mode, fi=None):
        with self.mutex:
            full = self._full(path)
            existed = os.path.exists(full)
            os.close(os.open(full, os.O_WRONLY | os.O_CREAT, mode))
            if not existed:
                self._pend([os.path.dirname(path)], lambda: os.unlink(full))
            return 0

    def open(self, path, flags):
        with self.mutex:
            self._fd(path)
            return 0

    def unlink(self, path):
        with self.mutex:
            self._forget_fd(path)
            self.dirty.pop(path, None)
            full = self._full(path)
            spot = self._trash(full)
            self._pend([os.path.dirname(path)], lambda: os.rename(spot, full))

    def rename(self, old, new):
        with self.mutex:
            self._forget_fd(old)
            self._forget_fd(new)
            src, dst = self._full(old), self._full(new)
            replaced = self._trash(dst) if os.path.exists(dst) else None
            os.rename(src, dst)
            self.dirty.pop(new, None)
            if old in self.dirty:
                self.dirty[new] = self.dirty.pop(old)

            def undo():
                os.rename(dst, src)
                if replaced:
                    os.rename(replaced, dst)

            self._pend([os.path.dirname(old), os.path.dirname(new)], undo)

    def truncate(self, path, length, fh=None):
        with self.mutex:
            d = self._state(path)
            d.size = length
            d.floor = min(d.floor, length)
            last = (length + BLOCK - 1) // BLOCK
            for i in [i for i in d.blocks if i >= last]:
                del d.blocks[i]
            if length % BLOCK and (length // BLOCK) in d.blocks:
                blk = d.blocks[length // BLOCK]
                blk[length % BLOCK:] = b'\0' * (BLOCK - length % BLOCK)

    def read(self, path, size, offset, fh):
        with self.mutex:
            d = self.dirty.get(path)
            fsize = d.size if d else os.fstat(self._fd(path)).st_size
            size = max(0, min(size, fsize - offset))
            if d is None:
                return os.pread(self._fd(path), size, offset)
            out = bytearray(self._backing(path, d, offset, size))
            for i in range(offset // BLOCK, (offset + size + BLOCK - 1) // BLOCK):
                blk = d.blocks.get(i)
                if blk is None:
                    continue
                lo, hi = max(offset, i * BLOCK), min(offset + size, (i + 1) * BLOCK)
                out[lo - offset:hi - offset] = blk[lo - i * BLOCK:hi - i * BLOCK]
            return bytes(out)

    def write(self, path, data, offset, fh):
        with self.mutex:
            if self.armed and self.armed[0] in path:
                self.armed[1] -= 1
                if self.armed[1] <= 0:
                    self._cut_locked()  # the power goes in the middle of this write
            d = self._state(path)
            end = offset + len(data)
            for i in range(offset // BLOCK, (end + BLOCK - 1) // BLOCK):
                blk = d.blocks.get(i)
                if blk is None:
                    blk = d.blocks[i] = bytearray(self._backing(path, d, i * BLOCK, BLOCK))
                    # Bytes past the app's size read as zeros even if the backing file has more.
                    if d.size < (i + 1) * BLOCK:
                        blk[max(0, d.size - i * BLOCK):] = b'\0' * (BLOCK - max(0, d.size - i * BLOCK))
                lo, hi = max(offset, i * BLOCK), min(end, (i + 1) * BLOCK)
                blk[lo - i * BLOCK:hi - i * BLOCK] = data[lo - offset:hi - offset]
            d.size = max(d.size, end)
            return len(data)

    def flush(self, path, fh):
        return 0  # close() persists nothing: that is the point

    def release(self, path, fh):
        return 0

    def fsync(self, path, datasync, fh):
        with self.mutex:
            d = self.dirty.pop(path, None)
            if d is not None:
                self._persist(path, d, list(d.blocks), resize=True)
            return 0

    def fsyncdir(self, path, datasync, fh):
        with self.mutex:
            self.pending = [(dirs, undo) for dirs, undo in self.pending if path not in dirs]
            return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('backing')
    parser.add_argument('mountpoint')
    parser.add_argument('--seed', type=int, default=None)
    parser.add_argument('--reorder', action='store_true')
    parser.add_argument('--tear', action='store_true')
    args = parser.parse_args()
    fs = PowerCutFS(args.backing, random.Random(args.seed), args.reorder, args.tear)

    def control():
        # `cut` on stdin (or stdin closing: the test went away) cuts the power.
        for line in sys.stdin:
            words = line.split()
            if words[:1] == ['cut']:
                break
            if words[:1] == ['arm'] and len(words) == 3:
                with fs.mutex:
                    fs.armed = [words[1], int(words[2])]
        fs.cut()

    threading.Thread(target=control, daemon=True).start()
    FUSE(fs, args.mountpoint, foreground=True, nothreads=True)


if __name__ == '__main__':
    main()
