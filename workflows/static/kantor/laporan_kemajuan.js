/* Annual report progress (kantor/statistik_laporan.html), without a library: poll the status
   every 2 s, reload once it changes. A static file, not inline: the CSP allows no inline script. */
(function () {
  var kotak = document.getElementById("kemajuan-laporan");
  if (!kotak || kotak.dataset.status !== "menunggu") { return; }
  var batang = document.getElementById("kemajuan-batang");
  var teks = document.getElementById("kemajuan-teks");
  function tanya() {
    fetch(kotak.dataset.url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (d) {
        if (d.status !== "menunggu") { window.location.reload(); return; }
        batang.value = d.persen;
        batang.textContent = d.persen + " %";
        teks.dataset.persen = d.persen;
        setTimeout(tanya, 2000);
      })
      .catch(function () { setTimeout(tanya, 5000); });
  }
  setTimeout(tanya, 2000);
})();
