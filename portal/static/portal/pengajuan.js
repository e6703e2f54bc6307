/* Online filing: progressive enhancement only (the form works without it).
   A file over the per-file limit is refused in the browser before it is sent, which saves
   the applicant's data plan; the server checks every file again anyway. No dependencies. */
(function () {
  "use strict";
  var form = document.querySelector("form.pengajuan");
  if (!form) { return; }
  var maks = parseInt(form.getAttribute("data-maks-berkas"), 10) || 0;
  var kotak = form.querySelector(".js-galat");
  function mb(n) { return (n / 1048576).toFixed(1).replace(".", ",") + " MB"; }
  form.addEventListener("change", function (e) {
    var input = e.target;
    if (!input || input.type !== "file" || !maks || !kotak) { return; }
    var besar = [];
    for (var i = 0; i < input.files.length; i++) {
      if (input.files[i].size > maks) { besar.push(input.files[i].name); }
    }
    if (!besar.length) { kotak.textContent = ""; return; }
    input.value = "";
    kotak.textContent = kotak.getAttribute("data-pesan-besar")
      .replace("[nama]", besar.join(", ")).replace("[batas]", mb(maks));
    input.focus();
  });
}());
