# Issue 17: a hostile or broken server cannot steal the key, flood memory, hang the shell or steer the terminal.
# One hostile server (tests/Midjourney.Hostile, a process) for the whole file. Memory and time are measured in a child
# pwsh (its peak working set: VmHWM on Linux, reset between probes), killed if it outlives a bound far above its need.
# Windows PowerShell 5.1 compatible: no ??, no ternary, no && / ||, no $IsWindows.

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $HostileWork = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-hostile-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $HostileWork -Force
    $HostileOut = Join-Path $RepoRoot 'out/hostile'
    & dotnet build (Join-Path $RepoRoot 'tests/Midjourney.Hostile') -c Release -o $HostileOut -nologo -v q | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet build of the hostile server failed with exit code $LASTEXITCODE" }
    $HostileDll = Join-Path $HostileOut 'Midjourney.Hostile.dll'

    # The hostile files (a 20000x20000 PNG, a zTXt bomb, 64 MB lines...), then the server.
    $Files = Join-Path $HostileWork 'files'
    & dotnet $HostileDll --files $Files
    if ($LASTEXITCODE -ne 0) { throw "The hostile server could not write its files (exit code $LASTEXITCODE)" }
    $ready = Join-Path $HostileWork 'ready'
    $HostileProcess = Start-Process -FilePath 'dotnet' -ArgumentList ('"' + $HostileDll + '" --ready-file "' + $ready + '"') -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path $HostileWork 'server.out') -RedirectStandardError (Join-Path $HostileWork 'server.err')
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path -LiteralPath $ready)) {
        if ($HostileProcess.HasExited) { throw "The hostile server exited with code $($HostileProcess.ExitCode)." }
        if ([DateTime]::UtcNow -gt $deadline) { throw 'The hostile server did not start within 60 s.' }
        Start-Sleep -Milliseconds 100
    }
    $urls = @(Get-Content -LiteralPath $ready)
    $Hostile = $urls[0]
    $Key = 'sk-HOSTILE-PESTER-5a7e'
    $Journal = Join-Path $HostileWork 'journal.jsonl'
    $Figures = New-Object System.Collections.Generic.List[object]

    function Invoke-HostileProbes {
        <#
        .SYNOPSIS
        Runs each probe (name -> script) in a child pwsh with the module imported; returns, per name, its peak memory
        (MB, the process's peak working set), the memory it started from, its seconds and its errors
        ('<FullyQualifiedErrorId>|<exception type>|<message>'). On Linux one child runs them all, resetting the peak
        between probes (/proc/self/clear_refs, after a collection that gives memory back); elsewhere each probe gets a
        child of its own. A child is killed if it outlives $BoundSeconds.
        #>
        param([System.Collections.Specialized.OrderedDictionary]$Probes, [int]$BoundSeconds = 240)

        $results = @{}
        $batches = @()
        if (Test-Path -LiteralPath '/proc/self/clear_refs') { $batches += , @($Probes.Keys) } else { foreach ($name in $Probes.Keys) { $batches += , @($name) } }
        $n = 0
        foreach ($batch in $batches) {
            $n++
            $file = Join-Path $HostileWork "probes-$n.ps1"
            $out = Join-Path $HostileWork "probes-$n.json"
            $lines = @(
                '$ErrorActionPreference = ''Continue'''
                '$ProgressPreference = ''SilentlyContinue'''
                "Import-Module -Name '$ManifestPath'"
                "`$Hostile = '$Hostile'; `$Files = '$Files'; `$Work = '$HostileWork'; `$Journal = '$Journal'"
                "`$Key = ConvertTo-SecureString '$Key' -AsPlainText -Force"
                '$reset = Test-Path -LiteralPath ''/proc/self/clear_refs'''
                '$results = [ordered]@{}'
                'function Measure-Probe([string]$Name, [scriptblock]$Body) {'
                '    if ($reset) { [GC]::Collect(2, [GCCollectionMode]::Aggressive, $true, $true); [GC]::WaitForPendingFinalizers(); [System.IO.File]::WriteAllText(''/proc/self/clear_refs'', ''5'') }'
                '    $start = (Get-Process -Id $PID).WorkingSet64'
                '    $Error.Clear()'
                '    $watch = [System.Diagnostics.Stopwatch]::StartNew()'
                '    try { & $Body *> $null } catch { }'
                '    $seconds = $watch.Elapsed.TotalSeconds'
                '    $errors = @($Error | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { "{0}|{1}|{2}" -f $_.FullyQualifiedErrorId, $_.Exception.GetType().FullName, $_.Exception.Message } else { "raw|{0}|{1}" -f $_.GetType().FullName, $_.Message } })'
                '    $results[$Name] = [ordered]@{ PeakMB = [math]::Round((Get-Process -Id $PID).PeakWorkingSet64 / 1MB); StartMB = [math]::Round($start / 1MB); Seconds = $seconds; Errors = $errors }'
                '}'
            )
            foreach ($name in $batch) {
                $lines += "Measure-Probe '$name' {"
                $lines += $Probes[$name]
                $lines += '}'
            }
            $lines += ('$results | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath ''' + $out + ''' -Encoding utf8')
            $lines | Set-Content -LiteralPath $file -Encoding utf8

            # The child is this same PowerShell: pwsh(.exe), or dotnet with pwsh.dll under 'dotnet pwsh'.
            $hostPath = (Get-Process -Id $PID).Path
            $arguments = @('-NoProfile', '-NonInteractive', '-File', ('"' + $file + '"'))
            if ((Split-Path -Leaf $hostPath) -like 'dotnet*') { $arguments = @('"' + (Join-Path $PSHOME 'pwsh.dll') + '"') + $arguments }
            $child = Start-Process -FilePath $hostPath -ArgumentList ($arguments -join ' ') -PassThru -NoNewWindow `
                -RedirectStandardOutput (Join-Path $HostileWork "probes-$n.out") -RedirectStandardError (Join-Path $HostileWork "probes-$n.err")
            if (-not $child.WaitForExit($BoundSeconds * 1000)) {
                Stop-Process -Id $child.Id -Force -ErrorAction SilentlyContinue
                throw "The probes $($batch -join ', ') did not end within $BoundSeconds s."
            }
            if (-not (Test-Path -LiteralPath $out)) {
                throw "The probes $($batch -join ', ') wrote no result: $(Get-Content -Raw -LiteralPath (Join-Path $HostileWork "probes-$n.err"))"
            }
            $json = Get-Content -Raw -LiteralPath $out | ConvertFrom-Json
            foreach ($property in $json.PSObject.Properties) {
                $results[$property.Name] = $property.Value
                $Figures.Add([pscustomobject]@{ Probe = $property.Name; PeakMB = $property.Value.PeakMB; StartMB = $property.Value.StartMB; Seconds = [math]::Round($property.Value.Seconds, 1) })
            }
        }

        $results
    }

    function Test-Clean {
        # True when $Text has no control character but tab, line feed and carriage return, and no DEL or C1.
        param([string]$Text)
        -not ($Text -match '[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]')
    }
}

AfterAll {
    if ($Figures -and $Figures.Count -gt 0) {
        Write-Host ($Figures | Format-Table -AutoSize | Out-String)
    }
    Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.StartsWith($Hostile) } | Disconnect-MjServer
    if ($HostileProcess -and -not $HostileProcess.HasExited) {
        Stop-Process -Id $HostileProcess.Id -Force -ErrorAction SilentlyContinue
        $null = $HostileProcess.WaitForExit(10000)
    }
    Remove-Item -LiteralPath $HostileWork -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Memory stays bounded and every timeout is a deadline, whatever the server sends (child pwsh)' {
    BeforeAll {
        $connect = 'Connect-MjServer -Uri "$Hostile/{0}" -ApiKey $Key -JournalPath $Journal -SkipCheck'
        $probes = [ordered]@{
            'endless-fetch'     = ($connect -f 'endless') + "`nGet-MjTask 1"
            'gzip-bomb'         = ($connect -f 'gzip') + "`nGet-MjTask 1"
            'million-buttons'   = ($connect -f 'buttons') + "`nGet-MjTask 1"
            'show-huge-png'     = ($connect -f 'image-huge') + "`nGet-MjTask 1 | Show-MjImage -Force"
            'split-huge-png'    = 'Split-MjImage -Path (Join-Path $Files huge.png) -Destination (Join-Path $Work tiles)'
            'ztxt-bomb-info'    = 'Get-MjImageInfo -Path (Join-Path $Files ztxt-bomb.png)'
            'state-64mb-line'   = ($connect -f 'ok') + "`n" + @'
$out = Join-Path $Work 'batch'
$null = New-Item -ItemType Directory -Path $out -Force
Copy-Item (Join-Path $Files 'state-line.jsonl') (Join-Path $out '.mjbatch.jsonl')
Set-Content -LiteralPath (Join-Path $Work 'prompts.txt') -Value 'a red mug'
Invoke-MjBatch -Path (Join-Path $Work 'prompts.txt') -OutputPath $out -WhatIf
'@
            'journal-64mb-line' = @'
Connect-MjServer -Uri "$Hostile/ok" -JournalPath (Join-Path $Files 'journal-line.jsonl') -SkipCheck
$entries = @(Get-MjTask -Recent 5 -FromJournal)
if ($entries.Count -ne 1 -or $entries[0].Id -ne '3') { throw "read $($entries.Count) entries" }
'@
            'admin-million'     = "Connect-MjServer -Uri `"`$Hostile/admin-many`" -ApiKey `$Key -AuthScheme Raw -JournalPath `$Journal`nGet-MjAccount"
            'admin-wide'        = "Connect-MjServer -Uri `"`$Hostile/admin-wide`" -ApiKey `$Key -AuthScheme Raw -JournalPath `$Journal`nGet-MjAccount"
            'wait-drip'         = ($connect -f 'drip') + "`nWait-MjTask -Id 1 -Timeout 3"
            'save-drip'         = ($connect -f 'image-drip') + "`nGet-MjTask 1 | Save-MjImage -Path (Join-Path `$Work 'drip') -Timeout 3"
        }
        $Results = Invoke-HostileProbes -Probes $probes
    }

    It '<Name>: peak under 400 MB, one clean error naming MjLimits.<Names>' -ForEach @(
        @{ Name = 'endless-fetch'; Names = 'MaxResponseBytes'; Id = 'MjServerError' }
        @{ Name = 'gzip-bomb'; Names = 'MaxResponseBytes'; Id = 'MjServerError' }
        @{ Name = 'million-buttons'; Names = 'MaxResponseBytes'; Id = 'MjServerError' }
        @{ Name = 'show-huge-png'; Names = 'MaxImagePixels'; Id = 'MjInvalidInput' }
        @{ Name = 'split-huge-png'; Names = 'MaxImagePixels'; Id = 'MjInvalidInput' }
        @{ Name = 'ztxt-bomb-info'; Names = 'MaxPngTextBytes'; Id = 'MjInvalidInput' }
        @{ Name = 'admin-million'; Names = 'MaxAdminValues'; Id = 'MjServerError' }
        @{ Name = 'admin-wide'; Names = 'MaxAdminValues'; Id = 'MjServerError' }
    ) {
        $result = $Results[$Name]
        $result.PeakMB | Should -BeLessThan 400
        $errors = @($result.Errors)
        $errors.Count | Should -Be 1
        $errors[0] | Should -BeLike "$Id,*|Midjourney.*MjLimits.$Names*"
    }

    It '<Name>: peak under 400 MB, the long line skipped, the rest read' -ForEach @(
        @{ Name = 'state-64mb-line' }
        @{ Name = 'journal-64mb-line' }
    ) {
        $result = $Results[$Name]
        $result.PeakMB | Should -BeLessThan 400
        @($result.Errors).Count | Should -Be 0
    }

    It 'Wait-MjTask -Timeout 3 against a dripping poll ends a few seconds after its deadline with MjWaitTimeout' {
        $result = $Results['wait-drip']
        @($result.Errors).Count | Should -Be 1
        @($result.Errors)[0] | Should -BeLike 'MjWaitTimeout,*'
        $result.Seconds | Should -BeLessThan 30 -Because 'the deadline is 3 s and a poll in flight gets 2 s more (before: 508 s)'
    }

    It 'Save-MjImage -Timeout 3 against a dripping image ends a few seconds after its deadline and leaves no file' {
        $result = $Results['save-drip']
        @($result.Errors).Count | Should -Be 1
        @($result.Errors)[0] | Should -BeLike 'MjDownloadFailed,*did not finish within 3 s*'
        $result.Seconds | Should -BeLessThan 30 -Because 'the deadline is 3 s (before: still running after 10 minutes)'
        @(Get-ChildItem -LiteralPath (Join-Path $HostileWork 'drip') -File -ErrorAction SilentlyContinue).Count | Should -Be 0
    }
}

Describe 'No escape sequence from a server or a file reaches the terminal' {
    BeforeAll {
        Connect-MjServer -Uri "$Hostile/inject" -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -JournalPath $Journal -SkipCheck
        $Task = Get-MjTask 1
    }

    It 'the task views (table, list, buttons) are clean, and Raw keeps the server''s text' {
        Test-Clean ($Task | Out-String) | Should -BeTrue
        Test-Clean ($Task | Format-List | Out-String) | Should -BeTrue
        Test-Clean ($Task.Buttons | Out-String) | Should -BeTrue
        $Task.FailReason | Should -Be 'banned click reason'
        $Task.Raw.FailReason | Should -Match ([regex]::Escape([string][char]27 + '[2J'))
    }

    It 'the error of the failed task, as PowerShell shows it, is clean' {
        $shown = (Wait-MjTask -Id 1 -Timeout 30 -ErrorAction Continue 2>&1 | Out-String)
        $shown | Should -Match 'banned click reason'
        Test-Clean $shown | Should -BeTrue
    }

    It 'the server''s refusal of a submit is clean, and RawDescription keeps its text' {
        $failure = $null
        try { New-MjImagine 'a cat' -ErrorAction Stop } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty
        Test-Clean ($failure | Out-String) | Should -BeTrue
        $failure.Exception.RawDescription | Should -Match ([regex]::Escape([string][char]7))
    }

    It 'accounts, users and banned words of a hostile TrueAI: views, -Verbose, JSON and errors clean, and no secret it sent in any of them' {
        $secure = ConvertTo-SecureString $Key -AsPlainText -Force
        $shown = & {
            Connect-MjServer -Uri "$Hostile/admin-inject" -ApiKey $secure -AuthScheme Raw -JournalPath $Journal -Verbose
            $accounts = Get-MjAccount -Verbose
            $accounts
            $accounts | Format-List *
            $accounts | ConvertTo-Json -Depth 10
            Get-MjUser -Verbose | Format-List *
            Get-MjUser | ConvertTo-Json -Depth 10
            Get-MjBannedWord -Verbose
            Get-MjBannedWord | Format-List *
            Disable-MjAccount -Id 1 -Confirm:$false -PassThru -Verbose
            Connect-MjServer -Uri "$Hostile/admin-echo" -ApiKey $secure -AuthScheme Raw -JournalPath $Journal
            Disable-MjAccount -Id 1 -Confirm:$false -ErrorAction Continue
            New-MjUser -Name 'bob' -Confirm:$false -ErrorAction Continue
            Remove-MjUser -Id 'u1' -Confirm:$false -ErrorAction Continue
        } *>&1 | Out-String -Width 300
        $shown | Should -Match 'studioclick'
        $shown | Should -Match 'refused'
        Test-Clean $shown | Should -BeTrue
        $shown | Should -Not -Match 'SECRET-'
        $shown | Should -Not -Match ([regex]::Escape($Key))
    }

    It 'file metadata read back by Get-MjImageInfo is clean' {
        $info = Get-MjImageInfo -Path (Join-Path $Files 'text-escapes.png')
        $info.Prompt | Should -Be 'a cat click'
        Test-Clean ($info | Out-String) | Should -BeTrue
        Test-Clean ($info | Format-List | Out-String) | Should -BeTrue
    }

    It 'batch CSV text echoed in warnings and the failure table is clean' {
        $csv = Join-Path $HostileWork 'escapes.csv'
        $esc = [string][char]27
        Set-Content -LiteralPath $csv -Encoding utf8 -Value @(
            ('Prompt,Odd' + $esc + '[2J')
            ('"a cat ' + $esc + ']52;c;aGk=' + [char]7 + ' --v 99",1')
        )
        $shown = (Invoke-MjBatch -Path $csv -OutputPath (Join-Path $HostileWork 'csvout') -WhatIf -ErrorAction Continue -WarningAction Continue 3>&1 2>&1 | Out-String)
        $shown | Should -Match 'Odd'
        Test-Clean $shown | Should -BeTrue
    }
}

Describe 'The -WhatIf and -Confirm texts are clean (child pwsh: PowerShell writes them to the host)' {
    It 'a prompt from a CSV file, and one typed, with escape sequences show without them' {
        $esc = [string][char]27
        $csv = Join-Path $HostileWork 'whatif.csv'
        Set-Content -LiteralPath $csv -Encoding utf8 -Value @('Prompt', ('"a cat ' + $esc + ']52;c;aGk=' + [char]7 + ' dog"'))
        $script = Join-Path $HostileWork 'whatif.ps1'
        @(
            '$PSStyle.OutputRendering = ''PlainText'''
            "Import-Module -Name '$ManifestPath'"
            "Connect-MjServer -Uri '$Hostile/inject' -NoJournal -SkipCheck"
            "Invoke-MjBatch -Path '$csv' -OutputPath '$(Join-Path $HostileWork 'whatif-out')' -WhatIf | Out-Null"
            'New-MjImagine (''a cat '' + [char]27 + ''[2J dog'') -WhatIf'
        ) | Set-Content -LiteralPath $script -Encoding utf8
        $hostPath = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $script)
        if ((Split-Path -Leaf $hostPath) -like 'dotnet*') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
        $shown = (& $hostPath @arguments 2>&1 | Out-String)
        $shown | Should -Match 'What if: .*a cat .*dog'
        @([regex]::Matches($shown, 'What if:')).Count | Should -Be 2
        Test-Clean $shown | Should -BeTrue
    }
}

Describe 'Every failure is a clean Mj error, and a bad file in a list fails alone' {
    It 'Split-MjImage good, huge, HTML, random, zTXt bomb, corrupt zTXt, good: five MjInvalidInput errors and eight tiles' {
        $paths = 'grid.png', 'huge.png', 'html.png', 'random.png', 'ztxt-bomb.png', 'ztxt-corrupt.png', 'grid.png' | ForEach-Object { Join-Path $Files $_ }
        $errors = $null
        $tiles = @(Split-MjImage -Path $paths -Destination (Join-Path $HostileWork 'split') -Force -ErrorVariable errors -ErrorAction SilentlyContinue)
        $tiles.Count | Should -Be 8
        @($errors).Count | Should -Be 5
        foreach ($e in $errors) {
            $e.FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput,*'
            $e.Exception.GetType().FullName | Should -BeLike 'Midjourney.*'
            $e.Exception.Message | Should -Match ([regex]::Escape($Files))
        }
    }

    It 'a task with bytes that are not UTF-8 and absurd times reads without an error' {
        Connect-MjServer -Uri "$Hostile/utf8" -JournalPath $Journal -SkipCheck
        (Get-MjTask 1).Prompt | Should -Match ([regex]::Escape([string][char]0xFFFD))
        Connect-MjServer -Uri "$Hostile/time" -JournalPath $Journal -SkipCheck
        (Get-MjTask 1).SubmitTime | Should -BeNullOrEmpty
    }

    It 'a batch whose tasks the server dates from 1970 to 9999 finishes without an error (before: a raw OverflowException)' {
        Connect-MjServer -Uri "$Hostile/time-long" -JournalPath $Journal -SkipCheck
        $prompts = Join-Path $HostileWork 'time-long.txt'
        Set-Content -LiteralPath $prompts -Value 'a red mug', 'a blue mug', 'a green mug', 'a cat', 'a dog', 'a fox'
        $errors = $null
        $summary = Invoke-MjBatch -Path $prompts -OutputPath (Join-Path $HostileWork 'time-long') -ErrorVariable errors -ErrorAction SilentlyContinue
        @($errors).Count | Should -Be 0
        $summary.Done | Should -Be 6
    }

    It 'a redirect to file: is an MjServerError that names it' {
        Connect-MjServer -Uri "$Hostile/r302-file" -JournalPath $Journal -SkipCheck
        $failure = $null
        try { Get-MjTask 1 -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -BeLike 'MjServerError,*'
        $failure.Exception.Message | Should -Match 'file:///etc/passwd'
    }
}

Describe 'What already held still holds' {
    It 'the key crosses no origin: a redirected fetch is refused, a redirected image is saved without it' {
        $secure = ConvertTo-SecureString $Key -AsPlainText -Force
        Connect-MjServer -Uri "$Hostile/r307-other" -ApiKey $secure -JournalPath $Journal -SkipCheck
        { Get-MjTask 1 -ErrorAction Stop } | Should -Throw '*another origin*'
        Connect-MjServer -Uri "$Hostile/image-r302-other" -ApiKey $secure -JournalPath $Journal -SkipCheck
        $file = Get-MjTask 1 | Save-MjImage -Path (Join-Path $HostileWork 'saved') -Force
        $file.Length | Should -BeGreaterThan 0

        $seen = @((Invoke-RestMethod -Uri "$Hostile/_requests/" -UseBasicParsing) | ForEach-Object { $_ })
        @($seen | Where-Object { $_.origin -eq 'other' -and $_.carriesKey }).Count | Should -Be 0
        @($seen | Where-Object { $_.origin -eq 'other' -and $_.path -eq '/img/ok.png' }).Count | Should -BeGreaterThan 0
        @($seen | Where-Object { $_.path -like '/img/*' -and $_.carriesKey }).Count | Should -Be 0
    }

    It 'a server cannot choose a file that runs: an image URL ending in .exe, served as bytes, is saved as .bin' {
        Connect-MjServer -Uri "$Hostile/image-exe" -JournalPath $Journal -SkipCheck
        $file = Get-MjTask 1 | Save-MjImage -Path (Join-Path $HostileWork 'exe') -Force
        $file.Name | Should -Be '1.bin'
        @(Get-ChildItem -LiteralPath (Join-Path $HostileWork 'exe') -Filter '*.exe').Count | Should -Be 0
    }

    It 'no file the module wrote holds the key' {
        $written = Get-ChildItem -LiteralPath $HostileWork -Recurse -File | Where-Object { $_.Extension -in '.jsonl', '.png', '.json' -and $_.DirectoryName -ne $Files }
        @($written).Count | Should -BeGreaterThan 0
        foreach ($file in $written) {
            [System.IO.File]::ReadAllText($file.FullName) | Should -Not -Match ([regex]::Escape($Key))
            [System.IO.File]::ReadAllText($file.FullName) | Should -Not -Match 'SECRET-' # the admin probes' secrets
        }
    }
}
