; Inno Setup 6 script for rrdesk: two installers from the same dist\rrdesk folder.
;
;   iscc /DAppVersion=0.1.0 installer\rrdesk.iss            per-machine, for IT (Program Files)
;   iscc /DAppVersion=0.1.0 /DPerUser installer\rrdesk.iss  per-user, for pilots (no admin prompt)
;
; installer\build_windows.ps1 runs both (and signs, when given a certificate). Add
;   /DSign "/Srrdesksign=signtool.exe sign /sha1 THUMBPRINT /fd sha256 /tr TIMESTAMP_URL /td sha256 $f"
; to sign the installer and its uninstaller with the council's code-signing certificate.
;
; Silent use (Intune, SCCM, scripts):
;   rrdesk-<version>-per-machine.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\rrdesk-install.log"
;   "C:\Program Files\rrdesk\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;
; The uninstaller removes the program only. It deletes the partnership's store and backups
; (in %LOCALAPPDATA%\rrdesk) only when the person uninstalling ticks a box that is unticked to
; start with, and never when it runs silently.

; The program the Start menu runs. installer/build_installer.sh compiles this script on Linux
; under wine from the Linux one-folder build, whose program has no .exe: it passes
; /DAppExe=rrdesk (and /DAppVersion) so that the installers it tests hold exactly that folder.
#ifndef AppExe
  #define AppExe "rrdesk.exe"
#endif

#ifndef AppVersion
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + "..\dist\rrdesk\" + AppExe)
#endif

; The shipped installers use the best compression. The Linux test build (build_installer.sh)
; passes a faster one: lzma2/max takes about 8 minutes per installer on a 2-core CI machine.
#ifndef Compression
  #define Compression "lzma2/max"
#endif

#ifdef PerUser
  #define Variant "per-user"
#else
  #define Variant "per-machine"
#endif

[Setup]
; The same AppId for both installers: they install the same product, in different places.
AppId={{6F2B4C1E-8A4D-4E57-9C39-2D7B0E5A41C3}
AppName=rrdesk
AppVersion={#AppVersion}
AppVerName=rrdesk {#AppVersion}
AppPublisher=rrdesk developers
AppComments=Run the statutory Rapid Review securely and offline
VersionInfoVersion={#AppVersion}
VersionInfoProductName=rrdesk
VersionInfoDescription=rrdesk {#AppVersion} setup ({#Variant})
; {autoprograms} and {autodesktop} mean all users' menus and desktop in the per-machine
; installer, and this user's in the per-user one.
#ifdef PerUser
; %LOCALAPPDATA%\Programs, the folder Windows gives per-user programs. Not {autopf}, which means
; the same folder on Windows but which wine cannot find ("Failed to expand shell folder constant
; autopf"), so the per-user installer could not be installed in the Linux test of the installers.
DefaultDirName={localappdata}\Programs\rrdesk
#else
DefaultDirName={autopf}\rrdesk
#endif
DefaultGroupName=rrdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
UninstallDisplayName=rrdesk
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\dist\installers
OutputBaseFilename=rrdesk-{#AppVersion}-{#Variant}
Compression={#Compression}
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes
RestartApplications=no
SetupLogging=yes
#ifdef PerUser
PrivilegesRequired=lowest
#else
PrivilegesRequired=admin
#endif
#ifdef Sign
SignTool=rrdesksign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Put an rrdesk shortcut on the desktop"; Flags: unchecked

[Files]
; The whole one-folder build: rrdesk.exe (the app), rrdesk-cli.exe (for IT) and _internal\.
Source: "..\dist\rrdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that the new one no longer has.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\rrdesk"; Filename: "{app}\{#AppExe}"; Comment: "Run the Rapid Review"
Name: "{autodesktop}\rrdesk"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Open rrdesk now"; Flags: nowait postinstall skipifsilent unchecked

[Code]
var
  DeleteData: Boolean;

function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\rrdesk');
end;

{ Asks, with the box unticked, whether to delete the store and backups too.
  Returns False if the person cancels the uninstall. }
function AskAboutData(): Boolean;
var
  Form: TSetupForm;
  Intro: TNewStaticText;
  Box: TNewCheckBox;
  UninstallButton, CancelButton: TNewButton;
begin
  Form := CreateCustomForm();
  try
    Form.Caption := 'Uninstall rrdesk';
    Form.ClientWidth := ScaleX(460);
    Form.ClientHeight := ScaleY(200);

    Intro := TNewStaticText.Create(Form);
    Intro.Parent := Form;
    Intro.AutoSize := False;
    Intro.WordWrap := True;
    Intro.Left := ScaleX(16);
    Intro.Top := ScaleY(16);
    Intro.Width := Form.ClientWidth - ScaleX(32);
    Intro.Height := ScaleY(80);
    Intro.Caption :=
      'rrdesk will be removed from this computer.' + #13#10 + #13#10 +
      'The partnership''s encrypted store, its key file and its backups in ' + DataFolder() +
      ' are kept, so nothing is lost if rrdesk is installed again.';

    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := Intro.Top + Intro.Height + ScaleY(8);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(36);
    Box.Caption :=
      'Also delete the partnership''s encrypted store and backups (this cannot be undone)';
    Box.Checked := False;

    UninstallButton := TNewButton.Create(Form);
    UninstallButton.Parent := Form;
    UninstallButton.Caption := 'Uninstall';
    UninstallButton.Width := ScaleX(90);
    UninstallButton.Height := ScaleY(26);
    UninstallButton.Left := Form.ClientWidth - ScaleX(16 + 90 + 8 + 90);
    UninstallButton.Top := Form.ClientHeight - ScaleY(16 + 26);
    UninstallButton.ModalResult := mrOk;

    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := 'Cancel';
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(26);
    CancelButton.Left := Form.ClientWidth - ScaleX(16 + 90);
    CancelButton.Top := UninstallButton.Top;
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;
    CancelButton.Default := True;

    Form.ActiveControl := CancelButton;
    Result := Form.ShowModal() = mrOk;
    DeleteData := Result and Box.Checked;
  finally
    Form.Free();
  end;

  if DeleteData then
    DeleteData := MsgBox(
      'Delete the partnership''s encrypted store and all its backups in ' + DataFolder() +
      '?' + #13#10 + #13#10 +
      'This cannot be undone. Copies kept elsewhere (for example on a network drive) are not ' +
      'touched.', mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

function InitializeUninstall(): Boolean;
begin
  DeleteData := False;
  Result := True;
  { A silent uninstall (Intune, SCCM, scripts) never deletes data. }
  if UninstallSilent() then
    Exit;
  if not DirExists(DataFolder()) then
    Exit;
  Result := AskAboutData();
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData and (not UninstallSilent()) then
  begin
    if not DelTree(DataFolder(), True, True, True) then
      MsgBox('Some of ' + DataFolder() + ' could not be deleted (is rrdesk still open?). ' +
        'Delete the folder by hand.', mbError, MB_OK);
  end;
end;
