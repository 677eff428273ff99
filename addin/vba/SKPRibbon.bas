Attribute VB_Name = "SKPRibbon"
Option Explicit
' Ribbon callbacks of the skpxl add-in (tab "SKP"). They work on the ACTIVE workbook: the add-in's
' xlwings module runs Python with --wb=ActiveWorkbook.Name (or sets BOOK_CALLER to ActiveWorkbook with
' "USE UDF SERVER"), so xw.Book.caller() in skpxl.xl is the workbook the user is looking at, which can stay
' a macro-free .xlsx. That workbook is never trusted: the xlwings module reads its settings only from this
' add-in and the user's own config file (addin/vba/xlwings_aman.bas), and BukuAktifSiap (SKPPeriksa) refuses
' a workbook carrying xlwings settings or code before anything runs.

Sub SkpValidasi(control As IRibbonControl)
    If Not BukuAktifSiap() Then Exit Sub
    IzinkanKode ActiveWorkbook
    RunPython "import skpxl.xl as x; x.validasi()"
End Sub

Sub SkpHitung(control As IRibbonControl)
    If Not BukuAktifSiap() Then Exit Sub
    IzinkanKode ActiveWorkbook
    RunPython "import skpxl.xl as x; x.hitung()"
End Sub

Sub SkpBantuan(control As IRibbonControl)
    MsgBox "Tab SKP bekerja pada buku kerja SKP yang sedang aktif (versi skpxl " & VERSI_SKPXL & ")." & vbCrLf & vbCrLf & _
           "Validasi: memeriksa isian formulir; temuan ditandai di sel dan dirangkum di lembar ""Hasil Validasi""." & vbCrLf & _
           "Hitung: mengisi capaian dan predikat kinerja dari isian formulir." & vbCrLf & vbCrLf & _
           "Demi keamanan, tab SKP tidak memproses buku kerja yang memuat lembar pengaturan xlwings " & _
           "(skpxl.conf, xlwings.conf) atau lembar kode (*.py)." & vbCrLf & vbCrLf & _
           "Petunjuk pemasangan (Python, skpxl, add-in) dan pemecahan masalah ada di berkas README skpxl.", _
           vbInformation, "Bantuan SKP"
End Sub

Private Sub IzinkanKode(wb As Workbook)
    ' Staff files keep their sheet protection (no password): people are guided, not locked out. Re-applying
    ' it with UserInterfaceOnly lets code write the computed cells while typing into them stays blocked.
    ' Every permission the sheet had is passed back (all Allow... flags, drawing objects, scenarios), so a
    ' click never takes one away. Excel does not save UserInterfaceOnly, so the file reopens with its normal
    ' protection. A sheet with a password is left alone (Protect fails and is skipped); Python then reports
    ' the refused write in one sentence.
    Dim ws As Worksheet
    On Error Resume Next
    For Each ws In wb.Worksheets
        If ws.ProtectContents Then
            With ws.Protection
                ws.Protect Password:="", DrawingObjects:=ws.ProtectDrawingObjects, Contents:=True, _
                    Scenarios:=ws.ProtectScenarios, UserInterfaceOnly:=True, _
                    AllowFormattingCells:=.AllowFormattingCells, AllowFormattingColumns:=.AllowFormattingColumns, _
                    AllowFormattingRows:=.AllowFormattingRows, AllowInsertingColumns:=.AllowInsertingColumns, _
                    AllowInsertingRows:=.AllowInsertingRows, AllowInsertingHyperlinks:=.AllowInsertingHyperlinks, _
                    AllowDeletingColumns:=.AllowDeletingColumns, AllowDeletingRows:=.AllowDeletingRows, _
                    AllowSorting:=.AllowSorting, AllowFiltering:=.AllowFiltering, _
                    AllowUsingPivotTables:=.AllowUsingPivotTables
            End With
        End If
    Next ws
    On Error GoTo 0
End Sub
