"""The one build of every committed artifact (``python -m skpxl.bangun``): templates, the example unit, the legacy
forms, the macro template and the add-in, docs/layout.md. See :mod:`skpxl.bangun.semua`."""
