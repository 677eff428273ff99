"""The zip layer of the pre-read check: signature, directory, and every part inflated once, capped and CRC-checked.

The file's bytes are read once; every later step (the XML scan, the template identity and the reader
itself, which gets the checked parts as a stored zip) works on those bytes, so a file that changes on
disk between the check and the read cannot slip past the check.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Mapping

from .batas import (
    BATAS_JUMLAH_BAGIAN,
    BATAS_RASIO,
    BATAS_UKURAN_BAGIAN,
    BATAS_UKURAN_TOTAL,
    RASIO_DIPERIKSA_MULAI,
    Tolak,
    mb,
    ribuan,
)

__all__ = ["Arsip", "tolak_rusak", "zip_tersimpan"]

_CFB = bytes.fromhex("D0CF11E0A1B11AE1")
_ZIP = b"PK\x03\x04"
_ZIP_KOSONG = b"PK\x05\x06"
_AKHIRAN_ASING = frozenset({".xls", ".xlsb", ".ods", ".csv", ".xml", ".htm", ".html", ".pdf", ".txt"})


def tolak_rusak(part: str) -> Tolak:
    return Tolak(
        f"tidak dapat dibaca: bagian '{part}' rusak atau terpotong (checksum atau ukurannya tidak cocok); minta "
        "berkas aslinya lagi."
    )


def _tolak_zip_rusak() -> Tolak:
    return Tolak(
        "tidak dapat dibaca: berkasnya rusak atau terpotong (mungkin belum selesai disalin atau diunduh); "
        "minta berkas aslinya lagi."
    )


class Arsip:
    """The zip directory of one file (already read into memory) and its parts, inflated on demand."""

    def __init__(self, data: bytes, akhiran: str) -> None:
        self.data = data
        self.akhiran = akhiran
        self.info: dict[str, zipfile.ZipInfo] = {}
        self.total = 0  # inflated bytes so far
        self.nama_lembar: dict[str, str] = {}  # part → sheet name, for messages
        kepala = data[:8]
        if kepala.startswith(_CFB):
            raise _tolak_cfb(data, akhiran)
        if not kepala.startswith((_ZIP, _ZIP_KOSONG)):
            raise _tolak_bukan_zip(data, akhiran)
        try:
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, struct.error) as e:
            raise _tolak_zip_rusak() from e
        self._direktori(infos)

    def cek_akhiran(self) -> None:
        """A real workbook named like another format is told to be renamed (after every other check)."""
        if self.akhiran in _AKHIRAN_ASING:
            raise Tolak(
                f"sebenarnya buku kerja Excel .xlsx yang diberi akhiran {self.akhiran}; ganti akhiran namanya menjadi "
                ".xlsx lalu coba lagi."
            )

    def _direktori(self, infos: list[zipfile.ZipInfo]) -> None:
        if len(infos) > BATAS_JUMLAH_BAGIAN:
            raise Tolak(
                f"ditolak: berisi {ribuan(len(infos))} bagian, melebihi batas {ribuan(BATAS_JUMLAH_BAGIAN)} "
                "bagian untuk satu buku kerja."
            )
        total = 0
        for i in infos:
            if i.filename.endswith("/"):
                continue
            if i.filename in self.info:  # readers disagree on which copy they take: scan one, parse the other
                raise Tolak(
                    f"ditolak: bagian '{i.filename}' muncul dua kali di dalam zip, hal yang tidak pernah dibuat Excel."
                )
            self.info[i.filename] = i
            if i.flag_bits & 0x1:
                raise Tolak(
                    f"ditolak: bagian '{i.filename}' dienkripsi di dalam zip, hal yang tidak pernah dibuat Excel "
                    "(kata sandi Excel membuat berkas terenkripsi, bukan zip terenkripsi)."
                )
            if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise Tolak(
                    f"ditolak: bagian '{i.filename}' memakai metode kompresi zip yang tidak dipakai Excel "
                    f"(metode {i.compress_type})."
                )
            total += i.file_size
            if total > BATAS_UKURAN_TOTAL:
                raise self.bom_total()
        nama = set(self.info)
        if "mimetype" in nama and "[Content_Types].xml" not in nama:
            raise Tolak(
                "berformat OpenDocument (LibreOffice/WPS, .ods), bukan buku kerja Excel; buka lalu simpan sebagai "
                ".xlsx (Excel 2007-365)."
            )
        if "[Content_Types].xml" not in nama:
            raise Tolak(
                "tidak dapat dibaca: isinya arsip zip biasa, bukan buku kerja Excel (.xlsx/.xlsm) "
                "(bagian [Content_Types].xml tidak ada)."
            )

    def cek_ukuran(self, part: str, terurai: int, mampat: int, cara: str) -> None:
        sheet = self.nama_lembar.get(part)
        label = f"lembar '{sheet}' (bagian '{part}')" if sheet else f"bagian '{part}'"
        sebab = (
            "biasanya karena baris atau kolom kosong yang terformat sampai ujung lembar, atau zip bom"
            if sheet
            else "kemungkinan zip bom"
        )
        if terurai > BATAS_UKURAN_BAGIAN:
            raise Tolak(
                f"ditolak: {label} mengembang menjadi lebih dari {mb(BATAS_UKURAN_BAGIAN)} MB saat dibuka (ukuran "
                f"{cara} {mb(terurai)} MB; batas {mb(BATAS_UKURAN_BAGIAN)} MB per bagian); {sebab}."
            )
        if terurai >= RASIO_DIPERIKSA_MULAI and terurai > BATAS_RASIO * max(mampat, 1):
            raise Tolak(
                f"ditolak: {label} dimampatkan {ribuan(terurai // max(mampat, 1))}:1, melebihi batas "
                f"{BATAS_RASIO}:1 (ciri zip bom)."
            )

    def bom_total(self) -> Tolak:
        return Tolak(
            f"ditolak: isinya mengembang menjadi lebih dari {mb(BATAS_UKURAN_TOTAL)} MB saat dibuka (batas "
            f"{mb(BATAS_UKURAN_TOTAL)} MB per berkas); kemungkinan zip bom."
        )

    def buka(self, part: str) -> bytes:
        """The inflated bytes of ``part``, in one native call, capped and CRC-checked.

        The declared sizes are not trusted: zlib is told the most it may produce (the declared size,
        the part limit or what is left of the total, whichever is smallest, plus one byte to notice a
        lie), so a bomb never allocates more than that.
        """
        i = self.info[part]
        self.cek_ukuran(part, i.file_size, i.compress_size, "tercatat")
        data = self.data
        off = i.header_offset
        if data[off : off + 4] != _ZIP or len(data) < off + 30:
            raise tolak_rusak(part)
        n, m = struct.unpack_from("<HH", data, off + 26)
        awal = off + 30 + n + m
        mampat = memoryview(data)[awal : awal + i.compress_size]
        if len(mampat) < i.compress_size:
            raise tolak_rusak(part)
        sisa_total = BATAS_UKURAN_TOTAL - self.total
        batas = min(i.file_size, BATAS_UKURAN_BAGIAN, sisa_total) + 1
        if i.compress_type == zipfile.ZIP_STORED:
            isi = bytes(mampat[:batas])
            lengkap = True
        else:
            d = zlib.decompressobj(-15)
            try:
                isi = d.decompress(mampat, batas)
            except zlib.error as e:
                raise tolak_rusak(part) from e
            lengkap = d.eof
        keluar = len(isi)
        if keluar > i.file_size:
            raise Tolak(
                f"ditolak: ukuran bagian '{part}' yang tercatat di zip ({ribuan(i.file_size)} bita) lebih kecil "
                "daripada isinya; berkas rusak atau sengaja dimanipulasi (ciri zip bom)."
            )
        if keluar > sisa_total:
            raise self.bom_total()
        if not lengkap or keluar != i.file_size or zlib.crc32(isi) != i.CRC:
            raise tolak_rusak(part)
        self.total += keluar
        return isi


def zip_tersimpan(bagian: Mapping[str, bytes]) -> bytes:
    """A zip of ``bagian`` stored without compression: the reader parses the checked bytes, inflating nothing."""
    badan: list[bytes] = []
    pusat: list[bytes] = []
    offset = 0
    for nama, isi in bagian.items():
        n = nama.encode("utf-8")
        crc = zlib.crc32(isi)
        kepala = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 0, 0, 0x21, crc, len(isi), len(isi), len(n), 0)
        pusat.append(
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0x800,
                0,
                0,
                0x21,
                crc,
                len(isi),
                len(isi),
                len(n),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + n
        )
        badan += (kepala, n, isi)
        offset += len(kepala) + len(n) + len(isi)
    cd = b"".join(pusat)
    badan += (cd, struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(pusat), len(pusat), len(cd), offset, 0))
    return b"".join(badan)


# --------------------------------------------------------------------------- not a zip


def _tolak_bukan_zip(data: bytes, akhiran: str) -> Tolak:
    contoh = data[: 8 + 4096]
    isi = contoh.lstrip(b"\xef\xbb\xbf \t\r\n")
    bukan = "bukan buku kerja Excel (.xlsx/.xlsm)"
    if contoh.startswith(b"%PDF"):
        return Tolak(f"tidak dapat dibaca: isinya dokumen PDF, {bukan}.")
    if contoh.startswith((b"\x09\x08", b"\x09\x04", b"\x09\x02")):
        return Tolak("berformat Excel lama (BIFF); buka di Excel lalu simpan sebagai buku kerja .xlsx (Save As).")
    if contoh.startswith(b"{\\rtf"):
        return Tolak(f"tidak dapat dibaca: isinya dokumen RTF, {bukan}.")
    if contoh.startswith((b"\xff\xd8\xff", b"\x89PNG", b"GIF8")):
        return Tolak(f"tidak dapat dibaca: isinya gambar, {bukan}.")
    if isi[:1] == b"<":
        return Tolak(
            f"tidak dapat dibaca: isinya halaman web atau XML, {bukan}; buka di Excel lalu simpan sebagai .xlsx."
        )
    if contoh.startswith((b"PK\x07\x08", b"PK")):
        return _tolak_zip_rusak()
    try:
        teks = contoh.decode("utf-8")
    except UnicodeDecodeError:
        teks = contoh[:-4].decode("utf-8", "replace") if len(contoh) > 4 else ""
        if "\ufffd" in teks:
            teks = ""
    if teks and sum(ch.isprintable() or ch in "\r\n\t" for ch in teks) >= 0.95 * len(teks):
        jenis = "teks berpemisah (CSV)" if akhiran == ".csv" or teks.count(";") + teks.count(",") > 3 else "teks biasa"
        return Tolak(f"tidak dapat dibaca: isinya {jenis}, {bukan}.")
    return Tolak(f"tidak dapat dibaca: isinya {bukan}.")


def _tolak_cfb(data: bytes, akhiran: str) -> Tolak:
    """An OLE compound file: encrypted OOXML, legacy .xls, or another legacy Office document."""
    dicari = {
        "enkripsi": ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le")),
        "xls": ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le")),
        "word": ("WordDocument".encode("utf-16-le"),),
        "ppt": ("PowerPoint Document".encode("utf-16-le"),),
    }
    nama = {jenis for jenis, pola in dicari.items() if any(data.find(x) != -1 for x in pola)}
    if "enkripsi" in nama:
        return Tolak(
            "dilindungi kata sandi (terenkripsi) sehingga isinya tidak dapat dibaca; buka di Excel, hapus kata "
            "sandinya (File > Info > Lindungi Buku Kerja > Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu "
            "coba lagi."
        )
    if "xls" in nama or akhiran in (".xls", ".xlt"):
        asal = "" if akhiran in (".xls", ".xlt") else f" yang diberi nama {akhiran}"
        return Tolak(
            f"berformat Excel lama (.xls){asal}; buka di Excel lalu simpan sebagai buku kerja .xlsx (Save As)."
        )
    if "word" in nama:
        return Tolak("tidak dapat dibaca: isinya dokumen Word format lama (.doc), bukan buku kerja Excel (.xlsx).")
    if "ppt" in nama:
        return Tolak("tidak dapat dibaca: isinya presentasi PowerPoint format lama, bukan buku kerja Excel (.xlsx).")
    return Tolak("tidak dapat dibaca: isinya dokumen Office format lama (OLE), bukan buku kerja Excel (.xlsx).")
