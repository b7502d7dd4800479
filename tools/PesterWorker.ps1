<#
.SYNOPSIS
Runs Pester test files for build.ps1 -Task Test, one file at a time, in this process.

.DESCRIPTION
Several workers (separate PowerShell processes, since a binary module cannot be unloaded) read the same list of
files, in the same order. A worker takes a file by creating <ClaimDirectory>/<index>.claim with CreateNew, which
fails for every other worker, so the files spread over the workers as they come free. For each file taken it
writes, in ResultDirectory, <name>.xml (NUnit) and then <name>.json (counts and seconds); the json is written last,
so the parent reads its presence as "this file is done".

Exit code: the number of failed tests, blocks and containers over the files this worker ran.
Windows PowerShell 5.1 compatible.
#>
param(
    [Parameter(Mandatory = $true)][string]$PesterManifest,
    [Parameter(Mandatory = $true)][string]$ListPath,
    [Parameter(Mandatory = $true)][string]$ClaimDirectory,
    [Parameter(Mandatory = $true)][string]$ResultDirectory
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $PesterManifest -Force

$files = @(Get-Content -LiteralPath $ListPath | Where-Object { $_ })
$failedTotal = 0
for ($index = 0; $index -lt $files.Count; $index++) {
    $claim = Join-Path $ClaimDirectory ('{0:d4}.claim' -f $index)
    try {
        [System.IO.File]::Open($claim, [System.IO.FileMode]::CreateNew).Dispose()
    }
    catch [System.IO.IOException] {
        continue # another worker has it
    }

    $file = $files[$index]
    $name = [System.IO.Path]::GetFileNameWithoutExtension($file)
    $config = New-PesterConfiguration
    $config.Run.Path = $file
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $ResultDirectory ($name + '.xml')
    $result = Invoke-Pester -Configuration $config
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    $failedTotal += $failed
    $summary = [pscustomobject]@{
        File    = $file
        Passed  = $result.PassedCount
        Failed  = $failed
        Skipped = $result.SkippedCount + $result.NotRunCount
        Seconds = [math]::Round($result.Duration.TotalSeconds, 1)
    }
    $json = Join-Path $ResultDirectory ($name + '.json')
    $summary | ConvertTo-Json | Set-Content -LiteralPath ($json + '.tmp') -Encoding UTF8
    Move-Item -LiteralPath ($json + '.tmp') -Destination $json -Force
}
exit $failedTotal
