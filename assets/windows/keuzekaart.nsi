; The Windows installer of Keuzekaart, built on Linux with NSIS by scripts/windows-smoke.sh:
;   makensis -DVERSION=0.1.0 -DEXE=path\keuzekaart.exe -DICON=path\keuzekaart.ico -DOUTFILE=setup.exe
; It installs for the user who runs it (no administrator rights, which most officials lack) into
; %LOCALAPPDATA%\Programs\Keuzekaart, with a Start-menu entry and an uninstaller listed under
; Apps. "/S" installs silently (for software distribution by the IT department). Workbooks and
; the app's own state (%APPDATA%\WerkBedrijf Rijk van Nijmegen\Keuzekaart) belong to the user and
; are not removed.
; No file association: .ron is a general format, and workbooks open from the app's Bestand menu.
; A 64-bit installer for the 64-bit program (and Wine without its 32-bit half runs it).
Target amd64-unicode
SetCompressor /SOLID lzma

!include "MUI2.nsh"

Name "Keuzekaart"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Keuzekaart"
InstallDirRegKey HKCU "Software\WerkBedrijf\Keuzekaart" "InstallDir"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Keuzekaart"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\keuzekaart.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Keuzekaart nu starten"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Dutch"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_DUTCH} "ProductName" "Keuzekaart"
VIAddVersionKey /LANG=${LANG_DUTCH} "CompanyName" "WerkBedrijf Rijk van Nijmegen"
VIAddVersionKey /LANG=${LANG_DUTCH} "FileDescription" "Installatie van Keuzekaart"
VIAddVersionKey /LANG=${LANG_DUTCH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_DUTCH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_DUTCH} "LegalCopyright" "EUPL-1.2"

Section "Keuzekaart" Main
    SetOutPath "$INSTDIR"
    File "/oname=keuzekaart.exe" "${EXE}"
    WriteUninstaller "$INSTDIR\uninstall.exe"
    CreateShortcut "$SMPROGRAMS\Keuzekaart.lnk" "$INSTDIR\keuzekaart.exe" "" "$INSTDIR\keuzekaart.exe" 0
    WriteRegStr HKCU "Software\WerkBedrijf\Keuzekaart" "InstallDir" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Keuzekaart"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "WerkBedrijf Rijk van Nijmegen"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\keuzekaart.exe,0"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
    Delete "$INSTDIR\keuzekaart.exe"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"
    Delete "$SMPROGRAMS\Keuzekaart.lnk"
    DeleteRegKey HKCU "${UNINSTALL_KEY}"
    DeleteRegKey HKCU "Software\WerkBedrijf\Keuzekaart"
SectionEnd
