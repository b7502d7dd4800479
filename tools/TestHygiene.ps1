# The user's real journal folder, and a fingerprint of it, so a test run can prove it never touched it.
# Dot-sourced by build.ps1 (before dotnet test) and tests/Hygiene/RealJournal.Tests.ps1 (after everything).
# Windows PowerShell 5.1 compatible: no ??, no ternary, no && / ||, no $IsWindows.

function Get-MjRealJournalFolder {
    # The same folder as [Midjourney.Client.MjTaskJournal]::DefaultPath, computed without loading the module.
    $root = [System.Environment]::GetFolderPath(
        [System.Environment+SpecialFolder]::LocalApplicationData,
        [System.Environment+SpecialFolderOption]::DoNotVerify)
    if ([string]::IsNullOrEmpty($root)) { $root = [System.IO.Path]::GetTempPath() }
    Join-Path $root 'Midjourney'
}

function Get-MjRealJournalSnapshot {
    # One line per file of the folder: relative path, length, last write (UTC ticks) and SHA-256.
    # 'absent' when there is no folder. Equal strings mean nothing was added, removed or changed.
    $folder = Get-MjRealJournalFolder
    if (-not (Test-Path -LiteralPath $folder)) { return 'absent' }
    $lines = @(Get-ChildItem -LiteralPath $folder -Recurse -File -Force | Sort-Object FullName | ForEach-Object {
            $hash = (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash
            '{0}|{1}|{2}|{3}' -f $_.FullName.Substring($folder.Length), $_.Length, $_.LastWriteTimeUtc.Ticks, $hash
        })
    'present' + [System.Environment]::NewLine + ($lines -join [System.Environment]::NewLine)
}
