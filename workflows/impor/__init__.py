"""Import of an existing register book (issue 7): a spreadsheet as commissions keep it today
becomes historical cases, entered through the services with their effective dates.

    baca.py      the file: XLSX (read-only) or CSV (encoding and delimiter sniffed)
    kolom.py     which column is which field (detected from the headers, changeable)
    nilai.py     one cell -> a value (Indonesian dates, lists of names, hearings, ...)
    rencana.py   the dry run: each row -> the steps that reach its final state, or the
                 reasons it is rejected; nothing is written
    jalankan.py  the import: each row in its own transaction, through workflows.layanan

The columns and cell formats are those of the register export (sengketa/register.py), so
an exported register imports back into another commission unchanged.
"""
