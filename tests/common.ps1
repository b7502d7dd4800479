# Shared setup for the Pester 5 suite. Dot-source it from BeforeAll:  . (Join-Path $PSScriptRoot 'common.ps1')
#
# - imports the BUILT module from out/Midjourney/<version> (or $env:MJ_TEST_MODULE_DIR, set by build.ps1);
# - defines helpers: the simulator (start/stop/stats), completion, PNG size and PNG masks.
# Windows PowerShell 5.1 compatible: no ??, no ternary, no && / ||, no $IsWindows.

$ErrorActionPreference = 'Stop'

$RepoRoot = Split-Path -Parent $PSScriptRoot
. (Join-Path $RepoRoot 'tools/Simulator.ps1')
. (Join-Path $RepoRoot 'tools/TestHygiene.ps1')

# The first test file of the process fingerprints the user's real journal; tests/Hygiene checks it last.
if ($null -eq $global:MjRealJournalSnapshotAtStart) {
    $global:MjRealJournalSnapshotAtStart = Get-MjRealJournalSnapshot
}

function Get-MjTestModuleDirectory {
    if ($env:MJ_TEST_MODULE_DIR -and (Test-Path -LiteralPath (Join-Path $env:MJ_TEST_MODULE_DIR 'Midjourney.psd1'))) {
        return $env:MJ_TEST_MODULE_DIR
    }
    $version = (Import-PowerShellDataFile -Path (Join-Path $RepoRoot 'src/Midjourney.PowerShell/Midjourney.psd1')).ModuleVersion
    $directory = Join-Path $RepoRoot "out/Midjourney/$version"
    if (-not (Test-Path -LiteralPath (Join-Path $directory 'Midjourney.psd1'))) {
        throw "The module is not built ($directory has no Midjourney.psd1). Run ./build.ps1 first."
    }
    $directory
}

function Get-MjNormalizedPath {
    param([string]$Path)
    [System.IO.Path]::GetFullPath($Path).TrimEnd('\', '/')
}

$ModuleDirectory = Get-MjNormalizedPath (Get-MjTestModuleDirectory)
$ManifestPath = Join-Path $ModuleDirectory 'Midjourney.psd1'

# Get-Help looks for about_* topics in module folders: make sure out/ is on PSModulePath.
$ModuleSearchRoot = Split-Path -Parent (Split-Path -Parent $ModuleDirectory)
if (($env:PSModulePath -split [System.IO.Path]::PathSeparator) -notcontains $ModuleSearchRoot) {
    $env:PSModulePath = $ModuleSearchRoot + [System.IO.Path]::PathSeparator + $env:PSModulePath
}

# A binary module cannot be unloaded: import once per process, and refuse a different copy.
$loadedModule = Get-Module -Name Midjourney
if ($null -eq $loadedModule) {
    Import-Module -Name $ManifestPath -ErrorAction Stop
}
elseif ((Get-MjNormalizedPath $loadedModule.ModuleBase) -ne $ModuleDirectory) {
    throw "Another Midjourney module is already loaded from $($loadedModule.ModuleBase); run the tests in a fresh process."
}

function Get-MjTestSimulatorDll {
    if ($env:MJ_SIMULATOR_DLL -and (Test-Path -LiteralPath $env:MJ_SIMULATOR_DLL)) {
        return $env:MJ_SIMULATOR_DLL
    }
    $dll = Build-MjSimulator -RepoRoot $RepoRoot
    # The next test file of this process reuses it.
    $env:MJ_SIMULATOR_DLL = $dll
    $dll
}

function Start-MjTestServer {
    <#
    .SYNOPSIS
    Starts a simulator on a free port and connects the session to it (with a private journal file).
    Returns the simulator object (BaseUrl, Process, ...) with an extra JournalPath property.
    #>
    param([string[]]$ExtraArgument = @())

    $simulator = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument $ExtraArgument
    $journal = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-journal-' + [guid]::NewGuid().ToString('N') + '.jsonl')
    Add-Member -InputObject $simulator -NotePropertyName JournalPath -NotePropertyValue $journal
    Connect-MjServer -Uri $simulator.BaseUrl -JournalPath $journal
    $simulator
}

function Stop-MjTestServer {
    param([object]$Simulator)

    if ($null -eq $Simulator) { return }
    Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $Simulator.BaseUrl.TrimEnd('/') } | Disconnect-MjServer -WarningAction SilentlyContinue
    Stop-MjSimulator -Simulator $Simulator
    if ($Simulator.JournalPath -and (Test-Path -LiteralPath $Simulator.JournalPath)) {
        Remove-Item -LiteralPath $Simulator.JournalPath -Force -ErrorAction SilentlyContinue
    }
}

# Chinese, Japanese and full-width text: what a server says, never the module's own words.
$MjCjkPattern = '[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]'

function Assert-EnglishError {
    <#
    .SYNOPSIS
    The module's English error: its id and category, a message in English words that quotes the server's own text
    (each exception's Description) at most, and advice in English.
    #>
    param([object]$Record, [string]$Id, [string]$Category)
    $Record | Should -Not -BeNullOrEmpty
    $Record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
    [string]$Record.CategoryInfo.Category | Should -Be $Category
    $message = $Record.Exception.Message
    for ($e = $Record.Exception; $null -ne $e; $e = $e.InnerException) {
        if ($e.PSObject.Properties['Description'] -and $e.Description) { $message = $message.Replace([string]$e.Description, '') }
    }
    $message | Should -Not -Match $MjCjkPattern
    $message | Should -Match '[A-Za-z]{3,}'
    $Record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    $Record.ErrorDetails.RecommendedAction | Should -Not -Match $MjCjkPattern
}

function Get-WhatIfText {
    <#
    .SYNOPSIS
    The "What if:" lines $Script writes to the host (they go to no stream, so a transcript catches them).
    #>
    param([Parameter(Mandatory = $true)][scriptblock]$Script)
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-whatif-' + [guid]::NewGuid().ToString('N') + '.txt')
    $null = Start-Transcript -Path $file -Force
    try { $null = & $Script } finally { $null = Stop-Transcript }
    try { @(Get-Content -LiteralPath $file | Where-Object { $_ -like 'What if:*' }) }
    finally { Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue }
}

function Get-MjCompletion {
    <#
    .SYNOPSIS
    The completion texts PowerShell offers at the end of $InputScript (as Tab would), quotes removed.
    #>
    param([Parameter(Mandatory = $true)][string]$InputScript)

    $result = [System.Management.Automation.CommandCompletion]::CompleteInput($InputScript, $InputScript.Length, $null)
    @($result.CompletionMatches | ForEach-Object { $_.CompletionText.Trim("'", '"') })
}

function Get-PngSize {
    <#
    .SYNOPSIS
    Width and height of a PNG file, read from its IHDR chunk (bytes 16-23, big-endian).
    #>
    param([Parameter(Mandatory = $true)][string]$Path)

    $full = (Resolve-Path -LiteralPath $Path).ProviderPath
    [byte[]]$bytes = [System.IO.File]::ReadAllBytes($full)
    [byte[]]$signature = 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A
    if ($bytes.Length -lt 24) { throw "$full is too short to be a PNG." }
    for ($i = 0; $i -lt 8; $i++) {
        if ($bytes[$i] -ne $signature[$i]) { throw "$full is not a PNG (bad signature)." }
    }
    if ([System.Text.Encoding]::ASCII.GetString($bytes, 12, 4) -ne 'IHDR') { throw "$full has no IHDR chunk first." }
    [long]$width = ([long]$bytes[16] -shl 24) -bor ([long]$bytes[17] -shl 16) -bor ([long]$bytes[18] -shl 8) -bor [long]$bytes[19]
    [long]$height = ([long]$bytes[20] -shl 24) -bor ([long]$bytes[21] -shl 16) -bor ([long]$bytes[22] -shl 8) -bor [long]$bytes[23]
    [pscustomobject]@{ Width = [int]$width; Height = [int]$height }
}

# CRC-32 (IEEE, reflected, polynomial 0xEDB88320) as in PNG. Everything is done in [long] with
# decimal literals: in PowerShell 0xEDB88320 is a NEGATIVE Int32, and uint32 arithmetic is awkward.
$script:MjCrcTable = $null

function Get-MjCrc32 {
    param([Parameter(Mandatory = $true)][byte[]]$Bytes)

    if ($null -eq $script:MjCrcTable) {
        $table = New-Object 'long[]' 256
        for ($n = 0; $n -lt 256; $n++) {
            [long]$c = $n
            for ($k = 0; $k -lt 8; $k++) {
                if (($c -band 1) -eq 1) {
                    $c = ([long]3988292384) -bxor ($c -shr 1)
                }
                else {
                    $c = $c -shr 1
                }
            }
            $table[$n] = $c
        }
        $script:MjCrcTable = $table
    }
    $table = $script:MjCrcTable
    [long]$crc = 4294967295
    foreach ($byte in $Bytes) {
        $crc = $table[[int](($crc -bxor [long]$byte) -band 255)] -bxor ($crc -shr 8)
    }
    $crc -bxor ([long]4294967295)
}

function ConvertTo-MjBigEndian {
    # Four bytes, most significant first, of a value in 0..2^32-1.
    param([Parameter(Mandatory = $true)][long]$Value)
    $result = New-Object byte[] 4
    $result[0] = [byte](($Value -shr 24) -band 255)
    $result[1] = [byte](($Value -shr 16) -band 255)
    $result[2] = [byte](($Value -shr 8) -band 255)
    $result[3] = [byte]($Value -band 255)
    # The comma keeps the byte[] from being unrolled into object[].
    , $result
}

function Write-MjPngChunk {
    param(
        [Parameter(Mandatory = $true)][System.IO.Stream]$Stream,
        [Parameter(Mandatory = $true)][string]$Type,
        [Parameter(Mandatory = $true)][AllowEmptyCollection()][byte[]]$Data
    )
    [byte[]]$typeBytes = [System.Text.Encoding]::ASCII.GetBytes($Type)
    [byte[]]$length = ConvertTo-MjBigEndian $Data.Length
    $Stream.Write($length, 0, 4)
    $typeAndData = New-Object byte[] (4 + $Data.Length)
    [System.Array]::Copy($typeBytes, 0, $typeAndData, 0, 4)
    if ($Data.Length -gt 0) {
        [System.Array]::Copy($Data, 0, $typeAndData, 4, $Data.Length)
    }
    $Stream.Write($typeAndData, 0, $typeAndData.Length)
    [byte[]]$crc = ConvertTo-MjBigEndian (Get-MjCrc32 $typeAndData)
    $Stream.Write($crc, 0, 4)
}

function New-MjMaskPng {
    <#
    .SYNOPSIS
    Writes a valid 8-bit greyscale PNG of Width x Height: right half white (repaint), left half black (keep).
    IDAT is a zlib stream: header 78 01, raw deflate ([System.IO.Compression.DeflateStream]), Adler-32.
    Every row is identical, so Adler-32 is computed per row in O(width + height):
      after a row of length L with byte sum s and t = sum((L - i) * row[i]):  B += L*A + t;  A += s  (mod 65521).
    #>
    param(
        [Parameter(Mandatory = $true)][int]$Width,
        [Parameter(Mandatory = $true)][int]$Height,
        [Parameter(Mandatory = $true)][string]$Path
    )

    Add-Type -AssemblyName System.IO.Compression

    $rowLength = $Width + 1
    $row = New-Object byte[] $rowLength
    # $row[0] = 0: filter type None.
    $half = [int][System.Math]::Floor($Width / 2)
    for ($x = $half; $x -lt $Width; $x++) {
        $row[$x + 1] = 255
    }

    [long]$sum = 0
    [long]$weighted = 0
    for ($i = 0; $i -lt $rowLength; $i++) {
        $sum += $row[$i]
        $weighted += ([long]($rowLength - $i)) * $row[$i]
    }
    [long]$adlerA = 1
    [long]$adlerB = 0
    for ($y = 0; $y -lt $Height; $y++) {
        $adlerB = ($adlerB + [long]$rowLength * $adlerA + $weighted) % 65521
        $adlerA = ($adlerA + $sum) % 65521
    }

    $deflated = New-Object System.IO.MemoryStream
    $deflate = New-Object System.IO.Compression.DeflateStream -ArgumentList $deflated, ([System.IO.Compression.CompressionMode]::Compress), $true
    try {
        for ($y = 0; $y -lt $Height; $y++) {
            $deflate.Write($row, 0, $rowLength)
        }
    }
    finally {
        # Disposing flushes the final deflate block.
        $deflate.Dispose()
    }

    $idat = New-Object System.IO.MemoryStream
    $idat.WriteByte(0x78)
    $idat.WriteByte(0x01)
    [byte[]]$compressed = $deflated.ToArray()
    $idat.Write($compressed, 0, $compressed.Length)
    [byte[]]$adler = ConvertTo-MjBigEndian (($adlerB -shl 16) -bor $adlerA)
    $idat.Write($adler, 0, 4)

    $header = New-Object byte[] 13
    [byte[]]$w = ConvertTo-MjBigEndian $Width
    [byte[]]$h = ConvertTo-MjBigEndian $Height
    [System.Array]::Copy($w, 0, $header, 0, 4)
    [System.Array]::Copy($h, 0, $header, 4, 4)
    $header[8] = 8   # bit depth
    $header[9] = 0   # colour type: greyscale
    $header[10] = 0  # compression: deflate
    $header[11] = 0  # filter method
    $header[12] = 0  # no interlace

    $png = New-Object System.IO.MemoryStream
    [byte[]]$signature = 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A
    $png.Write($signature, 0, 8)
    Write-MjPngChunk -Stream $png -Type 'IHDR' -Data $header
    Write-MjPngChunk -Stream $png -Type 'IDAT' -Data $idat.ToArray()
    Write-MjPngChunk -Stream $png -Type 'IEND' -Data (New-Object byte[] 0)

    # .NET resolves relative paths against the process directory, not the PowerShell location.
    $full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
    [System.IO.File]::WriteAllBytes($full, $png.ToArray())
    Get-Item -LiteralPath $full
}

function Import-MjHtmlParser {
    <#
    .SYNOPSIS
    Loads AngleSharp (an HTML5 parser: it reads a page as a browser does), brought into the NuGet package folder by
    tools/Pester's restore (build.ps1 runs it before Pester; a direct Invoke-Pester run restores it here).
    #>
    if ('AngleSharp.Html.Parser.HtmlParser' -as [type]) { return }
    $project = Join-Path $RepoRoot 'tools/Pester/Pester.Restore.csproj'
    $assetsPath = Join-Path $RepoRoot 'tools/Pester/obj/project.assets.json'
    $wanted = $null
    foreach ($attempt in 1, 2) {
        if (Test-Path -LiteralPath $assetsPath) {
            $assets = Get-Content -LiteralPath $assetsPath -Raw | ConvertFrom-Json
            $wanted = @($assets.project.frameworks.PSObject.Properties | ForEach-Object { $_.Value.downloadDependencies } | Where-Object { $_.name -eq 'AngleSharp' }) | Select-Object -First 1
        }
        if ($wanted) { break }
        & dotnet restore $project -nologo -v q | Out-Host
    }
    if (-not $wanted) { throw "tools/Pester/Pester.Restore.csproj does not download AngleSharp." }
    $version = $wanted.version.Trim('[', ']').Split(',')[0].Trim()
    # PowerShell 7.4+ runs on .NET 8 or later; Windows PowerShell 5.1 on .NET Framework.
    $target = 'net472'
    if ($PSVersionTable.PSEdition -eq 'Core') { $target = 'net8.0' }
    foreach ($folder in $assets.packageFolders.PSObject.Properties.Name) {
        $dll = Join-Path $folder "anglesharp/$version/lib/$target/AngleSharp.dll"
        if (Test-Path -LiteralPath $dll) {
            Add-Type -Path $dll
            return
        }
    }
    throw "AngleSharp $version was restored, but lib/$target/AngleSharp.dll is in none of the package folders."
}

function ConvertFrom-MjHtml {
    # The document a browser would build from the HTML file at -Path (AngleSharp's HTML5 parser).
    param([Parameter(Mandatory = $true)][string]$Path)
    Import-MjHtmlParser
    $parser = New-Object AngleSharp.Html.Parser.HtmlParser
    $parser.ParseDocument([System.IO.File]::ReadAllText($Path))
}
