<#
.SYNOPSIS
  Build rrdesk for Windows: the one-folder build, its self-test, and both installers.

.DESCRIPTION
  Run from a PowerShell prompt on a Windows 10 or 11 build machine with Python 3.11 (64-bit)
  and Inno Setup 6 installed. From the repository root:

    powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
    powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1 `
        -CertificateThumbprint 0123...ABCD -TimestampUrl http://timestamp.example-ca.com

  Makes:
    dist\rrdesk\                                  the program folder (rrdesk.exe, rrdesk-cli.exe, _internal\)
    dist\installers\rrdesk-VERSION-per-machine.exe  for IT: Program Files, silent install for Intune/SCCM
    dist\installers\rrdesk-VERSION-per-user.exe     for pilots: no admin rights needed
    dist\installers\SHA256SUMS.txt

  With -CertificateThumbprint, every .exe, .dll and .pyd in the folder that is not already signed
  is signed (SHA-256, RFC 3161 timestamp) BEFORE the installers are built, and then the
  installers and their uninstallers are signed too. See installer\README.md.
#>
param(
    [string]$Python = "py",
    [string[]]$PythonArgs = @("-3.11"),
    [string]$CertificateThumbprint = "",
    [string]$TimestampUrl = "",
    [string]$SignTool = "signtool.exe",
    [string]$InnoSetupCompiler = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
)

$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked {
    param([string]$What, [scriptblock]$Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

if ($CertificateThumbprint -and -not $TimestampUrl) {
    throw "Give -TimestampUrl (your certificate authority's RFC 3161 timestamp server) with -CertificateThumbprint"
}

$venv = "build\frozen-venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) {
    Invoke-Checked "Creating the build venv" { & $Python @PythonArgs -m venv $venv }
}
$py = "$venv\Scripts\python.exe"
Invoke-Checked "Updating pip" { & $py -m pip install --quiet --upgrade pip }
# The exact versions of the lock (make lock), each checked against its hash; then rrdesk itself.
Invoke-Checked "Installing the locked dependencies" { & $py -m pip install --quiet --require-hashes -r requirements\all.txt }
Invoke-Checked "Installing rrdesk" { & $py -m pip install --quiet --no-deps . }
$version = (& $py installer\version_info.py --print-version).Trim()
Write-Host "== Building rrdesk $version (one folder, no UPX)"

$started = Get-Date
Invoke-Checked "PyInstaller" {
    & $py -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\rrdesk.spec
}
$size = (Get-ChildItem dist\rrdesk -Recurse -File | Measure-Object Length -Sum).Sum / 1MB
Write-Host ("Built dist\rrdesk in {0:N0} s: {1:N0} MB" -f ((Get-Date) - $started).TotalSeconds, $size)

Write-Host "== Self-test of the folder"
Invoke-Checked "rrdesk-cli --version" { & dist\rrdesk\rrdesk-cli.exe --version }
Invoke-Checked "rrdesk-cli selftest" { & dist\rrdesk\rrdesk-cli.exe selftest }

$innoArgs = @("/DAppVersion=$version")
if ($CertificateThumbprint) {
    Write-Host "== Signing the program files that are not signed yet"
    $sign = @("sign", "/sha1", $CertificateThumbprint, "/fd", "sha256", "/tr", $TimestampUrl, "/td", "sha256")
    $unsigned = Get-ChildItem dist\rrdesk -Recurse -File -Include *.exe, *.dll, *.pyd |
        Where-Object { (Get-AuthenticodeSignature $_.FullName).Status -ne "Valid" } |
        ForEach-Object { $_.FullName }
    for ($i = 0; $i -lt $unsigned.Count; $i += 50) {
        $batch = $unsigned[$i..([Math]::Min($i + 49, $unsigned.Count - 1))]
        Invoke-Checked "signtool sign" { & $SignTool @sign @batch }
    }
    Invoke-Checked "signtool verify" { & $SignTool verify /pa dist\rrdesk\rrdesk.exe dist\rrdesk\rrdesk-cli.exe }
    $innoArgs += "/DSign"
    $innoArgs += "/Srrdesksign=`"$SignTool`" sign /sha1 $CertificateThumbprint /fd sha256 /tr $TimestampUrl /td sha256 `$f"
}

Write-Host "== Installers"
Invoke-Checked "Inno Setup (per-machine)" { & $InnoSetupCompiler @innoArgs installer\rrdesk.iss }
Invoke-Checked "Inno Setup (per-user)" { & $InnoSetupCompiler @innoArgs /DPerUser installer\rrdesk.iss }

Get-ChildItem dist\installers\*.exe | Get-FileHash -Algorithm SHA256 |
    ForEach-Object { "{0}  {1}" -f $_.Hash.ToLower(), (Split-Path -Leaf $_.Path) } |
    Set-Content -Encoding ascii dist\installers\SHA256SUMS.txt
Get-Content dist\installers\SHA256SUMS.txt
Write-Host "Done: dist\installers"
