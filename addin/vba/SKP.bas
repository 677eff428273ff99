Attribute VB_Name = "SKP"
Option Explicit
' Buttons of the SKP macro template. Each macro only hands over to Python (skpxl) through
' xlwings' RunPython; the xlwings module of this workbook passes ThisWorkbook, so
' xw.Book.caller() in skpxl.xl is the template itself. PythonSiap (SKPPeriksa) first checks that the
' configured Python, skpxl and xlwings are there and recent enough, in one Indonesian sentence if not.

Sub Validasi()
    If Not PythonSiap(False) Then Exit Sub
    RunPython "import skpxl.xl as x; x.validasi()"
End Sub

Sub Hitung()
    If Not PythonSiap(False) Then Exit Sub
    RunPython "import skpxl.xl as x; x.hitung()"
End Sub
