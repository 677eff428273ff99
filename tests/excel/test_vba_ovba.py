"""MS-OVBA compression: round trips judged by oletools' independent ``decompress_stream``."""

from __future__ import annotations

import random

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import decompress_stream

from skpxl.excel.vba.ovba import CHUNK_SIZE, OvbaError, compress, decompress, has_raw_chunk
from skpxl.excel.vba.project import ADDIN, TEMPLATE, BaseKind, base_vba_project

# The compression example of MS-OVBA's examples section: its compressed bytes come from Office and
# must decode to the input; our encoder may pick other, equally valid, copy-token offsets.
SPEC_PLAIN = bytes.fromhex(
    "23 61 61 61 62 63 64 65 66 61 61 61 61 67 68 69 6a 61 61 61 61 61 6b 6c 61 61 61 6d 6e 6f 70 71"
    "61 61 61 61 61 61 61 61 61 61 61 61 72 73 74 75 76 77 78 79 7a 61 61 61"
)
SPEC_COMPRESSED = bytes.fromhex(
    "01 2f b0 00 23 61 61 61 62 63 64 65 82 66 00 70 61 67 68 69 6a 01 38 08 61 6b 6c 00 30 6d 6e 6f"
    "70 06 71 02 70 04 10 72 73 74 75 76 10 77 78 79 7a 00 3c"
)


def vba_like(size: int, seed: int = 0) -> bytes:
    """Deterministic text that looks like VBA source (keywords, indentation, CRLF)."""
    rng = random.Random(seed)
    words = ["Dim", "As", "String", "If", "Then", "End", "Sub", "Call", "RunPython", "wb", "sht", "x", "=", "&"]
    out = bytearray()
    while len(out) < size:
        line = " " * rng.choice([0, 4, 8]) + " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        out += line.encode("cp1252") + b"\r\n"
    return bytes(out[:size])


def chunk_layout(container: bytes) -> list[tuple[bool, int]]:
    """(compressed flag, data size) of each chunk, read straight from the headers."""
    pos, layout = 1, []
    while pos < len(container):
        header = int.from_bytes(container[pos : pos + 2], "little")
        size = (header & 0x0FFF) + 3
        layout.append((bool(header >> 15), size - 2))
        pos += size
    assert pos == len(container)
    return layout


def check_exact(data: bytes) -> bytes:
    container = compress(data)
    assert container == compress(data)  # deterministic
    assert decompress_stream(bytearray(container)) == data  # the independent judge
    assert decompress(container) == data
    assert all(size <= CHUNK_SIZE for _, size in chunk_layout(container))
    return container


def test_spec_example_decodes() -> None:
    assert decompress(SPEC_COMPRESSED) == SPEC_PLAIN
    assert decompress_stream(bytearray(SPEC_COMPRESSED)) == SPEC_PLAIN
    assert len(check_exact(SPEC_PLAIN)) == len(SPEC_COMPRESSED)  # same token structure, same size


def test_empty_is_signature_only() -> None:
    assert compress(b"") == b"\x01"
    assert decompress(b"\x01") == b""
    assert decompress_stream(bytearray(b"\x01")) == b""


@pytest.mark.parametrize(
    "size", [1, 2, 3, 4, 17, 100, 649, 650, 651, 700, 1000, 4095, 4096, 4097, 8191, 8192, 8193, 12289, 50000]
)
def test_vba_like_text_round_trips(size: int) -> None:
    data = vba_like(size, seed=size)
    container = check_exact(data)
    layout = chunk_layout(container)
    assert len(layout) == (size + CHUNK_SIZE - 1) // CHUNK_SIZE
    assert all(compressed for compressed, _ in layout)  # text always compresses
    assert len(container) < size or size < 20


@pytest.mark.parametrize("size", [3, 4, 5, 100, 4096, 4097, 10000, 100000])
@pytest.mark.parametrize("unit", [b"a", b"ab", b"    If x Then\r\n", bytes(range(256))])
def test_repetitive_round_trips(size: int, unit: bytes) -> None:
    data = (unit * (size // len(unit) + 1))[:size]
    check_exact(data)


def test_incompressible_full_chunks_go_raw_and_round_trip() -> None:
    data = random.Random(7).randbytes(3 * CHUNK_SIZE)
    container = check_exact(data)
    assert chunk_layout(container) == [(False, CHUNK_SIZE)] * 3
    assert has_raw_chunk(container)


def test_incompressible_short_final_chunk_is_zero_padded_like_the_spec() -> None:
    # A property of the format: a raw chunk always holds 4096 bytes. oletools agrees on the result.
    data = random.Random(8).randbytes(CHUNK_SIZE + 4000)
    container = compress(data)
    assert chunk_layout(container) == [(False, CHUNK_SIZE), (False, CHUNK_SIZE)]
    expected = data + bytes(2 * CHUNK_SIZE - len(data))
    assert decompress(container) == expected == decompress_stream(bytearray(container))


def test_small_incompressible_final_chunk_stays_compressed() -> None:
    data = random.Random(9).randbytes(CHUNK_SIZE + 3640)  # 3640 literals + 455 flag bytes fit in 4096
    container = check_exact(data)
    assert chunk_layout(container)[-1][0] is True


def check_any(data: bytes) -> None:
    """Round trip for arbitrary bytes: exact, except the zero padding of a raw *final* chunk."""
    container = compress(data)
    ours = decompress(container)
    assert ours == decompress_stream(bytearray(container))
    if chunk_layout(container) and chunk_layout(container)[-1][0] is False:
        assert ours[: len(data)] == data and not ours[len(data) :].strip(b"\x00")
        assert len(ours) % CHUNK_SIZE == 0
    else:
        assert ours == data


@st.composite
def large_inputs(draw: st.DrawFn) -> bytes:
    """Inputs up to 5 chunks; hypothesis picks the shape, size and seed (its own byte strings stay short)."""
    size = draw(st.integers(0, 5 * CHUNK_SIZE + 100))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    shape = draw(st.sampled_from(["bytes", "alphabet", "cp1252", "words"]))
    if shape == "bytes":
        return rng.randbytes(size)
    if shape == "alphabet":  # from 1 symbol (a run) to 64 (little repetition)
        symbols = rng.randbytes(draw(st.integers(1, 64)))
        return bytes(rng.choice(symbols) for _ in range(size))
    if shape == "cp1252":  # random printable text: hardly compressible
        alphabet = bytes((*range(0x20, 0x7F), *range(0xA0, 0x100)))
        return bytes(rng.choice(alphabet) for _ in range(size))
    words = draw(st.lists(st.binary(min_size=1, max_size=12), min_size=1, max_size=30))
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words)
    return bytes(out[:size])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_short_random_bytes_round_trip(data: bytes) -> None:
    check_exact(data)  # too short for a raw chunk


@pytest.mark.slow
@settings(max_examples=250, deadline=None)
@given(large_inputs())
def test_large_random_inputs_match_oletools(data: bytes) -> None:
    check_any(data)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="cp1252"), max_size=3000).map(lambda s: s.encode("cp1252")))
def test_random_text_round_trips_exactly(data: bytes) -> None:
    check_exact(data)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from([b"End Sub\r\n", b"    RunPython ", b'"import x"', b"Dim ", b"\t"]), max_size=3000),
    st.integers(0, 3),
)
def test_vba_like_token_soup_round_trips_exactly(parts: list[bytes], repeat: int) -> None:
    data = b"".join(parts) * (repeat + 1)
    container = check_exact(data)
    assert not has_raw_chunk(container)


@pytest.mark.parametrize("kind", [TEMPLATE, ADDIN])
@pytest.mark.parametrize("stream", ["VBA/xlwings", "VBA/dir"])
def test_reproduces_xlwings_streams_byte_for_byte(kind: BaseKind, stream: str) -> None:
    # In the wheel's bins these streams were written by xlwings' tooling (the xlwings module is
    # stored at offset 0 with LF line ends, unlike Excel's own modules), and Excel accepts them.
    ole = olefile.OleFileIO(base_vba_project(kind))
    original = ole.openstream(stream).read()
    assert compress(decompress(original)) == original


@pytest.mark.parametrize(
    ("container", "message"),
    [
        (b"", "0x01"),
        (b"\x02\x00\xb0", "0x01"),
        (b"\x01\x00", "terpotong"),
        (b"\x01\x05\xa0a", "Tanda"),  # chunk signature 0b010
        (b"\x01\x05\xb0ab", "melewati"),  # header claims 8 bytes
        (b"\x01\x01\x30a", "4096"),  # raw chunk that is not 4096 bytes
        (b"\x01\x02\xb0\x01\x00\x00", "awal chunk"),  # copy token before any literal
    ],
)
def test_malformed_containers_raise(container: bytes, message: str) -> None:
    with pytest.raises(OvbaError, match=message):
        decompress(container)
