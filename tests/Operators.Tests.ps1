# The proxy's operators (issue 19): accounts, users, banned words and capacity, in the real shell against one TrueAI
# simulator with an administrator's token, a user's token and three accounts (each 3 running + 10 queued). The
# simulator's accounts carry made-up secrets marked SIM-SECRET-, as the real server sends its administrator; the last
# Describe proves that none of them reaches any output stream, JSON, verbose or debug text, or the journal.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')

    $AdminKey = 'sim-admin-key'
    $UserKey = 'sim-user-key'
    $Simulator = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @(
        '--flavor', 'trueai', '--admin-key', $AdminKey, '--api-key', $UserKey, '--accounts', '3')
    $Journal = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-journal-' + [guid]::NewGuid().ToString('N') + '.jsonl')
    $AdminSecure = ConvertTo-SecureString $AdminKey -AsPlainText -Force
    $UserSecure = ConvertTo-SecureString $UserKey -AsPlainText -Force
    $User = Connect-MjServer -Uri $Simulator.BaseUrl -ApiKey $UserSecure -AuthScheme Raw -NoJournal -PassThru
    $Admin = Connect-MjServer -Uri $Simulator.BaseUrl -ApiKey $AdminSecure -AuthScheme Raw -JournalPath $Journal -PassThru

    function Get-MjView {
        param([Parameter(Mandatory = $true, ValueFromPipeline = $true)][object[]]$InputObject)
        begin { $all = New-Object System.Collections.Generic.List[object] }
        process { foreach ($item in $InputObject) { $all.Add($item) } }
        end { ($all | Out-String -Width 250) }
    }
}

AfterAll {
    foreach ($connection in @(Get-MjServer)) { $connection | Disconnect-MjServer }
    $User.Dispose()
    Stop-MjSimulator -Simulator $Simulator
    Remove-Item -LiteralPath $Journal -Force -ErrorAction SilentlyContinue
}

Describe 'Accounts and capacity' {
    It 'lists the accounts in a table that says which can take work now, and Get-MjServer shows the capacity from them' {
        $accounts = @(Get-MjAccount -Connection $Admin)
        $accounts.Count | Should -Be 3
        $accounts | ForEach-Object { $_.Availability | Should -Be 'Ready' }
        $accounts[0].CoreSize | Should -Be 3
        $accounts[0].QueueSize | Should -Be 10

        $view = $accounts | Get-MjView
        $view | Should -Match 'State\s+Channel\s+Running\s+Queued\s+FastLeft\s+Reason'
        $view | Should -Match 'Ready\s+\d{19}'

        (Get-MjServer -Uri $Simulator.BaseUrl | Get-MjView) | Should -Match '39 \(from the accounts: 3 of 3 usable\)'
    }

    It 'shows every column whole in an 80-column and a 120-column terminal: channel id, state, running, queued, fast hours, reason' {
        $accounts = @(Get-MjAccount -Connection $Admin)
        foreach ($width in 80, 120) {
            $lines = @(($accounts | Out-String -Width $width) -split "`r?`n" | Where-Object { $_.Trim() })
            $lines[0] | Should -Match '^State\s+Channel\s+Running\s+Queued\s+FastLeft\s+Reason$'
            # The reason gets what the fixed columns leave: at least 19 characters in 80 columns.
            ($width - $lines[0].IndexOf('Reason')) | Should -BeGreaterOrEqual 19
            foreach ($account in $accounts) {
                $row = @($lines | Where-Object { $_ -match [regex]::Escape($account.ChannelId) })
                $row.Count | Should -Be 1
                $row[0] | Should -Match ('^Ready\s+' + [regex]::Escape($account.ChannelId) + '\s+\d+/3\s+\d+/10\s+\d+\.\d+/\d+\.\dh(\s|$)')
                $row[0] | Should -Not -Match ([char]0x2026)
            }
        }
    }

    It 'filters by -Id (id or channel, wildcards) and -Enabled, and names an id it does not have' {
        $first = @(Get-MjAccount -Connection $Admin)[0]
        @(Get-MjAccount -Id $first.ChannelId -Connection $Admin).Id | Should -Be $first.Id
        @(Get-MjAccount -Id ($first.Id.Substring(0, 7) + '*') -Connection $Admin).Count | Should -Be 3
        @(Get-MjAccount -Enabled $false -Connection $Admin).Count | Should -Be 0
        $null = Get-MjAccount -Id 'no-such-account' -Connection $Admin -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'MjNotFound,Midjourney.PowerShell.Commands.GetMjAccountCommand'
    }

    It 'disables nothing with -WhatIf, then disables one from the pipeline, which shrinks the capacity' {
        $last = @(Get-MjAccount -Connection $Admin)[2]
        $last | Disable-MjAccount -WhatIf
        (Get-MjAccount -Id $last.Id -Connection $Admin).Enabled | Should -BeTrue

        $after = $last | Disable-MjAccount -Confirm:$false -PassThru
        $after.Enabled | Should -BeFalse
        $after.Availability | Should -Be 'Disabled'
        # The cmdlet read the accounts again at its end: the capacity is the pool's now.
        $Admin.Load.Capacity | Should -Be 26
        $Admin.Load.CapacityText | Should -Be '26 (from the accounts: 2 of 3 usable)'
    }

    It 'explains "no usable account" from the accounts when every account is disabled, and points a user to the administrator' {
        Get-MjAccount -Enabled $true -Connection $Admin | Disable-MjAccount -Confirm:$false

        $null = New-MjImagine 'a red mug' -Connection $Admin -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'MjServerError,Midjourney.PowerShell.Commands.NewMjImagineCommand'
        $err[0].Exception.Code | Should -Be 3
        $err[0].Exception.Message | Should -BeLike 'The server has no Midjourney account that can take this job: 3 accounts, all disabled:*'
        $err[0].Exception.Message | Should -BeLike '*answered code 3: 无可用的账号实例'

        $null = New-MjImagine 'a red mug' -Connection $User -ErrorAction SilentlyContinue -ErrorVariable userErr
        $userErr[0].Exception.Message | Should -BeLike "*ask the server's administrator, who can see why with Get-MjAccount*"

        Get-MjAccount -Connection $Admin | Enable-MjAccount -Confirm:$false
        (Get-MjAccount -Connection $Admin | Where-Object Availability -EQ 'Ready').Count | Should -Be 3
    }

    It 'syncs and reconnects accounts' {
        $first = @(Get-MjAccount -Connection $Admin)[0]
        $synced = $first | Sync-MjAccount -Confirm:$false -PassThru
        $synced.Id | Should -Be $first.Id
        { $first | Sync-MjAccount -Reconnect -Confirm:$false } | Should -Not -Throw
        (Get-MjAccount -Id $first.Id -Connection $Admin).Availability | Should -Be 'Ready'
    }

    It 'removes an account only when asked to, by id' {
        $last = @(Get-MjAccount -Connection $Admin)[2]
        Remove-MjAccount -Id $last.Id -Connection $Admin -WhatIf
        @(Get-MjAccount -Connection $Admin).Count | Should -Be 3
        Remove-MjAccount -Id $last.Id -Connection $Admin -Confirm:$false
        @(Get-MjAccount -Connection $Admin).Id | Should -Not -Contain $last.Id
        $null = Remove-MjAccount -Id $last.Id -Connection $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -Be 'MjNotFound,Midjourney.PowerShell.Commands.RemoveMjAccountCommand'
    }
}

Describe 'Users' {
    It 'lists the users, makes one whose token is given out once as a SecureString and works, and removes it' {
        @(Get-MjUser -Connection $Admin | ForEach-Object Role) | Should -Contain 'ADMIN'
        $new = New-MjUser -Name 'ops-bot' -DayDrawLimit 50 -Connection $Admin -Confirm:$false
        $new.Token | Should -BeOfType [System.Security.SecureString]
        $new.Token.Length | Should -Be 64
        $new.Name | Should -Be 'ops-bot'
        (Get-MjUser -Name 'ops-*' -Connection $Admin).DayDrawLimit | Should -Be 50

        # The new token is a user's: it submits, and is told it needs the admin token for accounts.
        $asNew = Connect-MjServer -Uri $Simulator.BaseUrl -ApiKey $new.Token -AuthScheme Raw -NoJournal -PassThru
        (New-MjImagine 'a blue mug' -Connection $asNew).Status | Should -Not -BeNullOrEmpty
        $null = Get-MjAccount -Connection $asNew -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -BeLike "This needs the server's admin token*"
        # The last Connect-MjServer is the server's registered connection (piped objects go there): the administrator's again.
        Connect-MjServer -Uri $Simulator.BaseUrl -ApiKey $AdminSecure -AuthScheme Raw -JournalPath $Journal

        Get-MjUser -Name 'ops-bot' -Connection $Admin | Remove-MjUser -Connection $Admin -Confirm:$false
        @(Get-MjUser -Connection $Admin | ForEach-Object Name) | Should -Not -Contain 'ops-bot'
        $null = Remove-MjUser -Id admin -Connection $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].Exception.Message | Should -BeLike "The server's administrator user cannot be removed.*"
    }
}

Describe 'Banned words' {
    It 'adds a list, fails a prompt with one of its words the way TrueAI does, adds and removes words, and removes the list' {
        $list = Add-MjBannedWord -Word 'Teapot', ' kettle ' -Name 'studio list' -Connection $Admin -Confirm:$false
        $list.Keywords | Should -Be @('teapot', 'kettle')

        $task = New-MjImagine 'a red TEAPOT on a table' -Connection $Admin
        $task.Status | Should -Be 'NotStarted' # accepted first, as TrueAI 11 does
        $null = $task | Wait-MjTask -Timeout 120 -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -Be 'MjBannedPrompt,Midjourney.PowerShell.Commands.WaitMjTaskCommand'
        (Get-MjTask $task.Id -Connection $Admin).FailReason | Should -Be '可能包含敏感词'

        $more = Get-MjBannedWord -Name 'studio*' -Connection $Admin | Add-MjBannedWord -Word samovar -Connection $Admin -Confirm:$false
        $more.Keywords | Should -Be @('teapot', 'kettle', 'samovar')
        (Get-MjBannedWord -Word KETTLE -Connection $Admin).Id | Should -Be $list.Id
        $less = Get-MjBannedWord -Name 'studio*' -Connection $Admin | Remove-MjBannedWord -Word kettle -Connection $Admin -Confirm:$false
        $less.Keywords | Should -Be @('teapot', 'samovar')

        Get-MjBannedWord -Name 'studio*' -Connection $Admin | Remove-MjBannedWord -Connection $Admin -Confirm:$false
        @(Get-MjBannedWord -Connection $Admin | ForEach-Object Id) | Should -Be @('default')
        $null = Remove-MjBannedWord -Id default -Connection $Admin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].Exception.Message | Should -BeLike "The server's default banned-word list cannot be removed.*"
    }
}

Describe "A user's token" {
    It 'is told "This needs the server''s admin token" by every operator cmdlet, before anything is sent' {
        $calls = @(
            'Get-MjAccount -Connection $User'
            'Enable-MjAccount -Id x -Connection $User -Confirm:$false'
            'Disable-MjAccount -Id x -Connection $User -Confirm:$false'
            'Sync-MjAccount -Id x -Connection $User -Confirm:$false'
            'Remove-MjAccount -Id x -Connection $User -Confirm:$false'
            'Get-MjUser -Connection $User'
            'New-MjUser -Name x -Connection $User -Confirm:$false'
            'Remove-MjUser -Id x -Connection $User -Confirm:$false'
            'Get-MjBannedWord -Connection $User'
            'Add-MjBannedWord -Word x -Connection $User -Confirm:$false'
            'Remove-MjBannedWord -Id x -Connection $User -Confirm:$false'
        )
        $before = (Get-MjSimulatorStats -Simulator $Simulator).Requests
        foreach ($call in $calls) {
            $err = $null
            $null = Invoke-Expression "$call -ErrorAction SilentlyContinue -ErrorVariable err"
            $err.Count | Should -Be 1 -Because $call
            $err[0].Exception.Message | Should -BeLike "This needs the server's admin token*" -Because $call
            $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied' -Because $call
        }
        $after = (Get-MjSimulatorStats -Simulator $Simulator).Requests
        foreach ($route in $after.PSObject.Properties.Name | Where-Object { $_ -like '/mj/admin/*' -and $_ -ne '/mj/admin/current' }) {
            [int]$after.$route | Should -Be ([int]$before.$route) -Because "$route must not be asked with a user's token"
        }
    }
}

Describe 'Secrets' {
    It 'never shows an account''s secret: not in any output stream, ConvertTo-Json, -Verbose or -Debug text, nor in the journal' {
        # The simulator sends its administrator every account's secrets, as the real server does.
        $raw = Invoke-RestMethod -Uri ($Simulator.BaseUrl + '/mj/admin/accounts') -Headers @{ Authorization = $AdminKey }
        ($raw | ConvertTo-Json -Depth 5) | Should -Match 'SIM-SECRET-'

        $DebugPreference = 'Continue'
        $streams = & {
            Get-MjAccount -Connection $Admin -Verbose -Debug
            Get-MjAccount -Connection $Admin | Format-List * | Out-String -Width 300
            Get-MjAccount -Connection $Admin | ForEach-Object { $_.Raw; $_.Properties } | Out-String -Width 300
            Get-MjAccount -Connection $Admin | ConvertTo-Json -Depth 10
            Get-MjAccount -Connection $Admin | Export-Clixml -LiteralPath (Join-Path $TestDrive 'accounts.xml')
            Get-Content -Raw -LiteralPath (Join-Path $TestDrive 'accounts.xml')
            @(Get-MjAccount -Connection $Admin)[0] | Disable-MjAccount -Confirm:$false -PassThru -Verbose -Debug | ConvertTo-Json -Depth 10
            Get-MjAccount -Connection $Admin -Enabled $false | Enable-MjAccount -Confirm:$false -PassThru -Verbose -Debug
            Get-MjAccount -Connection $Admin | Sync-MjAccount -Reconnect -Confirm:$false -Verbose -Debug
            Get-MjUser -Connection $Admin -Verbose -Debug | ConvertTo-Json -Depth 10
            New-MjImagine 'a green mug' -Connection $Admin -Verbose -Debug | Wait-MjTask -Timeout 120 -Verbose | ConvertTo-Json -Depth 5
            Get-MjServer | ConvertTo-Json -Depth 4
        } *>&1 | Out-String -Width 500
        $DebugPreference = 'SilentlyContinue'

        $streams | Should -Match 'POST /mj/admin/accounts -> 200' # the verbose lines are in
        $streams | Should -Match 'PUT /mj/admin/account-reconnect/'
        $streams | Should -Not -Match 'SIM-SECRET-'
        $streams | Should -Not -Match ([regex]::Escape($AdminKey))
        (Get-Content -Raw -LiteralPath $Journal) | Should -Not -Match 'SIM-SECRET-'
        # The account sent back by Disable still has its token on the server: nothing was wiped.
        ((Invoke-RestMethod -Uri ($Simulator.BaseUrl + '/mj/admin/accounts') -Headers @{ Authorization = $AdminKey }) | Where-Object { -not $_.userToken }) | Should -BeNullOrEmpty
    }
}

Describe 'Changes on a TrueAI server whose Redis is down (simulator --no-redis)' {
    BeforeAll {
        # As the real 11.10.3 with its Redis stopped: a banned-word save is made and answered 500, the users page fails.
        $Down = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @(
            '--flavor', 'trueai', '--admin-key', $AdminKey, '--api-key', $UserKey, '--no-redis')
        $DownAdmin = Connect-MjServer -Uri $Down.BaseUrl -ApiKey $AdminSecure -AuthScheme Raw -NoJournal -PassThru
    }

    AfterAll {
        $DownAdmin | Disconnect-MjServer -WarningAction SilentlyContinue
        Stop-MjSimulator -Simulator $Down
    }

    It 'says a change answered with a crash may or may not have been made, and to check with the matching Get- cmdlet first' {
        $null = Add-MjBannedWord -Word 'teapot' -Name 'studio list' -Connection $DownAdmin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjServerError,*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeExactly 'The change may or may not have been made: check with Get-MjBannedWord before trying again. If it keeps failing, ask the server''s administrator.'
        $err[0].ErrorDetails.Message | Should -Not -BeLike '*Try again*'
        # It was made: the check the error asks for finds it.
        (Get-MjBannedWord -Name 'studio list' -Connection $DownAdmin).Keywords | Should -Be @('teapot')

        $null = Get-MjBannedWord -Name 'studio list' -Connection $DownAdmin | Remove-MjBannedWord -Connection $DownAdmin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable removed
        $removed[0].ErrorDetails.RecommendedAction | Should -BeLike 'The change may or may not have been made: check with Get-MjBannedWord before trying again.*'
    }

    It 'says a user it made but could not read back was made, never to try again' {
        $null = New-MjUser -Name 'ops-bot' -Connection $DownAdmin -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjServerError,*'
        $err[0].ErrorDetails.Message | Should -BeLike "*made the user 'ops-bot' (it said so)*Reading it back failed*"
        $err[0].ErrorDetails.Message | Should -Not -BeLike '*Try again*'
        $err[0].ErrorDetails.RecommendedAction | Should -BeExactly 'Do not make the change again: Get-MjUser shows it once the server answers.'
    }
}
