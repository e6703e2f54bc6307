"""The status of a case in plain words for the parties: a short title and what it means for
them now (siklus-sengketa.md §2). The applicant and the respondent are told different things
only where they have different things to do."""

from django.utils.translation import gettext_lazy as _

from sengketa.models import StatusSengketa as S

JUDUL = {
    S.DITERIMA: _("Received, being checked"),
    S.MENUNGGU_KELENGKAPAN: _("Waiting for missing documents"),
    S.TIDAK_DIREGISTRASI: _("Not registered"),
    S.TEREGISTRASI: _("Registered"),
    S.PEMERIKSAAN_AWAL: _("Preliminary examination"),
    S.MEDIASI: _("Mediation"),
    S.AJUDIKASI: _("Adjudication (examination of evidence)"),
    S.MUSYAWARAH: _("The panel is deliberating"),
    S.DIPUTUS: _("Ruling read"),
    S.KEBERATAN_PENGADILAN: _("Objection in court"),
    S.BERKEKUATAN_HUKUM_TETAP: _("Final and binding"),
    S.SELESAI_MEDIASI: _("Settled by mediation"),
    S.TIDAK_DITERIMA: _("Not admissible"),
    S.DILIMPAHKAN: _("Transferred to another commission"),
    S.DICABUT: _("Withdrawn"),
    S.GUGUR: _("Lapsed"),
}

PENJELASAN = {
    S.DITERIMA: _(
        "The registry received the application and is checking that the file is complete."
        " The applicant is told if something is missing."
    ),
    S.TIDAK_DIREGISTRASI: _(
        "The missing documents were not handed in on time, so the application was not"
        " registered. The case is closed."
    ),
    S.TEREGISTRASI: _(
        "The application is entered in the register book. The chair of the commission will"
        " appoint the panel of commissioners that examines it."
    ),
    S.PEMERIKSAAN_AWAL: _(
        "The panel checks whether the commission may hear the dispute, whether both parties"
        " have standing and whether the application came in time. Attend the hearings you"
        " are summoned to."
    ),
    S.MEDIASI: _(
        "The parties try to reach an agreement with the help of a mediator from the"
        " commission. Attend the mediation sessions you are summoned to."
    ),
    S.AJUDIKASI: _(
        "The panel examines the evidence and hears the parties and witnesses, then decides."
        " Attend the hearings you are summoned to."
    ),
    S.MUSYAWARAH: _(
        "The examination is closed. The panel deliberates and will read its ruling at a"
        " hearing the parties are summoned to."
    ),
    S.DIPUTUS: _(
        "The panel has ruled. A party that disagrees may object in court (administrative or"
        " district court) within the objection period after receiving its copy of the"
        " ruling; after that the ruling is final."
    ),
    S.KEBERATAN_PENGADILAN: _(
        "A party objected to the ruling in court. The court's decision will be recorded here."
    ),
    S.BERKEKUATAN_HUKUM_TETAP: _("The ruling can no longer be challenged and must be carried out."),
    S.SELESAI_MEDIASI: _(
        "The parties reached an agreement, made binding by a mediation ruling. It must be"
        " carried out as agreed."
    ),
    S.TIDAK_DITERIMA: _(
        "The panel decided in an interlocutory ruling that the application cannot be examined"
        " further. The case is closed."
    ),
    S.DILIMPAHKAN: _(
        "The case was transferred to the information commission that is competent for it,"
        " which continues it."
    ),
    S.DICABUT: _("The applicant withdrew the application. The case is closed."),
    S.GUGUR: _(
        "The applicant was absent twice without a valid reason after being properly"
        " summoned, so the application lapsed. The case is closed."
    ),
}

KELENGKAPAN_PEMOHON = _(
    "Your file is incomplete. Missing: %(kekurangan)s. Hand it in to the registry by"
    " %(batas)s; after that date the application is not registered."
)
KELENGKAPAN_PEMOHON_TANPA_BATAS = _(
    "Your file is incomplete. Missing: %(kekurangan)s. Hand it in to the registry as soon as"
    " possible."
)
KELENGKAPAN_TERMOHON = _(
    "The registry asked the applicant to complete the file before it can be registered."
)


def judul(status: str) -> str:
    return str(JUDUL.get(status, status))


def penjelasan(status: str, *, pemohon: bool, kekurangan: str = "", batas: str = "") -> str:
    if status == S.MENUNGGU_KELENGKAPAN:
        if not pemohon:
            return str(KELENGKAPAN_TERMOHON)
        teks = KELENGKAPAN_PEMOHON if batas else KELENGKAPAN_PEMOHON_TANPA_BATAS
        return str(teks) % {"kekurangan": kekurangan or "—", "batas": batas}
    return str(PENJELASAN.get(status, ""))
