"""Typed errors of the procedure. The UI and the API show `pesan` as it is (Indonesian when
the `id` language is active) and map the type to a status code (400/403/409)."""

from django.utils.translation import gettext_lazy as _


class KesalahanProsedur(Exception):
    """Base class. `kode` is stable (tests and clients may rely on it); `pesan` is for people."""

    kode = "kesalahan"

    def __init__(self, pesan, *, kode: str | None = None, **data):
        self.pesan = pesan
        if kode:
            self.kode = kode
        self.data = data
        super().__init__(str(pesan))

    def __str__(self) -> str:
        return str(self.pesan)


class TransisiTidakDiizinkan(KesalahanProsedur):
    """The transition does not start from the case's current status (HTTP 409)."""

    kode = "transisi_tidak_diizinkan"

    def __init__(self, *, transisi: str, status: str):
        super().__init__(
            _("'%(transisi)s' cannot be done while the case is '%(status)s'.")
            % {"transisi": transisi, "status": status},
            transisi=transisi,
            status=status,
        )
        self.transisi = transisi
        self.status = status


class PrasyaratTidakTerpenuhi(KesalahanProsedur):
    """A precondition of the procedure is not met (HTTP 409). `alasan`: [(kode, pesan)]."""

    kode = "prasyarat_tidak_terpenuhi"

    def __init__(self, alasan: list[tuple[str, object]], *, transisi: str = "", status: str = ""):
        self.alasan = alasan
        self.transisi = transisi
        self.status = status
        super().__init__(" ".join(str(pesan) for _kode, pesan in alasan), transisi=transisi)

    @property
    def kode_alasan(self) -> list[str]:
        return [kode for kode, _pesan in self.alasan]


class TidakBerwenang(KesalahanProsedur):
    """This user may not do this on this case: role, commission or assignment (HTTP 403)."""

    kode = "tidak_berwenang"


class ParameterTidakValid(KesalahanProsedur):
    """Bad input (HTTP 400). `galat`: {field: [messages]}."""

    kode = "parameter_tidak_valid"

    def __init__(self, galat: dict[str, list]):
        self.galat = galat
        pesan = "; ".join(
            f"{medan}: {' '.join(map(str, daftar))}" for medan, daftar in galat.items()
        )
        super().__init__(pesan)


class KonflikBersamaan(KesalahanProsedur):
    """Someone else changed the case at the same moment; reload and try again (HTTP 409)."""

    kode = "konflik_bersamaan"

    def __init__(self):
        super().__init__(_("The case was changed by someone else at the same time; reload it."))


def tidak_valid(medan: str, pesan) -> ParameterTidakValid:
    return ParameterTidakValid({medan: [pesan]})
