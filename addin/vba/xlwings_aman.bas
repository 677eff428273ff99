' skpxl's replacements for procedures of xlwings' VBA module (xlwings is BSD-3; its notice stays at the top of
' the module). The build (skpxl.excel.modul_xlwings) swaps each procedure below in for the one of the same name
' in the xlwings module of the add-in and of the macro template, removes GetDirectoryConfigFilePath, and turns
' off embedded code and the workbook folder on sys.path inside RunPython and XLPyCommand.
'
' Why: xlwings looks for its settings first in a "<PROJECT_NAME>.conf" sheet of the ACTIVE workbook, then in a
' "<PROJECT_NAME>.conf" file in that workbook's folder. For the add-in the active workbook is any staff file, so
' a hidden sheet or a file dropped into a shared folder could set INTERPRETER_WIN, PYTHONPATH, CONDA PATH or a
' LICENSE_KEY for embedded code, and the officer who clicks Validasi would run the attacker's program.

Function GetConfig(configKey As String, Optional default As String = "", Optional source As String = "") As Variant
    ' skpxl: settings come only from the workbook holding this code (ThisWorkbook: the add-in itself, or the
    ' macro template) and from the user's own config file (GetConfigFilePath), never from the active workbook
    ' or any workbook's folder. Order: ThisWorkbook's <PROJECT_NAME>.conf sheet, then the user's file, then
    ' the default. source "sheet" or "user" limits the lookup as in xlwings; "directory" finds nothing.
    Dim configValue As String

    #If App = "Microsoft Excel" Then
    If source = "" Or source = "sheet" Then
        If SheetExists(ThisWorkbook, PROJECT_NAME & ".conf") = True Then
            If GetConfigFromSheet(ThisWorkbook).Exists(configKey) = True Then
                GetConfig = GetConfigFromSheet(ThisWorkbook).Item(configKey)
                GetConfig = ExpandEnvironmentStrings(GetConfig)
                Exit Function
            End If
        End If
    End If
    #End If

    If source = "" Or source = "user" Then
        If FileExists(GetConfigFilePath()) = True Then
            If GetConfigFromFile(GetConfigFilePath(), configKey, configValue) Then
                GetConfig = configValue
                GetConfig = ExpandEnvironmentStrings(GetConfig)
                Exit Function
            End If
        End If
    End If

    GetConfig = default
    GetConfig = ExpandEnvironmentStrings(GetConfig)
End Function
