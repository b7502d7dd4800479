# The eight client fixes of issue 16, in the real shell, against the simulator's trueai flavour answering as the real
# TrueAI 11.10.3 does (guest mode by default, the administrator's key, no usable account switched on and off with
# POST /sim/accounts, the code -1 envelope, tasks that carry their seed). tests/RealServer.Tests.ps1 runs the same
# flows against a real server. One simulator for the file, and a second small one with faults for the check (item 8).
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $Cjk = $MjCjkPattern
    $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', 'trueai', '--admin-key', 'admin-token', '--concurrency', '2', '--timeout', '1h')
    $Uri = $Simulator.BaseUrl
    $Admin = Connect-MjServer -Uri $Uri -ApiKey (ConvertTo-SecureString 'admin-token' -AsPlainText -Force) -AuthScheme Raw -JournalPath $Simulator.JournalPath -PassThru
    # The same settings again keep the guest connection Start-MjTestServer made, and make it the default once more.
    $Guest = Connect-MjServer -Uri $Uri -JournalPath $Simulator.JournalPath -PassThru
    $Red = Join-Path $TestDrive 'red.png'
    $null = New-MjMaskPng -Width 64 -Height 64 -Path $Red

    function Set-Accounts([bool]$Usable) {
        $null = Invoke-RestMethod -Method Post -Uri ("$Uri/sim/accounts?usable=" + $Usable.ToString().ToLowerInvariant())
    }

    function Get-RouteCount([string]$Route) {
        $value = (Get-MjSimulatorStats -Simulator $Simulator).Requests.$Route
        if ($null -eq $value) { return 0 }
        [int]$value
    }

    # A task that runs for an hour of simulated time, then the next ones wait behind it: cancellable for as long as needed.
    $Hang = New-MjImagine 'a mug that takes forever --sim-hang' -SkipParameterCheck -Connection $Admin
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
}

Describe 'Issue 16 on a TrueAI server (simulator)' {
    It '1. refuses a guest''s cancel with the administrator-only advice, not "answered 400 BadRequest"' {
        $err = $null
        Stop-MjTask -Task $Hang -Connection $Guest -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        Assert-EnglishError -Record $err[0] -Id 'MjApiError' -Category 'PermissionDenied'
        $err[0].Exception.Message | Should -BeLike '*lets only its administrator cancel tasks (TrueAI), and this connection sends no key*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike 'Connect with the administrator''s token*'
        (Get-MjTask $Hang.Id).Status | Should -Not -Be 'Cancelled'
    }

    It '2. says what the server said in the code -1 envelope, and blames the request only when it is the request''s fault' {
        $err = $null
        New-MjImagine 'red mug' -State ('x' * 256) -ErrorAction SilentlyContinue -ErrorVariable err
        New-MjDescribe $Red -State ('x' * 256) -ErrorAction SilentlyContinue -ErrorVariable +err
        foreach ($record in $err) {
            Assert-EnglishError -Record $record -Id 'MjApiError' -Category 'InvalidOperation'
            $record.Exception.Message | Should -BeLike 'The state text is longer than the server''s limit of 255 characters.*'
            $record.Exception.Message | Should -Not -BeLike '*could not read the request*'
        }
        @($err).Count | Should -Be 2
    }

    Context 'without a usable Midjourney account' {
        BeforeAll { Set-Accounts $false }
        AfterAll { Set-Accounts $true }

        It '3. gives New-MjImagine -Image the same English outage error as a plain imagine' {
            $plain = $null
            $image = $null
            New-MjImagine 'red mug' -ErrorAction SilentlyContinue -ErrorVariable plain
            New-MjImagine 'red mug' -Image $Red -ErrorAction SilentlyContinue -ErrorVariable image
            foreach ($record in @($plain[0], $image[0])) {
                Assert-EnglishError -Record $record -Id 'MjServerError' -Category 'ResourceUnavailable'
                $record.Exception.Message | Should -BeLike 'The server has no Midjourney account that can take *'
            }
            $image[0].Exception.Description | Should -Be '实例不存在或不可用'
        }

        It '4. files a batch''s outage as a server error, keeps the rows retryable, and says to rerun in its own sentence' {
            $rows = 'red ceramic mug', 'blue teapot', 'green cup' | ForEach-Object { [pscustomobject]@{ Prompt = $_ } }
            $err = $null
            $summary = $rows | Invoke-MjBatch -OutputPath (Join-Path $TestDrive 'batch') -ErrorAction SilentlyContinue -ErrorVariable err
            ($summary.Rows, $summary.Failed) | Should -Be @(3, 3)
            foreach ($record in $err) {
                Assert-EnglishError -Record $record -Id 'MjServerError' -Category 'ResourceUnavailable'
                $record.Exception.Message | Should -Match '^Row \d: The server has no Midjourney account'
                $record.ErrorDetails.RecommendedAction | Should -BeLike '*with another Mode column (for example Relax); if it persists, ask the server''s administrator, who can see why with Get-MjAccount. Run the same command again to try this row again*'
            }
            @($summary.Failures | Where-Object Retryable).Count | Should -Be 3
            $summary.Failures[0].Reason | Should -Not -Match "$Cjk\s*Run"
            # The summary names the row's way to pick a speed, as the row's error does.
            $summary.Failures[0].Reason | Should -BeLike '*with another Mode column (for example Relax)*'
            $summary.Failures[0].Reason | Should -Not -BeLike '*speed mode*'
            Set-Accounts $true
            $again = $rows | Select-Object -First 1 | Invoke-MjBatch -OutputPath (Join-Path $TestDrive 'batch') -Timeout 120
            $again.Done | Should -Be 1 # the same command ran the row again once the server had an account
            Set-Accounts $false
        }

        It '7. names -Mode only where the command has it, and joins advice without a stray capital' {
            $imagine = $null
            New-MjImagine 'red mug' -ErrorAction SilentlyContinue -ErrorVariable imagine
            # New-MjImagine has -Mode; Invoke-MjBatch a Mode column (item 4); a seed has no speed (xunit).
            $imagine[0].ErrorDetails.RecommendedAction | Should -BeExactly 'Try again later, or with another -Mode (for example Relax); if it persists, ask the server''s administrator, who can see why with Get-MjAccount.'
            # Said once: the message tells what happened, the recommendation what to do (it held "another speed mode" too).
            $imagine[0].ErrorDetails.Message | Should -BeLike 'The server has no Midjourney account that can take this job*'
            $imagine[0].ErrorDetails.Message | Should -Not -BeLike '*Try again later*'
            $imagine[0].ErrorDetails.Message | Should -Not -BeLike '*speed mode*'
        }
    }

    It '5. fills Seed from the task, and -Seed then costs no request' {
        $task = New-MjImagine 'a seeded mug' | Wait-MjTask -Timeout 120
        $task.Seed | Should -Match '^\d+$'
        $before = Get-RouteCount '/mj/task/{id}/image-seed'
        (Get-MjTask $task.Id -Seed).Seed | Should -Be $task.Seed
        Get-RouteCount '/mj/task/{id}/image-seed' | Should -Be $before
    }

    It '6. reads a cancelled task as Cancelled: Where-Object finds it, and Wait-MjTask warns without MjTaskFailed' {
        $stopped = Stop-MjTask -Task $Hang -Connection $Admin -Confirm:$false -PassThru
        $stopped.Status | Should -Be 'Cancelled'
        $stopped.FailReason | Should -Be '取消任务'
        $warnings = $null
        $err = $null
        $waited = Wait-MjTask -Id $Hang.Id -Connection $Admin -Timeout 60 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
        $waited.Status | Should -Be 'Cancelled'
        $err | Should -BeNullOrEmpty
        [string]$warnings[0] | Should -BeLike "Task $($Hang.Id) was cancelled*"
        @(Get-MjTask -Prompt '*' -Connection $Admin | Where-Object Status -eq Cancelled | ForEach-Object Id) | Should -Contain $Hang.Id
        @(Get-MjTask -Status Cancelled -Connection $Admin | ForEach-Object Id) | Should -Contain $Hang.Id
    }

    It '7. says the server runs in guest mode, and does not call a wrong key accepted' {
        $guest = Test-MjServer -Uri $Uri
        ($guest.Ok, $guest.GuestMode, [string]$guest.Role) | Should -Be @($true, $true, 'Guest')
        $guest.Notes | Should -BeLike '*runs in guest mode*cannot cancel tasks (Stop-MjTask) or use admin routes*'
        $wrong = Test-MjServer -Uri $Uri -ApiKey (ConvertTo-SecureString 'wrong-key' -AsPlainText -Force) -AuthScheme Raw
        ($wrong.KeyAccepted, $wrong.GuestMode, [string]$wrong.Role, $wrong.Ok) | Should -Be @($false, $true, 'Guest', $false)
        $wrong.Problem | Should -BeLike '*runs in guest mode and does not know this key*'
        $wrong.Problem | Should -Not -BeLike '*wrong-key*'
        $admin = Test-MjServer -Connection $Admin
        ($admin.KeyAccepted, [string]$admin.Role) | Should -Be @($true, 'Admin')
    }
}

Describe 'Issue 16, item 8: the connection check under faults (simulator)' {
    BeforeAll {
        # A fetch in three answers a cut body or a 500: the check's first read, which used to decide "not a proxy".
        $Faulty = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @(
            '--flavor', 'trueai', '--fault-route', '/mj/task/*/fetch', '--fault-malformed', '0.2', '--fault-500', '0.1', '--retry-after', '0', '--seed', '16')
    }

    AfterAll {
        Stop-MjSimulator -Simulator $Faulty
    }

    It 'never calls a healthy proxy "not a proxy", and Connect-MjServer connects every time' {
        for ($i = 0; $i -lt 2; $i++) {
            $check = Test-MjServer -Uri $Faulty.BaseUrl
            $check.Problem | Should -BeNullOrEmpty
            ($check.IsProxy, $check.Flavor) | Should -Be @($true, 'trueai')
            $connection = Connect-MjServer -Uri $Faulty.BaseUrl -NoJournal -PassThru
            $connection.Capabilities.HasBatchQuery | Should -BeTrue
        }
        $faults = (Get-MjSimulatorStats -Simulator $Faulty).Faults
        ($faults.malformedJson + $faults.serverError) | Should -BeGreaterThan 0
    }
}

Describe 'A wrong key on a TrueAI server that requires one, after Connect-MjServer -SkipCheck (simulator)' {
    BeforeAll {
        # Guest mode off: every route answers a wrong key 401 "Authorization header missing." as the real server does.
        $Locked = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @(
            '--flavor', 'trueai', '--api-key', 'user-token', '--admin-key', 'admin-token')
        $Wrong = ConvertTo-SecureString 'wrong-key' -AsPlainText -Force

        function Get-ErrorOf([scriptblock]$Command) {
            try { $null = & $Command; $null } catch { $_ }
        }
    }

    AfterAll {
        Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $Locked.BaseUrl.TrimEnd('/') } | Disconnect-MjServer -WarningAction SilentlyContinue
        Stop-MjSimulator -Simulator $Locked
    }

    It 'says MjAuthenticationFailed (AuthenticationError) for the first request of every kind, as Connect-MjServer without -SkipCheck does' {
        $checked = Get-ErrorOf { Connect-MjServer -Uri $Locked.BaseUrl -ApiKey $Wrong -AuthScheme Raw -NoJournal -ErrorAction Stop }
        $checked.FullyQualifiedErrorId | Should -BeLike 'MjAuthenticationFailed,*'
        [string]$checked.CategoryInfo.Category | Should -Be 'AuthenticationError'

        $commands = @(
            { Get-MjTask -Limit 3 -Connection $connection -ErrorAction Stop } # the server's task list: a whole-command request
            { Get-MjAccount -Connection $connection -ErrorAction Stop } # an admin command, which checks the server first
            { Get-MjTask -Id 1 -Connection $connection -ErrorAction Stop }
            { New-MjImagine 'red mug' -Connection $connection -ErrorAction Stop }
        )
        foreach ($command in $commands) {
            # A fresh connection each time: the first request is the one that meets the refused key.
            $connection = Connect-MjServer -Uri $Locked.BaseUrl -ApiKey $Wrong -AuthScheme Raw -NoJournal -SkipCheck -PassThru
            $record = Get-ErrorOf $command
            $record | Should -Not -BeNullOrEmpty -Because "$command"
            $record.FullyQualifiedErrorId | Should -BeLike 'MjAuthenticationFailed,*' -Because "$command"
            [string]$record.CategoryInfo.Category | Should -Be 'AuthenticationError' -Because "$command"
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty -Because "$command"
            "$($record.ErrorDetails.Message)" | Should -Not -Match '[.。]\.(\s|$)' -Because "$command"
            "$($record.ErrorDetails.Message) $($record.ErrorDetails.RecommendedAction)" | Should -Not -BeLike '*wrong-key*'
            Disconnect-MjServer -Connection $connection -WarningAction SilentlyContinue
        }
    }
}
