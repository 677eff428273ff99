"""The workbook layer: the template layout, reading and writing the form, rendering results, the adapters, the
template builder, the pre-read safety checks and atomic file writes. Imports only :mod:`skpxl.core`."""
