"""The pure rules core: models, rule packs, validation and calculation.

Nothing under this package may import xlwings, openpyxl, pandas or calamine;
``tests/test_core_isolation.py`` checks that in a fresh interpreter.
"""
