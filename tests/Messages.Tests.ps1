# What a person reads when something goes wrong (issue 9, points 7-11), in the real shell against the simulator:
# server messages in English with the original kept, banned prompts that fail later, 404s and transport failures
# told apart, and the free server check of Test-MjServer and Connect-MjServer.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-MjTestError {
        # Runs $Script and returns its first error record, terminating or not.
        param([scriptblock]$Script)
        $ErrorActionPreference = 'Continue'
        try {
            $records = @(& $Script 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
        catch {
            return $_
        }
        if ($records.Count -gt 0) { return $records[0] }
        $null
    }

    function Get-MjClosedPort {
        # A loopback port that nothing listens on (opened, then closed at once).
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }

    # Start-MjTestServer connects without a key, which the check now refuses for a server that needs one.
    $Plus = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @('--flavor', 'plus', '--api-key', 'messages-key')
    Add-Member -InputObject $Plus -NotePropertyName JournalPath -NotePropertyValue (Join-Path ([System.IO.Path]::GetTempPath()) ('mj-journal-' + [guid]::NewGuid().ToString('N') + '.jsonl'))
    $PlusKey = ConvertTo-SecureString 'messages-key' -AsPlainText -Force
    $PlusUri = $Plus.BaseUrl
    Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
    $Grid = New-MjImagine 'red ceramic mug' -Wait
}

AfterAll {
    Stop-MjTestServer -Simulator $Plus
}

Describe 'Known server messages read in English, with the original kept (7)' {
    It 'explains code 3 "关联任务不存在或已失效" and keeps the server text on the second line and in ErrorDetails' {
        $button = $Grid.Buttons | Where-Object Label -eq 'U1'
        Invoke-RestMethod -Method Post -Uri "$PlusUri/sim/reset" | Out-Null
        $record = Get-MjTestError { $button | Invoke-MjButton }

        $lines = $record.Exception.Message -split "`n"
        $lines.Count | Should -Be 2
        $lines[0] | Should -BeLike 'The task you acted on does not exist on this server, or has expired.*'
        $lines[1] | Should -BeLike "$PlusUri/mj/submit/action answered code 3: 关联任务不存在或已失效"
        $record.ErrorDetails.Message | Should -Match '关联任务不存在或已失效'
        $record.ErrorDetails.RecommendedAction | Should -Match 'Get-MjTask -Recent'
        $record.FullyQualifiedErrorId | Should -BeLike 'MjTaskNotFound,*'
    }
}

Describe 'A task that fails for a banned prompt (8)' {
    BeforeAll {
        $TrueAi = Start-MjTestServer -ExtraArgument @('--flavor', 'trueai')
    }

    AfterAll {
        Stop-MjTestServer -Simulator $TrueAi
        Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
    }

    It 'is MjBannedPrompt with the task as target, not MjTaskFailed' {
        $task = New-MjImagine 'red ceramic mug gore' -Connection (Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $TrueAi.BaseUrl })
        $out = @($task | Wait-MjTask -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Failure'
        $err[0].FullyQualifiedErrorId | Should -Be 'MjBannedPrompt,Midjourney.PowerShell.Commands.WaitMjTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        $err[0].TargetObject.Id | Should -Be $task.Id
        $lines = $err[0].Exception.Message -split "`n"
        $lines[0] | Should -Match "Task $($task.Id) failed: The server refused the prompt: it may contain a banned word"
        $lines[1] | Should -Match '可能包含敏感词'
        $err[0].ErrorDetails.RecommendedAction | Should -Match 'Reword the prompt'
    }
}

Describe '404s told apart (9)' {
    It 'names the endpoint a server lacks: New-MjVideo on plus' {
        $record = Get-MjTestError { New-MjVideo -Prompt 'a mug turning' -Image $Grid.ImageUrl }
        $record.FullyQualifiedErrorId | Should -BeLike 'MjEndpointNotFound,*'
        $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::NotImplemented)
        $record.Exception.Message | Should -BeLike "$PlusUri does not offer /mj/submit/video: this server has no such endpoint.*"
    }

    It 'names the speed prefix a server lacks: -Mode Fast on novicezk and taskapi' -TestCases @(
        @{ Flavor = 'novicezk' }
        @{ Flavor = 'taskapi' }
    ) {
        param($Flavor)
        $sim = Start-MjTestServer -ExtraArgument @('--flavor', $Flavor)
        try {
            $record = Get-MjTestError { New-MjImagine 'red ceramic mug' -Mode Fast }
            $record.FullyQualifiedErrorId | Should -BeLike 'MjEndpointNotFound,*'
            $record.Exception.Message | Should -Match 'does not take the speed prefix /mj-fast \(-Mode Fast\)'
            $record.ErrorDetails.RecommendedAction | Should -Match '-Mode Default'
            (Get-MjSimulatorStats -Simulator $sim).TasksCreated | Should -Be 0
        }
        finally {
            Stop-MjTestServer -Simulator $sim
            Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
        }
    }

    It 'says a task is unknown' {
        $record = Get-MjTestError { Get-MjTask -Id '1999999999999999999' }
        $record.FullyQualifiedErrorId | Should -BeLike 'MjTaskNotFound,*'
        $record.Exception.Message | Should -Match 'Task 1999999999999999999 was not found'
    }

    It 'says -Uri is not a midjourney-proxy and to check the path, at connect' {
        $record = Get-MjTestError { Connect-MjServer -Uri "$PlusUri/api/v1" -ApiKey $PlusKey -NoJournal }
        $record.FullyQualifiedErrorId | Should -Be 'MjEndpointNotFound,Midjourney.PowerShell.Commands.ConnectMjServerCommand'
        $record.Exception.Message | Should -Match 'is not a midjourney-proxy'
        $record.Exception.Message | Should -Match "Check the path of -Uri.*without '/api/v1'"
        @(Get-MjServer | Where-Object { $_.Uri.AbsoluteUri -like '*/api/v1*' }).Count | Should -Be 0
    }

    It 'says the same at the first submit when the check was skipped' {
        $connection = Connect-MjServer -Uri "$PlusUri/api/v1" -ApiKey $PlusKey -NoJournal -SkipCheck -PassThru
        try {
            $record = Get-MjTestError { New-MjImagine 'red ceramic mug' -Connection $connection }
            $record.FullyQualifiedErrorId | Should -BeLike 'MjEndpointNotFound,*'
            $record.Exception.Message | Should -Match 'is not a midjourney-proxy'
        }
        finally {
            $connection | Disconnect-MjServer -WarningAction SilentlyContinue
            Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
        }
    }
}

Describe 'Transport failures told apart (10)' {
    AfterEach {
        # Each test disconnects the connection it made the default: make the file's server the default again.
        Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
    }

    It 'reports https to a plain-HTTP server as a TLS failure, never as an ambiguous submit' {
        $https = $PlusUri -replace '^http:', 'https:'
        $before = Get-MjSimulatorStats -Simulator $Plus
        $connection = Connect-MjServer -Uri $https -ApiKey $PlusKey -NoJournal -SkipCheck -PassThru
        try {
            $record = Get-MjTestError { New-MjImagine 'red ceramic mug' -Connection $connection }
            $record.FullyQualifiedErrorId | Should -Not -BeLike 'MjAmbiguousSubmit*'
            $record.FullyQualifiedErrorId | Should -BeLike 'MjServerError,*'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
            $record.Exception.Message | Should -Match "secure \(https\) connection to $([regex]::Escape($https)).*TLS handshake failed.*Nothing was sent"
            $record.ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape($PlusUri))
        }
        finally {
            $connection | Disconnect-MjServer -WarningAction SilentlyContinue
        }
        (Get-MjSimulatorStats -Simulator $Plus).TasksCreated | Should -Be $before.TasksCreated
    }

    It 'names the URL of a refused connection and says what to try' {
        $uri = "http://127.0.0.1:$(Get-MjClosedPort)"
        $connection = Connect-MjServer -Uri $uri -NoJournal -SkipCheck -PassThru
        try {
            $record = Get-MjTestError { New-MjImagine 'red ceramic mug' -Connection $connection }
            $record.FullyQualifiedErrorId | Should -BeLike 'MjServerError,*'
            $record.Exception.Message | Should -BeLike "Could not connect to $uri*Nothing was sent*"
            $record.ErrorDetails.RecommendedAction | Should -Match 'proxy is running'
        }
        finally {
            $connection | Disconnect-MjServer -WarningAction SilentlyContinue
        }
    }

    It 'tells a DNS failure by name' {
        $connection = Connect-MjServer -Uri 'http://no-such-host.invalid' -NoJournal -SkipCheck -PassThru
        try {
            $record = Get-MjTestError { Get-MjTask -Id '1999999999999999999' -Connection $connection }
            $record.Exception.Message | Should -Match "Could not find the host 'no-such-host.invalid'"
        }
        finally {
            $connection | Disconnect-MjServer -WarningAction SilentlyContinue
        }
    }

    It 'writes one verbose line per retry of a refused connection' {
        $uri = "http://127.0.0.1:$(Get-MjClosedPort)"
        $connection = Connect-MjServer -Uri $uri -NoJournal -SkipCheck -PassThru
        try {
            $verbose = @(New-MjImagine 'red ceramic mug' -Connection $connection -ErrorAction SilentlyContinue -Verbose 4>&1 |
                    Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
                    Where-Object { $_.Message -like 'retry *' })
            $verbose.Count | Should -Be 1
            $verbose[0].Message | Should -Match 'Could not connect'
        }
        finally {
            $connection | Disconnect-MjServer -WarningAction SilentlyContinue
        }
    }
}

Describe 'Test-MjServer and the check in Connect-MjServer (11)' {
    It 'finds <Flavor> and its capabilities with free requests only' -TestCases @(
        @{ Flavor = 'trueai'; Scheme = 'Raw'; Capabilities = 'batch query, action, speed prefixes, video' }
        @{ Flavor = 'plus'; Scheme = 'MjApiSecret'; Capabilities = 'batch query, action, change, speed prefixes' }
        @{ Flavor = 'novicezk'; Scheme = 'MjApiSecret'; Capabilities = 'batch query, change' }
        @{ Flavor = 'gateway'; Scheme = 'Bearer'; Capabilities = 'batch query, action, change, speed prefixes, video?' }
        @{ Flavor = 'taskapi'; Scheme = 'Bearer'; Capabilities = 'change' }
    ) {
        param($Flavor, $Scheme, $Capabilities)
        $sim = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -ExtraArgument @('--flavor', $Flavor, '--api-key', 'k-1')
        try {
            $check = Test-MjServer -Uri $sim.BaseUrl -ApiKey (ConvertTo-SecureString 'k-1' -AsPlainText -Force) -AuthScheme $Scheme
            $check | Should -BeOfType ([Midjourney.Client.MjServerCheck])
            $check.Reachable | Should -BeTrue
            $check.KeyAccepted | Should -BeTrue
            $check.Flavor | Should -Be $Flavor
            $check.Capabilities | Should -Be $Capabilities
            $check.Problem | Should -BeNullOrEmpty
            $stats = Get-MjSimulatorStats -Simulator $sim
            $stats.TasksCreated | Should -Be 0
            $stats.SubmitsAccepted | Should -Be 0
        }
        finally {
            Stop-MjSimulator -Simulator $sim
        }
    }

    It 'shows a list view with the flavour, capabilities and problem' {
        $text = Test-MjServer | Out-String
        $text | Should -Match 'Reachable\s*:\s*True'
        $text | Should -Match 'Flavor\s*:\s*plus'
        $text | Should -Match 'Capabilities\s*:\s*batch query'
        $text | Should -Match 'Problem'
    }

    It 'names the auth scheme that works when the key is sent the wrong way' {
        $check = Test-MjServer -Uri $PlusUri -ApiKey $PlusKey -AuthScheme Bearer
        $check.KeyAccepted | Should -BeFalse
        $check.SuggestedAuthScheme | Should -Be 'MjApiSecret'
        ($check | Out-String) | Should -Match 'Bearer \(use MjApiSecret\)'
    }

    It 'makes a wrong key a clear terminating error at connect, and registers nothing' {
        $wrong = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
        $before = @(Get-MjServer).Count
        $record = Get-MjTestError { Connect-MjServer -Uri $PlusUri -ApiKey $wrong -NoJournal }
        $record.FullyQualifiedErrorId | Should -Be 'MjAuthenticationFailed,Midjourney.PowerShell.Commands.ConnectMjServerCommand'
        $record.Exception.Message | Should -Match 'refused the key'
        $record.Exception.Message | Should -Not -Match 'not-the-key'
        @(Get-MjServer).Count | Should -Be $before
    }

    It 'suggests the scheme at connect' {
        $record = Get-MjTestError { Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -AuthScheme Bearer -NoJournal }
        $record.FullyQualifiedErrorId | Should -BeLike 'MjAuthenticationFailed,*'
        $record.Exception.Message | Should -Match 'Connect with -AuthScheme MjApiSecret'
    }

    It 'connects to a server that cannot be reached with -SkipCheck, which sends nothing' {
        $uri = "http://127.0.0.1:$(Get-MjClosedPort)"
        $connection = Connect-MjServer -Uri $uri -NoJournal -SkipCheck -PassThru -WarningVariable warnings
        try {
            $connection | Should -Not -BeNullOrEmpty
            $warnings.Count | Should -Be 0
        }
        finally {
            $connection | Disconnect-MjServer -WarningAction SilentlyContinue
            Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
        }
    }

    It 'connects to a healthy server without a warning, and -SkipCheck sends nothing' {
        $a = (Get-MjSimulatorStats -Simulator $Plus).TotalRequests
        $b = (Get-MjSimulatorStats -Simulator $Plus).TotalRequests
        Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath -SkipCheck
        $c = (Get-MjSimulatorStats -Simulator $Plus).TotalRequests
        ($c - $b) | Should -Be ($b - $a) # only the stats request itself

        Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath -WarningVariable warnings
        $warnings.Count | Should -Be 0
        (Get-MjServer | Where-Object IsDefault).Capabilities.HasBatchQuery | Should -BeTrue
    }

    It 'reports an unreachable server in the object, not as an error' {
        $check = Test-MjServer -Uri "http://127.0.0.1:$(Get-MjClosedPort)" -ErrorVariable err
        $err.Count | Should -Be 0
        $check.Reachable | Should -BeFalse
        $check.Problem | Should -Match 'Could not connect'
    }
}

Describe 'Connect-MjServer refuses an address it cannot use (issue 18, item 4)' {
    It 'refuses <Case>: a terminating error, nothing registered, the default unchanged' -ForEach @(
        @{ Case = 'a port where nothing listens'; Id = 'MjServerError'; Text = 'Could not connect to http://127\.0\.0\.1:\d+: .*Nothing was sent\. Check that the proxy is running' }
        @{ Case = 'https to a plain-HTTP server'; Id = 'MjServerError'; Text = 'secure \(https\) connection to .*TLS handshake failed.*use http://' }
        @{ Case = 'a wrong path'; Id = 'MjEndpointNotFound'; Text = 'is not a midjourney-proxy.*Check the path of -Uri' }
    ) {
        $uri = switch ($Case) {
            'a port where nothing listens' { "http://127.0.0.1:$(Get-MjClosedPort)" }
            'https to a plain-HTTP server' { $PlusUri -replace '^http:', 'https:' }
            default { "$PlusUri/api/v1" }
        }
        $registered = @(Get-MjServer | ForEach-Object { $_.Uri.AbsoluteUri })
        $default = (Get-MjServer | Where-Object IsDefault).Uri.AbsoluteUri

        $record = Get-MjTestError { Connect-MjServer -Uri $uri -ApiKey $PlusKey -NoJournal }

        $record.FullyQualifiedErrorId | Should -Be "$Id,Midjourney.PowerShell.Commands.ConnectMjServerCommand"
        $record.Exception.Message | Should -Match $Text
        $record.ErrorDetails.RecommendedAction | Should -Be 'Nothing was connected, and the default connection is unchanged. -SkipCheck connects without checking (for a server that is still starting).'
        @(Get-MjServer | ForEach-Object { $_.Uri.AbsoluteUri }) | Should -Be $registered
        (Get-MjServer | Where-Object IsDefault).Uri.AbsoluteUri | Should -Be $default
    }
}

Describe 'A bare Disconnect-MjServer (issue 18, item 5)' {
    It 'leaves no default and says which servers are still connected; the next submit stops with MjNotConnected and pays nothing' {
        $other = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02
        $variable = $env:MJ_BASE_URL
        try {
            $env:MJ_BASE_URL = $null
            Connect-MjServer -Uri $other.BaseUrl -NoJournal
            Disconnect-MjServer -WarningVariable warnings -WarningAction SilentlyContinue

            @(Get-MjServer | Where-Object IsDefault).Count | Should -Be 0
            @(Get-MjServer).Count | Should -BeGreaterThan 0
            ($warnings | Out-String) | Should -Match "No connection is the default now \(still connected: $([regex]::Escape($PlusUri))/\)"

            $created = (Get-MjSimulatorStats -Simulator $Plus).TasksCreated
            $record = Get-MjTestError { New-MjImagine 'a mug nobody meant for this server' }
            $record.FullyQualifiedErrorId | Should -Be 'MjNotConnected,Midjourney.PowerShell.Commands.NewMjImagineCommand'
            $record.Exception.Message | Should -Match "No connection is the default: the default was disconnected\. Still connected: $([regex]::Escape($PlusUri))/"
            $record.ErrorDetails.RecommendedAction | Should -Match "Give -Connection $([regex]::Escape($PlusUri))"
            (Get-MjSimulatorStats -Simulator $Plus).TasksCreated | Should -Be $created
        }
        finally {
            $env:MJ_BASE_URL = $variable
            Stop-MjSimulator -Simulator $other
            Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
        }
    }

    It 'says MjNotConnected when nothing is connected, as a non-terminating error that -ErrorAction SilentlyContinue quiets' {
        try {
            Disconnect-MjServer -WarningAction SilentlyContinue # the default: none is the default now
            # A terminating error would stop here whatever -ErrorAction says.
            Disconnect-MjServer -ErrorAction SilentlyContinue -ErrorVariable err
            $err[0].FullyQualifiedErrorId | Should -Be 'MjNotConnected,Midjourney.PowerShell.Commands.DisconnectMjServerCommand'
        }
        finally {
            Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
        }
    }

    It 'says why in its help' {
        ((Get-Help Disconnect-MjServer).Description.Text -join ' ') | Should -Match 'no connection is the default, even when others are still registered'
    }
}

Describe 'Never the same words twice (issue 18, item 6)' {
    BeforeAll {
        function Assert-MjSaidOnce {
            # What the user reads: the message, then "Recommendation: ...". No sentence of the recommendation is in the
            # message, and no -Phrase (words a paraphrase would repeat) is said twice.
            param([System.Management.Automation.ErrorRecord]$Record, [string[]]$Phrase = @())
            $action = $Record.ErrorDetails.RecommendedAction
            $action | Should -Not -BeNullOrEmpty
            # The view wraps at the console's width behind a "     | " gutter: join its lines back into one text.
            $lines = ($Record | Out-String -Width 4096) -split '\r?\n' | ForEach-Object { ($_ -replace '^\s*\d*\s*\|\s?', '').Trim() }
            $shown = ($lines -join ' ') -replace '\s+', ' '
            foreach ($sentence in ($action -split '(?<=[.!?])\s+' | Where-Object { $_.Length -ge 20 })) {
                ([regex]::Matches($shown, [regex]::Escape($sentence))).Count | Should -Be 1 -Because "'$sentence' is said once in: $shown"
            }
            foreach ($words in $Phrase) {
                ([regex]::Matches($shown, [regex]::Escape($words), 'IgnoreCase')).Count | Should -BeLessOrEqual 1 -Because "'$words' is said at most once in: $shown"
            }
        }
    }

    It 'says a cancelled task''s advice once (the issue''s "Submit it again if you still want it.")' {
        $task = New-MjImagine 'a mug to cancel --sim-hang' -SkipParameterCheck
        $task | Stop-MjTask
        $null = $task | Wait-MjTask -ErrorAction SilentlyContinue -ErrorVariable err -WarningVariable warnings -WarningAction SilentlyContinue
        $said = ($err + $warnings | Out-String -Width 4096)
        ([regex]::Matches($said, [regex]::Escape('Submit it again if you still want it.'))).Count | Should -Be 1
    }

    It 'says the advice of <Case> once' -ForEach @(
        @{ Case = 'a refused connection'; Phrase = @() }
        @{ Case = 'an endpoint the server lacks'; Phrase = @() }
        @{ Case = 'a wrong key at connect'; Phrase = @('check the key') }
        @{ Case = 'an unknown task'; Phrase = @('may have expired') }
        @{ Case = 'a wait that timed out'; Phrase = @('again later', 'running on the server') }
        @{ Case = 'a banned prompt at submit'; Phrase = @('reword the prompt') }
    ) {
        $connection = $null
        try {
            $record = switch ($Case) {
                'a refused connection' {
                    $connection = Connect-MjServer -Uri "http://127.0.0.1:$(Get-MjClosedPort)" -NoJournal -SkipCheck -PassThru
                    Get-MjTestError { New-MjImagine 'red ceramic mug' -Connection $connection }
                }
                'an endpoint the server lacks' { Get-MjTestError { New-MjVideo -Prompt 'a mug turning' -Image $Grid.ImageUrl } }
                'an unknown task' { Get-MjTestError { Get-MjTask -Id '1999999999999999' } }
                'a banned prompt at submit' { Get-MjTestError { New-MjImagine 'red ceramic mug gore' } }
                'a wait that timed out' {
                    $slow = New-MjImagine 'a slow mug --sim-hang' -SkipParameterCheck
                    Get-MjTestError { $slow | Wait-MjTask -Timeout 1 }
                }
                default { Get-MjTestError { Connect-MjServer -Uri $PlusUri -ApiKey (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -NoJournal } }
            }
            Assert-MjSaidOnce $record -Phrase $Phrase
        }
        finally {
            if ($connection) { $connection | Disconnect-MjServer -WarningAction SilentlyContinue }
            Connect-MjServer -Uri $PlusUri -ApiKey $PlusKey -JournalPath $Plus.JournalPath
        }
    }

    It 'never tells the user of Test-MjServer to run Test-MjServer' {
        $check = Test-MjServer -Uri "http://127.0.0.1:$(Get-MjClosedPort)"
        $check.Problem | Should -Match 'Could not connect'
        $check.Problem | Should -Not -Match 'Test-MjServer'
    }
}
