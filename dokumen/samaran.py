"""Masking of personal data in what the public sees (dokumen.md "Publication"): the published
rendition of a ruling, the public hearing calendar and its iCal feed.

One rule everywhere: the names of individual applicants (perorangan, kelompok orang) are
replaced by their initials, "Budi Santoso" -> "B. S." (the style of the API's calendar), and
their address and identity number are hidden. Public bodies are never masked: a ruling is
about what a public body did (UU 14/2008 Pasal 1 angka 3). The registrar may change a mask or
add one (a witness, an excepted passage) in the redaction review; the map chosen there is
applied to every string of the document's context, so the same person gets the same mask in
the parties' list, the identity block, the chronology and the free text.

Document text is Indonesian whatever the reader's language: masks are not translated.
"""

import re
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache

from .render.data import KopSurat, Penanda

# UU 14/2008 Pasal 1 angka 12: the applicants who are natural persons.
JENIS_DISAMARKAN = frozenset({"perorangan", "kelompok_orang"})
SAMARAN_ALAMAT = "(alamat disamarkan)"
SAMARAN_IDENTITAS = "(nomor identitas disamarkan)"
PANJANG_MIN = 2  # a one-letter "name" would mask every initial in the text


@dataclass(frozen=True)
class Samaran:
    """One entry of a masking map: what is hidden, what replaces it, and what it is."""

    asli: str
    samaran: str
    keterangan: str = ""


def inisial(nama: str) -> str:
    """'Budi Santoso' -> 'B. S.': how the public pages name an individual applicant."""
    huruf = [f"{b[0].upper()}." for b in nama.split() if b[:1].isalpha()]
    return " ".join(huruf) or "Pemohon"


def perlu_disamarkan(pihak) -> bool:
    """Only an applicant who is a natural person (or a group of them) is masked."""
    return pihak is not None and pihak.peran == "pemohon" and pihak.jenis in JENIS_DISAMARKAN


def nama_publik(pihak, peta: dict[str, str] | None = None) -> str:
    """A party's name as the public pages print it; `peta` is the map of a publication of
    the case, when there is one, so that the calendar and the ruling agree."""
    if pihak is None:
        return ""
    if not perlu_disamarkan(pihak):
        return pihak.nama
    return samarkan_teks(pihak.nama, peta) if peta else inisial(pihak.nama)


def usulan(sengketa) -> list[Samaran]:
    """The default map of a case: the individual applicant's name, address and identity
    number, and its representatives' names and addresses (a kuasa of a private person is
    often a relative, whose name would identify the applicant)."""
    hasil: list[Samaran] = []
    for pihak in sengketa.pihak.all():
        if not perlu_disamarkan(pihak):
            continue
        hasil.append(Samaran(pihak.nama, inisial(pihak.nama), "Pemohon"))
        if pihak.alamat.strip():
            hasil.append(Samaran(pihak.alamat.strip(), SAMARAN_ALAMAT, "Alamat Pemohon"))
        if pihak.nomor_identitas.strip():
            hasil.append(Samaran(pihak.nomor_identitas.strip(), SAMARAN_IDENTITAS, "Identitas"))
        for k in pihak.kuasa.all():
            hasil.append(Samaran(k.nama, inisial(k.nama), "Kuasa Pemohon"))
            if k.alamat.strip():
                hasil.append(Samaran(k.alamat.strip(), SAMARAN_ALAMAT, "Alamat Kuasa"))
    return _unik(hasil)


def _unik(daftar: list[Samaran]) -> list[Samaran]:
    lihat, hasil = set(), []
    for s in daftar:
        kunci = " ".join(s.asli.split()).casefold()
        if kunci and kunci not in lihat:
            lihat.add(kunci)
            hasil.append(s)
    return hasil


def peta_dari(daftar) -> dict[str, str]:
    """{original: mask} from Samaran rows or {"asli", "samaran"} dicts; blanks dropped."""
    peta = {}
    for s in daftar:
        asli, samar = (s.asli, s.samaran) if isinstance(s, Samaran) else (s["asli"], s["samaran"])
        asli = " ".join((asli or "").split())
        if len(asli) >= PANJANG_MIN and (samar or "").strip():
            peta[asli] = samar.strip()
    return peta


@lru_cache(maxsize=64)
def _pola(kunci: tuple[str, ...]) -> re.Pattern:
    # Longest first, one alternation, one pass: "Budi Santoso" wins over "Budi", and a mask
    # is never masked again by a later entry. Words may be split by any whitespace or a
    # comma (an address typed on two lines reads "Jl. Juanda 5, Samarinda" in a letter).
    bagian = []
    for i, asli in enumerate(kunci):
        kata = r"[\s,]+".join(re.escape(k) for k in asli.split())
        bagian.append(rf"(?P<s{i}>(?<!\w){kata}(?!\w))")
    return re.compile("|".join(bagian), re.IGNORECASE)


def samarkan_teks(teks: str, peta: dict[str, str] | None) -> str:
    if not teks or not peta:
        return teks
    kunci = tuple(sorted(peta, key=lambda a: (-len(a), a)))
    samaran = [peta[k] for k in kunci]

    def ganti(m: re.Match) -> str:
        ganti_dengan = samaran[int(m.lastgroup[1:])]
        # A heading that upper-cases the name gets the mask upper-cased too.
        return ganti_dengan.upper() if m.group(0).isupper() else ganti_dengan

    return _pola(kunci).sub(ganti, teks)


def samarkan(nilai, peta: dict[str, str]):
    """The same value with every string masked, recursively through frozen dataclasses,
    tuples and lists. The letterhead and the verification mark are the commission's and
    the publication's own, never a party's, and are left alone."""
    if isinstance(nilai, str):
        return samarkan_teks(nilai, peta)
    if isinstance(nilai, KopSurat | Penanda):
        return nilai
    if is_dataclass(nilai) and not isinstance(nilai, type):
        ubah = {f.name: samarkan(getattr(nilai, f.name), peta) for f in fields(nilai)}
        return replace(nilai, **ubah)
    if isinstance(nilai, tuple):
        return tuple(samarkan(v, peta) for v in nilai)
    if isinstance(nilai, list):
        return [samarkan(v, peta) for v in nilai]
    return nilai


def ganti_penanda(nilai, penanda: Penanda):
    """The context with the verification mark of the published rendition (its own code)."""
    if not is_dataclass(nilai):
        return nilai
    ubah = {}
    for f in fields(nilai):
        v = getattr(nilai, f.name)
        if isinstance(v, Penanda):
            ubah[f.name] = penanda
        elif is_dataclass(v) and not isinstance(v, KopSurat):
            ubah[f.name] = ganti_penanda(v, penanda)
    return replace(nilai, **ubah) if ubah else nilai
