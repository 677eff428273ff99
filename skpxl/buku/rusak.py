"""One Indonesian sentence for a workbook a reader cannot parse although it passed the pre-read checks.

The readers (openpyxl, the native calamine reader) fail on damaged content with their own English
messages or bare exceptions (an ``IndexError`` for a style number that does not exist, ``int('NaN')``
for a number cell holding ``NaN``); :func:`sebab_rusak` names what is wrong in words an HR officer
can act on, and the file is reported, never a traceback or "laporkan ke pengelola".
"""

from __future__ import annotations

from xml.etree.ElementTree import ParseError
from zipfile import BadZipFile

__all__ = ["SARAN", "sebab_rusak"]

SARAN = "buka berkasnya di Excel lalu simpan ulang, atau salin isiannya ke templat SKP yang baru"


def _rantai(e: BaseException) -> list[BaseException]:
    hasil: list[BaseException] = []
    while e is not None and e not in hasil and len(hasil) < 10:
        hasil.append(e)
        e = e.__cause__ or e.__context__  # type: ignore[assignment]
    return hasil


def sebab_rusak(e: BaseException | str) -> str | None:
    """What is damaged, in Indonesian, or None when the error is not one of the known kinds of damage."""
    rantai = [e] if isinstance(e, str) else _rantai(e)
    teks = " ".join(str(x) for x in rantai).lower()
    jenis = [] if isinstance(e, str) else rantai
    if "codepoint" in teks or "invalid character number" in teks or "character reference" in teks:
        return "memuat rujukan karakter XML yang tidak sah (mis. &#x110000;)"
    if "utf-8" in teks or "utf8" in teks or "decode" in teks or any(isinstance(x, UnicodeError) for x in jenis):
        return "memuat teks yang bukan UTF-8 yang sah di dalam salah satu bagiannya"
    if "invalid literal for int()" in teks or "could not convert string to float" in teks or "nan" in teks.split("'"):
        return "memuat sel angka yang isinya bukan angka (mis. 'NaN')"
    if any(isinstance(x, ParseError) for x in jenis) or "not well-formed" in teks or "xml" in teks:
        return "memuat XML yang rusak"
    if any(isinstance(x, IndexError) for x in jenis) or "style" in teks:
        return "merujuk format sel (gaya) yang tidak ada"
    if any(isinstance(x, (KeyError, BadZipFile)) for x in jenis):
        return "tidak lengkap: bagian yang dirujuk isinya tidak ada"
    return None
