"""A small, deterministic Compound File Binary (MS-CFB) reader and writer.

Enough to rewrite a ``vbaProject.bin`` whose streams change size: :func:`read_cfb` loads every
storage and stream into a tree of :class:`Storage` / :class:`Stream`, :func:`write_cfb` writes a
fresh version 3 file (512-byte sectors) from such a tree.

Writer layout, chosen once so equal trees give equal bytes:

* directory entries numbered depth first (root 0, then each storage's children in CFB order);
* sectors in this order: directory, miniFAT, mini stream, large streams (>= 4096 bytes, in
  directory order), FAT, then DIFAT sectors when more than 109 FAT sectors are needed;
* each storage's children form a balanced binary search tree in CFB name order (shorter UTF-16
  name first, then code units compared upper-cased); the nodes of an incomplete last level are
  red and all others black, which satisfies the red-black invariants the spec asks for;
* storages keep their CLSID, state bits and timestamps (the root's creation time is written as
  zero as the spec requires); streams carry none (the spec wants those fields zero).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["CfbError", "Storage", "Stream", "read_cfb", "write_cfb"]

_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_SECTOR = 512
_MINI_SECTOR = 64
_MINI_CUTOFF = 4096
_ENTRY = 128
_DIFSECT = 0xFFFFFFFC
_FATSECT = 0xFFFFFFFD
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_NOSTREAM = 0xFFFFFFFF
_MAXREGSECT = 0xFFFFFFFA
_TYPE_STORAGE = 1
_TYPE_STREAM = 2
_TYPE_ROOT = 5
_RED = 0
_BLACK = 1
_HEADER_DIFAT = 109
_ENTRY_STRUCT = struct.Struct("<64sHBBIII16sIQQIQ")


class CfbError(ValueError):
    """The bytes are not a compound file this module can read, or a tree cannot be written."""


@dataclass
class Stream:
    """A stream: only its bytes (CLSID, state bits and times are zero for streams)."""

    data: bytes = b""


@dataclass
class Storage:
    """A storage (or the root): its children by name plus the metadata the directory entry carries."""

    children: dict[str, Storage | Stream] = field(default_factory=dict)
    clsid: bytes = bytes(16)
    state_bits: int = 0
    created: int = 0  # FILETIME, 100 ns since 1601
    modified: int = 0

    def _key(self, name: str) -> str | None:
        if name in self.children:
            return name
        folded = _fold(name)
        return next((k for k in self.children if _fold(k) == folded), None)

    def get(self, path: str) -> Storage | Stream:
        """The entry at ``path`` ("VBA/dir"); names match case-insensitively as in CFB. Raises KeyError."""
        node: Storage | Stream = self
        for part in path.split("/"):
            if not isinstance(node, Storage) or (key := node._key(part)) is None:
                raise KeyError(path)
            node = node.children[key]
        return node

    def read(self, path: str) -> bytes:
        """The bytes of the stream at ``path``."""
        node = self.get(path)
        if not isinstance(node, Stream):
            raise KeyError(path)
        return node.data

    def write(self, path: str, data: bytes) -> None:
        """Create or replace the stream at ``path``; its parent storages must exist."""
        parent_path, _, name = path.rpartition("/")
        parent = self.get(parent_path) if parent_path else self
        if not isinstance(parent, Storage):
            raise KeyError(parent_path)
        key = parent._key(name)
        if key is not None and not isinstance(parent.children[key], Stream):
            raise KeyError(path)
        parent.children[key if key is not None else name] = Stream(bytes(data))

    def remove(self, path: str) -> None:
        """Delete the entry at ``path``. Raises KeyError when absent."""
        parent_path, _, name = path.rpartition("/")
        parent = self.get(parent_path) if parent_path else self
        if not isinstance(parent, Storage) or (key := parent._key(name)) is None:
            raise KeyError(path)
        del parent.children[key]

    def streams(self, prefix: str = "") -> Iterator[tuple[str, bytes]]:
        """Every stream below this storage as ``(path, data)``, in CFB name order."""
        for name in sorted(self.children, key=_order_key):
            child = self.children[name]
            if isinstance(child, Stream):
                yield prefix + name, child.data
            else:
                yield from child.streams(prefix + name + "/")


def _fold(name: str) -> str:
    # CFB compares names code unit by code unit after upper-casing (simple case mapping).
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in name)


def _order_key(name: str) -> tuple[int, str]:
    return (len(name.encode("utf-16-le")) // 2, _fold(name))


# --- reading --------------------------------------------------------------------------------


class _RawEntry(NamedTuple):
    name: str
    kind: int
    left: int
    right: int
    child: int
    clsid: bytes
    bits: int
    ctime: int
    mtime: int
    start: int
    size: int


class _Reader:
    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or data[:8] != _MAGIC:
            raise CfbError("Berkas bukan compound file (tanda tangan OLE tidak ditemukan).")
        self.data = data
        (major, byte_order, shift, mini_shift) = struct.unpack_from("<HHHH", data, 26)
        if byte_order != 0xFFFE or (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            raise CfbError("Kepala compound file tidak didukung.")
        self.sector = 1 << shift
        (n_fat, first_dir, _, self.cutoff, first_minifat, n_minifat, first_difat, n_difat) = struct.unpack_from(
            "<IIIIIIII", data, 44
        )
        self.major = major
        n_sectors = (len(data) + self.sector - 1) // self.sector - 1
        self.limit = max(n_sectors, 0)
        fat_ids = [v for v in struct.unpack_from("<109I", data, 76)][: min(n_fat, _HEADER_DIFAT)]
        sid, seen = first_difat, 0
        per = self.sector // 4 - 1
        while len(fat_ids) < n_fat and sid <= _MAXREGSECT:
            if seen > n_difat or sid >= self.limit:
                raise CfbError("Rantai DIFAT rusak.")
            block = self._sector(sid)
            fat_ids.extend(struct.unpack_from(f"<{per}I", block)[: n_fat - len(fat_ids)])
            sid = struct.unpack_from("<I", block, per * 4)[0]
            seen += 1
        if len(fat_ids) != n_fat:
            raise CfbError("Jumlah sektor FAT tidak cocok.")
        fat_bytes = b"".join(self._sector(s) for s in fat_ids)
        self.fat = list(struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes))
        self.dir_bytes = self._chain_bytes(first_dir)
        self.root = self.entry(0)
        if self.root.kind != _TYPE_ROOT:
            raise CfbError("Entri akar compound file tidak ada.")
        start, size = self.root.start, self._size(self.root.size)
        self.mini_stream = self._chain_bytes(start)[:size] if start <= _MAXREGSECT else b""
        minifat_bytes = self._chain_bytes(first_minifat) if n_minifat and first_minifat <= _MAXREGSECT else b""
        self.minifat = list(struct.unpack(f"<{len(minifat_bytes) // 4}I", minifat_bytes))

    def _sector(self, sid: int) -> bytes:
        if sid >= self.limit:
            raise CfbError("Nomor sektor di luar berkas.")
        start = (sid + 1) * self.sector
        return self.data[start : start + self.sector].ljust(self.sector, b"\x00")

    def _chain(self, table: list[int], start: int) -> list[int]:
        chain: list[int] = []
        sid = start
        while sid != _ENDOFCHAIN:
            if sid >= len(table) or len(chain) > len(table):
                raise CfbError("Rantai sektor rusak.")
            chain.append(sid)
            sid = table[sid]
        return chain

    def _chain_bytes(self, start: int) -> bytes:
        return b"".join(self._sector(s) for s in self._chain(self.fat, start))

    def _size(self, size: int) -> int:
        return size & 0xFFFFFFFF if self.major == 3 else size

    def entry(self, sid: int) -> _RawEntry:
        off = sid * _ENTRY
        if sid == _NOSTREAM or off + _ENTRY > len(self.dir_bytes):
            raise CfbError("Entri direktori di luar tabel.")
        raw, name_len, kind, _, left, right, child, clsid, bits, ctime, mtime, start, size = _ENTRY_STRUCT.unpack_from(
            self.dir_bytes, off
        )
        name = raw[: max(min(name_len, 64) - 2, 0)].decode("utf-16-le", "replace")
        return _RawEntry(name, kind, left, right, child, clsid, bits, ctime, mtime, start, size)

    def stream(self, start: int, size: int) -> bytes:
        size = self._size(size)
        if size == 0:
            return b""
        if size < self.cutoff:
            parts = []
            for mid in self._chain(self.minifat, start):
                parts.append(self.mini_stream[mid * _MINI_SECTOR : (mid + 1) * _MINI_SECTOR])
            data = b"".join(parts)
        else:
            data = self._chain_bytes(start)
        if len(data) < size:
            raise CfbError("Stream lebih pendek dari ukurannya.")
        return data[:size]

    def storage(self, entry: _RawEntry, seen: set[int]) -> Storage:
        node = Storage(clsid=entry.clsid, state_bits=entry.bits, created=entry.ctime, modified=entry.mtime)
        stack = [entry.child]
        while stack:
            sid = stack.pop()
            if sid == _NOSTREAM:
                continue
            if sid in seen:
                raise CfbError("Pohon direktori berputar.")
            seen.add(sid)
            child = self.entry(sid)
            stack.extend((child.right, child.left))
            if child.kind == _TYPE_STREAM:
                node.children[child.name] = Stream(self.stream(child.start, child.size))
            elif child.kind == _TYPE_STORAGE:
                node.children[child.name] = self.storage(child, seen)
            else:
                raise CfbError("Jenis entri direktori tidak dikenal.")
        return node


def read_cfb(data: bytes) -> Storage:
    """Load a compound file (version 3 or 4) into a tree rooted at the root storage."""
    try:
        reader = _Reader(bytes(data))
        return reader.storage(reader.root, {0})
    except (struct.error, IndexError) as exc:  # truncated structures
        raise CfbError("Compound file terpotong atau rusak.") from exc


# --- writing --------------------------------------------------------------------------------


@dataclass
class _Dir:
    name: str
    kind: int
    node: Storage | Stream
    left: int = _NOSTREAM
    right: int = _NOSTREAM
    child: int = _NOSTREAM
    color: int = _BLACK
    start: int = _ENDOFCHAIN
    size: int = 0


def _check_names(storage: Storage, path: str) -> None:
    folded: set[str] = set()
    for name, child in storage.children.items():
        units = len(name.encode("utf-16-le")) // 2
        if not name or units > 31 or any(c in name for c in "/\\:!"):
            raise CfbError(f"Nama entri compound file tidak sah: {path}{name!r}.")
        if _fold(name) in folded:
            raise CfbError(f"Nama entri compound file ganda: {path}{name!r}.")
        folded.add(_fold(name))
        if isinstance(child, Storage):
            _check_names(child, f"{path}{name}/")
        elif len(child.data) > 0xFFFFFFFF:
            raise CfbError("Stream terlalu besar untuk compound file versi 3.")


def _tree(ids: list[int], entries: list[_Dir]) -> int:
    """Link ``ids`` (already in CFB order) as a balanced red-black tree; return the root id."""
    depth: dict[int, int] = {}

    def build(lo: int, hi: int, level: int) -> int:
        if lo >= hi:
            return _NOSTREAM
        mid = (lo + hi) // 2
        node = ids[mid]
        depth[node] = level
        entries[node].left = build(lo, mid, level + 1)
        entries[node].right = build(mid + 1, hi, level + 1)
        return node

    root = build(0, len(ids), 0)
    # Every level but the last is full, so colouring the last level red (never the root) keeps
    # the same number of black nodes on every path and no red node with a red child.
    last = max(depth.values(), default=0)
    for node, level in depth.items():
        entries[node].color = _RED if level == last and level > 0 else _BLACK
    return root


def _fat_counts(n_data: int) -> tuple[int, int]:
    n_fat, n_difat = 0, 0
    while True:
        total = n_data + n_fat + n_difat
        need_fat = (total + 127) // 128
        need_difat = 0 if need_fat <= _HEADER_DIFAT else (need_fat - _HEADER_DIFAT + 126) // 127
        if (need_fat, need_difat) == (n_fat, n_difat):
            return n_fat, n_difat
        n_fat, n_difat = max(n_fat, need_fat), max(n_difat, need_difat)


def write_cfb(root: Storage) -> bytes:
    """Serialise a tree as a version 3 compound file; the same tree always gives the same bytes."""
    _check_names(root, "")
    entries = [_Dir("Root Entry", _TYPE_ROOT, root)]

    def number(storage: Storage, me: int) -> None:
        names = sorted(storage.children, key=_order_key)
        first = len(entries)
        for name in names:
            child = storage.children[name]
            entries.append(_Dir(name, _TYPE_STORAGE if isinstance(child, Storage) else _TYPE_STREAM, child))
        ids = list(range(first, len(entries)))
        entries[me].child = _tree(ids, entries)
        for sid in ids:
            sub = entries[sid].node
            if isinstance(sub, Storage):
                number(sub, sid)

    number(root, 0)

    # Mini stream and large streams.
    mini = bytearray()
    minifat: list[int] = []
    large: list[_Dir] = []
    for entry in entries:
        if not isinstance(entry.node, Stream):
            continue
        data = entry.node.data
        entry.size = len(data)
        if not data:
            continue
        if len(data) >= _MINI_CUTOFF:
            large.append(entry)
            continue
        first = len(mini) // _MINI_SECTOR
        count = (len(data) + _MINI_SECTOR - 1) // _MINI_SECTOR
        mini += data.ljust(count * _MINI_SECTOR, b"\x00")
        minifat.extend(range(first + 1, first + count))
        minifat.append(_ENDOFCHAIN)
        entry.start = first

    def sectors(n_bytes: int) -> int:
        return (n_bytes + _SECTOR - 1) // _SECTOR

    n_dir = sectors(len(entries) * _ENTRY)
    n_minifat = sectors(len(minifat) * 4)
    n_mini = sectors(len(mini))
    n_data = n_dir + n_minifat + n_mini + sum(sectors(e.size) for e in large)
    n_fat, n_difat = _fat_counts(n_data)
    total = n_data + n_fat + n_difat

    fat = [_FREESECT] * (n_fat * 128)
    body = bytearray()
    next_sid = 0

    def place(blob: bytes) -> int:
        nonlocal next_sid
        count = sectors(len(blob))
        if count == 0:
            return _ENDOFCHAIN
        start = next_sid
        for i in range(count - 1):
            fat[start + i] = start + i + 1
        fat[start + count - 1] = _ENDOFCHAIN
        body.extend(blob.ljust(count * _SECTOR, b"\x00"))
        next_sid += count
        return start

    # Directory entries need sector numbers that are only known after placing the data, so
    # reserve the directory's sectors first and fill them in at the end.
    dir_start = next_sid
    for i in range(n_dir - 1):
        fat[dir_start + i] = dir_start + i + 1
    fat[dir_start + n_dir - 1] = _ENDOFCHAIN
    body.extend(bytes(n_dir * _SECTOR))
    next_sid += n_dir

    minifat_start = place(b"".join(v.to_bytes(4, "little") for v in minifat).ljust(n_minifat * _SECTOR, b"\xff"))
    entries[0].start = place(bytes(mini))
    entries[0].size = len(mini)
    for entry in large:
        assert isinstance(entry.node, Stream)
        entry.start = place(entry.node.data)

    fat_start = next_sid
    for i in range(n_fat):
        fat[fat_start + i] = _FATSECT
    difat_start = fat_start + n_fat
    for i in range(n_difat):
        fat[difat_start + i] = _DIFSECT
    assert difat_start + n_difat == total
    body.extend(b"".join(v.to_bytes(4, "little") for v in fat))
    fat_ids = list(range(fat_start, fat_start + n_fat))
    for i in range(n_difat):
        chunk = fat_ids[_HEADER_DIFAT + i * 127 : _HEADER_DIFAT + (i + 1) * 127]
        chunk += [_FREESECT] * (127 - len(chunk))
        chunk.append(difat_start + i + 1 if i + 1 < n_difat else _ENDOFCHAIN)
        body.extend(b"".join(v.to_bytes(4, "little") for v in chunk))

    directory = bytearray()
    for entry in entries:
        node = entry.node
        if isinstance(node, Storage):
            clsid, bits, ctime, mtime = node.clsid, node.state_bits, node.created, node.modified
            if entry.kind == _TYPE_ROOT:
                ctime = 0
        else:
            clsid, bits, ctime, mtime = bytes(16), 0, 0, 0
        if len(clsid) != 16:
            raise CfbError("CLSID harus 16 byte.")
        name = entry.name.encode("utf-16-le")
        start = entry.start if entry.kind != _TYPE_STORAGE else 0
        directory += _ENTRY_STRUCT.pack(
            name.ljust(64, b"\x00"),
            len(name) + 2,
            entry.kind,
            entry.color,
            entry.left,
            entry.right,
            entry.child,
            clsid,
            bits,
            ctime,
            mtime,
            start,
            entry.size,
        )
    free = _ENTRY_STRUCT.pack(bytes(64), 0, 0, 0, _NOSTREAM, _NOSTREAM, _NOSTREAM, bytes(16), 0, 0, 0, 0, 0)
    while len(directory) < n_dir * _SECTOR:
        directory += free
    body[dir_start * _SECTOR : (dir_start + n_dir) * _SECTOR] = directory

    difat_head = fat_ids[:_HEADER_DIFAT] + [_FREESECT] * (_HEADER_DIFAT - min(n_fat, _HEADER_DIFAT))
    header = (
        _MAGIC
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack(
            "<IIIIIIIII",
            0,  # number of directory sectors: always 0 in version 3
            n_fat,
            dir_start,
            0,  # transaction signature
            _MINI_CUTOFF,
            minifat_start if minifat else _ENDOFCHAIN,
            n_minifat,
            difat_start if n_difat else _ENDOFCHAIN,
            n_difat,
        )
        + struct.pack(f"<{_HEADER_DIFAT}I", *difat_head)
    )
    assert len(header) == _SECTOR and len(body) == total * _SECTOR
    return bytes(header + body)
