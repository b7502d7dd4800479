# Invoke-MjBatch as a person runs it overnight: rows from Import-Csv and text, follow-up clicks, -WhatIf, a bad
# row among good ones, a stop and a resume, and the proof of issue 12: a batch killed in the middle (Stop-Process
# -Force on a child pwsh, with faults on) and run again ends with every row done, every file present, and exactly
# the tasks it needed on the server (none paid twice).
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Simulator = Start-MjTestServer
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-batch-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $WorkDir -Force

    function Get-TasksCreated {
        param([object]$Server)
        [int](Get-MjSimulatorStats -Simulator $Server).tasksCreated
    }

    function Get-StateLine {
        param([string]$Path)
        if (-not (Test-Path -LiteralPath $Path)) { return @() }
        # Shared read: the batch holds the file open for writing.
        $stream = [System.IO.File]::Open($Path, 'Open', 'Read', 'ReadWrite')
        try {
            $reader = New-Object System.IO.StreamReader($stream)
            @($reader.ReadToEnd() -split "`n" | Where-Object { $_.Trim() })
        }
        finally {
            $stream.Dispose()
        }
    }

    function Wait-StateLine {
        # Waits for an EVENT (the state file reaching N lines), checking often; the deadline only stops a hung test.
        param([string]$Path, [int]$Count, [int]$DeadlineSeconds = 60)
        $deadline = [DateTime]::UtcNow.AddSeconds($DeadlineSeconds)
        while (@(Get-StateLine -Path $Path).Count -lt $Count) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "The state file $Path did not reach $Count lines." }
            Start-Sleep -Milliseconds 50
        }
    }

    function Get-SavedFile {
        param([string]$StatePath)
        foreach ($line in Get-StateLine -Path $StatePath) {
            $event = $null
            try { $event = $line | ConvertFrom-Json } catch { continue }
            if ($event.stage -eq 'saved') { $event.files }
        }
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Invoke-MjBatch runs rows' {
    It 'binds Import-Csv columns to the typed prompt parameters, clicks the Then column and saves the results' {
        $out = Join-Path $WorkDir 'csv'
        $csv = Join-Path $WorkDir 'jobs.csv'
        @(
            'Prompt,AspectRatio,Stylize,Then'
            'red ceramic mug,3:2,100,U1'
            'blue teapot,,,'
        ) | Set-Content -LiteralPath $csv
        $before = Get-TasksCreated $Simulator
        $summary = Import-Csv -LiteralPath $csv | Invoke-MjBatch -OutputPath $out -PollInterval 1
        $summary | Should -BeOfType ([Midjourney.PowerShell.MjBatchSummary])
        $summary.Rows | Should -Be 2
        $summary.Done | Should -Be 2
        $summary.Failed | Should -Be 0
        $summary.Tasks | Should -Be 3
        $summary.Files | Should -Be 2
        $summary.Requests | Should -BeGreaterThan 0
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 3
        $tasks = Get-MjTask -Recent 3
        @($tasks | Where-Object { $_.Action -eq 'IMAGINE' -and $_.Prompt -like 'red ceramic mug --ar 3:2 --s 100*' }).Count | Should -Be 1
        @($tasks | Where-Object { $_.Action -eq 'UPSCALE' }).Count | Should -Be 1
        foreach ($name in Get-SavedFile -StatePath (Join-Path $out '.mjbatch.jsonl')) {
            Join-Path $out $name | Should -Exist
        }
        # The state file never holds a key or an Authorization header.
        Get-Content -LiteralPath (Join-Path $out '.mjbatch.jsonl') -Raw | Should -Not -Match 'apiKey|mj-api-secret|Authorization'
    }

    It 'takes prompts from Get-Content and from -Path text, with -Then U1 for every row, and skips done rows' {
        $out = Join-Path $WorkDir 'text'
        $txt = Join-Path $WorkDir 'prompts.txt'
        @('a lighthouse at dusk', '', 'a fox in snow') | Set-Content -LiteralPath $txt
        $before = Get-TasksCreated $Simulator
        $summary = Invoke-MjBatch -Path $txt -OutputPath $out -Then U1 -PollInterval 1
        $summary.Rows | Should -Be 2
        $summary.Done | Should -Be 2
        $summary.Tasks | Should -Be 4
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 4

        # The same rows piped as strings are the same work: skipped, nothing sent.
        $again = Get-Content -LiteralPath $txt | Where-Object { $_.Trim() } | Invoke-MjBatch -OutputPath $out -Then U1 -PollInterval 1
        $again.Skipped | Should -Be 2
        $again.Submitted | Should -Be 0
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 4

        # An edited row is new work, and the summary says so.
        $edited = 'a lighthouse at dawn', 'a fox in snow' | Invoke-MjBatch -OutputPath $out -Then U1 -PollInterval 1
        $edited.Edited | Should -Be 1
        $edited.Skipped | Should -Be 1
        $edited.Done | Should -Be 2
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 6
    }

    It '-WhatIf says what each row would do and sends nothing' {
        $out = Join-Path $WorkDir 'whatif'
        $before = Get-TasksCreated $Simulator
        $summary = 'a red kite', 'a green kite' | Invoke-MjBatch -OutputPath $out -Then U1 -WhatIf 6>&1 | Where-Object { $_ -is [Midjourney.PowerShell.MjBatchSummary] }
        $summary.NotRun | Should -Be 2
        $summary.Done | Should -Be 0
        (Get-TasksCreated $Simulator) | Should -Be $before
        Join-Path $out '.mjbatch.jsonl' | Should -Not -Exist
    }

    It '-WhatIf shows each row''s final prompt, as New-MjImagine -WhatIf does (issue 18, item 7)' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'a red kite'; AspectRatio = '16:9'; Stylize = '250' }
            [pscustomobject]@{ Prompt = 'a green kite --v 7'; Then = 'U2' }
        )
        $lines = @(Get-WhatIfText { $rows | Invoke-MjBatch -OutputPath (Join-Path $WorkDir 'whatif-prompt') -Then U1 -WhatIf })
        $lines.Count | Should -Be 2
        $lines[0] | Should -BeLike "What if: Performing the operation ""Imagine, click U1 and save"" on target ""row 1 'a red kite --ar 16:9 --s 250' on http://127.0.0.1:*"
        $lines[1] | Should -BeLike "*""Imagine, click U2 and save"" on target ""row 2 'a green kite --v 7' on *"
    }

    It 'counts on its progress bar what the state file knows, event by event (issue 18, item 7)' {
        # A runspace of this process (the same session and connection), whose progress records can be read.
        $out = Join-Path $WorkDir 'progress'
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddCommand('Import-Module').AddParameter('Name', $ManifestPath).AddStatement()
            $null = $shell.AddScript('param($Out) 1..3 | ForEach-Object { "progress kite $_" } | Invoke-MjBatch -OutputPath $Out -Then U1 -PollInterval 1').AddArgument($out)
            $summary = @($shell.Invoke())
            $texts = @($shell.Streams.Progress | Where-Object RecordType -eq 'Processing' | ForEach-Object StatusDescription)
        }
        finally {
            $shell.Dispose()
        }

        $summary[-1].Done | Should -Be 3
        foreach ($kind in 'submitted', 'clicked') {
            $seen = @($texts | ForEach-Object { if ($_ -match "(\d+) $kind") { [int]$Matches[1] } } | Sort-Object -Unique)
            $seen | Should -Be @(0, 1, 2, 3) -Because "each $kind stage written to the state file is counted as it is written"
        }
        $done = @($texts | ForEach-Object { if ($_ -match '^(\d+)/3 done') { [int]$Matches[1] } } | Sort-Object -Unique)
        $done | Should -Be @(0, 1, 2, 3)
        $texts[-1] | Should -Match '^3/3 done, 0 failed, 0 running; 3 submitted, 3 clicked; about 0:00 left$'
        @(Get-StateLine -Path (Join-Path $out '.mjbatch.jsonl') | Where-Object { $_ -match '"stage":"clicked"' }).Count | Should -Be 3
    }

    It 'fails a bad row alone, before anything is paid, with the checker''s message' {
        $out = Join-Path $WorkDir 'bad'
        $rows = @(
            [pscustomobject]@{ Prompt = 'a paper boat'; Stylize = '' }
            [pscustomobject]@{ Prompt = 'a paper plane'; Stylize = '5000' }
            [pscustomobject]@{ Prompt = 'a paper crane'; Stylize = 'lots' }
            [pscustomobject]@{ Prompt = 'a paper hat'; Stylize = '50' }
        )
        $before = Get-TasksCreated $Simulator
        $err = $null
        $summary = $rows | Invoke-MjBatch -OutputPath $out -PollInterval 1 -ErrorAction SilentlyContinue -ErrorVariable err
        $summary.Done | Should -Be 2
        $summary.Failed | Should -Be 2
        ($summary.Failures | ForEach-Object Row) | Should -Be @(2, 3)
        $summary.Failures[0].Reason | Should -Match '--s 5000 is out of range'
        $summary.Failures[1].Reason | Should -Be "column 'Stylize' has 'lots', which is not a whole number."
        @($err).Count | Should -Be 2
        $err[0].Exception.Message | Should -Match "^Row 2, column 'Stylize': --s 5000 is out of range"
        $err[1].Exception.Message | Should -Be "Row 3, column 'Stylize' has 'lots', which is not a whole number."
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 2
    }

    It 'sends a flag the module does not know as it is with -SkipParameterCheck, as New-MjImagine does' {
        # --sim-fail is the simulator's marker (unknown to the module's checker): sent, the task fails on the server.
        $rows = @('a paper lantern --sim-fail', 'a paper lamp --ar 16:9')
        $err = $null
        $checked = $rows | Invoke-MjBatch -OutputPath (Join-Path $WorkDir 'checked') -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $checked.Failed | Should -Be 1
        $err[0].Exception.Message | Should -Match '^Row 1.*--sim-fail.*-SkipParameterCheck'

        $before = Get-TasksCreated $Simulator
        $out = Join-Path $WorkDir 'unchecked'
        $summary = $rows | Invoke-MjBatch -OutputPath $out -PollInterval 1 -SkipParameterCheck -ErrorAction SilentlyContinue
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 2
        $summary.Done | Should -Be 1
        $summary.Failures[0].Row | Should -Be 1
        $summary.Failures[0].Reason | Should -Match 'Simulated failure'
        (Get-MjImageInfo (Join-Path $out '*.png')).Prompt | Should -Be 'a paper lamp --ar 16:9'
        (Get-Command Invoke-MjBatch).Parameters['SkipParameterCheck'].SwitchParameter | Should -BeTrue
        (Get-Help Invoke-MjBatch -Parameter SkipParameterCheck).Description.Text | Should -Be (Get-Help New-MjImagine -Parameter SkipParameterCheck).Description.Text
    }

    It 'names a bad row as Import-Csv | New-MjImagine does, with no .NET text, and a blank CSV row with CSV advice (issue 18, item 15)' {
        $csv = Join-Path $WorkDir 'bad-rows.csv'
        @'
Prompt,Stylize,Raw
a paper kite,abc,
,,
a paper fan,,maybe
'@ | Set-Content -LiteralPath $csv
        $summary = Invoke-MjBatch -Path $csv -OutputPath (Join-Path $WorkDir 'bad-rows') -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        $summary.Failed | Should -Be 3
        $viaPipeline = @(Import-Csv -LiteralPath $csv | New-MjImagine -WhatIf -ErrorAction SilentlyContinue -ErrorVariable direct)
        $expected = @(
            "Row 1, column 'Stylize' has 'abc', which is not a whole number."
            "Row 2, column 'Prompt' is empty: write the text to render in it, or delete the row."
            "Row 3, column 'Raw' has 'maybe', which is not true or false (write true, false, yes, no, 1 or 0; blank is false)."
        )
        @($err | ForEach-Object { $_.Exception.Message }) | Should -Be $expected
        @($direct | ForEach-Object { $_.Exception.Message }) | Should -Be $expected
    }
}

Describe 'Invoke-MjBatch over several servers' {
    It 'spreads the rows over -Connection $a, $b by their room' {
        $other = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02
        try {
            $a = Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $Simulator.BaseUrl.TrimEnd('/') }
            $b = Connect-MjServer -Uri $other.BaseUrl -JournalPath (Join-Path $WorkDir 'other-journal.jsonl') -PassThru
            $beforeA = Get-TasksCreated $Simulator
            $summary = 1..6 | ForEach-Object { "two servers prompt $_" } |
                Invoke-MjBatch -OutputPath (Join-Path $WorkDir 'two') -Connection $a, $b -MaxInFlight 2 -PollInterval 1
            $summary.Done | Should -Be 6
            $onA = (Get-TasksCreated $Simulator) - $beforeA
            $onB = Get-TasksCreated $other
            ($onA + $onB) | Should -Be 6
            $onA | Should -BeGreaterThan 0
            $onB | Should -BeGreaterThan 0

            # Two servers can give the same task id: each server's files go to its own folder, none overwritten.
            $summary.Files | Should -Be 6
            @(Get-ChildItem -LiteralPath (Join-Path $WorkDir 'two') -Filter *.png -Recurse -File).Count | Should -Be 6
            @(Get-ChildItem -LiteralPath (Join-Path $WorkDir 'two') -Directory).Count | Should -Be 2
        }
        finally {
            Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $other.BaseUrl.TrimEnd('/') } | Disconnect-MjServer
            Stop-MjSimulator -Simulator $other
            Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath | Out-Null
        }
    }
}

Describe 'Invoke-MjBatch carries on after a stop' {
    It 'resumes after a Ctrl+C-like stop: done rows skipped, running tasks waited for, nothing submitted twice' {
        $out = Join-Path $WorkDir 'stop'
        $state = Join-Path $out '.mjbatch.jsonl'
        $prompts = 1..6 | ForEach-Object { "stopped batch prompt $_" }
        $before = Get-TasksCreated $Simulator

        # StopProcessing is what Ctrl+C calls: run the batch in a second runspace and stop it mid-way.
        $ps = [powershell]::Create()
        $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ManifestPath).AddStatement()
        $null = $ps.AddCommand('Invoke-MjBatch').AddParameter('InputObject', $prompts).AddParameter('OutputPath', $out).AddParameter('Then', 'U1').AddParameter('PollInterval', 1)
        $async = $ps.BeginInvoke()
        Wait-StateLine -Path $state -Count 8
        $ps.Stop()
        $null = $async.AsyncWaitHandle.WaitOne(30000)
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $ps.Dispose()
        @(Get-SavedFile -StatePath $state).Count | Should -BeLessThan 6

        $summary = $prompts | Invoke-MjBatch -OutputPath $out -Then U1 -PollInterval 1
        $summary.Done | Should -Be 6
        $summary.Failed | Should -Be 0
        $summary.Resumed | Should -BeGreaterThan 0
        $summary.Tasks | Should -Be 12
        ((Get-TasksCreated $Simulator) - $before) | Should -Be 12
    }
}

Describe 'The proof: a batch killed in the middle, with faults on, and run again' {
    BeforeAll {
        $Faulty = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @(
            '--fault-500', '0.05', '--fault-reset', '0.05', '--fault-429', '0.05', '--retry-after', '200ms', '--concurrency', '3', '--queue', '10')
        $KillDir = Join-Path $WorkDir 'kill'
        $null = New-Item -ItemType Directory -Path $KillDir -Force
        $Prompts = Join-Path $KillDir 'prompts.txt'
        1..30 | ForEach-Object { "overnight prompt number $_ --ar 3:2" } | Set-Content -LiteralPath $Prompts
        $Out = Join-Path $KillDir 'out'
        $Journal = Join-Path $KillDir 'journal.jsonl'
        $Command = "Invoke-MjBatch -Path '$Prompts' -OutputPath '$Out' -Then U1 -PollInterval 1 -MaxInFlight 10"
        $Child = Join-Path $KillDir 'child.ps1'
        @(
            '$ErrorActionPreference = ''Continue'''
            "Import-Module -Name '$ManifestPath'"
            "Connect-MjServer -Uri '$($Faulty.BaseUrl)' -JournalPath '$Journal' | Out-Null"
            $Command
        ) | Set-Content -LiteralPath $Child
    }

    AfterAll {
        Stop-MjSimulator -Simulator $Faulty
    }

    It 'ends with 30 rows done, every file present and the server''s task count equal to the tasks expected' {
        # The child is this same PowerShell: pwsh(.exe), or dotnet with pwsh.dll under 'dotnet pwsh'.
        $dll = Join-Path $PSHOME 'pwsh.dll'
        $hostPath = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive', '-File', ('"' + $Child + '"'))
        if ((Split-Path -Leaf $hostPath) -like 'dotnet*') { $arguments = @('"' + $dll + '"') + $arguments }
        $process = Start-Process -FilePath $hostPath -ArgumentList ($arguments -join ' ') -PassThru -NoNewWindow `
            -RedirectStandardOutput (Join-Path $KillDir 'child.out') -RedirectStandardError (Join-Path $KillDir 'child.err')
        $state = Join-Path $Out '.mjbatch.jsonl'

        # Kill on an event: the state file shows work in flight (about a third of the ~180 lines of a full run).
        Wait-StateLine -Path $state -Count 60
        Stop-Process -Id $process.Id -Force
        $process.WaitForExit()
        $killedAt = @(Get-StateLine -Path $state).Count
        $savedBefore = @(Get-SavedFile -StatePath $state).Count
        $savedBefore | Should -BeLessThan 30

        # The same command again, here.
        Connect-MjServer -Uri $Faulty.BaseUrl -JournalPath $Journal | Out-Null
        $summary = Invoke-Expression $Command
        $stats = Get-MjSimulatorStats -Simulator $Faulty
        $files = @(Get-SavedFile -StatePath $state)

        Write-Host ("Kill-and-resume: killed at {0} state lines with {1}/30 rows saved; resume: {2} done, {3} skipped, {4} resumed, {5} submitted, {6} requests, {7:n1} s; server: {8} tasks created, {9} faults {10}" -f `
                $killedAt, $savedBefore, $summary.Done, $summary.Skipped, $summary.Resumed, $summary.Submitted, $summary.Requests,
                $summary.Elapsed.TotalSeconds, $stats.tasksCreated, (($stats.faults.PSObject.Properties | ForEach-Object { $_.Value }) | Measure-Object -Sum).Sum,
                (($stats.faults.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' '))
        $summary.Done | Should -Be 30
        $summary.Failed | Should -Be 0
        $summary.Tasks | Should -Be 60
        [int]$stats.tasksCreated | Should -Be 60 -Because 'one imagine and one U1 per row: none duplicated'
        $files.Count | Should -Be 30
        foreach ($name in $files) { Join-Path $Out $name | Should -Exist }
        Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $Faulty.BaseUrl.TrimEnd('/') } | Disconnect-MjServer
    }
}
