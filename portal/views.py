"""The portal's front page: where a party files and follows a case, where the public looks."""

from django.shortcuts import render

from sengketa.models import KomisiInformasi


def beranda(request):
    komisi = KomisiInformasi.objects.order_by("nama")
    return render(request, "portal/beranda.html", {"daftar_komisi": komisi})
