"""vbaProject.bin writer: compound file, dir/PROJECT/PROJECTwm edits, judged by olefile and oletools."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import random
import struct
import uuid
import zipfile
from pathlib import Path

import olefile
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oletools.olevba import VBA_Parser, VBA_Project, decompress_stream

from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid
from skpxl.excel.vba.cfb import CfbError, Storage, Stream, read_cfb, write_cfb
from skpxl.excel.vba.ovba import compress, has_raw_chunk
from skpxl.excel.vba.project import (
    ADDIN,
    TEMPLATE,
    XLWINGS_MODULE,
    BaseKind,
    base_vba_project,
    build_vba_project,
    read_bas,
    read_vba_project,
    xlwings_license_text,
    xlwings_vba_module,
    xlwings_vba_version,
)

ROOT = Path(__file__).resolve().parents[2]
VBA_DIR = ROOT / "addin" / "vba"
XLWINGS_VERSION = importlib.metadata.version("xlwings")
_spec = importlib.util.find_spec("xlwings")
assert _spec is not None and _spec.submodule_search_locations
XLWINGS_DIR = Path(next(iter(_spec.submodule_search_locations)))

# What the artifact builders are expected to do with each base.
SAMPLE_MODULE: dict[BaseKind, str] = {TEMPLATE: "Module1", ADDIN: "RibbonMyAddin"}
OUR_MODULE: dict[BaseKind, str] = {TEMPLATE: "SKP", ADDIN: "SKPRibbon"}


def long_module(name: str, lines: int) -> str:
    """A standard module of ``lines`` Subs: > 650 bytes and, for large ``lines``, several chunks."""
    body = "".join(
        f'Sub Langkah{i}()\n    RunPython "import skpxl.xl as x; x.langkah({i})"\nEnd Sub\n' for i in range(lines)
    )
    return f'Attribute VB_Name = "{name}"\nOption Explicit\n' + body


def crlf_cp1252(text: str) -> bytes:
    return text.replace("\r\n", "\n").replace("\n", "\r\n").encode("cp1252")


def build(kind: BaseKind, **extra: str) -> tuple[bytes, dict[str, bytes]]:
    """Build from the wheel's base; return the bin and the exact source bytes we expect per module."""
    ours = read_bas(VBA_DIR / f"{OUR_MODULE[kind]}.bas")
    modules = {XLWINGS_MODULE: xlwings_vba_module(kind), OUR_MODULE[kind]: ours, **extra}
    data = build_vba_project(base_vba_project(kind), modules, remove=[SAMPLE_MODULE[kind]])
    return data, {name: crlf_cp1252(text) for name, text in modules.items()}


def oletools_modules(data: bytes) -> dict[str, tuple[int, bytes]]:
    """Module name -> (MODULEOFFSET, decompressed source) as oletools parses them, in strict mode."""
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    project = VBA_Project(ole, "", "PROJECT", "VBA/dir", relaxed=False)
    project.parse_project_stream()
    list(project.parse_modules())
    return {m.name: (m.textoffset, m.code_raw) for m in project.modules}


@pytest.fixture(scope="module", params=[TEMPLATE, ADDIN])
def built(request: pytest.FixtureRequest) -> tuple[BaseKind, bytes, dict[str, bytes]]:
    kind: BaseKind = request.param
    data, expected = build(kind, Panjang=long_module("Panjang", 200), Sedang=long_module("Sedang", 8))
    return kind, data, expected


# --- the wheel's bins ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [TEMPLATE, ADDIN])
def test_base_bins_are_version_independent_with_xlwings_at_offset_zero(kind: BaseKind) -> None:
    project = read_vba_project(base_vba_project(kind))
    assert project.version == 0xFFFF
    assert project.codec == "cp1252"
    assert project.module(XLWINGS_MODULE).offset == 0
    assert project.module(SAMPLE_MODULE[kind]).procedural
    # The stored xlwings module is the wheel's .bas file with LF line ends.
    assert project.module(XLWINGS_MODULE).source == xlwings_vba_module(kind).replace("\r\n", "\n").encode("cp1252")


def test_xlwings_module_helpers() -> None:
    template, addin = xlwings_vba_module(TEMPLATE), xlwings_vba_module(ADDIN)
    assert xlwings_vba_version() == xlwings_vba_version(template) == xlwings_vba_version(addin) == XLWINGS_VERSION
    assert "Set wb = ThisWorkbook" in template and "--wb=" in template
    assert '" --wb=" & """" & ActiveWorkbook.Name' in addin  # the add-in hands Python the active workbook
    assert '"BOOK_CALLER", ActiveWorkbook' in addin
    assert "BSD 3-clause license" in template and "BSD 3-clause license" in addin
    renamed = xlwings_vba_module(ADDIN, project_name="skpxl")
    assert 'Public Const PROJECT_NAME As String = "skpxl"' in renamed and '"myaddin"' not in renamed
    assert "\n" not in renamed.replace("\r\n", "")
    assert "BSD 3-clause license" in xlwings_license_text()
    with pytest.raises(InputTidakValid):
        xlwings_vba_module(ADDIN, project_name='a"b')
    with pytest.raises(BerkasTidakTerbaca):
        xlwings_vba_version("Sub x()\r\nEnd Sub\r\n")


def test_license_note_carries_the_wheel_text() -> None:
    note = (VBA_DIR / "XLWINGS_LICENSE.txt").read_text()
    for line in xlwings_license_text().splitlines():
        assert line.strip() in note


def test_vba_sources_are_export_files() -> None:
    for name in ("SKP", "SKPRibbon", "SKPPeriksa"):
        raw = (VBA_DIR / f"{name}.bas").read_bytes()
        assert raw.startswith(f'Attribute VB_Name = "{name}"\r\n'.encode())
        assert b"\n" not in raw.replace(b"\r\n", b"") and raw.endswith(b"\r\n")
        raw.decode("ascii")
    # the replacement procedures for xlwings' module: same export conventions, no module of their own
    raw = (VBA_DIR / "xlwings_aman.bas").read_bytes()
    assert b"\n" not in raw.replace(b"\r\n", b"") and raw.endswith(b"\r\n") and b"Attribute VB_Name" not in raw
    raw.decode("ascii")
    skp = read_bas(VBA_DIR / "SKP.bas")
    for sub, fungsi in (("Validasi", "validasi"), ("Hitung", "hitung")):
        assert (
            f"Sub {sub}()\r\n    If Not PythonSiap(False) Then Exit Sub\r\n"
            f'    RunPython "import skpxl.xl as x; x.{fungsi}()"\r\nEnd Sub'
        ) in skp
    ribbon = read_bas(VBA_DIR / "SKPRibbon.bas")
    for sub in ("SkpValidasi", "SkpHitung", "SkpBantuan"):
        assert f"Sub {sub}(control As IRibbonControl)" in ribbon
    assert 'RunPython "import skpxl.xl as x; x.validasi()"' in ribbon
    assert 'RunPython "import skpxl.xl as x; x.hitung()"' in ribbon


# --- built projects --------------------------------------------------------------------------


def test_directory_structure(built: tuple[BaseKind, bytes, dict[str, bytes]]) -> None:
    kind, data, expected = built
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    assert ole.sectorsize == 512 and ole.dll_version == 3
    assert ole.get_type("VBA") == olefile.STGTY_STORAGE
    for stream in ("PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT", *(f"VBA/{m}" for m in expected)):
        assert ole.get_type(stream) == olefile.STGTY_STREAM, stream
    assert not ole.exists(f"VBA/{SAMPLE_MODULE[kind]}")
    base = olefile.OleFileIO(base_vba_project(kind))
    before = {"/".join(p) for p in base.listdir()} - {f"VBA/{SAMPLE_MODULE[kind]}"}
    after = {"/".join(p) for p in ole.listdir()}
    assert after == before | {f"VBA/{m}" for m in expected}
    for path in before - {"VBA/dir", "PROJECT", "PROJECTwm", *(f"VBA/{m}" for m in expected)}:
        assert ole.openstream(path).read() == base.openstream(path).read(), path  # untouched streams kept


def test_every_module_decompresses_to_what_we_wrote(built: tuple[BaseKind, bytes, dict[str, bytes]]) -> None:
    kind, data, expected = built
    modules = oletools_modules(data)
    base = oletools_modules(base_vba_project(kind))
    assert set(modules) == (set(base) - {SAMPLE_MODULE[kind]}) | set(expected)
    for name, (offset, source) in modules.items():
        if name in expected:
            assert offset == 0, name
            assert source == expected[name], name
        else:
            assert (offset, source) == base[name], name
    assert len(expected["Panjang"]) > 3 * 4096 and 650 < len(expected["Sedang"]) < 4096


def test_olevba_text_matches_sources(built: tuple[BaseKind, bytes, dict[str, bytes]]) -> None:
    _, data, expected = built
    parser = VBA_Parser("vbaProject.bin", data=data)
    found = {vba_filename: code for _, _, vba_filename, code in parser.extract_macros()}
    for name, source in expected.items():
        # extract_macros yields the decompressed bytes decoded with the project code page; it does
        # not touch line endings, so CRLF must survive (the wheel's own xlwings stream shows LF).
        assert found[f"{name}.bas"] == source.decode("cp1252"), name


def test_dir_project_and_wm_streams(built: tuple[BaseKind, bytes, dict[str, bytes]]) -> None:
    kind, data, expected = built
    project = read_vba_project(data)
    assert project.version == 0xFFFF
    ole = olefile.OleFileIO(data)
    assert ole.openstream("VBA/_VBA_PROJECT").read()[:4] == b"\xcc\x61\xff\xff"
    for name in expected:
        module = project.module(name)
        assert module.offset == 0 and module.procedural and module.stream_name == name
    names = [m.name for m in project.modules]
    assert SAMPLE_MODULE[kind] not in names and names[-2:] == ["Panjang", "Sedang"]
    lines = project.project_stream.split("\r\n")
    assert f"Module={SAMPLE_MODULE[kind]}" not in lines
    for name in (OUR_MODULE[kind], "Panjang", "Sedang", XLWINGS_MODULE):
        assert f"Module={name}" in lines
        assert lines.index(f"Module={name}") < next(i for i, line in enumerate(lines) if line.startswith("Name="))
    workspace = lines[lines.index("[Workspace]") :]
    assert f"{OUR_MODULE[kind]}=0, 0, 0, 0, C" in workspace
    wm = ole.openstream("PROJECTwm").read()
    for name in names:
        assert name.encode() + b"\x00" + name.encode("utf-16-le") + b"\x00\x00" in wm
    assert SAMPLE_MODULE[kind].encode("utf-16-le") not in wm and wm.endswith(b"\x00\x00")
    dir_records = decompress_stream(bytearray(ole.openstream("VBA/dir").read()))
    assert struct.pack("<HIH", 0x000F, 2, len(names)) in dir_records  # PROJECTMODULES count


line_text = st.text(alphabet=st.characters(codec="cp1252", exclude_characters="\r\n"))


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(["", "    ", "End Sub", 'RunPython "import skpxl.xl as x"']) | line_text, max_size=400),
    st.integers(1, 40),
)
def test_any_module_text_is_stored_exactly_or_refused(lines: list[str], repeat: int) -> None:
    text = "\r\n".join(['Attribute VB_Name = "Acak"', *lines] * repeat) + "\r\n"
    source = text.encode("cp1252")
    try:
        data = build_vba_project(base_vba_project(TEMPLATE), {"Acak": text})
    except InputTidakValid:
        assert has_raw_chunk(compress(source))  # refused only when a raw chunk would be needed
        return
    assert oletools_modules(data)["Acak"] == (0, source)


def test_build_is_deterministic() -> None:
    for kind in (TEMPLATE, ADDIN):
        first, _ = build(kind)
        second, _ = build(kind)
        assert first == second
        # and rebuilding from our own output with the same modules is a fixed point
        again = build_vba_project(first, {OUR_MODULE[kind]: read_bas(VBA_DIR / f"{OUR_MODULE[kind]}.bas")})
        assert again == build_vba_project(again, {OUR_MODULE[kind]: read_bas(VBA_DIR / f"{OUR_MODULE[kind]}.bas")})


def test_sizes_stay_close_to_the_base() -> None:
    for kind in (TEMPLATE, ADDIN):
        data, _ = build(kind)
        assert abs(len(data) - len(base_vba_project(kind))) <= 4096


def test_project_rename_and_version_reset() -> None:
    data = build_vba_project(base_vba_project(ADDIN), {}, project_name="skpxl")
    project = read_vba_project(data)
    assert project.name == "skpxl" and 'Name="skpxl"' in project.project_stream.split("\r\n")
    # quickstart.xlsm carries compiled state (_VBA_PROJECT version 0x00B5); writing resets it.
    with zipfile.ZipFile(XLWINGS_DIR / "quickstart.xlsm") as zf:
        compiled = zf.read("xl/vbaProject.bin")
    assert read_vba_project(compiled).version != 0xFFFF
    rebuilt = build_vba_project(compiled, {"SKP": read_bas(VBA_DIR / "SKP.bas")})
    assert read_vba_project(rebuilt).version == 0xFFFF
    assert oletools_modules(rebuilt)["SKP"] == (0, crlf_cp1252(read_bas(VBA_DIR / "SKP.bas")))


def test_line_endings_are_normalised_to_crlf() -> None:
    text = 'Attribute VB_Name = "Campur"\nSub A()\r\nEnd Sub\rSub B()\nEnd Sub\n'
    data = build_vba_project(base_vba_project(TEMPLATE), {"Campur": text})
    assert (
        oletools_modules(data)["Campur"][1]
        == b'Attribute VB_Name = "Campur"\r\nSub A()\r\nEnd Sub\r\nSub B()\r\nEnd Sub\r\n'
    )


@pytest.mark.parametrize(
    ("modules", "remove", "message"),
    [
        ({"Salah": 'Attribute VB_Name = "Lain"\r\n'}, [], "VB_Name"),
        ({"Salah": "Sub X()\r\nEnd Sub\r\n"}, [], "VB_Name"),
        ({"Salah": 'Attribute VB_Name = "Salah"\r\n\' \u20ac ok \u2713\r\n'}, [], "code page"),
        ({"1Salah": 'Attribute VB_Name = "1Salah"\r\n'}, [], "tidak sah"),
        ({"dir": 'Attribute VB_Name = "dir"\r\n'}, [], "bentrok"),
        ({"XLWINGS": 'Attribute VB_Name = "XLWINGS"\r\n'}, [], "huruf besar"),
        ({}, ["TidakAda"], "tidak ada"),
        ({}, ["Sheet1"], "modul standar"),
        ({"Module1": 'Attribute VB_Name = "Module1"\r\n'}, ["Module1"], "sekaligus"),
    ],
)
def test_bad_requests_are_refused(modules: dict[str, str], remove: list[str], message: str) -> None:
    with pytest.raises(InputTidakValid, match=message):
        build_vba_project(base_vba_project(TEMPLATE), modules, remove=remove)


def test_incompressible_source_is_refused() -> None:
    alphabet = [chr(c) for c in (*range(0x20, 0x7F), *range(0xA0, 0x100)) if c != 0x22]
    rng = random.Random(3)
    noise = "".join(rng.choice(alphabet) for _ in range(12000))
    with pytest.raises(InputTidakValid, match="dikompresi"):
        build_vba_project(base_vba_project(TEMPLATE), {"Bising": f'Attribute VB_Name = "Bising"\r\n\'{noise}\r\n'})


def test_unreadable_base_is_refused() -> None:
    with pytest.raises(BerkasTidakTerbaca):
        build_vba_project(b"not a compound file" * 40, {})
    broken = read_cfb(base_vba_project(TEMPLATE))
    broken.write("VBA/dir", b"\x01\x05\xa0abc")
    with pytest.raises(BerkasTidakTerbaca):
        read_vba_project(write_cfb(broken))


# --- compound file writer --------------------------------------------------------------------


RED, BLACK = 0, 1  # MS-CFB directory entry colour flags


def cfb_order(name: str) -> tuple[int, str]:
    return (len(name), name.upper())


def check_red_black_trees(data: bytes) -> None:
    """Each storage's children form a binary search tree in CFB order obeying the red-black rules."""
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    entries = ole.direntries

    def walk(sid: int, low: str | None, high: str | None) -> int:
        if sid == olefile.NOSTREAM:
            return 1
        node = entries[sid]
        key = cfb_order(node.name)
        assert low is None or cfb_order(low) < key
        assert high is None or key < cfb_order(high)
        if node.color == RED:
            for child in (node.sid_left, node.sid_right):
                assert child == olefile.NOSTREAM or entries[child].color == BLACK
        black_left = walk(node.sid_left, low, node.name)
        black_right = walk(node.sid_right, node.name, high)
        assert black_left == black_right
        return black_left + int(node.color == BLACK)

    for entry in entries:
        if entry is not None and entry.entry_type in (olefile.STGTY_ROOT, olefile.STGTY_STORAGE):
            if entry.sid_child != olefile.NOSTREAM:
                assert entries[entry.sid_child].color == BLACK
            walk(entry.sid_child, None, None)


@pytest.mark.parametrize(
    ("archive", "kind"),
    [
        ("quickstart_standalone.xlsm", TEMPLATE),
        ("quickstart_addin_ribbon.xlam", ADDIN),
        ("quickstart_addin.xlam", ADDIN),
        ("quickstart.xlsm", TEMPLATE),
        ("addin/xlwings.xlam", ADDIN),
    ],
)
def test_cfb_round_trip_of_wheel_bins(archive: str, kind: BaseKind) -> None:
    with zipfile.ZipFile(XLWINGS_DIR / archive) as zf:
        original = zf.read("xl/vbaProject.bin")
    written = write_cfb(read_cfb(original))
    assert write_cfb(read_cfb(written)) == written
    check_red_black_trees(written)
    a, b = olefile.OleFileIO(original), olefile.OleFileIO(written, raise_defects=olefile.DEFECT_INCORRECT)
    assert sorted(a.listdir(storages=True)) == sorted(b.listdir(storages=True))
    for path in a.listdir():
        assert a.openstream(path).read() == b.openstream(path).read()
    for path in a.listdir(streams=False, storages=True):
        assert a.getclsid(path) == b.getclsid(path)
        assert a.getmtime(path) == b.getmtime(path)


def test_cfb_writer_edge_cases() -> None:
    rng = random.Random(11)
    clsid = bytes(range(16))
    inner = Storage(clsid=clsid, state_bits=5, created=132_000_000_000_000_000, modified=133_000_000_000_000_000)
    root = Storage(children={"Sub": inner}, clsid=bytes(reversed(range(16))), modified=1)
    sizes = [0, 1, 63, 64, 65, 4095, 4096, 4097, 70_000]
    for i, size in enumerate(sizes):
        inner.children[f"s{i}"] = Stream(rng.randbytes(size))
    for i in range(40):  # many siblings: a deeper tree
        root.children[f"{'x' * (i % 7 + 1)}{i}"] = Stream(rng.randbytes(i * 37))
    inner.children["Deeper"] = Storage(children={"leaf": Stream(b"leaf")})
    data = write_cfb(root)
    assert data == write_cfb(read_cfb(data))
    check_red_black_trees(data)
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    for i, size in enumerate(sizes):
        assert ole.get_size(f"Sub/s{i}") == size
        assert ole.openstream(f"Sub/s{i}").read() == inner.children[f"s{i}"].data  # type: ignore[union-attr]
    assert ole.openstream("Sub/Deeper/leaf").read() == b"leaf"
    assert ole.getclsid("Sub") == str(uuid.UUID(bytes_le=clsid)).upper()
    assert ole.getctime("Sub") is not None and ole.getmtime("Sub") is not None
    again = read_cfb(data)
    sub = again.get("sub")  # CFB names match case-insensitively
    assert isinstance(sub, Storage) and (sub.clsid, sub.state_bits) == (clsid, 5)
    assert (sub.created, sub.modified) == (inner.created, inner.modified)
    assert again.clsid == root.clsid and again.created == 0  # the root's creation time is always zero
    assert [p for p, _ in again.streams()][:3] == ["x0", "x7", "Sub/s0"]  # shorter names first


def test_cfb_large_file_uses_difat_sectors() -> None:
    # More than 109 FAT sectors (> ~7 MB) needs DIFAT sectors beyond the header.
    root = Storage(children={f"big{i}": Stream(bytes([i]) * 100_000) for i in range(80)})
    data = write_cfb(root)
    assert struct.unpack_from("<I", data, 0x48)[0] >= 1  # number of DIFAT sectors
    ole = olefile.OleFileIO(data, raise_defects=olefile.DEFECT_INCORRECT)
    for i in (0, 41, 79):
        assert ole.openstream(f"big{i}").read() == bytes([i]) * 100_000
    assert write_cfb(read_cfb(data)) == data


@pytest.mark.parametrize(
    "children",
    [
        {"a/b": Stream()},
        {"x" * 32: Stream()},
        {"": Stream()},
        {"Dup": Stream(), "DUP": Stream()},
    ],
)
def test_cfb_writer_refuses_bad_names(children: dict[str, Storage | Stream]) -> None:
    with pytest.raises(CfbError):
        write_cfb(Storage(children=children))


def test_cfb_reader_refuses_garbage() -> None:
    with pytest.raises(CfbError):
        read_cfb(b"\x00" * 1024)
    data = bytearray(write_cfb(Storage(children={"s": Stream(b"x" * 5000)})))
    data = data[:1200]  # truncated: the stream's sectors are gone
    with pytest.raises(CfbError):
        read_cfb(bytes(data))
