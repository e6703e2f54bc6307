import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from sengketa.models import BadanPublik, Keanggotaan, KomisiInformasi


class KomisiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KomisiInformasi
        django_get_or_create = ("kode",)

    kode = "KIP-KALTIM"
    nama = "Komisi Informasi Provinsi Kalimantan Timur"
    tingkat = "provinsi"
    zona_waktu = "Asia/Makassar"
    kota = "Samarinda"
    template_nomor_register = "{seq:03}/REG-PSI/KI-KALTIM/{bulan_romawi}/{tahun}"
    template_nomor_surat = "{seq:03}/PANG/KI-KALTIM/{bulan_romawi}/{tahun}"


class BadanPublikFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BadanPublik

    komisi = factory.SubFactory(KomisiFactory)
    nama = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    kategori = "perangkat_daerah"
    alamat = "Jl. Gajah Mada No. 2, Samarinda"


class PenggunaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"pengguna{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("rahasia-uji-123")


def pengguna_dengan_peran(komisi, *peran: str, username: str | None = None):
    """A user holding the given role groups, working for `komisi` (None: a party account)."""
    kw = {"username": username} if username else {}
    pengguna = PenggunaFactory(**kw)
    for nama in peran:
        pengguna.groups.add(Group.objects.get_or_create(name=nama)[0])
    if komisi is not None:
        Keanggotaan.objects.get_or_create(komisi=komisi, pengguna=pengguna)
    return pengguna
