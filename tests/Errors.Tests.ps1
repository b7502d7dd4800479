# Error records (stable ids, categories, targets) and -WhatIf, against the simulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Simulator = Start-MjTestServer
    $Grid = New-MjImagine 'red ceramic mug' -Wait
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
}

Describe 'Non-terminating errors' {
    It 'reports a failed task as MjTaskFailed with the task as target, and still emits it' {
        $submitted = New-MjImagine 'red ceramic mug --sim-fail' -SkipParameterCheck
        $out = @($submitted | Wait-MjTask -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Failure'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MjTaskFailed,Midjourney.PowerShell.Commands.WaitMjTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidResult)
        $err[0].TargetObject | Should -BeOfType ([Midjourney.Client.MjTask])
        $err[0].TargetObject.Id | Should -Be $submitted.Id
        $err[0].Exception.Message | Should -Match 'sim-fail'
        # TrueAI's words for the bot's error ("Invalid parameter, <description>") read in English, with what to do.
        $err[0].ErrorDetails.Message | Should -BeLike "Task $($submitted.Id) failed: Midjourney refused a parameter of the prompt.*said: Invalid parameter, Simulated failure*"
        $err[0].ErrorDetails.RecommendedAction | Should -BeLike 'Fix the parameter the server''s words below name, then submit again*'
    }

    It 'reports an unknown id as MjTaskNotFound with the id as target' {
        $id = '1999999999999999999'
        $out = @(Get-MjTask -Id $id -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -Be 'MjTaskNotFound,Midjourney.PowerShell.Commands.GetMjTaskCommand'
        $err[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $err[0].TargetObject | Should -Be $id
    }

    It 'continues with the next id after an unknown one' {
        $out = @('1999999999999999998', $Grid.Id | Get-MjTask -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Count | Should -Be 1
        $out[0].Id | Should -Be $Grid.Id
        $err.Count | Should -Be 1
    }

    It 'reports a label the task does not offer as MjButtonNotFound' {
        # Vary (Region) exists only on an upscale, never on the grid.
        $err = $null
        try {
            $null = $Grid | Invoke-MjButton -Label 'Vary (Region)' -ErrorAction SilentlyContinue -ErrorVariable err
        }
        catch {
            $err = @($_)
        }
        $err[0].FullyQualifiedErrorId | Should -Be 'MjButtonNotFound,Midjourney.PowerShell.Commands.InvokeMjButtonCommand'
        $err[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ObjectNotFound)
        $err[0].TargetObject | Should -Not -BeNullOrEmpty
    }

    It 'reports an image that is not an image as MjInvalidInput before sending anything' {
        $before = Get-MjSimulatorStats -Simulator $Simulator
        $notImage = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-not-an-image-' + [guid]::NewGuid().ToString('N') + '.png')
        Set-Content -LiteralPath $notImage -Value 'this is text' -Encoding ASCII
        try {
            $err = $null
            try {
                $null = New-MjImagine 'red ceramic mug' -Image $notImage -ErrorAction SilentlyContinue -ErrorVariable err
            }
            catch {
                $err = @($_)
            }
            $err[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjImagineCommand'
            $err[0].CategoryInfo.Category | Should -BeIn @(
                [System.Management.Automation.ErrorCategory]::InvalidData,
                [System.Management.Automation.ErrorCategory]::InvalidArgument)
            [string]$err[0].TargetObject | Should -BeLike '*mj-not-an-image-*'
        }
        finally {
            Remove-Item -LiteralPath $notImage -Force -ErrorAction SilentlyContinue
        }
        $after = Get-MjSimulatorStats -Simulator $Simulator
        $after.TasksCreated | Should -Be $before.TasksCreated
    }
}

Describe 'Terminating errors' {
    It 'stops with MjNotConnected when no connection and no MJ_BASE_URL exist' {
        $saved = @{ Base = $env:MJ_BASE_URL; Key = $env:MJ_API_KEY; Scheme = $env:MJ_AUTH_SCHEME }
        Get-MjServer | Disconnect-MjServer
        $env:MJ_BASE_URL = $null
        $env:MJ_API_KEY = $null
        $env:MJ_AUTH_SCHEME = $null
        try {
            $record = $null
            try {
                $null = Get-MjTask -Id $Grid.Id -ErrorAction Stop
            }
            catch {
                $record = $_
            }
            $record | Should -Not -BeNullOrEmpty
            $record.FullyQualifiedErrorId | Should -Be 'MjNotConnected,Midjourney.PowerShell.Commands.GetMjTaskCommand'
            $record.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
            $record.Exception.Message | Should -Match 'Connect-MjServer'
        }
        finally {
            $env:MJ_BASE_URL = $saved.Base
            $env:MJ_API_KEY = $saved.Key
            $env:MJ_AUTH_SCHEME = $saved.Scheme
            Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
        }
    }
}

Describe '-WhatIf' {
    It 'submits nothing and outputs nothing' {
        $before = Get-MjSimulatorStats -Simulator $Simulator

        $imagine = @(New-MjImagine 'red ceramic mug' -WhatIf)
        $click = @($Grid | Invoke-MjButton -Label U2 -WhatIf)
        $blend = @(New-MjBlend -Image 'https://example.org/a.png', 'https://example.org/b.png' -WhatIf)

        $after = Get-MjSimulatorStats -Simulator $Simulator
        $imagine.Count + $click.Count + $blend.Count | Should -Be 0
        $after.TasksCreated | Should -Be $before.TasksCreated
        $after.SubmitsAccepted | Should -Be $before.SubmitsAccepted
        $submitRoutes = @($after.Requests.PSObject.Properties | Where-Object { $_.Name -like '*submit*' })
        foreach ($route in $submitRoutes) {
            $previous = $before.Requests.PSObject.Properties[$route.Name]
            $previousCount = 0
            if ($null -ne $previous) { $previousCount = $previous.Value }
            $route.Value | Should -Be $previousCount -Because "-WhatIf must not call $($route.Name)"
        }
    }

    It 'still validates the input' {
        $err = $null
        try {
            $null = New-MjBlend -Image 'https://example.org/only-one.png' -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err
        }
        catch {
            $err = @($_)
        }
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError*'
    }
}
