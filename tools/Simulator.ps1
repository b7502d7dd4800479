# Helpers to build, start and stop src/Midjourney.Simulator from PowerShell.
# Dot-sourced by build.ps1 (Demo, Test) and tests/common.ps1.
# Windows PowerShell 5.1 compatible: no ??, no ternary, no && / ||, no $IsWindows.

function Get-MjRepoRoot {
    Split-Path -Parent $PSScriptRoot
}

function Build-MjSimulator {
    <#
    .SYNOPSIS
    Builds the simulator (Release) into out/simulator and returns the path of Midjourney.Simulator.dll.
    The dll is started with 'dotnet <dll>' so that the started process IS the server: stopping it
    stops the server (with 'dotnet run' the server would be a child process that survives).
    #>
    [CmdletBinding()]
    param([string]$RepoRoot = (Get-MjRepoRoot))

    $project = Join-Path $RepoRoot 'src/Midjourney.Simulator'
    $outDir = Join-Path $RepoRoot 'out/simulator'
    $arguments = @('build', $project, '-c', 'Release', '-o', $outDir, '-nologo', '-v', 'q')
    & dotnet @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet build of the simulator failed with exit code $LASTEXITCODE"
    }
    $dll = Join-Path $outDir 'Midjourney.Simulator.dll'
    if (-not (Test-Path -LiteralPath $dll)) {
        throw "The simulator build did not produce $dll"
    }
    $dll
}

function ConvertTo-MjProcessArgument {
    # Start-Process joins -ArgumentList with spaces and does not quote (5.1 and 7): quote ourselves.
    param([string]$Value)
    if ($Value -match '[\s"]') {
        return '"' + ($Value -replace '"', '\"') + '"'
    }
    $Value
}

function Start-MjSimulator {
    <#
    .SYNOPSIS
    Starts the simulator on a free loopback port and waits for its ready file.
    Returns an object with Process, BaseUrl (no trailing slash), ReadyFile, LogFile and ErrorFile.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory = $true)]
        [string]$SimulatorDll,

        [double]$TimeScale = 0.02,

        [string[]]$ExtraArgument = @(),

        [int]$StartTimeoutSeconds = 60
    )

    $stem = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-sim-' + [guid]::NewGuid().ToString('N'))
    $readyFile = $stem + '.ready'
    $logFile = $stem + '.out.log'
    $errorFile = $stem + '.err.log'

    $arguments = @(
        $SimulatorDll
        '--urls', 'http://127.0.0.1:0'
        '--time-scale', $TimeScale.ToString([System.Globalization.CultureInfo]::InvariantCulture)
        '--ready-file', $readyFile
    ) + $ExtraArgument
    $argumentLine = ($arguments | ForEach-Object { ConvertTo-MjProcessArgument $_ }) -join ' '

    $process = Start-Process -FilePath 'dotnet' -ArgumentList $argumentLine -PassThru -NoNewWindow `
        -RedirectStandardOutput $logFile -RedirectStandardError $errorFile
    # Touch the handle now: without it, Windows PowerShell cannot read ExitCode later.
    $null = $process.Handle

    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSeconds)
    $baseUrl = $null
    while ($null -eq $baseUrl) {
        if (Test-Path -LiteralPath $readyFile) {
            $raw = $null
            try {
                $raw = [System.IO.File]::ReadAllText($readyFile)
            }
            catch {
                # Still being written, or locked for a moment: try again.
                $raw = $null
            }
            # The simulator writes "<url><newline>": only a complete line counts.
            if ($null -ne $raw -and $raw -match '^(https?://\S+?)/?\r?\n') {
                $baseUrl = $Matches[1]
                break
            }
        }
        if ($process.HasExited) {
            $stderr = ''
            if (Test-Path -LiteralPath $errorFile) { $stderr = [System.IO.File]::ReadAllText($errorFile) }
            throw "The simulator exited with code $($process.ExitCode) before it was ready. $stderr"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The simulator did not write $readyFile within $StartTimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 100
    }

    [pscustomobject]@{
        Process   = $process
        BaseUrl   = $baseUrl
        ReadyFile = $readyFile
        LogFile   = $logFile
        ErrorFile = $errorFile
    }
}

function Stop-MjSimulator {
    <#
    .SYNOPSIS
    Stops a simulator started by Start-MjSimulator (by its process id) and deletes its temp files.
    #>
    [CmdletBinding()]
    param([object]$Simulator)

    if ($null -eq $Simulator) { return }
    $process = $Simulator.Process
    if ($null -ne $process -and -not $process.HasExited) {
        Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
        $null = $process.WaitForExit(10000)
    }
    foreach ($file in @($Simulator.ReadyFile, $Simulator.LogFile, $Simulator.ErrorFile)) {
        if ($file -and (Test-Path -LiteralPath $file)) {
            Remove-Item -LiteralPath $file -Force -ErrorAction SilentlyContinue
        }
    }
}

function Get-MjSimulatorStats {
    <#
    .SYNOPSIS
    GET /sim/stats of a running simulator (TasksCreated, SubmitsAccepted, Requests, ...).
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][object]$Simulator)

    Invoke-RestMethod -Uri ($Simulator.BaseUrl + '/sim/stats') -Method Get -UseBasicParsing
}
