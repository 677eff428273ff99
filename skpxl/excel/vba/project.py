"""Write ``vbaProject.bin`` files without Excel, starting from the xlwings wheel's known-good bins.

The pinned xlwings wheel ships two bins that Excel accepts:

* ``xlwings/quickstart_standalone.xlsm`` → ``xl/vbaProject.bin`` (:data:`TEMPLATE`): modules
  ThisWorkbook, Sheet1, Sheet2 (documents), Module1 (a sample), ``xlwings`` (= ``xlwings.bas``,
  ``ThisWorkbook`` flavour) and the class Dictionary;
* ``xlwings/quickstart_addin_ribbon.xlam`` → ``xl/vbaProject.bin`` (:data:`ADDIN`): ThisWorkbook,
  Sheet2, RibbonMyAddin (a sample ribbon callback), ``xlwings`` (= ``xlwings_custom_addin.bas``,
  ``ActiveWorkbook`` flavour) and Dictionary.

Both have ``_VBA_PROJECT`` version 0xFFFF ("no compiled code for this VBA version": Excel
recompiles from source) and the ``xlwings`` module stored at MODULEOFFSET 0, i.e. xlwings'
own tooling rewrote that module the way this module does.

:func:`build_vba_project` replaces or inserts standard modules: the module stream becomes the
MS-OVBA compressed source at offset 0, the ``dir`` stream gets MODULEOFFSET 0 (and a new MODULE
record for an inserted module), the ``PROJECT`` stream a ``Module=`` line and the ``PROJECTwm``
stream a name entry; then the compound file is written anew. Modules not named are copied
unchanged (their stale performance caches are ignored by VBA when the version is 0xFFFF).
"""

from __future__ import annotations

import codecs
import importlib.metadata
import importlib.util
import re
import struct
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from skpxl.core.errors import BerkasTidakTerbaca, InputTidakValid
from skpxl.excel.vba.cfb import CfbError, Storage, read_cfb, write_cfb
from skpxl.excel.vba.ovba import OvbaError, compress, decompress, has_raw_chunk

__all__ = [
    "ADDIN",
    "TEMPLATE",
    "XLWINGS_MODULE",
    "BaseKind",
    "VbaModule",
    "VbaProject",
    "base_vba_project",
    "build_vba_project",
    "read_bas",
    "read_vba_project",
    "xlwings_license_text",
    "xlwings_vba_module",
    "xlwings_vba_version",
]

BaseKind = Literal["template", "addin"]
TEMPLATE: BaseKind = "template"
ADDIN: BaseKind = "addin"
XLWINGS_MODULE = "xlwings"

# Files inside the installed xlwings package (pinned 0.37.8).
_BASE_FILES: dict[BaseKind, str] = {"template": "quickstart_standalone.xlsm", "addin": "quickstart_addin_ribbon.xlam"}
_MODULE_FILES: dict[BaseKind, str] = {"template": "xlwings.bas", "addin": "xlwings_custom_addin.bas"}
_VERSION_LINE = re.compile(r'^Public Const XLWINGS_VERSION As String = "([^"\r\n]+)"\r?$', re.MULTILINE)
_PROJECT_NAME_LINE = re.compile(r'^Public Const PROJECT_NAME As String = "[^"\r\n]*"(?=\r?$)', re.MULTILINE)
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,30}")

# dir stream record ids (MS-OVBA 2.3.4.2)
_PROJECTNAME = 0x0004
_PROJECTCODEPAGE = 0x0003
_PROJECTVERSION = 0x0009  # its size field says 4 but 6 bytes follow
_PROJECTMODULES = 0x000F
_PROJECTCOOKIE = 0x0013
_MODULENAME = 0x0019
_MODULENAMEUNICODE = 0x0047
_MODULESTREAMNAME = 0x001A
_MODULESTREAMNAMEUNICODE = 0x0032
_MODULEDOCSTRING = 0x001C
_MODULEDOCSTRINGUNICODE = 0x0048
_MODULEOFFSET = 0x0031
_MODULEHELPCONTEXT = 0x001E
_MODULECOOKIE = 0x002C
_MODULETYPE_PROCEDURAL = 0x0021
_MODULETYPE_OTHER = 0x0022  # document, class or designer module
_MODULE_TERMINATOR = 0x002B
_DIR_TERMINATOR = 0x0010

_VBA_PROJECT_HEAD = b"\xcc\x61"
_VERSION_INDEPENDENT = 0xFFFF


# --- the pinned xlwings wheel ----------------------------------------------------------------


def _xlwings_dir() -> Path:
    # find_spec does not import xlwings (whose import pulls in pandas/numpy).
    spec = importlib.util.find_spec("xlwings")
    if spec is None or not spec.submodule_search_locations:
        raise BerkasTidakTerbaca("Paket xlwings tidak terpasang; pasang xlwings==0.37.8 terlebih dahulu.")
    return Path(next(iter(spec.submodule_search_locations)))


def base_vba_project(kind: BaseKind) -> bytes:
    """The ``xl/vbaProject.bin`` of the xlwings quickstart workbook (``"template"``) or ribbon add-in (``"addin"``)."""
    path = _xlwings_dir() / _BASE_FILES[kind]
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/vbaProject.bin")


def xlwings_vba_module(kind: BaseKind, *, project_name: str | None = None) -> str:
    """Source of the xlwings VBA module from the wheel, CRLF line endings, BSD-3 notice included.

    ``"template"`` gives ``xlwings.bas`` (uses ``ThisWorkbook``); ``"addin"`` gives
    ``xlwings_custom_addin.bas`` (uses ``ActiveWorkbook`` so Python's ``xw.Book.caller()`` is the
    workbook the user is on). ``project_name`` replaces ``PROJECT_NAME`` (``"xlwings"`` resp.
    ``"myaddin"``), which names the config sheet (``<name>.conf``) and the user config file
    (``%USERPROFILE%\\.<name>\\<name>.conf``).
    """
    raw = (_xlwings_dir() / _MODULE_FILES[kind]).read_bytes()
    source = _normalise_newlines(raw.decode("cp1252"))
    if project_name is not None:
        if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", project_name):
            raise InputTidakValid(f"PROJECT_NAME xlwings tidak sah: {project_name!r}.")
        source, count = _PROJECT_NAME_LINE.subn(f'Public Const PROJECT_NAME As String = "{project_name}"', source)
        if count != 1:
            raise BerkasTidakTerbaca("Baris PROJECT_NAME pada modul VBA xlwings tidak ditemukan tepat satu kali.")
    return source


def xlwings_vba_version(source: str | None = None) -> str:
    """The ``XLWINGS_VERSION`` constant of an xlwings VBA module (default: the wheel's ``xlwings.bas``)."""
    text = xlwings_vba_module(TEMPLATE) if source is None else source
    found = _VERSION_LINE.findall(text)
    if len(found) != 1:
        raise BerkasTidakTerbaca("Konstanta XLWINGS_VERSION pada modul VBA xlwings tidak ditemukan tepat satu kali.")
    return str(found[0])


def xlwings_license_text() -> str:
    """The BSD-3 licence text of xlwings (open-source part) from the wheel's metadata."""
    text = importlib.metadata.distribution("xlwings").read_text("licenses/LICENSE.txt")
    if not text:
        raise BerkasTidakTerbaca("Teks lisensi xlwings tidak ditemukan di paket terpasang.")
    return text


# --- dir stream ------------------------------------------------------------------------------


@dataclass
class _Record:
    rid: int
    data: bytes
    size_field: int | None = None  # only for PROJECTVERSION, whose size field is not its size

    def pack(self) -> bytes:
        size = len(self.data) if self.size_field is None else self.size_field
        return struct.pack("<HI", self.rid, size) + self.data


def _parse_records(data: bytes) -> list[_Record]:
    records: list[_Record] = []
    pos = 0
    while pos < len(data):
        if pos + 6 > len(data):
            raise BerkasTidakTerbaca("Stream dir proyek VBA terpotong.")
        rid, size = struct.unpack_from("<HI", data, pos)
        pos += 6
        if rid == _PROJECTVERSION:
            records.append(_Record(rid, data[pos : pos + 6], size))
            pos += 6
        else:
            records.append(_Record(rid, data[pos : pos + size]))
            pos += size
        if pos > len(data):
            raise BerkasTidakTerbaca("Stream dir proyek VBA terpotong.")
        if rid == _DIR_TERMINATOR:
            break
    return records


@dataclass
class _Dir:
    head: list[_Record]  # PROJECTINFORMATION, PROJECTREFERENCES, PROJECTMODULES count and cookie
    modules: list[list[_Record]]
    tail: list[_Record]

    @classmethod
    def parse(cls, data: bytes) -> _Dir:
        records = _parse_records(data)
        ids = [r.rid for r in records]
        if not ids or ids[-1] != _DIR_TERMINATOR or _PROJECTMODULES not in ids:
            raise BerkasTidakTerbaca("Stream dir proyek VBA tidak lengkap.")
        at = ids.index(_PROJECTMODULES)
        if at + 1 >= len(ids) or ids[at + 1] != _PROJECTCOOKIE:
            raise BerkasTidakTerbaca("Stream dir proyek VBA tidak memuat PROJECTCOOKIE.")
        head, rest = records[: at + 2], records[at + 2 : -1]
        modules: list[list[_Record]] = []
        current: list[_Record] = []
        for record in rest:
            current.append(record)
            if record.rid == _MODULE_TERMINATOR:
                modules.append(current)
                current = []
        count = struct.unpack("<H", records[at].data)[0]
        if current or count != len(modules) or any(m[0].rid != _MODULENAME for m in modules):
            raise BerkasTidakTerbaca("Daftar modul pada stream dir proyek VBA tidak konsisten.")
        return cls(head, modules, records[-1:])

    def pack(self) -> bytes:
        for record in self.head:
            if record.rid == _PROJECTMODULES:
                record.data = struct.pack("<H", len(self.modules))
        return b"".join(r.pack() for group in (self.head, *self.modules, self.tail) for r in group)

    def _value(self, rid: int) -> bytes:
        for record in self.head:
            if record.rid == rid:
                return record.data
        raise BerkasTidakTerbaca(f"Stream dir proyek VBA tidak memuat rekaman 0x{rid:04X}.")

    @property
    def codec(self) -> str:
        codepage = struct.unpack("<H", self._value(_PROJECTCODEPAGE))[0]
        try:
            return codecs.lookup(f"cp{codepage}").name
        except LookupError as exc:
            raise BerkasTidakTerbaca(f"Code page proyek VBA tidak dikenal: {codepage}.") from exc


def _field(module: list[_Record], rid: int) -> bytes | None:
    return next((r.data for r in module if r.rid == rid), None)


def _module_name(module: list[_Record], codec: str) -> str:
    unicode = _field(module, _MODULENAMEUNICODE)
    if unicode is not None:
        return unicode.decode("utf-16-le")
    return (_field(module, _MODULENAME) or b"").decode(codec)


def _stream_name(module: list[_Record], codec: str) -> str:
    unicode = _field(module, _MODULESTREAMNAMEUNICODE)
    if unicode is not None:
        return unicode.decode("utf-16-le")
    return (_field(module, _MODULESTREAMNAME) or b"").decode(codec)


def _new_module(name: str, codec: str) -> list[_Record]:
    mbcs, wide = name.encode(codec), name.encode("utf-16-le")
    return [
        _Record(_MODULENAME, mbcs),
        _Record(_MODULENAMEUNICODE, wide),
        _Record(_MODULESTREAMNAME, mbcs),
        _Record(_MODULESTREAMNAMEUNICODE, wide),
        _Record(_MODULEDOCSTRING, b""),
        _Record(_MODULEDOCSTRINGUNICODE, b""),
        _Record(_MODULEOFFSET, struct.pack("<I", 0)),
        _Record(_MODULEHELPCONTEXT, struct.pack("<I", 0)),
        _Record(_MODULECOOKIE, struct.pack("<H", 0xFFFF)),  # "SHOULD be 0xFFFF on write"
        _Record(_MODULETYPE_PROCEDURAL, b""),
        _Record(_MODULE_TERMINATOR, b""),
    ]


# --- PROJECT and PROJECTwm streams -----------------------------------------------------------

_ITEM_KEYS = ("document", "module", "class", "baseclass", "package")  # ProjectItem lines (MS-OVBA 2.3.1)


def _project_lines(text: str) -> list[str]:
    return text.split("\r\n")


def _project_add_module(text: str, name: str) -> str:
    lines = _project_lines(text)
    last_item = 0
    for i, line in enumerate(lines):
        if line.startswith("["):
            break
        if line.split("=", 1)[0].strip().lower() in _ITEM_KEYS:
            last_item = i
    lines.insert(last_item + 1, f"Module={name}")
    if "[Workspace]" in lines:
        at = lines.index("[Workspace]") + 1
        while at < len(lines) and lines[at] and not lines[at].startswith("["):
            at += 1
        lines.insert(at, f"{name}=0, 0, 0, 0, C")
    return "\r\n".join(lines)


def _project_remove_module(text: str, name: str) -> str:
    lines = _project_lines(text)
    wanted = name.lower()
    out: list[str] = []
    section = ""
    for line in lines:
        if line.startswith("["):
            section = line
        key, _, value = line.partition("=")
        if not section and key.strip().lower() == "module" and value.strip().lower() == wanted:
            continue
        if section == "[Workspace]" and key.strip().lower() == wanted:
            continue
        out.append(line)
    return "\r\n".join(out)


def _project_rename(text: str, name: str) -> str:
    lines = _project_lines(text)
    for i, line in enumerate(lines):
        if line.startswith("["):
            break
        if line.startswith("Name="):
            lines[i] = f'Name="{name}"'
            return "\r\n".join(lines)
    raise BerkasTidakTerbaca("Baris Name= tidak ada pada stream PROJECT.")


def _parse_wm(data: bytes, codec: str) -> list[str]:
    names: list[str] = []
    pos = 0
    while True:
        if data[pos : pos + 2] == b"\x00\x00" or pos >= len(data):
            return names
        end = data.find(b"\x00", pos)
        if end < 0:
            raise BerkasTidakTerbaca("Stream PROJECTwm rusak.")
        names.append(data[pos:end].decode(codec))
        pos = end + 1
        wend = pos
        while data[wend : wend + 2] != b"\x00\x00":
            wend += 2
            if wend >= len(data):
                raise BerkasTidakTerbaca("Stream PROJECTwm rusak.")
        pos = wend + 2


def _pack_wm(names: list[str], codec: str) -> bytes:
    parts = [n.encode(codec) + b"\x00" + n.encode("utf-16-le") + b"\x00\x00" for n in names]
    return b"".join(parts) + b"\x00\x00"


# --- public API ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VbaModule:
    """One module as stored: ``source`` is the decompressed source text in the project's code page."""

    name: str
    stream_name: str
    procedural: bool  # standard module (MODULETYPE 0x0021); False for document/class modules
    offset: int  # MODULEOFFSET: bytes of performance cache before the compressed source
    source: bytes


@dataclass(frozen=True)
class VbaProject:
    """What :func:`read_vba_project` finds in a ``vbaProject.bin``."""

    name: str
    codec: str
    version: int  # _VBA_PROJECT version; 0xFFFF means "recompile from source"
    project_stream: str
    modules: tuple[VbaModule, ...]

    def module(self, name: str) -> VbaModule:
        """The module called ``name`` (case-insensitive, as VBA). Raises KeyError."""
        for module in self.modules:
            if module.name.lower() == name.lower():
                return module
        raise KeyError(name)


def _open(data: bytes) -> tuple[Storage, _Dir]:
    try:
        root = read_cfb(data)
        return root, _Dir.parse(decompress(root.read("VBA/dir")))
    except (CfbError, OvbaError, KeyError) as exc:
        raise BerkasTidakTerbaca("Berkas vbaProject.bin tidak dapat dibaca.") from exc


def read_vba_project(data: bytes) -> VbaProject:
    """Parse a ``vbaProject.bin``: project name, code page, ``_VBA_PROJECT`` version and every module."""
    root, directory = _open(data)
    codec = directory.codec
    try:
        head = root.read("VBA/_VBA_PROJECT")
        project_text = root.read("PROJECT").decode(codec)
    except KeyError as exc:
        raise BerkasTidakTerbaca("Berkas vbaProject.bin tidak memuat stream PROJECT/_VBA_PROJECT.") from exc
    if head[:2] != _VBA_PROJECT_HEAD or len(head) < 7:
        raise BerkasTidakTerbaca("Stream _VBA_PROJECT tidak valid.")
    modules = []
    for module in directory.modules:
        stream = _stream_name(module, codec)
        offset = struct.unpack("<I", _field(module, _MODULEOFFSET) or b"\0\0\0\0")[0]
        try:
            source = decompress(root.read(f"VBA/{stream}")[offset:])
        except (KeyError, OvbaError) as exc:
            raise BerkasTidakTerbaca(f"Modul VBA {stream!r} tidak dapat dibaca.") from exc
        modules.append(
            VbaModule(
                name=_module_name(module, codec),
                stream_name=stream,
                procedural=any(r.rid == _MODULETYPE_PROCEDURAL for r in module),
                offset=offset,
                source=source,
            )
        )
    return VbaProject(
        name=directory._value(_PROJECTNAME).decode(codec),
        codec=codec,
        version=struct.unpack_from("<H", head, 2)[0],
        project_stream=project_text,
        modules=tuple(modules),
    )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")


def _encode_source(name: str, text: str, codec: str) -> bytes:
    source = _normalise_newlines(text)
    first = source.split("\r\n", 1)[0]
    if first != f'Attribute VB_Name = "{name}"':
        raise InputTidakValid(f'Sumber modul VBA {name} harus diawali baris Attribute VB_Name = "{name}".')
    try:
        encoded = source.encode(codec)
    except UnicodeEncodeError as exc:
        raise InputTidakValid(f"Sumber modul VBA {name} memuat karakter di luar code page {codec}.") from exc
    return encoded


def _compress_source(name: str, source: bytes) -> bytes:
    container = compress(source)
    # A raw chunk would only come from incompressible text; refuse rather than risk a module Excel
    # may not load (and the final raw chunk would add NUL padding).
    if has_raw_chunk(container) or decompress(container) != source:
        raise InputTidakValid(f"Sumber modul VBA {name} tidak dapat dikompresi dengan aman.")
    return container


def build_vba_project(
    base: bytes,
    modules: Mapping[str, str],
    *,
    remove: Iterable[str] = (),
    project_name: str | None = None,
) -> bytes:
    """Return a new ``vbaProject.bin``: ``base`` with ``modules`` (name → VBA source) replaced or inserted.

    Sources are text as VBA exports them (``Attribute VB_Name = "<name>"`` first); line endings are
    normalised to CRLF and the text is encoded with the project's code page (cp1252 for the xlwings
    bins). An existing module keeps its type; a new one becomes a standard module. ``remove`` drops
    standard modules (e.g. the quickstart's ``Module1``); ``project_name`` renames the VBA project.
    Every written module sits at MODULEOFFSET 0 and ``_VBA_PROJECT`` is set to version 0xFFFF.
    The result depends only on the arguments.
    """
    root, directory = _open(base)
    codec = directory.codec
    try:
        project_text = root.read("PROJECT").decode(codec)
        wm_names = _parse_wm(root.read("PROJECTwm"), codec)
        head = root.read("VBA/_VBA_PROJECT")
    except KeyError as exc:
        raise BerkasTidakTerbaca("Berkas vbaProject.bin tidak memuat stream PROJECT/PROJECTwm/_VBA_PROJECT.") from exc
    if head[:2] != _VBA_PROJECT_HEAD or len(head) < 7:
        raise BerkasTidakTerbaca("Stream _VBA_PROJECT tidak valid.")
    vba = root.get("VBA")
    if not isinstance(vba, Storage):
        raise BerkasTidakTerbaca("Berkas vbaProject.bin tidak memuat storage VBA.")

    def find(name: str) -> int | None:
        for i, module in enumerate(directory.modules):
            if _module_name(module, codec).lower() == name.lower():
                return i
        return None

    for name in remove:
        at = find(name)
        if at is None:
            raise InputTidakValid(f"Modul VBA {name} yang akan dihapus tidak ada.")
        module = directory.modules[at]
        actual = _module_name(module, codec)
        if not any(r.rid == _MODULETYPE_PROCEDURAL for r in module):
            raise InputTidakValid(f"Hanya modul standar yang dapat dihapus, bukan {actual}.")
        if name in modules:
            raise InputTidakValid(f"Modul VBA {name} tidak dapat dihapus sekaligus ditulis.")
        root.remove(f"VBA/{_stream_name(module, codec)}")
        del directory.modules[at]
        project_text = _project_remove_module(project_text, actual)
        wm_names = [n for n in wm_names if n.lower() != actual.lower()]

    for name, text in modules.items():
        if not _IDENTIFIER.fullmatch(name):
            raise InputTidakValid(f"Nama modul VBA tidak sah: {name!r} (huruf, angka, garis bawah; maks. 31).")
        at = find(name)
        if at is None:
            if any(n.lower() == name.lower() for n in vba.children):
                raise InputTidakValid(f"Nama modul VBA {name} bentrok dengan stream yang sudah ada.")
            module = _new_module(name, codec)
            directory.modules.append(module)
            project_text = _project_add_module(project_text, name)
            wm_names.append(name)
        else:
            module = directory.modules[at]
            if _module_name(module, codec) != name:
                raise InputTidakValid(f"Nama modul VBA {name} berbeda huruf besar/kecil dengan yang ada.")
        for record in module:
            if record.rid == _MODULEOFFSET:
                record.data = struct.pack("<I", 0)
        source = _encode_source(name, text, codec)
        root.write(f"VBA/{_stream_name(module, codec)}", _compress_source(name, source))

    if project_name is not None:
        if not _IDENTIFIER.fullmatch(project_name):
            raise InputTidakValid(f"Nama proyek VBA tidak sah: {project_name!r}.")
        for record in directory.head:
            if record.rid == _PROJECTNAME:
                record.data = project_name.encode(codec)
        project_text = _project_rename(project_text, project_name)

    if struct.unpack_from("<H", head, 2)[0] != _VERSION_INDEPENDENT:
        # Drop the compiled-state cache: 0xFFFF tells VBA to rebuild everything from source.
        head = _VBA_PROJECT_HEAD + struct.pack("<H", _VERSION_INDEPENDENT) + head[4:7]
        root.write("VBA/_VBA_PROJECT", head)

    root.write("VBA/dir", compress(directory.pack()))
    root.write("PROJECT", project_text.encode(codec))
    root.write("PROJECTwm", _pack_wm(wm_names, codec))
    return write_cfb(root)


def read_bas(path: Path | str) -> str:
    """Read a ``.bas`` file as VBA exports it (cp1252) as text for :func:`build_vba_project`."""
    return Path(path).read_bytes().decode("cp1252")
