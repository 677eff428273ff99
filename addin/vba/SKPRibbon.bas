Attribute VB_Name = "SKPRibbon"
Option Explicit
' Ribbon callbacks of the skpxl add-in (tab "SKP"). They work on the ACTIVE workbook: the add-in's
' xlwings module (xlwings_custom_addin.bas) runs Python with --wb=ActiveWorkbook.Name (or sets
' BOOK_CALLER to ActiveWorkbook with "USE UDF SERVER"), so xw.Book.caller() in skpxl.xl is the
' workbook the user is looking at, which can stay a macro-free .xlsx.

Sub SkpValidasi(control As IRibbonControl)
    If AdaBukuAktif() Then RunPython "import skpxl.xl as x; x.validasi()"
End Sub

Sub SkpHitung(control As IRibbonControl)
    If AdaBukuAktif() Then RunPython "import skpxl.xl as x; x.hitung()"
End Sub

Sub SkpBantuan(control As IRibbonControl)
    MsgBox "Tab SKP bekerja pada buku kerja SKP yang sedang aktif." & vbCrLf & vbCrLf & _
           "Validasi: memeriksa isian formulir; temuan ditandai di sel dan dirangkum di lembar ""Hasil Validasi""." & vbCrLf & _
           "Hitung: mengisi capaian dan predikat kinerja dari isian formulir." & vbCrLf & vbCrLf & _
           "Petunjuk pemasangan (Python, skpxl, add-in) dan pemecahan masalah ada di berkas README skpxl.", _
           vbInformation, "Bantuan SKP"
End Sub

Private Function AdaBukuAktif() As Boolean
    ' RunPython reads ActiveWorkbook.FullName: with no workbook open it would stop with a VBA error.
    AdaBukuAktif = Not (ActiveWorkbook Is Nothing)
    If Not AdaBukuAktif Then
        MsgBox "Buka dulu berkas SKP yang ingin diproses, lalu klik tombol ini lagi.", vbExclamation, "SKP"
    End If
End Function
