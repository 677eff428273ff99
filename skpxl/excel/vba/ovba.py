"""MS-OVBA compression (spec section 2.4.1), used by VBA module streams and the ``dir`` stream.

A CompressedContainer is a signature byte ``0x01`` followed by chunks. Each chunk encodes up to
4096 bytes of the decompressed buffer behind a two-byte header (size, signature ``0b011``, flag):

* compressed chunk (flag 1): token sequences of one flag byte and up to eight tokens; a token is a
  literal byte or a two-byte copy token whose offset/length split depends on the position in the
  chunk (spec 2.4.1.3.19.1 "CopyToken Help");
* raw chunk (flag 0): exactly 4096 bytes, used when the tokens do not fit in 4096 bytes.

:func:`compress` follows the spec's algorithm (2.4.1.3.6 onwards): greedy, longest match in the
chunk. On ties it takes the *farthest* candidate (the spec's pseudo-code takes the nearest and its
own worked example neither; all decode the same). With that rule the output reproduces, byte for
byte, the compressed ``xlwings`` module and ``dir`` streams of the Excel-accepted bins shipped in
the xlwings wheel. Output is a pure function of the input.

One property of the format itself: a *final* chunk shorter than 4096 bytes whose tokens do not fit
is written raw and zero padded to 4096 bytes ("Compressing a RawChunk"), so it decompresses with
trailing NULs. That takes at least 3641 incompressible bytes in the last chunk and does not happen
for VBA source; :func:`has_raw_chunk` lets callers refuse it.
"""

from __future__ import annotations

__all__ = ["CHUNK_SIZE", "OvbaError", "compress", "decompress", "has_raw_chunk"]

CHUNK_SIZE = 4096
_SIGNATURE = 0x01
_MAX_CHUNK_DATA = 4096  # CompressedChunkSize is 12 bits: a chunk holds at most 4098 bytes with its header


class OvbaError(ValueError):
    """A byte string is not a valid MS-OVBA CompressedContainer."""


def _bit_count(difference: int) -> int:
    """Number of offset bits in a copy token at ``difference`` bytes into the chunk (spec 2.4.1.3.19.1)."""
    return max((difference - 1).bit_length(), 4)


def _match_length(buf: bytes, cand: int, cur: int, end: int, at_least: int) -> int:
    """Length of the common run of ``buf[cand:]`` and ``buf[cur:end]``, given it is at least ``at_least``.

    The run may overlap ``cur`` (copy tokens copy byte by byte). Slices are compared in C, with a
    doubling then bisecting search, so long runs cost a few comparisons instead of a Python loop.
    """
    limit = end - cur
    lo = at_least  # known to match
    step = max(lo, 8)
    hi = lo
    while True:
        probe = min(hi + step, limit)
        if probe == hi:
            return hi
        if buf[cand + hi : cand + probe] == buf[cur + hi : cur + probe]:
            hi = probe
            step *= 2
            continue
        lo, top = hi, probe  # buf matches up to lo, fails somewhere before top
        while top - lo > 1:
            mid = (lo + top) // 2
            if buf[cand + lo : cand + mid] == buf[cur + lo : cur + mid]:
                lo = mid
            else:
                top = mid
        return lo


def _compress_chunk(buf: bytes, start: int, end: int) -> bytes:
    """Encode ``buf[start:end]`` (at most 4096 bytes) as one chunk, header included."""
    out = bytearray(b"\x00\x00")
    chains: dict[bytes, list[int]] = {}  # 3-byte prefix -> earlier positions in this chunk, ascending
    cur = start
    indexed = start  # positions below this are in ``chains``
    budget_end = 2 + _MAX_CHUNK_DATA
    while cur < end and len(out) < budget_end:
        flag_index = len(out)
        out.append(0)
        flags = 0
        for bit in range(8):
            if cur >= end or len(out) >= budget_end:
                break
            # Index every position before ``cur``: all of them are candidates (spec 2.4.1.3.19.4).
            while indexed < cur:
                if indexed + 3 <= end:
                    chains.setdefault(buf[indexed : indexed + 3], []).append(indexed)
                indexed += 1
            best_len = 0
            best_cand = 0
            if cur + 3 <= end:
                max_possible = end - cur
                for cand in chains.get(buf[cur : cur + 3], ()):
                    # Farthest first; a nearer candidate only wins with a strictly longer match.
                    need = best_len + 1 if best_len else 3
                    if need > max_possible:
                        break
                    if buf[cand : cand + need] != buf[cur : cur + need]:
                        continue
                    best_len = _match_length(buf, cand, cur, end, need)
                    best_cand = cand
                    if best_len == max_possible:
                        break
            if best_len >= 3:
                if len(out) + 2 > budget_end:
                    out.extend(b"\x00" * (budget_end - len(out)))  # no room: the chunk goes raw
                    break
                bits = _bit_count(cur - start)
                length = min(best_len, (0xFFFF >> bits) + 3)
                token = ((cur - best_cand - 1) << (16 - bits)) | (length - 3)
                out += token.to_bytes(2, "little")
                flags |= 1 << bit
                cur += length
            else:
                out.append(buf[cur])
                cur += 1
        out[flag_index] = flags
    if cur < end:
        # Raw chunk: 4096 bytes, zero padded when the buffer ends earlier (spec "Compressing a RawChunk").
        raw = buf[start:end].ljust(CHUNK_SIZE, b"\x00")
        return (0x3FFF).to_bytes(2, "little") + raw
    header = 0x8000 | 0x3000 | (len(out) - 3)
    out[0:2] = header.to_bytes(2, "little")
    return bytes(out)


def compress(data: bytes) -> bytes:
    """Return the MS-OVBA CompressedContainer of ``data`` (deterministic)."""
    buf = bytes(data)
    parts = [bytes([_SIGNATURE])]
    for start in range(0, len(buf), CHUNK_SIZE):
        parts.append(_compress_chunk(buf, start, min(start + CHUNK_SIZE, len(buf))))
    return b"".join(parts)


def _chunks(container: bytes) -> list[tuple[int, int, bool]]:
    """Split a container into ``(data_start, data_end, compressed)`` per chunk, checking the framing."""
    if not container or container[0] != _SIGNATURE:
        raise OvbaError("Kontainer VBA terkompresi tidak diawali byte tanda 0x01.")
    pos = 1
    chunks: list[tuple[int, int, bool]] = []
    while pos < len(container):
        if pos + 2 > len(container):
            raise OvbaError("Kepala chunk VBA terkompresi terpotong.")
        header = int.from_bytes(container[pos : pos + 2], "little")
        if (header >> 12) & 0x7 != 0b011:
            raise OvbaError("Tanda kepala chunk VBA terkompresi tidak valid.")
        size = (header & 0x0FFF) + 3
        compressed = bool(header >> 15)
        if not compressed and size != CHUNK_SIZE + 2:
            raise OvbaError("Chunk VBA mentah harus berukuran 4096 byte.")
        end = pos + size
        if end > len(container):
            raise OvbaError("Chunk VBA terkompresi melewati akhir data.")
        chunks.append((pos + 2, end, compressed))
        pos = end
    return chunks


def has_raw_chunk(container: bytes) -> bool:
    """Whether a CompressedContainer holds an uncompressed (raw) chunk."""
    return any(not compressed for _, _, compressed in _chunks(container))


def decompress(container: bytes) -> bytes:
    """Decode an MS-OVBA CompressedContainer (spec 2.4.1.3.1), strictly: malformed input raises :class:`OvbaError`."""
    data = bytes(container)
    out = bytearray()
    for pos, end, compressed in _chunks(data):
        if not compressed:
            out += data[pos:end]
            continue
        chunk_start = len(out)
        while pos < end:
            flags = data[pos]
            pos += 1
            for bit in range(8):
                if pos >= end:
                    break
                if not (flags >> bit) & 1:
                    out.append(data[pos])
                    pos += 1
                    continue
                if pos + 2 > end:
                    raise OvbaError("Token salin VBA terpotong.")
                token = int.from_bytes(data[pos : pos + 2], "little")
                pos += 2
                difference = len(out) - chunk_start
                if difference == 0:
                    raise OvbaError("Token salin VBA di awal chunk.")
                bits = _bit_count(difference)
                length = (token & (0xFFFF >> bits)) + 3
                offset = (token >> (16 - bits)) + 1
                if offset > difference:
                    raise OvbaError("Token salin VBA menunjuk sebelum awal chunk.")
                src = len(out) - offset
                if offset >= length:
                    out += out[src : src + length]
                else:  # overlapping copy repeats the last ``offset`` bytes
                    for i in range(length):
                        out.append(out[src + i])
        if len(out) - chunk_start > CHUNK_SIZE:
            raise OvbaError("Chunk VBA terkompresi menghasilkan lebih dari 4096 byte.")
    return bytes(out)
