#!/usr/bin/env pwsh
<#
.SYNOPSIS
Builds, tests, demonstrates and packages the Midjourney PowerShell module.

.DESCRIPTION
Build   dotnet publish src/Midjourney.PowerShell (version from its Midjourney.psd1) and lay out
        out/Midjourney/<version>/ : Midjourney.psd1, Midjourney.Format.ps1xml, LICENSE,
        Midjourney.PowerShell.dll, Midjourney.Client.dll, dependencies/<third-party dlls>,
        en-US/<MAML + about help>. Fails on a missing allow-listed dll and on any unexpected dll.
Test    Build, dotnet test (from the repository root), then Pester 5.9.1 (restored from the package feed
        through tools/Pester, imported by path) on tests/*.Tests.ps1 in fresh PowerShell processes (one per
        core, 2 to 4, MJ_TEST_WORKERS overrides; tools/PesterWorker.ps1), writing out/TestResults/pester/*.xml
        (NUnit, one per file). Fails when a test fails or Pester cannot be loaded.
Demo    Build, start the simulator, run imagine -> wait -> U1 -> wait -> save in a fresh process,
        show the tasks and files, stop the simulator.
Package Build, then out/Midjourney.<version>.nupkg through a temporary local repository
        (PSResourceGet, else PowerShellGet 2).

Runs on Windows PowerShell 5.1 and PowerShell 7+.

.EXAMPLE
./build.ps1 -Task Test -Configuration Debug
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string]$Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string]$Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$RepoRoot = $PSScriptRoot
$ModuleName = 'Midjourney'
# The module's own manifest and views live beside its project; the repository root's Midjourney.psd1 only says
# what to import instead.
$ManifestPath = Join-Path $RepoRoot 'src/Midjourney.PowerShell/Midjourney.psd1'
$FormatPath = Join-Path $RepoRoot 'src/Midjourney.PowerShell/Midjourney.Format.ps1xml'
# Keep in step with tools/Pester/Pester.Restore.csproj.
$PesterVersion = '5.9.1'

# The module's own assemblies: they go to the module root.
$ModuleAssemblies = @(
    'Midjourney.PowerShell.dll'
    'Midjourney.Client.dll'
    'Midjourney.Imaging.dll'
)

# Every third-party assembly of the publish output, and nothing else: they go to dependencies/.
# The build fails when one of these is missing AND when the publish output holds a dll that is on
# neither list (practices §3.3). A unit test (tests/Midjourney.PowerShell.Tests/Packaging) compares
# this list with the project's real dependencies, so keep it a plain list of quoted names.
$DependencyAllowList = @(
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'Microsoft.Bcl.TimeProvider.dll'
    'Polly.Core.dll'
    'SkiaSharp.dll'
    'System.Buffers.dll'
    'System.ComponentModel.Annotations.dll'
    'System.IO.Hashing.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Text.Encodings.Web.dll'
    'System.Text.Json.dll'
    'System.Threading.Tasks.Extensions.dll'
)

# Native libraries, by their path in the package (runtimeTargets of src/Midjourney.PowerShell/obj/project.assets.json):
# they go to dependencies/<same path>, where the module's loader looks for the running OS and processor.
# SkiaSharp's Linux assets are the NoDependencies variant (no fontconfig). A unit test checks every entry is a
# real native asset of the project; keep it a plain list of quoted paths.
# Only the image cmdlets need them, and they are most of the package: the 64-bit Windows, Linux and macOS ones ship
# (osx is one file for x64 and arm64). win-x86 (32-bit PowerShell, 4.5 MB packed, 10 MB installed) and
# linux-musl-x64 (Alpine, 7.0 MB packed, 18 MB installed) are left out; there the image cmdlets say
# MjImagingUnavailable and which file to add (README, "Installing from the PowerShell Gallery").
$NativeAllowList = @(
    'runtimes/linux-arm64/native/libSkiaSharp.so'
    'runtimes/linux-x64/native/libSkiaSharp.so'
    'runtimes/osx/native/libSkiaSharp.dylib'
    'runtimes/win-arm64/native/libSkiaSharp.dll'
    'runtimes/win-x64/native/libSkiaSharp.dll'
)

. (Join-Path $RepoRoot 'tools/Simulator.ps1')
. (Join-Path $RepoRoot 'tools/TestHygiene.ps1')

function Write-Step {
    param([string]$Message)
    Write-Host ''
    Write-Host "==> $Message" -ForegroundColor Cyan
}

function Invoke-Native {
    # Runs a native command, echoes it, sends its output to the host (never into a function's
    # return value) and throws on a non-zero exit code.
    param(
        [Parameter(Mandatory = $true)][string]$FilePath,
        [string[]]$ArgumentList = @()
    )
    Write-Host ("> $FilePath " + ($ArgumentList -join ' ')) -ForegroundColor DarkGray
    & $FilePath @ArgumentList | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE"
    }
}

function Get-ModuleVersion {
    $data = Import-PowerShellDataFile -Path $ManifestPath
    $version = [string]$data.ModuleVersion
    if (-not ($version -match '^\d+\.\d+\.\d+$')) {
        throw "ModuleVersion '$version' in $ManifestPath is not Major.Minor.Patch"
    }
    $version
}

function Get-PowerShellExecutable {
    # The same edition as the one running this script, started fresh (binary modules cannot be unloaded).
    $onWindows = [System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $name = 'pwsh'
        if ($onWindows) { $name = 'pwsh.exe' }
    }
    else {
        $name = 'powershell.exe'
    }
    $candidate = Join-Path $PSHOME $name
    if (Test-Path -LiteralPath $candidate) { return $candidate }
    $command = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($null -eq $command) { throw "Cannot find $name to start a fresh PowerShell process." }
    $command.Source
}

function Invoke-PowerShellScript {
    # Runs a script file in a fresh process of the current edition; throws on a non-zero exit code.
    param(
        [Parameter(Mandatory = $true)][string]$ScriptPath,
        [string[]]$ArgumentList = @()
    )
    $exe = Get-PowerShellExecutable
    $arguments = @('-NoProfile', '-NonInteractive')
    if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
        $arguments += @('-ExecutionPolicy', 'Bypass')
    }
    $arguments += @('-File', $ScriptPath) + $ArgumentList
    Invoke-Native -FilePath $exe -ArgumentList $arguments
}

function Test-PublishOutput {
    param([Parameter(Mandatory = $true)][string]$PublishDirectory)

    # Top-level dlls by name; any dll in a subfolder (runtimes/, a satellite culture) is unexpected.
    $found = @(Get-ChildItem -LiteralPath $PublishDirectory -Filter '*.dll' -File | ForEach-Object { $_.Name })
    $nested = @(Get-ChildItem -LiteralPath $PublishDirectory -Directory | ForEach-Object {
            $folder = $_.Name
            Get-ChildItem -LiteralPath $_.FullName -Filter '*.dll' -File -Recurse | ForEach-Object { "$folder/.../$($_.Name)" }
        })
    $expected = @($ModuleAssemblies) + @($DependencyAllowList)

    $missing = @($expected | Where-Object { $found -notcontains $_ })
    $unexpected = @($found | Where-Object { $expected -notcontains $_ }) + $nested

    $problems = @()
    if ($missing.Count -gt 0) {
        $problems += "allow-listed but missing from the publish output: $($missing -join ', ')"
    }
    if ($unexpected.Count -gt 0) {
        $problems += "in the publish output but not allow-listed (add to `$DependencyAllowList in build.ps1 after checking it loads on 5.1 and 7): $($unexpected -join ', ')"
    }
    if ($problems.Count -gt 0) {
        throw ("Dependency check failed: " + ($problems -join '; '))
    }
}

function Copy-NativeAsset {
    # Copies each $NativeAllowList file from the restored package that lists it in runtimeTargets.
    param([Parameter(Mandatory = $true)][string]$DependencyDirectory)
    $assetsPath = Join-Path $RepoRoot 'src/Midjourney.PowerShell/obj/project.assets.json'
    $assets = Get-Content -LiteralPath $assetsPath -Raw | ConvertFrom-Json
    $folders = @($assets.packageFolders.PSObject.Properties.Name)
    $target = @($assets.targets.PSObject.Properties)[0].Value
    foreach ($relative in $NativeAllowList) {
        $source = $null
        foreach ($package in $target.PSObject.Properties) {
            $runtimeTargets = $package.Value.PSObject.Properties['runtimeTargets']
            if ($null -eq $runtimeTargets -or $null -eq $runtimeTargets.Value.PSObject.Properties[$relative]) { continue }
            $library = $assets.libraries.PSObject.Properties[$package.Name].Value
            foreach ($folder in $folders) {
                $candidate = Join-Path (Join-Path $folder $library.path) $relative
                if (Test-Path -LiteralPath $candidate) { $source = $candidate; break }
            }
        }
        if ($null -eq $source) { throw "Native asset $relative is allow-listed but no restored package provides it." }
        $destination = Join-Path $DependencyDirectory $relative
        $null = New-Item -ItemType Directory -Path (Split-Path -Parent $destination) -Force
        Copy-Item -LiteralPath $source -Destination $destination
    }
}

function Invoke-BuildTask {
    $version = Get-ModuleVersion
    Write-Step "Build $ModuleName $version ($Configuration)"

    $moduleRoot = Join-Path $RepoRoot "out/$ModuleName"
    $moduleDir = Join-Path $moduleRoot $version
    $publishDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-publish-' + [guid]::NewGuid().ToString('N'))

    try {
        Invoke-Native -FilePath 'dotnet' -ArgumentList @(
            'publish', (Join-Path $RepoRoot 'src/Midjourney.PowerShell'),
            '-c', $Configuration,
            "-p:Version=$version",
            '-o', $publishDir,
            '-nologo')

        Test-PublishOutput -PublishDirectory $publishDir

        if (Test-Path -LiteralPath $moduleRoot) {
            Remove-Item -LiteralPath $moduleRoot -Recurse -Force
        }
        $dependencyDir = Join-Path $moduleDir 'dependencies'
        $helpDir = Join-Path $moduleDir 'en-US'
        $null = New-Item -ItemType Directory -Path $dependencyDir -Force
        $null = New-Item -ItemType Directory -Path $helpDir -Force

        Copy-Item -LiteralPath $ManifestPath -Destination $moduleDir
        Copy-Item -LiteralPath $FormatPath -Destination $moduleDir
        # The licence travels with the module (the manifest has no LicenseUri: there is no public address yet).
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'LICENSE') -Destination $moduleDir
        foreach ($name in $ModuleAssemblies) {
            Copy-Item -LiteralPath (Join-Path $publishDir $name) -Destination $moduleDir
        }
        foreach ($name in $DependencyAllowList) {
            Copy-Item -LiteralPath (Join-Path $publishDir $name) -Destination $dependencyDir
        }
        Copy-NativeAsset -DependencyDirectory $dependencyDir

        Write-Step 'Help (docs/en-US -> MAML + about topic)'
        Invoke-Native -FilePath 'dotnet' -ArgumentList @(
            'run', '--project', (Join-Path $RepoRoot 'tools/Midjourney.HelpBuilder'),
            '-c', $Configuration, '--',
            '--docs', (Join-Path $RepoRoot 'docs/en-US'),
            '--out', $helpDir)

        foreach ($required in @('Midjourney.PowerShell.dll-Help.xml', 'about_Midjourney.help.txt')) {
            if (-not (Test-Path -LiteralPath (Join-Path $helpDir $required))) {
                throw "The help build did not produce en-US/$required"
            }
        }
    }
    finally {
        if (Test-Path -LiteralPath $publishDir) {
            Remove-Item -LiteralPath $publishDir -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    Write-Host "Module laid out in $moduleDir" -ForegroundColor Green
    $moduleDir
}

function Get-PesterManifest {
    # Pester comes from the package feed through tools/Pester (a PackageDownload), never from the
    # gallery or the user's module path; the restore writes the package folder into project.assets.json.
    $project = Join-Path $RepoRoot 'tools/Pester/Pester.Restore.csproj'
    Invoke-Native -FilePath 'dotnet' -ArgumentList @('restore', $project, '-nologo', '-v', 'q')
    $assets = Join-Path $RepoRoot 'tools/Pester/obj/project.assets.json'
    $folders = @((Get-Content -LiteralPath $assets -Raw | ConvertFrom-Json).packageFolders.PSObject.Properties.Name)
    foreach ($folder in $folders) {
        $manifest = Join-Path $folder "pester/$PesterVersion/tools/Pester.psd1"
        if (Test-Path -LiteralPath $manifest) { return $manifest }
    }
    throw "Pester $PesterVersion was restored, but tools/Pester.psd1 is in none of these package folders: $($folders -join ', ')"
}

function Get-XunitCounts {
    # Adds up the Counters of every .trx file that dotnet test wrote (one per test project).
    param([Parameter(Mandatory = $true)][string]$Directory)
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Files = 0 }
    foreach ($file in @(Get-ChildItem -LiteralPath $Directory -Filter '*.trx' -File -ErrorAction SilentlyContinue)) {
        [xml]$trx = Get-Content -LiteralPath $file.FullName -Raw
        $counters = $trx.TestRun.ResultSummary.Counters
        $counts.Passed += [int]$counters.passed
        $counts.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $counts.Skipped += [int]$counters.notExecuted
        $counts.Files++
    }
    $counts
}

function Get-PesterWorkerCount {
    # One Pester process per core (at least 2: the tests mostly wait on simulators), at most 4; MJ_TEST_WORKERS overrides.
    $count = 0
    if ([int]::TryParse([string]$env:MJ_TEST_WORKERS, [ref]$count) -and $count -ge 1) { return $count }
    [math]::Min(4, [math]::Max(2, [System.Environment]::ProcessorCount))
}

function Invoke-PesterWorkers {
    # Runs the Pester files in $Workers fresh processes of tools/PesterWorker.ps1, which share the list and take
    # one file at a time. Prints each file's counts as it finishes, then each worker's full output. Returns the
    # counts and the problems (failed tests, a worker that ended early, a file that never reported).
    param(
        [Parameter(Mandatory = $true)][string[]]$Files,
        [Parameter(Mandatory = $true)][int]$Workers,
        [Parameter(Mandatory = $true)][string]$PesterManifest,
        [Parameter(Mandatory = $true)][string]$ResultDirectory
    )
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-pester-' + [guid]::NewGuid().ToString('N'))
    $claims = Join-Path $work 'claims'
    $null = New-Item -ItemType Directory -Path $claims -Force
    $list = Join-Path $work 'files.txt'
    Set-Content -LiteralPath $list -Value $Files -Encoding UTF8
    $exe = Get-PowerShellExecutable
    $script = Join-Path $RepoRoot 'tools/PesterWorker.ps1'
    $arguments = @('-NoProfile', '-NonInteractive')
    if ([System.Environment]::OSVersion.Platform -eq [System.PlatformID]::Win32NT) {
        $arguments += @('-ExecutionPolicy', 'Bypass')
    }
    # Start-Process joins its arguments with spaces, so every path is quoted.
    $arguments += @('-File', $script, '-PesterManifest', $PesterManifest, '-ListPath', $list,
        '-ClaimDirectory', $claims, '-ResultDirectory', $ResultDirectory) | ForEach-Object { '"' + $_ + '"' }
    $Workers = [math]::Min($Workers, $Files.Count)
    Write-Host ("{0} Pester file(s) in {1} process(es)" -f $Files.Count, $Workers)

    $processes = @()
    for ($i = 1; $i -le $Workers; $i++) {
        $process = Start-Process -FilePath $exe -ArgumentList $arguments -NoNewWindow -PassThru `
            -RedirectStandardOutput (Join-Path $work "worker-$i.out") -RedirectStandardError (Join-Path $work "worker-$i.err")
        $null = $process.Handle # keeps the exit code readable after the process ends
        $processes += $process
    }

    $counts = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Problems = @() }
    $reported = @{}
    $names = @($Files | ForEach-Object { [System.IO.Path]::GetFileNameWithoutExtension($_) })
    do {
        $running = @($processes | Where-Object { -not $_.HasExited }).Count
        foreach ($name in $names) {
            $summaryPath = Join-Path $ResultDirectory ($name + '.json')
            if ($reported.ContainsKey($name) -or -not (Test-Path -LiteralPath $summaryPath)) { continue }
            $summary = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
            $reported[$name] = $true
            $counts.Passed += $summary.Passed
            $counts.Failed += $summary.Failed
            $counts.Skipped += $summary.Skipped
            Write-Host ('  {0,-40} {1,4} passed {2,3} failed {3,3} skipped {4,6} s' -f $name, $summary.Passed, $summary.Failed, $summary.Skipped, $summary.Seconds)
        }
        if ($running -gt 0) { Start-Sleep -Milliseconds 500 }
    } while ($running -gt 0)

    for ($i = 1; $i -le $Workers; $i++) {
        Write-Host ''
        Write-Host "----- Pester process $i of $Workers -----"
        foreach ($stream in @('out', 'err')) {
            $path = Join-Path $work "worker-$i.$stream"
            if (Test-Path -LiteralPath $path) { Get-Content -LiteralPath $path | ForEach-Object { Write-Host $_ } }
        }
        $process = $processes[$i - 1]
        $process.WaitForExit()
        if ($process.ExitCode -ne 0) { $counts.Problems += "Pester process $i exited with code $($process.ExitCode)" }
    }
    foreach ($name in $names) {
        if (-not $reported.ContainsKey($name)) { $counts.Problems += "Pester: $name.Tests.ps1 did not run to the end (no summary was written)" }
    }
    if ($counts.Failed -gt 0) { $counts.Problems += "Pester: $($counts.Failed) failed" }
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    $counts
}

function Invoke-TestTask {
    # Runs xunit, then Pester (even when xunit failed, so one run shows every failure), prints both
    # counts and one closing total, and throws when anything failed or could not run.
    param([Parameter(Mandatory = $true)][string]$ModuleDirectory)

    $resultRoot = Join-Path $RepoRoot 'out/TestResults'
    if (Test-Path -LiteralPath $resultRoot) { Remove-Item -LiteralPath $resultRoot -Recurse -Force }
    $xunitResults = Join-Path $resultRoot 'xunit'
    $null = New-Item -ItemType Directory -Path $xunitResults -Force

    # Fingerprint the user's real journal before any test; the last Pester test compares (tests/Hygiene).
    $env:MJ_TEST_REAL_JOURNAL_SNAPSHOT = Get-MjRealJournalSnapshot

    $problems = @()
    Write-Step 'dotnet test'
    Push-Location $RepoRoot
    try {
        Invoke-Native -FilePath 'dotnet' -ArgumentList @(
            'test', '-c', $Configuration, '--nologo',
            '--logger', 'trx', '--results-directory', $xunitResults)
    }
    catch {
        $problems += "xunit: $($_.Exception.Message)"
    }
    finally {
        Pop-Location
    }
    $xunit = Get-XunitCounts -Directory $xunitResults
    if ($xunit.Files -eq 0) { $problems += 'xunit wrote no result file' }

    Write-Step 'Pester'
    $pesterManifest = Get-PesterManifest
    $simulatorDll = Build-MjSimulator -RepoRoot $RepoRoot
    $pesterResults = Join-Path $resultRoot 'pester'
    $null = New-Item -ItemType Directory -Path $pesterResults -Force
    $previousModule = $env:MJ_TEST_MODULE_DIR
    $previousSimulator = $env:MJ_SIMULATOR_DLL
    $pester = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }
    try {
        # tests/common.ps1 reads these: the built module and the already built simulator.
        $env:MJ_TEST_MODULE_DIR = $ModuleDirectory
        $env:MJ_SIMULATOR_DLL = $simulatorDll
        # Every tests/*.Tests.ps1, longest first (file size stands in for run time), spread over the workers;
        # then the hygiene check alone, which must see the whole run.
        $files = @(Get-ChildItem -LiteralPath (Join-Path $RepoRoot 'tests') -Filter '*.Tests.ps1' -File |
                Sort-Object Length -Descending | ForEach-Object { $_.FullName })
        $run = Invoke-PesterWorkers -Files $files -Workers (Get-PesterWorkerCount) -PesterManifest $pesterManifest -ResultDirectory $pesterResults
        $hygiene = Invoke-PesterWorkers -Files @(Join-Path $RepoRoot 'tests/Hygiene/RealJournal.Tests.ps1') -Workers 1 -PesterManifest $pesterManifest -ResultDirectory $pesterResults
        foreach ($part in @($run, $hygiene)) {
            $pester.Passed += $part.Passed
            $pester.Failed += $part.Failed
            $pester.Skipped += $part.Skipped
            $problems += @($part.Problems)
        }
    }
    catch {
        $problems += "Pester: $($_.Exception.Message)"
    }
    finally {
        $env:MJ_TEST_MODULE_DIR = $previousModule
        $env:MJ_SIMULATOR_DLL = $previousSimulator
    }
    $resultPath = Join-Path $pesterResults '*.xml'

    Write-Host ''
    Write-Host "Results: $xunitResults/*.trx and $resultPath"
    Write-Host ('xunit: {0} passed, {1} failed, {2} skipped' -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    Write-Host ('Pester: {0} passed, {1} failed, {2} skipped' -f $pester.Passed, $pester.Failed, $pester.Skipped)
    $summary = 'Tests: {0} passed, {1} failed, {2} skipped' -f ($xunit.Passed + $pester.Passed), ($xunit.Failed + $pester.Failed), ($xunit.Skipped + $pester.Skipped)
    if ($problems.Count -gt 0) {
        Write-Host $summary
        throw ($problems -join '; ')
    }
    $summary
}

function Invoke-DemoTask {
    param([Parameter(Mandatory = $true)][string]$ModuleDirectory)

    $simulatorDll = Build-MjSimulator -RepoRoot $RepoRoot
    $demoOut = Join-Path $RepoRoot 'out/demo'
    $null = New-Item -ItemType Directory -Path $demoOut -Force
    $script = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-demo-' + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -LiteralPath $script -Encoding UTF8 -Value @'
param([string]$ManifestPath, [string]$BaseUrl, [string]$OutDir)
$ErrorActionPreference = 'Stop'
Import-Module $ManifestPath
Connect-MjServer -Uri $BaseUrl -NoJournal
Write-Host "Connected to $BaseUrl"
Write-Host "New-MjImagine 'red ceramic mug' | Wait-MjTask | Invoke-MjButton -Label U1 | Wait-MjTask | Save-MjImage -Path $OutDir"
$files = New-MjImagine 'red ceramic mug' |
    Wait-MjTask -OutVariable grid |
    Invoke-MjButton -Label U1 |
    Wait-MjTask -OutVariable upscale |
    Save-MjImage -Path $OutDir -Force
Write-Host ''
Write-Host 'Tasks:'
@($grid) + @($upscale) | Format-Table | Out-Host
Write-Host 'Buttons of the upscale:'
$upscale[0].Buttons | Format-Table | Out-Host
Write-Host 'Saved files:'
$files | Format-Table Name, Length, LastWriteTime | Out-Host
if (@($files).Count -eq 0) { throw 'The demo saved no file.' }
'@
    $simulator = $null
    try {
        Write-Step 'Demo: starting the simulator'
        $simulator = Start-MjSimulator -SimulatorDll $simulatorDll -TimeScale 0.02
        Write-Host "Simulator listening on $($simulator.BaseUrl) (pid $($simulator.Process.Id))"
        Write-Step 'Demo: running the pipeline in a fresh PowerShell process'
        Invoke-PowerShellScript -ScriptPath $script -ArgumentList @(
            '-ManifestPath', (Join-Path $ModuleDirectory 'Midjourney.psd1'),
            '-BaseUrl', $simulator.BaseUrl,
            '-OutDir', $demoOut)
    }
    finally {
        Stop-MjSimulator -Simulator $simulator
        Remove-Item -LiteralPath $script -Force -ErrorAction SilentlyContinue
        Write-Host 'Simulator stopped.'
    }
}

function Invoke-PackageTask {
    param([Parameter(Mandatory = $true)][string]$ModuleDirectory)

    Write-Step 'Package'
    $version = Get-ModuleVersion
    $work = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-package-' + [guid]::NewGuid().ToString('N'))
    # Publish from a folder named after the module (both PowerShellGet and PSResourceGet take the
    # module name from the folder or manifest name; a version folder confuses PowerShellGet 2).
    $stage = Join-Path $work "stage/$ModuleName"
    $feed = Join-Path $work 'feed'
    $repositoryName = 'MidjourneyBuild' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $usedResourceGet = $false
    $registered = $false
    $null = New-Item -ItemType Directory -Path $stage -Force
    $null = New-Item -ItemType Directory -Path $feed -Force

    try {
        Copy-Item -Path (Join-Path $ModuleDirectory '*') -Destination $stage -Recurse -Force

        if (Get-Command -Name Publish-PSResource -ErrorAction SilentlyContinue) {
            $usedResourceGet = $true
            Register-PSResourceRepository -Name $repositoryName -Uri $feed -Trusted
            $registered = $true
            Publish-PSResource -Path $stage -Repository $repositoryName
        }
        elseif (Get-Command -Name Publish-Module -ErrorAction SilentlyContinue) {
            Write-Host 'PSResourceGet not found: falling back to PowerShellGet 2 (Publish-Module).' -ForegroundColor Yellow
            Register-PSRepository -Name $repositoryName -SourceLocation $feed -PublishLocation $feed -InstallationPolicy Trusted
            $registered = $true
            Publish-Module -Path $stage -Repository $repositoryName
        }
        else {
            throw 'Neither Publish-PSResource (Microsoft.PowerShell.PSResourceGet) nor Publish-Module (PowerShellGet) is available.'
        }

        $package = Get-ChildItem -LiteralPath $feed -Filter '*.nupkg' | Select-Object -First 1
        if ($null -eq $package) { throw "Publishing produced no .nupkg in $feed" }
        $target = Join-Path $RepoRoot ("out/$ModuleName.$version.nupkg")
        Copy-Item -LiteralPath $package.FullName -Destination $target -Force
        Write-Host "Package: $target" -ForegroundColor Green
    }
    finally {
        if ($registered) {
            if ($usedResourceGet) {
                Unregister-PSResourceRepository -Name $repositoryName -ErrorAction SilentlyContinue
            }
            else {
                Unregister-PSRepository -Name $repositoryName -ErrorAction SilentlyContinue
            }
        }
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }
}

$testSummary = $null
try {
    # The function returns the folder as its last output; take that even if a tool wrote something else.
    $moduleDirectory = [string]@(Invoke-BuildTask)[-1]
    switch ($Task) {
        'Build' { }
        'Test' { $testSummary = Invoke-TestTask -ModuleDirectory $moduleDirectory }
        'Demo' { Invoke-DemoTask -ModuleDirectory $moduleDirectory }
        'Package' { Invoke-PackageTask -ModuleDirectory $moduleDirectory }
    }
    Write-Host ''
    Write-Host "build.ps1 -Task ${Task}: done." -ForegroundColor Green
    # The last line of a test run is the plain total, for whoever reads the log from the end.
    if ($testSummary) { Write-Host $testSummary }
    exit 0
}
catch {
    $Host.UI.WriteErrorLine("build.ps1 -Task $Task FAILED: $($_.Exception.Message)")
    if ($_.ScriptStackTrace) { $Host.UI.WriteErrorLine($_.ScriptStackTrace) }
    exit 1
}
