<#
.SYNOPSIS
Makes docs/gallery.png, the README's picture of Export-MjGallery: a small batch on the simulator (a grid, two
upscales, a hostile prompt, a row the server fails) and a video saved beside it, exported and photographed in
headless Chromium from disk.

.EXAMPLE
dotnet pwsh ./tools/Gallery-Screenshot.ps1 -ColorScheme light
#>
param(
    [string]$OutFile = (Join-Path (Split-Path -Parent $PSScriptRoot) 'docs/gallery.png'),
    [ValidateSet('light', 'dark')][string]$ColorScheme = 'light',
    [int]$Width = 1280,
    [int]$Height = 960
)

$ErrorActionPreference = 'Stop'
$repo = Split-Path -Parent $PSScriptRoot
. (Join-Path $PSScriptRoot 'Simulator.ps1')
. (Join-Path $PSScriptRoot 'Chromium.ps1')
$version = (Import-PowerShellDataFile -Path (Join-Path $repo 'src/Midjourney.PowerShell/Midjourney.psd1')).ModuleVersion
Import-Module (Join-Path $repo "out/Midjourney/$version/Midjourney.psd1")

$work = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-gallery-shot-' + [guid]::NewGuid().ToString('N'))
$night = Join-Path $work 'night'
$simulator = Start-MjSimulator -SimulatorDll (Build-MjSimulator -RepoRoot $repo) -TimeScale 0.01
try {
    Connect-MjServer -Uri $simulator.BaseUrl -JournalPath (Join-Path $work 'journal.jsonl')
    $rows = @(
        [pscustomobject]@{ Prompt = 'red ceramic mug on a wooden table'; AspectRatio = '3:2'; Stylize = '250'; Then = '' }
        [pscustomobject]@{ Prompt = 'a lighthouse at dusk, oil painting'; AspectRatio = ''; Stylize = ''; Then = 'U1,U3' }
        [pscustomobject]@{ Prompt = '<img src=x onerror=alert(1)> a fox in snow'; AspectRatio = '16:9'; Stylize = ''; Then = '' }
        [pscustomobject]@{ Prompt = 'a blood moon over the sea'; AspectRatio = ''; Stylize = ''; Then = '' }
    )
    $null = $rows | Invoke-MjBatch -OutputPath $night -PollInterval 1 -ErrorAction SilentlyContinue
    $null = New-MjImagine 'a teapot, studio light' -Wait | Invoke-MjButton -Label U2 -Wait |
        Invoke-MjButton -Label 'Animate (High motion)' -Wait | Save-MjImage -Path $night -IncludeVideo -Sidecar
    $page = Export-MjGallery -Path $night -PassThru
    $seen = Invoke-MjBrowserPage -Path $page.FullName -ScreenshotPath $OutFile -Width $Width -Height $Height -ColorScheme $ColorScheme
    Write-Output "Wrote $OutFile ($((Get-Item $OutFile).Length) bytes); console errors $(@($seen.Console | Where-Object { $_.Type -eq 'error' }).Count), CSP reports $(@($seen.Log | Where-Object { $_.Source -eq 'security' }).Count), requests outside file: $(@($seen.Requests | Where-Object { $_ -notlike 'file:*' }).Count)."
}
finally {
    Get-MjServer | Disconnect-MjServer
    Stop-MjSimulator -Simulator $simulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
