<#
.SYNOPSIS
Prints the figures of docs/performance.md ("Export-MjGallery"): the export time and page weight of a batch of
-Rows rows run on the simulator, the first load of that page in headless Chromium, and the preview cost of
full-size (2048x2048) pictures.

.DESCRIPTION
Needs the built module (./build.ps1). Starts its own simulator (100 slots, time 500x faster), runs Invoke-MjBatch
over -Rows prompts (every 10th with a U1, every 50th with a banned word that the server fails), then times
Export-MjGallery on the folder twice (no previews yet; then -Force, previews kept), measures the page, loads it in
Chromium when one is installed, and finally exports -FullSize generated 2048x2048 PNGs (smooth colours with grain,
about as hard to shrink as a real grid) to time the previews of real-size pictures. Everything is written under
a temporary folder that is removed at the end. PowerShell 7 only (it compiles a small picture generator).

.EXAMPLE
dotnet pwsh ./tools/Measure-Gallery.ps1 -Rows 1000
#>
param(
    [int]$Rows = 1000,
    [int]$FullSize = 20
)

$ErrorActionPreference = 'Stop'
$repo = Split-Path -Parent $PSScriptRoot
. (Join-Path $PSScriptRoot 'Simulator.ps1')
. (Join-Path $PSScriptRoot 'Chromium.ps1')
$version = (Import-PowerShellDataFile -Path (Join-Path $repo 'src/Midjourney.PowerShell/Midjourney.psd1')).ModuleVersion
Import-Module (Join-Path $repo "out/Midjourney/$version/Midjourney.psd1")

function Get-FolderBytes {
    param([string]$Path)
    [long](Get-ChildItem -LiteralPath $Path -Recurse -File | Measure-Object -Property Length -Sum).Sum
}

function Format-KB {
    param([double]$Bytes)
    '{0:N1} KB' -f ($Bytes / 1KB)
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-gallery-figures-' + [guid]::NewGuid().ToString('N'))
$night = Join-Path $work 'night'
$simulator = Start-MjSimulator -SimulatorDll (Build-MjSimulator -RepoRoot $repo) -TimeScale 0.002 -ExtraArgument @('--concurrency', '100', '--queue', '5000')
try {
    Connect-MjServer -Uri $simulator.BaseUrl -JournalPath (Join-Path $work 'journal.jsonl')
    $batchTime = Measure-Command {
        $summary = 1..$Rows | ForEach-Object {
            $then = ''
            if ($_ % 10 -eq 0) { $then = 'U1' }
            $prompt = "overnight prompt $_, a lighthouse at dusk --ar 3:2"
            if ($_ % 50 -eq 0) { $prompt = "overnight prompt $_, a blood moon" }
            [pscustomobject]@{ Prompt = $prompt; Then = $then }
        } | Invoke-MjBatch -OutputPath $night -MaxInFlight 100 -PollInterval 1 -ErrorAction SilentlyContinue
    }
    $pictures = @(Get-ChildItem -LiteralPath $night -Filter *.png).Count

    # Wall time and this process's CPU time: on a busy machine the second says what the export itself costs.
    $cpuBefore = (Get-Process -Id $PID).TotalProcessorTime
    $cold = Measure-Command { $page = Export-MjGallery -Path $night -PassThru }
    $coldCpu = (Get-Process -Id $PID).TotalProcessorTime - $cpuBefore
    $cpuBefore = (Get-Process -Id $PID).TotalProcessorTime
    $warm = Measure-Command { $null = Export-MjGallery -Path $night -Force }
    $warmCpu = (Get-Process -Id $PID).TotalProcessorTime - $cpuBefore
    $gallery = Split-Path -Parent $page.FullName
    $thumbs = @(Get-ChildItem -LiteralPath (Join-Path $gallery 'thumbs') -File)
    $thumbBytes = ($thumbs | Measure-Object -Property Length -Sum -Average -Maximum)
    $assets = (Get-Item (Join-Path $gallery 'gallery.css')).Length + (Get-Item (Join-Path $gallery 'gallery.js')).Length
    $cards = ([regex]::Matches((Get-Content -LiteralPath $page.FullName -Raw), '<article ')).Count

    $browser = $null
    if (Find-MjChromium) {
        $browser = Invoke-MjBrowserPage -Path $page.FullName -Evaluate @{
            Loaded = 'Math.round(performance.getEntriesByType("navigation")[0].loadEventEnd)'
            Content = 'Math.round(performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd)'
            Filter = '(function(){var q=document.getElementById("q");var t=performance.now();q.value="blood";q.dispatchEvent(new Event("input"));return new Promise(function(r){setTimeout(function(){r(Math.round(performance.now()-t-80)+" ms, "+document.getElementById("shown").textContent)},200)})})()'
        }
    }

    # Full-size pictures: generated here (smooth colour fields with grain, as hard for JPEG as a real grid).
    $big = Join-Path $work 'fullsize'
    $null = New-Item -ItemType Directory -Path $big -Force
    Add-Type -TypeDefinition @'
using System; using System.IO; using System.IO.Compression; using System.Buffers.Binary; using System.Text;
public static class MjFigurePng {
    public static void Write(string path, int size, int seed) {
        var random = new Random(seed); var row = new byte[size * 3 + 1]; var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, true))
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int g = random.Next(-12, 13);
                    row[1 + x * 3] = (byte)Math.Clamp((x * 255 / size) + g, 0, 255);
                    row[2 + x * 3] = (byte)Math.Clamp((y * 255 / size) + g, 0, 255);
                    row[3 + x * 3] = (byte)Math.Clamp(((x + y + seed * 97) % size) * 255 / size + g, 0, 255);
                }
                z.Write(row, 0, row.Length);
            }
        var header = new byte[13]; BinaryPrimitives.WriteInt32BigEndian(header, size); BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size); header[8] = 8; header[9] = 2;
        using var png = File.Create(path);
        png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        Chunk(png, "IHDR", header); Chunk(png, "IDAT", compressed.ToArray()); Chunk(png, "IEND", Array.Empty<byte>());
    }
    static void Chunk(Stream s, string type, byte[] data) {
        var td = new byte[4 + data.Length]; Encoding.ASCII.GetBytes(type, td); data.CopyTo(td, 4);
        var len = new byte[4]; BinaryPrimitives.WriteInt32BigEndian(len, data.Length); s.Write(len); s.Write(td);
        uint c = 0xFFFFFFFF; foreach (var b in td) { c ^= b; for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1; }
        var crc = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(crc, ~c); s.Write(crc);
    }
}
'@
    1..$FullSize | ForEach-Object { [MjFigurePng]::Write((Join-Path $big "full-$_.png"), 2048, $_) }
    $fullBytes = Get-FolderBytes -Path $big
    $cpuBefore = (Get-Process -Id $PID).TotalProcessorTime
    $fullTime = Measure-Command { Get-ChildItem -LiteralPath $big -Filter *.png | Export-MjGallery -OutputPath (Join-Path $big 'page') }
    $fullCpu = (Get-Process -Id $PID).TotalProcessorTime - $cpuBefore
    $fullThumbs = Get-ChildItem -LiteralPath (Join-Path $big 'page/thumbs') -File | Measure-Object -Property Length -Average -Maximum

    $cpu = [Environment]::ProcessorCount
    Write-Output ''
    $load = ''
    if (Test-Path -LiteralPath '/proc/loadavg') { $load = ', load average ' + (Get-Content -LiteralPath '/proc/loadavg').Split(' ')[0] }
    Write-Output "Export-MjGallery figures ($cpu cores$load, PowerShell $($PSVersionTable.PSVersion), simulator pictures 512 px)"
    Write-Output ''
    Write-Output '| figure | value |'
    Write-Output '|---|---:|'
    Write-Output ("| batch rows (done / failed) | {0} ({1} / {2}) |" -f $summary.Rows, $summary.Done, $summary.Failed)
    Write-Output ("| pictures in the folder | {0} |" -f $pictures)
    Write-Output ("| Invoke-MjBatch of the rows, for reference | {0:N1} s |" -f $batchTime.TotalSeconds)
    Write-Output ("| Export-MjGallery, first export (every preview made): wall / CPU | {0:N2} s / {1:N2} s |" -f $cold.TotalSeconds, $coldCpu.TotalSeconds)
    Write-Output ("| Export-MjGallery -Force again (previews kept): wall / CPU | {0:N2} s / {1:N2} s |" -f $warm.TotalSeconds, $warmCpu.TotalSeconds)
    Write-Output ("| cards on the page | {0} |" -f $cards)
    Write-Output ("| index.html | {0} ({1} per card) |" -f (Format-KB $page.Length), (Format-KB ($page.Length / [Math]::Max(1, $cards))))
    Write-Output ("| gallery.css + gallery.js | {0} |" -f (Format-KB $assets))
    Write-Output ("| previews: count, average, largest | {0}, {1}, {2} |" -f $thumbs.Count, (Format-KB $thumbBytes.Average), (Format-KB $thumbBytes.Maximum))
    Write-Output ("| whole page folder | {0} |" -f (Format-KB (Get-FolderBytes -Path $gallery)))
    if ($browser) {
        $asked = @($browser.Requests | Where-Object { $_ -like '*/thumbs/*' }).Count
        Write-Output ("| Chromium: DOMContentLoaded / load event (1280x900, from disk) | {0} ms / {1} ms |" -f $browser.Values.Content, $browser.Values.Loaded)
        Write-Output ("| Chromium: previews asked for on load (lazy loading) | {0} of {1} |" -f $asked, $thumbs.Count)
        Write-Output ("| Chromium: filter 'blood' over every card | {0} |" -f $browser.Values.Filter)
        Write-Output ("| Chromium: console errors, CSP reports, requests outside file: | {0}, {1}, {2} |" -f @($browser.Console | Where-Object { $_.Type -eq 'error' }).Count, @($browser.Log | Where-Object { $_.Source -eq 'security' }).Count, @($browser.Requests | Where-Object { $_ -notlike 'file:*' }).Count)
    }
    Write-Output ("| full-size pictures: {0} generated 2048x2048 PNGs ({1}) exported: wall / CPU | {2:N2} s / {3:N2} s ({4:N0} ms CPU a picture) |" -f $FullSize, (Format-KB $fullBytes), $fullTime.TotalSeconds, $fullCpu.TotalSeconds, ($fullCpu.TotalMilliseconds / $FullSize))
    Write-Output ("| full-size previews: average, largest | {0}, {1} |" -f (Format-KB $fullThumbs.Average), (Format-KB $fullThumbs.Maximum))
}
finally {
    Get-MjServer | Disconnect-MjServer
    Stop-MjSimulator -Simulator $simulator
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
