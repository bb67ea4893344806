#!/usr/bin/python3
"""A filesystem in memory that can lose power, for ShaleDB's power-loss test (PowerLossIT).

It keeps two states: what the running system sees, and what a disk would still hold after a power cut. Only a sync
moves the first into the second, as POSIX promises and no more: fsync or fdatasync of a file keeps its contents, and
fsync of a directory keeps its entries (files created, renamed or removed in it). Anything else (a write, a new file,
a rename, a removal) is lost at the cut until the matching sync.

Usage: powercut_fs.py MOUNT_POINT IMAGE_DIRECTORY

It prints "ready" once mounted and then reads commands on standard input, one a line:
  cut   cut the power: write what survives (the synced state) into IMAGE_DIRECTORY, answer
        "cut LOST_FILES LOST_BYTES" (files whose contents or entry differ from the synced state, and the bytes
        written but not synced), and serve nothing more; unmount the file system afterwards.
"""
import errno
import os
import stat
import sys
import threading
import time

from fusepy import FUSE, FuseOSError, Operations


class Node:
    def __init__(self, mode):
        self.mode = mode
        self.times = time.time()
        if stat.S_ISDIR(mode):
            self.entries = {}
            self.synced_entries = {}
        else:
            self.data = bytearray()
            self.synced_data = b""

    def is_dir(self):
        return stat.S_ISDIR(self.mode)


class PowerCutFs(Operations):
    # No lock operation: the kernel then keeps POSIX locks itself (RocksDB locks its LOCK file).
    lock = None

    def __init__(self, image):
        self.mutex = threading.Lock()
        self.image = image
        self.root = Node(stat.S_IFDIR | 0o755)
        self.open_files = {}
        self.next_handle = 1
        self.cut = False

    def __call__(self, op, *args):
        with self.mutex:
            if self.cut:
                raise FuseOSError(errno.EIO)
            return super().__call__(op, *args)

    def init(self, path):
        print("ready", flush=True)

    def lookup(self, path):
        node = self.root
        for name in filter(None, path.split("/")):
            if not node.is_dir() or name not in node.entries:
                raise FuseOSError(errno.ENOENT)
            node = node.entries[name]
        return node

    def parent(self, path):
        head, name = os.path.split(path)
        directory = self.lookup(head)
        if not directory.is_dir():
            raise FuseOSError(errno.ENOTDIR)
        return directory, name

    def handle(self, node):
        handle = self.next_handle
        self.next_handle += 1
        self.open_files[handle] = node
        return handle

    def node(self, path, fh):
        return self.open_files[fh] if fh is not None and fh in self.open_files else self.lookup(path)

    def getattr(self, path, fh=None):
        node = self.node(path, fh)
        size = 4096 if node.is_dir() else len(node.data)
        return dict(st_mode=node.mode, st_nlink=2 if node.is_dir() else 1, st_size=size,
                    st_blocks=(size + 511) // 512, st_atime=node.times, st_mtime=node.times,
                    st_ctime=node.times, st_uid=os.getuid(), st_gid=os.getgid())

    def readdir(self, path, fh):
        return [".", ".."] + list(self.lookup(path).entries)

    def mkdir(self, path, mode):
        directory, name = self.parent(path)
        if name in directory.entries:
            raise FuseOSError(errno.EEXIST)
        directory.entries[name] = Node(stat.S_IFDIR | mode)

    def rmdir(self, path):
        directory, name = self.parent(path)
        node = self.lookup(path)
        if node.entries:
            raise FuseOSError(errno.ENOTEMPTY)
        del directory.entries[name]

    def create(self, path, mode, fi=None):
        directory, name = self.parent(path)
        node = Node(stat.S_IFREG | (mode & 0o7777))
        directory.entries[name] = node
        return self.handle(node)

    def open(self, path, flags):
        node = self.lookup(path)
        if flags & os.O_TRUNC:
            node.data = bytearray()
        return self.handle(node)

    def opendir(self, path):
        self.lookup(path)
        return 0

    def release(self, path, fh):
        self.open_files.pop(fh, None)

    def read(self, path, size, offset, fh):
        return bytes(self.node(path, fh).data[offset:offset + size])

    def write(self, path, data, offset, fh):
        node = self.node(path, fh)
        if offset > len(node.data):
            node.data.extend(bytes(offset - len(node.data)))
        node.data[offset:offset + len(data)] = data
        node.times = time.time()
        return len(data)

    def truncate(self, path, length, fh=None):
        node = self.node(path, fh)
        if length < len(node.data):
            del node.data[length:]
        else:
            node.data.extend(bytes(length - len(node.data)))

    def unlink(self, path):
        directory, name = self.parent(path)
        if name not in directory.entries:
            raise FuseOSError(errno.ENOENT)
        del directory.entries[name]

    def rename(self, old, new):
        source, old_name = self.parent(old)
        target, new_name = self.parent(new)
        if old_name not in source.entries:
            raise FuseOSError(errno.ENOENT)
        target.entries[new_name] = source.entries.pop(old_name)

    def fsync(self, path, datasync, fh):
        node = self.node(path, fh)
        node.synced_data = bytes(node.data)
        return 0

    def fsyncdir(self, path, datasync, fh):
        node = self.lookup(path)
        node.synced_entries = dict(node.entries)
        return 0

    def flush(self, path, fh):
        return 0

    def utimens(self, path, times=None):
        self.lookup(path).times = times[1] if times else time.time()

    def chmod(self, path, mode):
        node = self.lookup(path)
        node.mode = stat.S_IFMT(node.mode) | stat.S_IMODE(mode)

    def chown(self, path, uid, gid):
        self.lookup(path)

    def statfs(self, path):
        return dict(f_bsize=4096, f_frsize=4096, f_blocks=1 << 22, f_bfree=1 << 21, f_bavail=1 << 21,
                    f_files=1 << 20, f_ffree=1 << 20, f_namemax=255)

    def cut_power(self):
        with self.mutex:
            self.cut = True
            lost_files, lost_bytes = self.compare(self.root, True)
            self.save(self.root, self.image)
            return lost_files, lost_bytes

    def compare(self, directory, entry_synced):
        """Counts, below a directory the running system sees, what the cut loses."""
        lost_files = lost_bytes = 0
        for name, node in directory.entries.items():
            synced = entry_synced and directory.synced_entries.get(name) is node
            if node.is_dir():
                files, size = self.compare(node, synced)
                lost_files += files
                lost_bytes += size
            elif not synced or node.data != node.synced_data:
                lost_files += 1
                kept = len(node.synced_data) if synced else 0
                lost_bytes += max(0, len(node.data) - kept)
        return lost_files, lost_bytes

    def save(self, directory, target):
        for name, node in directory.synced_entries.items():
            path = os.path.join(target, name)
            if node.is_dir():
                os.mkdir(path)
                self.save(node, path)
            else:
                with open(path, "wb") as f:
                    f.write(node.synced_data)


def commands(fs):
    for line in sys.stdin:
        if line.strip() == "cut":
            lost_files, lost_bytes = fs.cut_power()
            print("cut %d %d" % (lost_files, lost_bytes), flush=True)


def main():
    mount_point, image = sys.argv[1], sys.argv[2]
    fs = PowerCutFs(image)
    threading.Thread(target=commands, args=(fs,), daemon=True).start()
    FUSE(fs, mount_point, foreground=True, nothreads=True, big_writes=True, attr_timeout=0.0,
         entry_timeout=0.0, negative_timeout=0.0)


if __name__ == "__main__":
    main()
