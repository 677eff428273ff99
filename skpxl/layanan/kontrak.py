"""The JSON contract of every ``--json`` output: one versioned envelope (``"skema": "skpxl/laporan@1"``).

``skpxl validasi``, ``skpxl hitung`` (the current pack and the old packs), ``skpxl rekap --json``
and every error print one :class:`Laporan`. Counts are numbers; decimals are strings (exact, with a
``.`` decimal point, never a float that loses digits); periods are keyed by their code (``TW1``,
``S2``, ``B03``, ``AKHIR``); timestamps carry their UTC offset. The JSON Schema in
``docs/skema/`` is generated from these models (:func:`skema_json`, written by the one build) and
every output is validated against it in the tests. A change that breaks a consumer raises the
number after ``@``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from skpxl.core.enums import Tingkat
from skpxl.core.hitung import HasilHitung, HasilPeriode
from skpxl.core.numbers import bulat
from skpxl.core.packs import InfoPaket
from skpxl.core.temuan import Temuan
from skpxl.core.versi import __version__

SKEMA: Final = "skpxl/laporan@1"
NAMA_BERKAS_SKEMA = "laporan-1.schema.json"

Desimal = Annotated[
    str,
    Field(
        pattern=r"^-?[0-9]+(\.[0-9]+)?$",
        description="Bilangan desimal sebagai teks (titik desimal, tanpa pemisah ribuan): tidak ada digit yang hilang.",
    ),
]
TingkatTemuan = Literal["Kesalahan", "Peringatan", "Info"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class JsonTemuan(_Model):
    """One finding: stable code, severity, place and an Indonesian sentence."""

    kode: str
    tingkat: TingkatTemuan
    lembar: str | None
    sel: str | None
    nilai: str | None = Field(description="Isi sel yang bermasalah (paling banyak 80 karakter).")
    pesan: str
    berkas: str | None = Field(default=None, description="Berkas sumber (hanya pada rekap), relatif ke folder.")


class JsonJumlah(_Model):
    kesalahan: int = Field(ge=0)
    peringatan: int = Field(ge=0)
    info: int = Field(ge=0)


class JsonPaket(_Model):
    id: str
    versi: str
    judul: str
    stempel: str = Field(description='Yang ditulis ke buku kerja, mis. "permenpanrb-6-2022 v1.0.0".')


class JsonIki(_Model):
    rhk: int = Field(ge=1, description="Nomor urut RHK (mulai 1).")
    iki: int = Field(ge=1, description="Nomor urut IKI di dalam RHK (mulai 1).")
    capaian: Desimal | None = Field(description="Capaian dalam persen, dibulatkan setengah ke atas 2 desimal.")
    kategori: str | None
    penjelasan: str


class JsonRhk(_Model):
    rhk: int = Field(ge=1)
    jenis: str
    kategori: str | None
    penjelasan: str


class JsonPeriode(_Model):
    """The results of one evaluation period (the key in ``periode`` is its code)."""

    label: str
    iki: list[JsonIki]
    rhk: list[JsonRhk]
    usulan_rating_hasil_kerja: str | None
    penjelasan_usulan: str | None
    rating_hasil_kerja: str | None
    penjelasan_hasil_kerja: str | None
    rating_perilaku: str | None
    penjelasan_perilaku: str | None
    predikat: str | None
    penjelasan_predikat: str | None
    angka_kredit: Desimal | None
    penjelasan_angka_kredit: str | None


class JsonBarisLama(_Model):
    nomor: int
    baris: int = Field(description="Nomor baris Excel.")
    lembar: str
    nama: str | None
    nilai: dict[str, Desimal | None]
    penjelasan: str | None


class JsonPenjelasan(_Model):
    bagian: str
    sel: str | None
    teks: str


class JsonHasilLama(_Model):
    """A workbook in an old layout computed with an old pack (``pp-46-2011``, ``permenpanrb-8-2021``)."""

    template: dict[str, str | None] = Field(description="Kunci: id dan versi templat lama.")
    identitas: dict[str, str | None]
    baris: list[JsonBarisLama]
    total: dict[str, str | None] = Field(description="Sel hasil bernama; bilangan sebagai teks desimal.")
    nilai: Desimal | None
    sebutan: str | None
    lengkap: bool
    penjelasan: list[JsonPenjelasan]


class JsonPegawaiRekap(_Model):
    berkas: str
    nip: str | None
    nama: str | None
    jabatan: str | None
    jenis_jabatan: str | None
    jenjang: str | None
    unit_kerja: str | None
    periode: str
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat: str | None
    angka_kredit: Desimal | None
    jumlah: JsonJumlah


class JsonUnitRekap(_Model):
    unit_kerja: str
    predikat_organisasi: str | None
    jumlah_per_predikat: dict[str, int] = Field(description="Kunci: label resmi predikat.")
    jumlah: int = Field(ge=0, description="Pegawai berpredikat (dasar kurva distribusi).")
    tanpa_predikat: int = Field(ge=0)
    kurva_sesuai: bool | None = Field(description="null bila capaian kinerja organisasi tidak diketahui.")
    pelanggaran: list[str]


class JsonBerkasRekap(_Model):
    berkas: str
    alasan: str


class JsonPenilaiRekap(_Model):
    """One pejabat penilai: the Penilai sheet of the recap."""

    nip_penilai: str | None
    nama_penilai: str | None
    pegawai: int = Field(ge=0, description="Pegawai yang dinilai (dihitung).")
    rating_di_atas: int = Field(ge=0, description="Rating hasil kerja Di Atas Ekspektasi yang diberikan penilai.")
    rating_sesuai: int = Field(ge=0)
    rating_di_bawah: int = Field(ge=0)
    rating_belum_diberi: int = Field(ge=0, description="Pegawai yang rating hasil kerjanya belum diisi penilai.")
    sama_usulan: int = Field(ge=0, description="Rating penilai sama dengan usulan skpxl.")
    di_atas_usulan: int = Field(ge=0)
    di_bawah_usulan: int = Field(ge=0)
    periode_berrealisasi: int = Field(ge=0, description="Pasangan pegawai-periode yang realisasinya terisi.")
    periode_umpan_balik: int = Field(ge=0, description="… di antaranya yang ada umpan baliknya.")
    porsi_umpan_balik: str | None = Field(description="periode_umpan_balik / periode_berrealisasi, desimal 4 tempat.")
    berkas_bertemuan: int = Field(ge=0, description="Berkas dengan sedikitnya satu Kesalahan atau Peringatan.")
    temuan: list[str] = Field(description="Kode temuan tentang penilai ini (rinciannya di daftar temuan).")


class JsonPemantauanRekap(_Model):
    """One unit and period: the Pemantauan sheet of the recap."""

    unit_kerja: str
    periode: str = Field(description="Kode periode (TW1, S2, B03, AKHIR).")
    label: str
    pegawai: int = Field(ge=0)
    realisasi: int = Field(ge=0, description="Pegawai yang realisasinya terisi.")
    dinilai: int = Field(ge=0, description="Pegawai yang sudah diberi rating.")
    umpan_balik: int = Field(ge=0, description="Pegawai yang diberi umpan balik (IKI atau nilai inti).")
    predikat: int = Field(ge=0, description="Pegawai yang predikatnya sudah dapat ditetapkan.")


class JsonPengembanganRekap(_Model):
    """One line of the Kebutuhan Pengembangan list (input for the training-needs analysis)."""

    berkas: str
    nip: str | None
    nama: str | None
    jabatan: str | None
    unit_kerja: str
    nama_penilai: str | None
    predikat: str | None
    alasan: str
    nilai_inti: str | None
    umpan_balik: str | None
    catatan: str | None


class JsonRekap(_Model):
    folder: str
    periode: str
    jumlah_berkas: int = Field(ge=0, description="Berkas yang dibaca.")
    jumlah_pegawai: int = Field(ge=0, description="Orang yang dihitung (berkas ganda dihitung sekali).")
    unit: list[JsonUnitRekap]
    pegawai: list[JsonPegawaiRekap]
    bermasalah: list[JsonBerkasRekap]
    ganda: list[JsonBerkasRekap] = Field(description="Berkas yang tidak dihitung karena orangnya sudah dihitung.")
    penilai: list[JsonPenilaiRekap] = Field(description="Lembar Penilai: satu baris per pejabat penilai.")
    pemantauan: list[JsonPemantauanRekap] = Field(description="Lembar Pemantauan: per unit kerja dan periode.")
    kebutuhan_pengembangan: list[JsonPengembanganRekap] = Field(description="Lembar Kebutuhan Pengembangan.")


class Laporan(_Model):
    """The envelope of every ``--json`` output."""

    skema: Literal["skpxl/laporan@1"] = SKEMA
    versi_skpxl: str
    perintah: Literal["validasi", "hitung", "rekap"]
    waktu: AwareDatetime
    kode_keluar: int = Field(ge=0, description="0 bersih, 1 ada Kesalahan/kurva dilanggar, 2 masukan tak terpakai.")
    berkas: str | None = Field(description="Berkas (validasi/hitung) atau folder (rekap) masukan.")
    ditulis_ke: str | None = None
    cadangan: str | None = None
    paket: JsonPaket | None = None
    jumlah: JsonJumlah
    temuan: list[JsonTemuan]
    periode: dict[str, JsonPeriode] | None = Field(
        default=None, description="Hasil hitung paket PermenPANRB 6/2022 per kode periode (TW1, S2, B03, AKHIR)."
    )
    lama: JsonHasilLama | None = None
    rekap: JsonRekap | None = None
    galat: str | None = Field(default=None, description="Satu kalimat bila masukan tidak dapat dipakai (kode 2).")


def teks_desimal(d: Decimal | None) -> str | None:
    """``Decimal`` → plain decimal text (never exponent notation)."""
    return None if d is None else f"{d:f}"


def json_temuan(t: Temuan, berkas: str | None = None) -> JsonTemuan:
    return JsonTemuan(
        kode=t.kode, tingkat=t.tingkat.value, lembar=t.lembar, sel=t.sel, nilai=t.nilai, pesan=t.pesan, berkas=berkas
    )


def jumlah_temuan(tingkat: Sequence[str]) -> JsonJumlah:
    c = Counter(tingkat)
    return JsonJumlah(kesalahan=c[Tingkat.ERROR.value], peringatan=c[Tingkat.WARNING.value], info=c[Tingkat.INFO.value])


def json_paket(p: InfoPaket) -> JsonPaket:
    return JsonPaket(id=p.id, versi=p.versi, judul=p.judul, stempel=p.stempel)


def _label(x: object) -> str | None:
    return None if x is None else str(x)


def json_periode(hp: HasilPeriode) -> JsonPeriode:
    return JsonPeriode(
        label=hp.periode.label,
        iki=[
            JsonIki(
                rhk=h.rhk + 1,
                iki=h.iki + 1,
                capaian=None if h.capaian is None else teks_desimal(bulat(h.capaian)),
                kategori=_label(h.kategori),
                penjelasan=h.penjelasan,
            )
            for h in hp.iki
        ],
        rhk=[
            JsonRhk(rhk=h.rhk + 1, jenis=h.jenis.value, kategori=_label(h.kategori), penjelasan=h.penjelasan)
            for h in hp.rhk
        ],
        usulan_rating_hasil_kerja=_label(hp.usulan.rating if hp.usulan else None),
        penjelasan_usulan=hp.usulan.penjelasan if hp.usulan else None,
        rating_hasil_kerja=_label(hp.rating_hasil_kerja),
        penjelasan_hasil_kerja=hp.penjelasan_hasil_kerja or None,
        rating_perilaku=_label(hp.rating_perilaku),
        penjelasan_perilaku=hp.penjelasan_perilaku or None,
        predikat=_label(hp.predikat),
        penjelasan_predikat=hp.penjelasan_predikat or None,
        angka_kredit=teks_desimal(hp.angka_kredit),
        penjelasan_angka_kredit=hp.penjelasan_angka_kredit or None,
    )


def laporan_buku(
    perintah: Literal["validasi", "hitung"],
    berkas: str,
    paket: InfoPaket,
    temuan: Sequence[Temuan],
    hasil: HasilHitung | None,
    waktu: datetime,
    *,
    kode_keluar: int,
    ditulis_ke: str | None = None,
    cadangan: str | None = None,
) -> Laporan:
    """The envelope of one Validasi/Hitung run with the current pack."""
    return Laporan(
        versi_skpxl=__version__,
        perintah=perintah,
        waktu=waktu.astimezone(),
        kode_keluar=kode_keluar,
        berkas=berkas,
        ditulis_ke=ditulis_ke,
        cadangan=cadangan,
        paket=json_paket(paket),
        jumlah=jumlah_temuan([t.tingkat.value for t in temuan]),
        temuan=[json_temuan(t) for t in temuan],
        periode=None if hasil is None else {k: json_periode(hp) for k, hp in hasil.periode.items()},
    )


def laporan_galat(
    perintah: Literal["validasi", "hitung", "rekap"], berkas: str | None, pesan: str, waktu: datetime
) -> Laporan:
    """The envelope of an unusable input (exit code 2)."""
    return Laporan(
        versi_skpxl=__version__,
        perintah=perintah,
        waktu=waktu.astimezone(),
        kode_keluar=2,
        berkas=berkas,
        jumlah=JsonJumlah(kesalahan=0, peringatan=0, info=0),
        temuan=[],
        galat=pesan,
    )


def ke_data(lap: Laporan) -> dict[str, Any]:
    """The envelope as JSON-ready data (``waktu`` as ISO 8601 with offset)."""
    return lap.model_dump(mode="json")


def skema_json() -> str:
    """The JSON Schema of :class:`Laporan`, as committed in ``docs/skema/``."""
    skema = Laporan.model_json_schema(mode="serialization")
    skema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:skpxl:laporan:1",
        **skema,
    }
    return json.dumps(skema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
