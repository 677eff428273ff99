Attribute VB_Name = "SKPPeriksa"
Option Explicit
' Checks run before every RunPython of the template's buttons and of the add-in's SKP tab, so that the user
' sees one Indonesian sentence with the fix instead of xlwings' English error window, and so that a workbook
' carrying xlwings settings or code is never handed to Python by the add-in.

' The skpxl version this VBA was built with (the build writes it from skpxl.core.versi).
Public Const VERSI_SKPXL As String = "0.0.0"

' Asks the configured Python for its skpxl and xlwings versions with the standard library only (PYTHONPATH
' setting as argv[1]); "SKPXL -" / "-" mean not installed. No double quotes or percent signs: cmd.exe line.
Private Const KODE_PERIKSA As String = "import sys,importlib.util as u,importlib.metadata as m;print('PYTHON');" & _
    "sys.path[0:0]=[p for p in sys.argv[1].split(';') if p];s=u.find_spec('skpxl');" & _
    "print('SKPXL',__import__('skpxl').__version__ if s else '-'," & _
    "next((d.version for d in m.distributions(name='xlwings')),'-'))"

Private pythonSudahDiperiksa As Boolean ' the probe succeeded once in this Excel session

Public Function AlasanBukuDitolak(wb As Workbook) As String
    ' Why the add-in will not hand wb to Python, or "". A settings sheet named skpxl.conf or xlwings.conf is
    ' what xlwings reads its interpreter, PYTHONPATH and licence key from; a sheet named *.py holds code that
    ' xlwings would run. Staff files never need either (skpxl.excel.tombol refuses the same names).
    Dim sh As Object, nama As String
    For Each sh In wb.Sheets
        nama = LCase$(sh.Name)
        If nama = "skpxl.conf" Or nama = "xlwings.conf" Then
            AlasanBukuDitolak = "Buku kerja ini memuat lembar pengaturan xlwings """ & sh.Name & _
                """ yang dapat menentukan program yang dijalankan Excel, jadi tab SKP tidak memprosesnya; " & _
                "minta berkas .xlsx yang bersih dari pengirimnya atau periksa berkas ini dengan perintah " & _
                "skpxl validasi BERKAS."
            Exit Function
        End If
        If Right$(nama, 3) = ".py" Then
            AlasanBukuDitolak = "Buku kerja ini memuat lembar kode Python """ & sh.Name & _
                """, padahal skpxl tidak pernah menjalankan kode dari buku kerja, jadi tab SKP tidak " & _
                "memprosesnya; minta berkas .xlsx yang bersih dari pengirimnya atau periksa berkas ini " & _
                "dengan perintah skpxl validasi BERKAS."
            Exit Function
        End If
    Next sh
End Function

Public Function BukuAktifSiap() As Boolean
    ' Add-in: there is an editable active workbook, it carries no xlwings settings or code, Python is ready.
    Dim alasan As String
    If TampilanTerproteksi() Then
        MsgBox "Berkas ini masih terbuka dalam Tampilan Terproteksi (Protected View): " & _
               "klik Aktifkan Pengeditan / Enable Editing di bilah kuning dulu, lalu klik tombol ini lagi.", _
               vbExclamation, "SKP"
        Exit Function
    End If
    If ActiveWorkbook Is Nothing Then
        ' RunPython reads ActiveWorkbook.FullName: with no workbook open it would stop with a VBA error.
        MsgBox "Buka dulu berkas SKP yang ingin diproses, lalu klik tombol ini lagi.", vbExclamation, "SKP"
        Exit Function
    End If
    alasan = AlasanBukuDitolak(ActiveWorkbook)
    If alasan <> "" Then
        MsgBox alasan, vbCritical, "SKP"
        Exit Function
    End If
    BukuAktifSiap = PythonSiap(True)
End Function

Private Function TampilanTerproteksi() As Boolean
    ' A file from e-mail or the internet opens read-only in Protected View, where ActiveWorkbook is Nothing.
    ' ActiveProtectedViewWindow exists from Excel 2010 on Windows; late-bound (Object) so that an Excel
    ' without it still compiles this module, and the error there leaves False.
    Dim app As Object
    Set app = Application
    On Error Resume Next
    TampilanTerproteksi = Not (app.ActiveProtectedViewWindow Is Nothing)
    On Error GoTo 0
End Function

Public Function PythonSiap(dariAddin As Boolean) As Boolean
    ' Once per Excel session (until it succeeds): the configured Python exists and runs, skpxl and xlwings
    ' are installed there, and their versions fit this VBA. Otherwise one sentence naming the path and the fix.
    Dim interp As String, pesan As String
    If pythonSudahDiperiksa Then
        PythonSiap = True
        Exit Function
    End If
    #If Mac Then
        ' No probe on macOS: RunPython goes through an AppleScript there and reports problems itself.
        PythonSiap = True
        Exit Function
    #Else
        interp = GetConfig("INTERPRETER_WIN", "")
        If interp = "" Then interp = GetConfig("INTERPRETER", "")
        If interp = "" Then
            If dariAddin Then
                pesan = "Lokasi Python untuk skpxl belum diatur: jalankan perintah skpxl addin install dari " & _
                        "Python tempat skpxl dipasang (lihat petunjuk pemasangan), lalu buka lagi Excel."
            Else
                pesan = "Lokasi Python untuk skpxl belum diatur: isi INTERPRETER_WIN di lembar tersembunyi " & _
                        "xlwings.conf (lihat petunjuk pemasangan), lalu klik tombol ini lagi."
            End If
        ElseIf (InStr(interp, "\") > 0 Or InStr(interp, "/") > 0) And Not FileExists(interp) Then
            pesan = "Python untuk skpxl tidak ditemukan di " & interp & ": buat lingkungannya sesuai " & _
                    "petunjuk pemasangan (py -3 -m venv, lalu pip install skpxl"
            If dariAddin Then pesan = pesan & ", lalu skpxl addin install"
            pesan = pesan & "), lalu klik tombol ini lagi."
        Else
            pesan = PesanVersi(JalankanPemeriksaan(interp), interp, dariAddin)
        End If
        If pesan <> "" Then
            MsgBox pesan, vbCritical, "SKP"
            Exit Function
        End If
        pythonSudahDiperiksa = True
        PythonSiap = True
    #End If
End Function

Private Function JalankanPemeriksaan(interp As String) As String
    ' Runs KODE_PERIKSA with the configured Python (hidden window, waits) and returns what it printed.
    Dim berkas As String, perintah As String, jalur As String, kode As Long
    berkas = Environ("TEMP") & "\skpxl-periksa-" & CreateGUID() & ".txt"
    jalur = GetConfig("PYTHONPATH")
    Do While Right$(jalur, 1) = "\" ' a backslash before the closing quote would escape it
        jalur = Left$(jalur, Len(jalur) - 1)
    Loop
    perintah = "cmd.exe /C """ & Chr(34) & interp & Chr(34) & " -B -c " & Chr(34) & KODE_PERIKSA & Chr(34) & _
               " " & Chr(34) & jalur & Chr(34) & " > " & Chr(34) & berkas & Chr(34) & " 2>&1" & Chr(34)
    On Error Resume Next
    kode = WScript.Run(perintah, 0, True)
    JalankanPemeriksaan = ReadFile(berkas)
    Kill berkas
    On Error GoTo 0
End Function

Public Function PesanVersi(keluaran As String, interp As String, dariAddin As Boolean) As String
    ' The sentence for what the probe printed, or "" when skpxl and xlwings fit this VBA.
    Dim baris As Variant, i As Long, bagian As Variant, vSkpxl As String, vXlwings As String, asal As String
    Dim adaPython As Boolean, adaHasil As Boolean, terakhir As String
    If dariAddin Then asal = "add-in SKP" Else asal = "templat SKP ini"
    baris = Split(Replace(keluaran, vbCr, ""), vbLf)
    For i = LBound(baris) To UBound(baris)
        If Trim$(baris(i)) = "PYTHON" Then adaPython = True
        If Left$(baris(i), 6) = "SKPXL " Then
            bagian = Split(Trim$(baris(i)), " ")
            If UBound(bagian) >= 2 Then
                vSkpxl = bagian(1)
                vXlwings = bagian(2)
                adaHasil = True
            End If
        End If
        If Trim$(baris(i)) <> "" Then terakhir = Left$(Trim$(baris(i)), 200)
    Next i
    If Not adaPython Then
        PesanVersi = "Python di " & interp & " tidak dapat dijalankan (" & terakhir & "): buat ulang " & _
                     "lingkungan Python skpxl sesuai petunjuk pemasangan, lalu klik tombol ini lagi."
    ElseIf Not adaHasil Then
        PesanVersi = "skpxl di Python " & interp & " tidak dapat dimuat (" & terakhir & "): pasang ulang " & _
                     "dengan """ & interp & """ -m pip install --force-reinstall skpxl, lalu klik tombol ini lagi."
    ElseIf vSkpxl = "-" Then
        PesanVersi = "skpxl belum terpasang di Python " & interp & ": jalankan """ & interp & _
                     """ -m pip install skpxl, lalu klik tombol ini lagi."
    ElseIf BandingkanVersi(vSkpxl, VERSI_SKPXL) < 0 Then
        PesanVersi = "skpxl di " & interp & " (versi " & vSkpxl & ") lebih lama daripada " & asal & _
                     " (versi " & VERSI_SKPXL & "): perbarui skpxl dengan """ & interp & _
                     """ -m pip install --upgrade skpxl, lalu tutup dan buka lagi Excel."
    ElseIf dariAddin And BandingkanVersi(vSkpxl, VERSI_SKPXL) > 0 Then
        PesanVersi = "Add-in SKP (versi " & VERSI_SKPXL & ") lebih lama daripada skpxl di " & interp & _
                     " (versi " & vSkpxl & "): perbarui add-in dengan menutup Excel dan menjalankan " & _
                     "skpxl addin install, lalu buka lagi Excel."
    ElseIf vXlwings = "-" Then
        PesanVersi = "xlwings belum terpasang di Python " & interp & ": jalankan """ & interp & _
                     """ -m pip install xlwings==" & XLWINGS_VERSION & ", lalu klik tombol ini lagi."
    ElseIf BandingkanVersi(vXlwings, XLWINGS_VERSION) <> 0 Then
        PesanVersi = "xlwings di " & interp & " versi " & vXlwings & ", sedangkan " & asal & _
                     " memerlukan versi " & XLWINGS_VERSION & ": jalankan """ & interp & _
                     """ -m pip install xlwings==" & XLWINGS_VERSION & ", lalu tutup dan buka lagi Excel."
    End If
End Function

Public Function BandingkanVersi(a As String, b As String) As Integer
    ' -1, 0 or 1 comparing the numeric X.Y.Z start of two versions ("0.2.0.dev1" counts as 0.2.0).
    Dim pa As Variant, pb As Variant, i As Integer, x As Long, y As Long
    pa = Split(AwalanAngka(a), ".")
    pb = Split(AwalanAngka(b), ".")
    For i = 0 To 2
        x = 0
        y = 0
        If i <= UBound(pa) Then x = Val(pa(i))
        If i <= UBound(pb) Then y = Val(pb(i))
        If x < y Then
            BandingkanVersi = -1
            Exit Function
        ElseIf x > y Then
            BandingkanVersi = 1
            Exit Function
        End If
    Next i
End Function

Private Function AwalanAngka(v As String) As String
    Dim i As Long, c As String
    For i = 1 To Len(v)
        c = Mid$(v, i, 1)
        If Not (c Like "[0-9]" Or c = ".") Then Exit For
        AwalanAngka = AwalanAngka & c
    Next i
End Function
