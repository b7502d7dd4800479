# The main flows against a REAL midjourney-proxy (issue 16), never the simulator. Skipped (with the reason) unless
# MJ_REAL_BASE_URL is set:
#   MJ_REAL_BASE_URL     the server's root, e.g. http://127.0.0.1:18080
#   MJ_REAL_USER_KEY     a user's key (optional)       MJ_REAL_ADMIN_KEY  the administrator's key (optional)
#   MJ_REAL_AUTH_SCHEME  how keys are sent (default MjApiSecret)
#   MJ_REAL_RUNNING_TASK a task that is not finished, which the administrator's cancel may end (optional)
#   MJ_REAL_PAID=1       run the paid flows on a server that has Midjourney accounts (they cost real jobs)
# A server without a usable account (the TrueAI built from source here) answers every paid flow with "no usable
# account" or "unavailable": then each flow must end in the module's English error, with its error id, category and
# what to do. Run: MJ_REAL_BASE_URL=... Invoke-Pester ./tests/RealServer.Tests.ps1 -Tag RealServer
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $Url = $env:MJ_REAL_BASE_URL
    $Scheme = if ($env:MJ_REAL_AUTH_SCHEME) { $env:MJ_REAL_AUTH_SCHEME } else { 'MjApiSecret' }
    $Cjk = $MjCjkPattern
    $Images = Join-Path $TestDrive 'images'
    $null = New-Item -ItemType Directory -Path $Images -Force
    $Red = Join-Path $Images 'red.png'
    $Blue = Join-Path $Images 'blue.png'
    $null = New-MjMaskPng -Width 64 -Height 64 -Path $Red
    $null = New-MjMaskPng -Width 48 -Height 64 -Path $Blue

    function Assert-RealServer {
        if (-not $env:MJ_REAL_BASE_URL) {
            Set-ItResult -Skipped -Because 'MJ_REAL_BASE_URL is not set: these tests run only against a real server (see the head of tests/RealServer.Tests.ps1)'
        }
    }

    function Get-Key([string]$Text) {
        if ($Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
    }

    function Connect-Real([string]$Key) {
        $arguments = @{ Uri = $Url; JournalPath = (Join-Path $TestDrive 'journal.jsonl'); PassThru = $true; AuthScheme = $Scheme }
        if ($Key) { $arguments.ApiKey = Get-Key $Key }
        Connect-MjServer @arguments
    }

    # Whether the server has a Midjourney account that can take work (Get-MjAccount with the administrator's key: a
    # server whose accounts are all disabled or not connected refuses every paid flow too); $null when it cannot be told.
    $script:HasAccounts = $null
    if ($Url -and $env:MJ_REAL_ADMIN_KEY) {
        try {
            $accounts = @(Get-MjAccount -Connection (Connect-Real $env:MJ_REAL_ADMIN_KEY) -ErrorAction Stop)
            $script:HasAccounts = @($accounts | Where-Object IsUsable).Count -gt 0
        }
        catch {
            $script:HasAccounts = $null
        }
    }

    # A paid flow: on a server without accounts it must fail with the outage error; with accounts it runs only when paid.
    function Assert-PaidFlow {
        param([scriptblock]$Flow, [string]$Command)
        if ($script:HasAccounts -ne $false -and $env:MJ_REAL_PAID -ne '1') {
            Set-ItResult -Skipped -Because 'the server may have Midjourney accounts (give MJ_REAL_ADMIN_KEY to tell), and MJ_REAL_PAID is not 1'
        }
        $ErrorActionPreference = 'Continue' # this function's scope: the flow's errors are collected, not thrown
        $out = @(& $Flow 2>&1)
        $err = @($out | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $tasks = @($out | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
        if ($script:HasAccounts) {
            $err | Should -BeNullOrEmpty
            $tasks.Count | Should -BeGreaterThan 0
            return $tasks
        }
        $tasks | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        Assert-EnglishError -Record $err[0] -Id 'MjServerError' -Category 'ResourceUnavailable'
        $err[0].FullyQualifiedErrorId | Should -BeLike "*.$Command"
        $err
    }
}

Describe 'A real midjourney-proxy' -Tag 'RealServer' {
    BeforeAll {
        if ($Url) {
            $script:Guest = Test-MjServer -Uri $Url
        }
    }

    AfterAll {
        if ($Url) { Get-MjServer | Disconnect-MjServer -ErrorAction SilentlyContinue }
    }

    Context 'check and connect' {
        It 'checks the server with free requests only' {
            Assert-RealServer
            $Guest.Reachable | Should -BeTrue
            $Guest.IsProxy | Should -BeTrue
            if ($Guest.Flavor -eq 'trueai' -and $Guest.GuestMode) {
                $Guest.Ok | Should -BeTrue
                $Guest.Role | Should -Be 'Guest'
                $Guest.Notes | Should -BeLike '*runs in guest mode*cannot cancel tasks*'
            }
        }

        It 'does not call a wrong key accepted' {
            Assert-RealServer
            $check = Test-MjServer -Uri $Url -ApiKey (Get-Key 'mj-wrong-key-0000') -AuthScheme $Scheme
            $check.KeyAccepted | Should -Not -BeTrue
            $check.Problem | Should -Not -BeNullOrEmpty
            $check.Problem | Should -Not -Match 'mj-wrong-key-0000'
        }

        It 'tells who a user''s key and the administrator''s key are' {
            Assert-RealServer
            if (-not $env:MJ_REAL_USER_KEY -or -not $env:MJ_REAL_ADMIN_KEY) { Set-ItResult -Skipped -Because 'MJ_REAL_USER_KEY and MJ_REAL_ADMIN_KEY are not both set' }
            $user = Test-MjServer -Uri $Url -ApiKey (Get-Key $env:MJ_REAL_USER_KEY) -AuthScheme $Scheme
            $admin = Test-MjServer -Uri $Url -ApiKey (Get-Key $env:MJ_REAL_ADMIN_KEY) -AuthScheme $Scheme
            ($user.KeyAccepted, $admin.KeyAccepted) | Should -Be @($true, $true)
            if ($user.Flavor -eq 'trueai') {
                ([string]$user.Role, [string]$admin.Role) | Should -Be @('User', 'Admin')
                $user.Notes | Should -BeLike '*user''s, not the administrator''s*'
            }
        }

        It 'connects, and refuses a wrong key with an English error' {
            Assert-RealServer
            $err = $null
            try { Connect-Real 'mj-wrong-key-0000' | Out-Null } catch { $err = $_ }
            Assert-EnglishError -Record $err -Id 'MjAuthenticationFailed' -Category 'AuthenticationError'
            $connection = Connect-Real $env:MJ_REAL_USER_KEY
            $connection.Uri.AbsoluteUri | Should -Be (([Uri]$Url).AbsoluteUri.TrimEnd('/') + '/')
            (Get-MjServer | Where-Object IsDefault).Uri | Should -Be $connection.Uri
        }
    }

    Context 'paid flows' {
        BeforeAll {
            if ($Url) { $script:User = Connect-Real $env:MJ_REAL_USER_KEY }
        }

        It 'imagines' {
            Assert-RealServer
            $err = Assert-PaidFlow -Command 'NewMjImagineCommand' -Flow { New-MjImagine 'red ceramic mug --v 7' }
            if (-not $script:HasAccounts) {
                # -Mode is named where another speed may help (no account free for this mode), not when Redis is down.
                if ($err[0].Exception.SpeedMayHelp) { $err[0].ErrorDetails.RecommendedAction | Should -BeLike '*another -Mode*' }
                else { $err[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*Mode*' }
            }
        }

        It 'imagines with an image, uploaded first' {
            Assert-RealServer
            $null = Assert-PaidFlow -Command 'NewMjImagineCommand' -Flow { New-MjImagine 'red ceramic mug --v 7' -Image $Red }
        }

        It 'blends' {
            Assert-RealServer
            $null = Assert-PaidFlow -Command 'NewMjBlendCommand' -Flow { New-MjBlend $Red, $Blue }
        }

        It 'describes' {
            Assert-RealServer
            $null = Assert-PaidFlow -Command 'NewMjDescribeCommand' -Flow { New-MjDescribe $Red }
        }

        It 'runs a batch of 3 rows, and a row the server could not take stays retryable' {
            Assert-RealServer
            $output = Join-Path $TestDrive 'batch'
            $rows = 'red ceramic mug', 'blue teapot', 'green cup' | ForEach-Object { [pscustomobject]@{ Prompt = $_ } }
            if ($script:HasAccounts -ne $false -and $env:MJ_REAL_PAID -ne '1') {
                Set-ItResult -Skipped -Because 'the server may have Midjourney accounts (give MJ_REAL_ADMIN_KEY to tell), and MJ_REAL_PAID is not 1'
            }
            $err = $null
            $summary = $rows | Invoke-MjBatch -OutputPath $output -Timeout 600 -ErrorAction SilentlyContinue -ErrorVariable err
            $summary.Rows | Should -Be 3
            if ($script:HasAccounts) {
                $summary.Done | Should -Be 3
                return
            }
            $summary.Failed | Should -Be 3
            @($err).Count | Should -Be 3
            foreach ($record in $err) {
                Assert-EnglishError -Record $record -Id 'MjServerError' -Category 'ResourceUnavailable'
                $record.Exception.Message | Should -Match '^Row \d: '
                $record.ErrorDetails.RecommendedAction | Should -BeLike '*. Run the same command again to try this row again*'
            }
            @($summary.Failures | Where-Object Retryable).Count | Should -Be 3
            $summary.Failures[0].Reason | Should -Not -Match "$Cjk\s*Run"
        }
    }

    Context 'query, seed and cancel' {
        BeforeAll {
            if ($Url) { $script:User = Connect-Real $env:MJ_REAL_USER_KEY }
        }

        It 'lists tasks and says a missing one is not found' {
            Assert-RealServer
            $err = $null
            $null = @(Get-MjTask -Status Success -Limit 5)
            Get-MjTask 1234567890123456 -ErrorAction SilentlyContinue -ErrorVariable err
            Assert-EnglishError -Record $err[0] -Id 'MjTaskNotFound' -Category 'ObjectNotFound'
        }

        It 'reads a finished task''s seed, without a second request when the task carries it' {
            Assert-RealServer
            $finished = @(Get-MjTask -Status Success -Limit 20)
            if ($finished.Count -eq 0) { Set-ItResult -Skipped -Because 'the server lists no finished task' }
            $carrying = @($finished | Where-Object Seed)
            if ($carrying.Count -gt 0) {
                $verbose = Get-MjTask $carrying[0].Id -Seed -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
                @($verbose | Where-Object Message -like '*image-seed*').Count | Should -Be 0
            }
            $without = @($finished | Where-Object { -not $_.Seed })
            if ($without.Count -gt 0) {
                $err = $null
                $task = Get-MjTask $without[0].Id -Seed -ErrorAction SilentlyContinue -ErrorVariable err
                if ($err) {
                    Assert-EnglishError -Record $err[0] -Id 'MjServerError' -Category 'ResourceUnavailable'
                    $err[0].ErrorDetails.RecommendedAction | Should -Not -BeLike '*-Mode*' # a seed has no speed to change
                }
                else {
                    $task.Seed | Should -Match '^\d+$'
                }
            }
        }

        It 'refuses a guest''s and a user''s cancel with the administrator-only advice' {
            Assert-RealServer
            $someTask = [Midjourney.Client.MjTask]::new('1234567890123456')
            $connections = @()
            if ($script:Guest.GuestMode) { $connections += Connect-Real $null }
            if ($env:MJ_REAL_USER_KEY) { $connections += Connect-Real $env:MJ_REAL_USER_KEY }
            if ($connections.Count -eq 0) { Set-ItResult -Skipped -Because 'the server does not run in guest mode and MJ_REAL_USER_KEY is not set' }
            foreach ($connection in $connections) {
                $err = $null
                Stop-MjTask -Task $someTask -Connection $connection -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
                Assert-EnglishError -Record $err[0] -Id 'MjApiError' -Category 'PermissionDenied'
                $err[0].Exception.Message | Should -BeLike '*lets only its administrator cancel tasks*'
            }
        }

        It 'cancels as the administrator, and a cancelled task reads as Cancelled without an MjTaskFailed' {
            Assert-RealServer
            if (-not $env:MJ_REAL_ADMIN_KEY) { Set-ItResult -Skipped -Because 'MJ_REAL_ADMIN_KEY is not set' }
            $admin = Connect-Real $env:MJ_REAL_ADMIN_KEY
            $err = $null
            Stop-MjTask -Task ([Midjourney.Client.MjTask]::new('1234567890123456')) -Connection $admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
            $err | Should -BeNullOrEmpty
            if (-not $env:MJ_REAL_RUNNING_TASK) { Set-ItResult -Skipped -Because 'MJ_REAL_RUNNING_TASK is not set (a task that is not finished)' }
            $stopped = Stop-MjTask -Id $env:MJ_REAL_RUNNING_TASK -Connection $admin -Confirm:$false -PassThru
            $stopped.Status | Should -Be 'Cancelled'
            $warnings = $null
            $err = $null
            $waited = Wait-MjTask -Id $env:MJ_REAL_RUNNING_TASK -Connection $admin -Timeout 30 -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err -ErrorAction SilentlyContinue
            $waited.Status | Should -Be 'Cancelled'
            $err | Should -BeNullOrEmpty
            [string]$warnings[0] | Should -BeLike '*was cancelled*'
            @(Get-MjTask -Status Cancelled -Connection $admin | ForEach-Object Id) | Should -Contain $env:MJ_REAL_RUNNING_TASK
        }
    }
}
