"""The staff back office (kantor): task lists, case pages, deadlines, intake.

Thin like the API: reads go through `sengketa.selectors` and `workflows.kantor.selectors`,
every change through a `workflows.layanan` service.
"""
