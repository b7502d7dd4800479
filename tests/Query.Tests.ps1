# Cancel and query (issue 12 item 3): Stop-MjTask, Get-MjTask -Status/-Action/-Prompt and -Seed, in the real shell.
# Each Describe runs its own simulator. One account slot (--concurrency 1) and a first task that hangs for an hour of
# simulated time (--sim-hang, --timeout 1h) keep the later tasks NotStarted for as long as a test needs, without timing.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    function Get-MjRouteCount {
        param([object]$Simulator, [string]$Route)
        $value = (Get-MjSimulatorStats -Simulator $Simulator).Requests.$Route
        if ($null -eq $value) { return 0 }
        [int]$value
    }
}

Describe 'On a Plus server (cancel, and a task query filtered by the server)' {
    BeforeAll {
        $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', 'plus', '--concurrency', '1', '--queue', '10', '--timeout', '1h')
        $Finished = New-MjImagine 'a mug for its seed' | Wait-MjTask -Timeout 120
        $Hang = New-MjImagine 'a mug that takes forever --sim-hang' -SkipParameterCheck
        $Queued = @('a blue mug', 'a red mug on a table', 'a cat', 'a green mug' | New-MjImagine)
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'cancels nothing with -WhatIf' {
        $before = Get-MjRouteCount $Simulator '/mj/task/{id}/cancel'
        Stop-MjTask -Id $Queued[0].Id -WhatIf
        Get-MjRouteCount $Simulator '/mj/task/{id}/cancel' | Should -Be $before
        (Get-MjTask $Queued[0].Id).Status | Should -Be 'NotStarted'
    }

    It 'lists the queued mug prompts, filtered by the server' {
        $beforeList = Get-MjRouteCount $Simulator '/mj/task/list'
        $verbose = $null
        $found = @(Get-MjTask -Status NotStarted -Action Imagine -Prompt '*MUG*' -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -is [Midjourney.Client.MjTask] })
        $verbose = ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n"
        @($found | ForEach-Object Id) | Should -Be @($Queued[3].Id, $Queued[1].Id, $Queued[0].Id)
        $verbose | Should -BeLike '*the server filtered them (POST /mj/task/query)*'
        Get-MjRouteCount $Simulator '/mj/task/query' | Should -BeGreaterThan 0
        Get-MjRouteCount $Simulator '/mj/task/list' | Should -Be $beforeList
    }

    It 'takes -Limit and -Status of a running task' {
        @(Get-MjTask -Prompt '*mug*' -Limit 2).Count | Should -Be 2
        @(Get-MjTask -Status Submitted, InProgress | ForEach-Object Id) | Should -Be @($Hang.Id)
        @(Get-MjTask -Action Upscale).Count | Should -Be 0
    }

    It 'cancels piped task objects without asking, and -PassThru gives them back refetched' {
        $cancelled = @($Queued[0], $Queued[1] | Stop-MjTask -Confirm:$false -PassThru)
        @($cancelled | ForEach-Object Id) | Should -Be @($Queued[0].Id, $Queued[1].Id)
        foreach ($task in $cancelled) {
            # The server marks a cancelled task FAILURE "取消任务" (TrueAI, and this simulator); it reads as Cancelled.
            $task.Status | Should -Be 'Cancelled'
            $task.FailReason | Should -Be '取消任务'
        }
        $script:Cancelled = $cancelled
    }

    It 'cancels ids bound by property name' {
        [pscustomobject]@{ TaskId = $Queued[2].Id } | Stop-MjTask -Confirm:$false
        (Get-MjTask $Queued[2].Id).Status | Should -Be 'Cancelled'
    }

    It 'sends nothing for a task that is already finished, and says so' {
        $before = Get-MjRouteCount $Simulator '/mj/task/{id}/cancel'
        $warnings = $null
        $script:Cancelled[0] | Stop-MjTask -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        [string]$warnings[0] | Should -BeLike "Task $($script:Cancelled[0].Id) is already cancelled; there is nothing to cancel."
        Get-MjRouteCount $Simulator '/mj/task/{id}/cancel' | Should -Be $before
    }

    It 'finds the cancelled ones by status' {
        @(Get-MjTask -Status Cancelled -Prompt '*mug*' | ForEach-Object Id | Sort-Object) | Should -Be @(@($Queued[0].Id, $Queued[1].Id) | Sort-Object)
        @(Get-MjTask -Status Failure -Prompt '*mug*').Count | Should -Be 0
    }

    It 'cancels the running task by id' {
        Stop-MjTask -Id $Hang.Id -Confirm:$false
        $task = Get-MjTask $Hang.Id
        $task.Status | Should -Be 'Cancelled'
        $task.FailReason | Should -Be '取消任务'
    }

    It 'reads the seed of a finished task with -Seed, and shows it in the list view' {
        $task = Get-MjTask $Finished.Id -Seed
        $task.Seed | Should -Match '^\d+$'
        ($task | Format-List | Out-String) | Should -BeLike "*Seed*$($task.Seed)*"
        (Get-MjTask $Finished.Id).Seed | Should -BeNullOrEmpty
    }

    It 'warns and reads no seed for a task that is not Success' {
        $before = Get-MjRouteCount $Simulator '/mj/task/{id}/image-seed'
        $warnings = $null
        $task = Get-MjTask $Queued[0].Id -Seed -WarningVariable warnings -WarningAction SilentlyContinue
        $task.Seed | Should -BeNullOrEmpty
        [string]$warnings[0] | Should -BeLike '*is Cancelled: only a finished image (Success) has a seed*'
        Get-MjRouteCount $Simulator '/mj/task/{id}/image-seed' | Should -Be $before
    }
}

Describe 'On a gateway (no cancel, no task list)' {
    BeforeAll {
        $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', 'gateway', '--concurrency', '1', '--queue', '10', '--timeout', '1h')
        $Hang = New-MjImagine 'a mug that takes forever --sim-hang' -SkipParameterCheck
        $Queued = @('a blue mug', 'a cat' | New-MjImagine)
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'says that the server cannot cancel, what to do, and sends no cancel' {
        $err = $null
        Stop-MjTask -Id $Queued[0].Id -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MjEndpointNotFound,Midjourney.PowerShell.Commands.StopMjTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $err[0].Exception.Message | Should -BeLike '*cannot cancel tasks*only Plus and TrueAI proxies have one*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike '*keeps running*Wait-MjTask*'
        Get-MjRouteCount $Simulator '/mj/task/{id}/cancel' | Should -Be 0
        (Get-MjTask $Queued[0].Id).Status | Should -Be 'NotStarted'
    }

    It 'lists from the journal ids and filters in the client' {
        $all = @(Get-MjTask -Status NotStarted -Prompt '*mug*' -Verbose 4>&1)
        @($all | Where-Object { $_ -is [Midjourney.Client.MjTask] } | ForEach-Object Id) | Should -Be @($Queued[0].Id)
        (($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n") | Should -BeLike '*has no task list*journal*filtered here*'
        Get-MjRouteCount $Simulator '/mj/task/list-by-condition' | Should -BeGreaterThan 0
        @(Get-MjTask -Action Imagine | ForEach-Object Id) | Should -Be @($Queued[1].Id, $Queued[0].Id, $Hang.Id)
    }
}

Describe 'On a TrueAI server with an administrator token' {
    BeforeAll {
        $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', 'trueai', '--concurrency', '1', '--timeout', '1h', '--admin-key', 'admin-token')
        $Hang = New-MjImagine 'a mug that takes forever --sim-hang' -SkipParameterCheck
        $Queued = New-MjImagine 'a blue mug'
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'explains that only the administrator may cancel' {
        $err = $null
        $Queued | Stop-MjTask -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'MjApiError,Midjourney.PowerShell.Commands.StopMjTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $err[0].Exception.Message | Should -BeLike '*lets only its administrator cancel tasks*'
        (Get-MjTask $Queued.Id).Status | Should -Be 'NotStarted'
    }

    It 'cancels with the administrator token, and lists from GET /mj/task/list' {
        $admin = Connect-MjServer -Uri $Simulator.BaseUrl -ApiKey (ConvertTo-SecureString 'admin-token' -AsPlainText -Force) -AuthScheme Raw -JournalPath $Simulator.JournalPath -PassThru
        $Queued | Stop-MjTask -Connection $admin -Confirm:$false
        (Get-MjTask $Queued.Id -Connection $admin).FailReason | Should -Be '取消任务'
        @(Get-MjTask -Status Cancelled -Connection $admin | ForEach-Object Id) | Should -Be @($Queued.Id)
        Get-MjRouteCount $Simulator '/mj/task/list' | Should -BeGreaterThan 0
    }
}

Describe 'Tasks by -Id go to the server that made them (issue 18, item 3)' {
    BeforeAll {
        # Two servers and one journal, as two Connect-MjServer calls with the default journal give. B made the tasks;
        # A is the default. B (Plus: anyone may cancel) runs one task at a time, so a hanging first task keeps a later one queued.
        $A = Start-MjTestServer
        $B = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @('--flavor', 'plus', '--concurrency', '1', '--timeout', '1h')
        $OnB = Connect-MjServer -Uri $B.BaseUrl -JournalPath $A.JournalPath -PassThru
        $Grid = New-MjImagine 'a mug made on B' -Wait
        $Hang = New-MjImagine 'a mug that takes forever on B --sim-hang' -SkipParameterCheck
        $Queued = New-MjImagine 'a queued mug on B'
        Connect-MjServer -Uri $A.BaseUrl -JournalPath $A.JournalPath # the same connection again: A is the default
        $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-pester-' + [guid]::NewGuid().ToString('N'))
    }

    AfterAll {
        Disconnect-MjServer -Uri $B.BaseUrl
        Stop-MjSimulator -Simulator $B
        Stop-MjTestServer -Simulator $A
        if (Test-Path -LiteralPath $WorkDir) { Remove-Item -LiteralPath $WorkDir -Recurse -Force }
    }

    It 'reads them with Get-MjTask -Id' {
        (Get-MjServer | Where-Object IsDefault).Uri.AbsoluteUri | Should -Be ($A.BaseUrl + '/')
        $found = @(Get-MjTask -Id $Grid.Id, $Queued.Id)
        @($found | ForEach-Object Id) | Should -Be @($Grid.Id, $Queued.Id)
        @($found | ForEach-Object { $_.Server.AbsoluteUri } | Sort-Object -Unique) | Should -Be @($B.BaseUrl + '/')
    }

    It 'waits for them with Wait-MjTask -Id' {
        (Wait-MjTask -Id $Grid.Id -Timeout 60).Server.AbsoluteUri | Should -Be ($B.BaseUrl + '/')
    }

    It 'saves them with Save-MjImage -Id' {
        $files = @(Save-MjImage -Id $Grid.Id -Path $WorkDir)
        $files.Count | Should -Be 1
        $files[0].Name | Should -Be "$($Grid.Id).png"
    }

    It 'clicks their buttons with Invoke-MjButton -Id' {
        $upscale = Invoke-MjButton -Id $Grid.Id -Label U1
        $upscale.Server.AbsoluteUri | Should -Be ($B.BaseUrl + '/')
        $upscale.ParentId | Should -Be $Grid.Id
    }

    It 'cancels them with Stop-MjTask -Id' {
        Stop-MjTask -Id $Queued.Id
        $onServer = @(Invoke-RestMethod -Uri ($B.BaseUrl + '/sim/tasks') -UseBasicParsing) | ForEach-Object { $_ } | Where-Object id -eq $Queued.Id
        $onServer.status | Should -Be 'FAILURE'
        $onServer.failReason | Should -Be '取消任务'
    }

    It 'asks the default server, with a warning, for a task whose server is not connected' {
        $OnB | Disconnect-MjServer
        try {
            $null = Get-MjTask -Id $Grid.Id -ErrorAction SilentlyContinue -ErrorVariable err -WarningVariable warnings -WarningAction SilentlyContinue
            ($warnings | Out-String) | Should -Match "task $($Grid.Id) was made on $([regex]::Escape($B.BaseUrl))/, which is not connected"
            $err[0].FullyQualifiedErrorId | Should -BeLike 'MjTaskNotFound,*'
        }
        finally {
            Connect-MjServer -Uri $B.BaseUrl -JournalPath $A.JournalPath
            Connect-MjServer -Uri $A.BaseUrl -JournalPath $A.JournalPath
        }
    }
}
