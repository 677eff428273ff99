"""Rule packs: versioned data + pure functions, one per regulation regime (spec §1)."""

from __future__ import annotations

from dataclasses import dataclass

from skpxl.core.errors import InputTidakValid


@dataclass(frozen=True)
class InfoPaket:
    """Identity of a rule pack, stamped into every output."""

    id: str
    versi: str
    judul: str
    dasar_hukum: str

    @property
    def stempel(self) -> str:
        return f"{self.id} v{self.versi}"

    def stempel_dengan(self, opsi: tuple[str, ...] | list[str]) -> str:
        """The stamp plus the non-default options used ("… · opsi: kurva_minimal_pegawai=5 (kebijakan instansi)")."""
        return f"{self.stempel} · opsi: {'; '.join(opsi)}" if opsi else self.stempel


PAKET_BAKU = "permenpanrb-6-2022"


def daftar_paket() -> dict[str, InfoPaket]:
    """All packs by id, the current one first."""
    from skpxl.core.packs import permenpanrb_8_2021 as p8
    from skpxl.core.packs import pp_46_2011 as p46
    from skpxl.core.packs.permenpanrb_6_2022 import INFO

    paket = {INFO.id: INFO}
    for mod in (p8, p46):
        paket[mod.PACK_ID] = InfoPaket(mod.PACK_ID, mod.VERSI, mod.JUDUL, mod.DASAR_HUKUM)
    return paket


def info_paket(paket_id: str) -> InfoPaket:
    paket = daftar_paket()
    if paket_id not in paket:
        import difflib

        mirip = difflib.get_close_matches(paket_id, list(paket), n=1)
        saran = f" Mungkin maksud Anda '{mirip[0]}'?" if mirip else ""
        raise InputTidakValid(f"Paket aturan '{paket_id}' tidak dikenal.{saran} Pilihan: {', '.join(sorted(paket))}.")
    return paket[paket_id]
