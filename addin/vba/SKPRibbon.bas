Attribute VB_Name = "SKPRibbon"
Option Explicit
' Ribbon callbacks of the skpxl add-in (tab "SKP"). They work on the ACTIVE workbook: the add-in's
' xlwings module (xlwings_custom_addin.bas) runs Python with --wb=ActiveWorkbook.Name (or sets
' BOOK_CALLER to ActiveWorkbook with "USE UDF SERVER"), so xw.Book.caller() in skpxl.xl is the
' workbook the user is looking at, which can stay a macro-free .xlsx.

Sub SkpValidasi(control As IRibbonControl)
    If Not AdaBukuAktif() Then Exit Sub
    IzinkanKode ActiveWorkbook
    RunPython "import skpxl.xl as x; x.validasi()"
End Sub

Sub SkpHitung(control As IRibbonControl)
    If Not AdaBukuAktif() Then Exit Sub
    IzinkanKode ActiveWorkbook
    RunPython "import skpxl.xl as x; x.hitung()"
End Sub

Sub SkpBantuan(control As IRibbonControl)
    MsgBox "Tab SKP bekerja pada buku kerja SKP yang sedang aktif." & vbCrLf & vbCrLf & _
           "Validasi: memeriksa isian formulir; temuan ditandai di sel dan dirangkum di lembar ""Hasil Validasi""." & vbCrLf & _
           "Hitung: mengisi capaian dan predikat kinerja dari isian formulir." & vbCrLf & vbCrLf & _
           "Petunjuk pemasangan (Python, skpxl, add-in) dan pemecahan masalah ada di berkas README skpxl.", _
           vbInformation, "Bantuan SKP"
End Sub

Private Sub IzinkanKode(wb As Workbook)
    ' Staff files keep their sheet protection (no password): people are guided, not locked out. Re-applying
    ' it with UserInterfaceOnly lets code write the computed cells while typing into them stays blocked.
    ' Excel does not save UserInterfaceOnly, so the file reopens with its normal protection. A sheet with a
    ' password is left alone; Python then reports the refused write in one sentence.
    Dim ws As Worksheet
    On Error Resume Next
    For Each ws In wb.Worksheets
        If ws.ProtectContents Then
            With ws.Protection
                ws.Protect Password:="", DrawingObjects:=True, Contents:=True, Scenarios:=True, _
                    UserInterfaceOnly:=True, AllowFormattingCells:=.AllowFormattingCells, _
                    AllowFormattingColumns:=.AllowFormattingColumns, AllowFormattingRows:=.AllowFormattingRows, _
                    AllowInsertingRows:=.AllowInsertingRows, AllowDeletingRows:=.AllowDeletingRows, _
                    AllowSorting:=.AllowSorting, AllowFiltering:=.AllowFiltering
            End With
        End If
    Next ws
    On Error GoTo 0
End Sub

Private Function AdaBukuAktif() As Boolean
    ' RunPython reads ActiveWorkbook.FullName: with no workbook open it would stop with a VBA error.
    AdaBukuAktif = Not (ActiveWorkbook Is Nothing)
    If Not AdaBukuAktif Then
        MsgBox "Buka dulu berkas SKP yang ingin diproses, lalu klik tombol ini lagi.", vbExclamation, "SKP"
    End If
End Function
