# What a session knows of its account's load (issue 18, item 1): tasks submitted and never waited for must not hold
# every later submit back. One simulator that runs one task at a time and queues two, so a fourth submit meets a full
# queue and teaches the capacity (3).
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Small = Start-MjTestServer -ExtraArgument @('--concurrency', '1', '--queue', '2')

    function Wait-MjSimulatorIdle {
        # Until every task of the simulator has ended (its own record; the client is not asked). The guard only stops a hang.
        param([object]$Simulator)
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        while ($true) {
            $tasks = @(Invoke-RestMethod -Uri ($Simulator.BaseUrl + '/sim/tasks') -UseBasicParsing) | ForEach-Object { $_ }
            if (@($tasks | Where-Object { $_.status -notin 'SUCCESS', 'FAILURE' }).Count -eq 0) { return }
            if ([DateTime]::UtcNow -gt $deadline) { throw 'The simulator still runs tasks after two minutes.' }
            Start-Sleep -Milliseconds 200
        }
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Small
}

Describe 'Tasks never waited for (issue 18, item 1)' {
    It 'are read when a submit finds no room, so no submit waits on a count nobody updates, and -Verbose says why it waited' {
        $null = 1..4 | ForEach-Object { New-MjImagine "unwatched mug $_" }
        $connection = Get-MjServer | Where-Object IsDefault
        $connection.Load.Capacity | Should -Be 3

        # Every task ends on the server; nobody waits for them, so the session has not seen it.
        Wait-MjSimulatorIdle $Small
        $stale = $connection.Load.InFlight
        $stale | Should -BeGreaterThan 0

        $verbose = @(1..3 | ForEach-Object { New-MjImagine "later mug $_" -Verbose } 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })

        # The submit that found no room read the tasks nobody watched, saw them ended and went: the session now counts
        # exactly the three new tasks, not the old ones as well.
        $connection.Load.InFlight | Should -Be 3
        $connection.Load.Capacity | Should -Be 3
        @($verbose -match '^this submit waits its turn: the server holds 3 task\(s\) of this client and takes 3 at once \(learnt from a full queue\)').Count | Should -Be 1
        @($verbose -match "^read the $stale task\(s\) in flight that no wait watches: $stale had ended; \d+ held, capacity 3$").Count | Should -Be 1

        # Only the full queue that taught the capacity refused a submit.
        $stats = Get-MjSimulatorStats -Simulator $Small
        ($stats.Requests.'/mj/submit/imagine' - $stats.TasksCreated) | Should -Be 1
    }

    It 'shows the load on the connection' {
        $text = (Get-MjServer | Where-Object IsDefault).Load.ToString()
        $text | Should -Match '^in flight \d+, capacity 3 \(learnt from a full queue\), free \d+, submitting 0, waiting 0$'
    }
}
