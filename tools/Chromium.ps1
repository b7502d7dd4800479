# Headless Chromium, driven over the DevTools protocol (a WebSocket), to load a page from disk the way a person
# would and report what the browser saw: console messages, uncaught exceptions, CSP and other browser-side errors,
# every request the page made, dialogs, values computed in the page, and a screenshot.
# Dot-sourced by tests/Gallery.Tests.ps1 and tools/Gallery-Screenshot.ps1.
# Windows PowerShell 5.1 compatible: no ??, no ternary, no && / ||, no $IsWindows.

function Find-MjChromium {
    <#
    .SYNOPSIS
    The path of a Chromium or Chrome executable ($env:MJ_CHROMIUM first), or $null when none is installed.
    #>
    $candidates = @()
    if ($env:MJ_CHROMIUM) { $candidates += $env:MJ_CHROMIUM }
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome') {
        $command = Get-Command -Name $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { $candidates += $command.Source }
    }
    foreach ($root in @($env:ProgramFiles, ${env:ProgramFiles(x86)}, $env:LOCALAPPDATA)) {
        if ($root) { $candidates += (Join-Path $root 'Google/Chrome/Application/chrome.exe') }
    }
    $candidates += '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'
    foreach ($candidate in $candidates) {
        if ($candidate -and (Test-Path -LiteralPath $candidate -PathType Leaf)) { return $candidate }
    }
    $null
}

function ConvertTo-MjFileUrl {
    # file:///C:/a/b.html or file:///tmp/a/b.html, each segment percent-encoded.
    param([Parameter(Mandatory = $true)][string]$Path)
    $full = [System.IO.Path]::GetFullPath($Path)
    $segments = $full -split '[\\/]' | ForEach-Object { [Uri]::EscapeDataString($_) }
    $joined = ($segments -join '/').TrimStart('/')
    # A drive letter keeps its colon.
    $joined = $joined -replace '^([A-Za-z])%3A', '$1:'
    'file:///' + $joined
}

function Invoke-MjBrowserPage {
    <#
    .SYNOPSIS
    Opens -Path (a local HTML file) in a fresh headless Chromium, waits until the page has loaded and its pictures in
    view have arrived, evaluates -Evaluate (name -> JavaScript expression, JSON-able results), saves a PNG screenshot
    to -ScreenshotPath (when given) and returns what the browser saw:
    Console (type + text), Exceptions, Log (level, source, text: CSP reports come as source 'security'), Requests
    (every URL the page asked for), Dialogs, Values (the evaluations) and ScreenshotPath.
    #>
    param(
        [Parameter(Mandatory = $true)][string]$Path,
        [string]$Chromium = (Find-MjChromium),
        [string]$ScreenshotPath,
        [hashtable]$Evaluate = @{},
        [int]$Width = 1280,
        [int]$Height = 900,
        [ValidateSet('light', 'dark')][string]$ColorScheme = 'light',
        [int]$DeadlineSeconds = 60
    )

    if (-not $Chromium) { throw 'No Chromium or Chrome is installed (apt-get install chromium, or set MJ_CHROMIUM).' }
    $profileDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-chromium-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $profileDir -Force
    # The flags Debian's Chromium needs as root without a network (machine note): no sandbox, no GPU, no background
    # connections; a fresh profile; the DevTools protocol on a port the browser picks and writes into the profile.
    $arguments = @(
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--no-default-browser-check',
        '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
        '--remote-debugging-port=0', "--user-data-dir=$profileDir", 'about:blank'
    )
    $quoted = $arguments | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }
    $stderr = Join-Path $profileDir 'chromium.stderr.txt'
    $stdout = Join-Path $profileDir 'chromium.stdout.txt'
    $process = Start-Process -FilePath $Chromium -ArgumentList $quoted -PassThru -RedirectStandardError $stderr -RedirectStandardOutput $stdout
    $socket = $null
    $deadline = [DateTime]::UtcNow.AddSeconds($DeadlineSeconds)
    $seen = [pscustomobject]@{
        # ArrayList, not List[object]: @() of an empty List[object] throws "Argument types do not match" in PowerShell 7.
        Console = New-Object System.Collections.ArrayList
        Exceptions = New-Object System.Collections.Generic.List[string]
        Log = New-Object System.Collections.ArrayList
        Requests = New-Object System.Collections.Generic.List[string]
        Dialogs = New-Object System.Collections.Generic.List[string]
        Values = @{}
        ScreenshotPath = $null
        Loaded = $false
    }
    try {
        # The browser writes "<port>\n/devtools/browser/<id>" once it listens.
        $portFile = Join-Path $profileDir 'DevToolsActivePort'
        while (-not (Test-Path -LiteralPath $portFile) -or @(Get-Content -LiteralPath $portFile -ErrorAction SilentlyContinue).Count -lt 2) {
            if ($process.HasExited) { throw "Chromium exited with code $($process.ExitCode): $(Get-Content -LiteralPath $stderr -Raw -ErrorAction SilentlyContinue)" }
            if ([DateTime]::UtcNow -gt $deadline) { throw 'Chromium did not open its DevTools port in time.' }
            Start-Sleep -Milliseconds 50
        }
        $lines = @(Get-Content -LiteralPath $portFile)
        $socket = New-Object System.Net.WebSockets.ClientWebSocket
        $socket.Options.KeepAliveInterval = [TimeSpan]::Zero
        # GetResult() of a Task returns a VoidTaskResult object here: $null = keeps it out of the function's output.
        $null = $socket.ConnectAsync([Uri]("ws://127.0.0.1:$($lines[0].Trim())$($lines[1].Trim())"), [Threading.CancellationToken]::None).GetAwaiter().GetResult()

        $state = @{ Socket = $socket; NextId = 0; Deadline = $deadline; Seen = $seen; Events = New-Object System.Collections.Generic.List[object] }
        $target = Send-MjCdp -State $state -Method 'Target.createTarget' -Params @{ url = 'about:blank' }
        $attached = Send-MjCdp -State $state -Method 'Target.attachToTarget' -Params @{ targetId = $target.targetId; flatten = $true }
        $session = $attached.sessionId
        foreach ($domain in 'Page', 'Runtime', 'Log', 'Network') {
            $null = Send-MjCdp -State $state -Session $session -Method "$domain.enable"
        }
        $null = Send-MjCdp -State $state -Session $session -Method 'Emulation.setDeviceMetricsOverride' -Params @{ width = $Width; height = $Height; deviceScaleFactor = 1; mobile = $false }
        $null = Send-MjCdp -State $state -Session $session -Method 'Emulation.setEmulatedMedia' -Params @{ features = @(@{ name = 'prefers-color-scheme'; value = $ColorScheme }) }
        $null = Send-MjCdp -State $state -Session $session -Method 'Page.navigate' -Params @{ url = (ConvertTo-MjFileUrl -Path $Path) }
        Wait-MjCdpEvent -State $state -Method 'Page.loadEventFired'
        $seen.Loaded = $true

        # The pictures in view (lazy ones below the fold are not asked for) have arrived or failed.
        $ready = '(function(){var imgs=Array.prototype.slice.call(document.images);return imgs.every(function(i){var r=i.getBoundingClientRect();return r.top>innerHeight||i.complete;});})()'
        while (-not (Get-MjCdpValue -State $state -Session $session -Expression $ready)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The pictures in view did not finish loading in time.' }
            Start-Sleep -Milliseconds 50
        }
        foreach ($name in $Evaluate.Keys) {
            $seen.Values[$name] = Get-MjCdpValue -State $state -Session $session -Expression $Evaluate[$name]
        }
        if ($ScreenshotPath) {
            $shot = Send-MjCdp -State $state -Session $session -Method 'Page.captureScreenshot' -Params @{ format = 'png' }
            [System.IO.File]::WriteAllBytes($ScreenshotPath, [Convert]::FromBase64String($shot.data))
            $seen.ScreenshotPath = $ScreenshotPath
        }
        # Events that arrived after the last answer (a late console line) are read before the browser closes.
        $null = Send-MjCdp -State $state -Session $session -Method 'Runtime.evaluate' -Params @{ expression = '0' }
        try { $null = Send-MjCdp -State $state -Method 'Browser.close' } catch { }
    }
    finally {
        if ($socket) { $socket.Dispose() }
        if (-not $process.WaitForExit(5000)) { Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue }
        Remove-Item -LiteralPath $profileDir -Recurse -Force -ErrorAction SilentlyContinue
    }
    $seen
}

function Send-MjCdp {
    # Sends one DevTools command and reads messages until its answer comes; events met on the way are recorded.
    param([hashtable]$State, [string]$Method, [hashtable]$Params = @{}, [string]$Session)
    $State.NextId++
    $id = $State.NextId
    $message = @{ id = $id; method = $Method; params = $Params }
    if ($Session) { $message.sessionId = $Session }
    $bytes = [System.Text.Encoding]::UTF8.GetBytes(($message | ConvertTo-Json -Depth 10 -Compress))
    $null = $State.Socket.SendAsync((New-Object System.ArraySegment[byte] -ArgumentList @(, $bytes)), 'Text', $true, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    while ($true) {
        $reply = Receive-MjCdp -State $State
        if ($null -ne $reply.id -and $reply.id -eq $id) {
            if ($reply.error) { throw "DevTools $Method failed: $($reply.error.message)" }
            return $reply.result
        }
    }
}

function Wait-MjCdpEvent {
    param([hashtable]$State, [string]$Method)
    while (-not ($State.Events | Where-Object { $_.method -eq $Method })) {
        $null = Receive-MjCdp -State $State
    }
}

function Get-MjCdpValue {
    param([hashtable]$State, [string]$Session, [string]$Expression)
    $result = Send-MjCdp -State $State -Session $Session -Method 'Runtime.evaluate' -Params @{ expression = $Expression; returnByValue = $true; awaitPromise = $true }
    if ($result.exceptionDetails) { throw "The page could not evaluate '$Expression': $($result.exceptionDetails.exception.description)" }
    $result.result.value
}

function Receive-MjCdp {
    # Reads one whole message (frames joined), records it if it is an event, and returns it.
    param([hashtable]$State)
    $buffer = New-Object byte[] 65536
    $stream = New-Object System.IO.MemoryStream
    do {
        $left = $State.Deadline - [DateTime]::UtcNow
        if ($left -le [TimeSpan]::Zero) { throw 'Chromium did not answer in time.' }
        $cancel = New-Object System.Threading.CancellationTokenSource -ArgumentList $left
        try {
            $segment = New-Object System.ArraySegment[byte] -ArgumentList @(, $buffer)
            $frame = $State.Socket.ReceiveAsync($segment, $cancel.Token).GetAwaiter().GetResult()
        }
        finally {
            $cancel.Dispose()
        }
        if ($frame.MessageType -eq 'Close') { throw 'Chromium closed the DevTools connection.' }
        $stream.Write($buffer, 0, $frame.Count)
    } while (-not $frame.EndOfMessage)
    $message = [System.Text.Encoding]::UTF8.GetString($stream.ToArray()) | ConvertFrom-Json
    if ($message.method) {
        $State.Events.Add($message)
        $seen = $State.Seen
        $params = $message.params
        switch ($message.method) {
            'Runtime.consoleAPICalled' {
                $text = (@($params.args) | ForEach-Object { if ($null -ne $_.value) { [string]$_.value } else { [string]$_.description } }) -join ' '
                $null = $seen.Console.Add([pscustomobject]@{ Type = $params.type; Text = $text })
            }
            'Runtime.exceptionThrown' {
                $details = $params.exceptionDetails
                $text = $details.text
                if ($details.exception -and $details.exception.description) { $text = $details.exception.description }
                $seen.Exceptions.Add($text)
            }
            'Log.entryAdded' { $null = $seen.Log.Add([pscustomobject]@{ Level = $params.entry.level; Source = $params.entry.source; Text = $params.entry.text; Url = $params.entry.url }) }
            'Network.requestWillBeSent' { $seen.Requests.Add($params.request.url) }
            'Page.javascriptDialogOpening' {
                $seen.Dialogs.Add($params.message)
                # Answer it so the page goes on; the test fails on the recorded dialog.
                $State.NextId++
                $answer = @{ id = $State.NextId; method = 'Page.handleJavaScriptDialog'; params = @{ accept = $true }; sessionId = $message.sessionId } | ConvertTo-Json -Compress
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($answer)
                $null = $State.Socket.SendAsync((New-Object System.ArraySegment[byte] -ArgumentList @(, $bytes)), 'Text', $true, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
            }
        }
    }
    $message
}
