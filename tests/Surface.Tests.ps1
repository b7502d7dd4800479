# What a person reads and types (issue 9, points 12 and 15-18): blank pipeline lines, completion, views,
# progress, docs against the simulator, and an idle simulator's CPU. Runs against the simulator in a real pwsh.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Simulator = Start-MjTestServer
    $Grid = New-MjImagine 'red ceramic mug --ar 3:2' -Wait
    $Upscale = $Grid | Invoke-MjButton -Label U1 -Wait

    function Get-MjCompletionResult {
        # The CompletionResults PowerShell offers at the end of $InputScript (text, list text, tooltip, type).
        param([Parameter(Mandatory = $true)][string]$InputScript)
        $result = [System.Management.Automation.CommandCompletion]::CompleteInput($InputScript, $InputScript.Length, $null)
        @($result.CompletionMatches)
    }

    function Get-MjView {
        # What the default formatter prints, wide enough that no column is dropped.
        param([Parameter(Mandatory = $true, ValueFromPipeline = $true)][object[]]$InputObject)
        begin { $all = New-Object System.Collections.Generic.List[object] }
        process { foreach ($item in $InputObject) { $all.Add($item) } }
        end { ($all | Out-String -Width 250) }
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
}

Describe 'Blank lines piped into the New-* cmdlets (point 12)' {
    It 'gives MjInvalidInput for an empty line, the same as a whitespace-only line, and submits the others' {
        $out = @('red mug', '', '   ', 'blue mug' | New-MjImagine -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 2
        $out.Prompt | Should -Be @('red mug', 'blue mug')
        $err.Count | Should -Be 2
        foreach ($record in $err) {
            $record.FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjImagineCommand'
            $record.Exception.Message | Should -Match '-Prompt is empty'
            $record.Exception.Message | Should -Match ([regex]::Escape('Where-Object { $_.Trim() }'))
            $record.Exception.Message | Should -Not -Match 'Cannot bind argument'
        }
    }

    It 'does the same for New-MjShorten, New-MjVideo, New-MjEdit and New-MjDescribe' {
        $null = '' | New-MjShorten -ErrorAction SilentlyContinue -ErrorVariable shorten
        $null = New-MjVideo '' -ErrorAction SilentlyContinue -ErrorVariable video
        $null = New-MjEdit '' -Image $Grid.ImageUrl -ErrorAction SilentlyContinue -ErrorVariable edit
        $null = '' | New-MjDescribe -ErrorAction SilentlyContinue -ErrorVariable describe

        $shorten[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjShortenCommand'
        $video[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjVideoCommand'
        $edit[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjEditCommand'
        $describe[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjDescribeCommand'
        $describe[0].Exception.Message | Should -Match '-Image is empty'
    }
}

Describe 'Completion (point 15)' {
    It 'offers the buttons the piped task really has' {
        $global:MjSurfaceUp = $Upscale
        $global:MjSurfaceGrid = $Grid
        try {
            $onGrid = @(Get-MjCompletion '$MjSurfaceGrid | Invoke-MjButton -Label ')
            $onGrid | Should -Be @('U1', 'U2', 'U3', 'U4', '🔄', 'V1', 'V2', 'V3', 'V4')

            $onUpscale = @(Get-MjCompletion '$MjSurfaceUp | Invoke-MjButton -Label ')
            $onUpscale | Should -Contain 'Vary (Region)'
            $onUpscale | Should -Contain 'Make Square'
            $onUpscale | Should -Contain '❤️'
            $onUpscale | Should -Not -Contain 'U1'
        }
        finally {
            Remove-Variable -Name MjSurfaceUp, MjSurfaceGrid -Scope Global
        }
    }

    It 'offers the buttons of -Task, of an index expression and of a parenthesised variable' {
        $global:MjSurfaceTasks = @($Grid, $Upscale)
        try {
            @(Get-MjCompletion 'Invoke-MjButton -Task $MjSurfaceTasks[1] -Label Zo') | Should -Be @('Zoom Out 2x', 'Zoom Out 1.5x')
            @(Get-MjCompletion '$MjSurfaceTasks[0] | Invoke-MjButton -Label V') | Should -Be @('V1', 'V2', 'V3', 'V4')
            @(Get-MjCompletion '($MjSurfaceTasks[1]) | Invoke-MjButton -Label M') | Should -Be @('Make Square')
        }
        finally {
            Remove-Variable -Name MjSurfaceTasks -Scope Global
        }
    }

    It 'shows what a button does in the tooltip' {
        $global:MjSurfaceUp = $Upscale
        try {
            $region = Get-MjCompletionResult '$MjSurfaceUp | Invoke-MjButton -Label Vary' | Where-Object ListItemText -EQ 'Vary (Region)'
            $region.ToolTip | Should -Match 'VaryRegion'
            $region.ToolTip | Should -Match 'MODAL'
        }
        finally {
            Remove-Variable -Name MjSurfaceUp -Scope Global
        }
    }

    It 'offers the common labels, with describe picks, the bookmark and the video buttons, when the task is not known' {
        $labels = @(Get-MjCompletion 'Invoke-MjButton -Label ')
        foreach ($label in 'U1', 'V4', '🔄', 'Vary (Region)', 'Make Square', '1️⃣', '2️⃣', '3️⃣', '4️⃣', '❤️', 'Extend (High motion)', 'Extend (Low motion)', 'Animate (Low motion)') {
            $labels | Should -Contain $label
        }
    }

    It 'completes a quoted prefix in the quote the user opened' {
        $single = @(Get-MjCompletionResult "Invoke-MjButton -Label 'Vary" | ForEach-Object CompletionText)
        $single | Should -Be @("'Vary (Subtle)'", "'Vary (Strong)'", "'Vary (Region)'")
        $double = @(Get-MjCompletionResult 'Invoke-MjButton -Label "Vary (R' | ForEach-Object CompletionText)
        $double | Should -Be @('"Vary (Region)"')
    }

    It 'completes -CustomId with the customIds of the known task' {
        $global:MjSurfaceUp = $Upscale
        try {
            $ids = @(Get-MjCompletion '$MjSurfaceUp | Invoke-MjButton -CustomId MJ::Inpaint')
            $ids.Count | Should -Be 1
            $ids[0] | Should -BeLike 'MJ::Inpaint::1::*::SOLO'
        }
        finally {
            Remove-Variable -Name MjSurfaceUp -Scope Global
        }
    }

    It 'completes -Id with recent task ids from the journal, the prompt as the tooltip' {
        foreach ($command in 'Get-MjTask -Id ', 'Wait-MjTask -Id ', 'Submit-MjModal -Id ') {
            $results = Get-MjCompletionResult $command
            $results.CompletionText | Should -Contain $Grid.Id
            $results.CompletionText | Should -Contain $Upscale.Id
            ($results | Where-Object CompletionText -EQ $Grid.Id).ToolTip | Should -Match ([regex]::Escape('IMAGINE red ceramic mug --ar 3:2'))
            ($results | Where-Object CompletionText -EQ $Upscale.Id).ToolTip | Should -Match $Grid.Id
        }
        $prefix = $Upscale.Id.Substring(0, $Upscale.Id.Length - 1)
        @(Get-MjCompletion "Get-MjTask -Id $($Upscale.Id)") | Should -Be @($Upscale.Id)
        @(Get-MjCompletion "Get-MjTask -Id $prefix") | Should -Contain $Upscale.Id
    }

    It 'completes -Connection with the registered servers, and binds the completed text' {
        $server = (Get-MjServer | Where-Object IsDefault).Uri.AbsoluteUri
        foreach ($command in 'Get-MjTask -Connection ', 'New-MjImagine -Connection ', 'Save-MjImage -Connection ', 'Disconnect-MjServer -Uri ', 'Get-MjServer -Uri ') {
            @(Get-MjCompletion $command) | Should -Be @($server)
        }
        $task = Get-MjTask -Id $Grid.Id -Connection $server
        $task.Id | Should -Be $Grid.Id
        { Get-MjTask -Id $Grid.Id -Connection http://127.0.0.1:1/ } | Should -Throw '*No connection to*Connect-MjServer*'
    }

    It 'completes -VideoType and -Motion, -Motion cased like the other enums' {
        @(Get-MjCompletion 'New-MjVideo -VideoType ') | Should -Be @('vid_1.1_i2v_480', 'vid_1.1_i2v_720')
        @(Get-MjCompletion 'New-MjVideo -Motion ' | Sort-Object) | Should -BeExactly @('High', 'Low')
        # Any case still binds.
        { New-MjVideo 'mug' -Image $Grid.ImageUrl -Motion low -WhatIf } | Should -Not -Throw
    }

    It 'completes file names only for path parameters' {
        # Paths, or parameters that take a path among URLs and codes (references, pictures to show, a folder).
        $pathParameters = 'Image', 'EndImage', 'MaskPath', 'JournalPath', 'Path', 'Destination',
            'StyleReference', 'OmniReference', 'CharacterReference', 'Show-MjImage -InputObject', 'OutputPath', 'StatePath'
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $offenders = New-Object System.Collections.Generic.List[string]
        Push-Location -LiteralPath $RepoRoot
        try {
            foreach ($command in Get-Command -Module Midjourney) {
                foreach ($parameter in $command.Parameters.Values) {
                    if ($common -contains $parameter.Name -or $parameter.SwitchParameter) { continue }
                    $line = "$($command.Name) -$($parameter.Name) "
                    $files = @(Get-MjCompletionResult $line | Where-Object { $_.ResultType -eq 'ProviderItem' -or $_.ResultType -eq 'ProviderContainer' })
                    $isPath = ($pathParameters -contains $parameter.Name) -or ($pathParameters -contains "$($command.Name) -$($parameter.Name)")
                    if ($isPath -and $files.Count -eq 0) { $offenders.Add("$line(a path, but no file names)") }
                    if (-not $isPath -and $files.Count -gt 0) { $offenders.Add("$line(not a path, but file names)") }
                }
            }
        }
        finally {
            Pop-Location
        }
        $offenders | Should -BeNullOrEmpty
    }
}

Describe 'Views (point 16)' {
    It 'shows the journal as a table' {
        $view = Get-MjTask -Recent 5 -FromJournal | Get-MjView
        $view | Should -Match 'Time\s+Id\s+Action\s+Prompt'
        $view | Should -Match ([regex]::Escape($Grid.Id) + '\s+IMAGINE\s+red ceramic mug')
        # A click has no prompt of its own: the table says whose button it was.
        $view | Should -Match ([regex]::Escape($Upscale.Id) + '\s+UPSCALE\s+button of ' + $Grid.Id)
        $view | Should -Not -Match 'CustomId\s*:'
    }

    It 'shows real emoji in the buttons table, never Discord emoji names' {
        $view = $Upscale.Buttons | Get-MjView
        $view | Should -Not -Match 'upscale_1'
        $view | Should -Match 'Upscale \(Subtle\)\s+UpscaleSubtle'
        $view | Should -Match '🪄'
    }

    It 'shows where the image is, how many images a grid has, or why a task failed' {
        $failed = New-MjImagine 'red ceramic mug --sim-fail' -SkipParameterCheck -Wait -ErrorAction SilentlyContinue
        $view = @($Grid, $Upscale, $failed) | Get-MjView
        $view | Should -Match 'Result'
        $view | Should -Match ([regex]::Escape($Grid.Id) + '.*4 images')
        $view | Should -Match ([regex]::Escape($Upscale.Id) + '.*http://127\.0\.0\.1:\d+/sim/images/' + $Upscale.Id + '/upscale\.png')
        $view | Should -Not -Match 'hm='
        $view | Should -Match ([regex]::Escape($failed.Id) + '.*failed: .*sim-fail')
    }

    It 'says what a MODAL task needs, how many videos a task has, and that a describe image is its input' {
        # Tasks as a server without tiles or buttons would send them (init-only properties are settable from PowerShell).
        $modal = [Midjourney.Client.MjTask]::new('1796000000000001')
        $modal.Action = 'VARIATION'; $modal.Status = 'Modal'
        $video = [Midjourney.Client.MjTask]::new('1796000000000002')
        $video.Action = 'VIDEO'; $video.Status = 'Success'; $video.ImageUrl = 'http://h/v/cover.png?sig=1'
        $video.VideoUrls = [string[]]@('http://h/v/1.mp4', 'http://h/v/2.mp4')
        $described = [Midjourney.Client.MjTask]::new('1796000000000003')
        $described.Action = 'DESCRIBE'; $described.Status = 'Success'; $described.ImageUrl = 'http://h/sim/attachments/1/image.png?sig=1'

        $view = @($modal, $video, $described) | Get-MjView
        $view | Should -Match '1796000000000001.*MODAL: finish with Submit-MjModal'
        $view | Should -Match '1796000000000002.*2 videos'
        $view | Should -Match '1796000000000003.*described http://h/sim/attachments/1/image\.png(\s|$)'
    }

    It 'says how many prompts a describe or shorten result offers' {
        $describe = New-MjDescribe $Grid.ImageUrl -Wait
        $shorten = New-MjShorten 'a very detailed photograph of a red ceramic mug on an oak table, morning light' -Wait
        $view = @($describe, $shorten) | Get-MjView
        $view | Should -Match ([regex]::Escape($describe.Id) + '.*4 prompts to pick from')
        $view | Should -Match ([regex]::Escape($shorten.Id) + '.*5 prompts to pick from')
    }

    It 'names the action and the start of the prompt in the progress bars' {
        # A runspace of its own collects the progress records (connections are per process, so it uses ours).
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$ManifestPath'; New-MjImagine 'a lighthouse at dusk, oil painting, warm light, long exposure' -Wait")
            $out = @($shell.Invoke())
            $out.Count | Should -Be 1
            $bars = @($shell.Streams.Progress | Where-Object ParentActivityId -EQ 1)
            $bars.Count | Should -BeGreaterThan 0
            foreach ($bar in $bars) {
                $bar.Activity | Should -BeLike "IMAGINE 'a lighthouse at dusk, oil painting, w*'"
                $bar.Activity.Length | Should -BeLessOrEqual 60
            }
            ($bars | Where-Object RecordType -EQ 'Processing' | Select-Object -First 1).StatusDescription | Should -Match $out[0].Id
        }
        finally {
            $shell.Dispose()
        }
    }
}

Describe 'Docs and manifest tell the truth (point 17)' {
    It 'says what the simulator does with -Mode: Plus takes the prefix, NoviceZK answers 404' {
        $about = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'docs/en-US/about_Midjourney.md')
        $about | Should -Match 'TrueAI and Plus servers and new-api gateways receive the mode as a path prefix'
        $about | Should -Match 'NoviceZK servers and gateways that answer in the TASK_STATUS_\* format have no prefixes'
        $help = (Get-Help New-MjImagine -Parameter Mode).Description.Text -join ' '
        $help | Should -Match 'TrueAI and Plus servers'

        $plus = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @('--flavor', 'plus')
        $novice = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02 -ExtraArgument @('--flavor', 'novicezk')
        $journal = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-journal-' + [guid]::NewGuid().ToString('N') + '.jsonl')
        try {
            $plusConnection = Connect-MjServer -Uri $plus.BaseUrl -NoJournal -PassThru
            $noviceConnection = Connect-MjServer -Uri $novice.BaseUrl -NoJournal -PassThru
            $fast = New-MjImagine 'mug' -Mode Fast -Connection $plusConnection
            $fast.Id | Should -Not -BeNullOrEmpty
            $null = New-MjImagine 'mug' -Mode Fast -Connection $noviceConnection -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused.Count | Should -BeGreaterThan 0
            $refused[0].Exception.Message | Should -Match '404|endpoint|prefix'
            $plain = New-MjImagine 'mug --fast' -Connection $noviceConnection
            $plain.Id | Should -Not -BeNullOrEmpty
        }
        finally {
            Get-MjServer | Where-Object { $_.Uri.AbsoluteUri.TrimEnd('/') -eq $plus.BaseUrl -or $_.Uri.AbsoluteUri.TrimEnd('/') -eq $novice.BaseUrl } | Disconnect-MjServer
            Stop-MjSimulator -Simulator $plus
            Stop-MjSimulator -Simulator $novice
            # Connecting made the last one the default: make the test server the default again.
            Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
        }
    }

    It 'offers Make Square only on a non-square image, as the docs say, and it makes a square ZOOM' {
        (Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'docs/en-US/about_Midjourney.md')) | Should -Match 'Make Square \(only when the image is not square\)'
        $Upscale.Buttons.Label | Should -Contain 'Make Square'
        $square = New-MjImagine 'red ceramic mug' -Wait | Invoke-MjButton -Label U2 -Wait
        $square.Buttons.Label | Should -Not -Contain 'Make Square'

        $zoom = $Upscale | Invoke-MjButton -Label 'Make Square' -Wait
        $zoom.Action | Should -Be 'ZOOM'
        $zoom.Status | Should -Be 'Success'
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-square-' + [guid]::NewGuid().ToString('N'))
        try {
            $file = $zoom | Save-MjImage -Path $folder | Select-Object -First 1
            $size = Get-PngSize $file.FullName
            $size.Width | Should -Be $size.Height
        }
        finally {
            Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
        }
    }

    It 'declares ct in the README C# example before using it' {
        $readme = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'README.md')
        $match = [regex]::Match($readme, '(?s)```csharp(.*?)```')
        $match.Success | Should -BeTrue
        $code = $match.Groups[1].Value
        $declared = [regex]::Match($code, 'var ct\s*=')
        $declared.Success | Should -BeTrue
        $declared.Index | Should -BeLessThan $code.IndexOf(', ct)')
    }

    It 'warns, when it disconnects in the middle of a pipeline, which tasks go on unfollowed and how to pick them up' {
        $other = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02
        try {
            $null = Connect-MjServer -Uri $other.BaseUrl -NoJournal
            $script:later = $null
            $out = @(& {
                    try {
                        New-MjImagine 'a mug left running' |
                            ForEach-Object { Disconnect-MjServer -Uri $other.BaseUrl; $_ } |
                            Wait-MjTask
                    }
                    catch { $script:later = $_ }
                } 3>&1)
            # What the warning announced: the rest of the pipeline stops, not connected.
            $script:later.FullyQualifiedErrorId | Should -BeLike 'MjNotConnected,*'
            # (The other warning says that no connection is the default now.)
            $warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] -and $_.Message -like 'Disconnected from*' })
            $warnings.Count | Should -Be 1
            (Get-MjSimulatorStats -Simulator $other).TasksCreated | Should -Be 1
            $warnings[0].Message | Should -Match ('^Disconnected from ' + [regex]::Escape($other.BaseUrl) + ' while 1 task this session last saw unfinished there may still be running \(\d+\)')
            $warnings[0].Message | Should -Match 'goes on on the server and is paid for'
            $warnings[0].Message | Should -Match 'Wait-MjTask, Invoke-MjButton, Save-MjImage.*stop with MjNotConnected'
            $warnings[0].Message | Should -Match ('Connect-MjServer -Uri ' + [regex]::Escape($other.BaseUrl) + ', then Get-MjTask -Id \d+ \| Wait-MjTask\.$')

            # A finished task is not open: disconnecting after it says nothing.
            $null = Connect-MjServer -Uri $other.BaseUrl -NoJournal
            $null = New-MjImagine 'a mug that finishes' -Wait
            Disconnect-MjServer -Uri $other.BaseUrl -WarningVariable quiet -WarningAction SilentlyContinue
            @($quiet | Where-Object { $_.Message -like 'Disconnected from*' }).Count | Should -Be 0
        }
        finally {
            Stop-MjSimulator -Simulator $other
            Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
        }
    }

    It 'has Get-MjServer -Uri and Disconnect-MjServer -Uri, as a user of Connect-MjServer -Uri expects' {
        $other = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02
        try {
            $null = Connect-MjServer -Uri $other.BaseUrl -NoJournal
            $found = @(Get-MjServer -Uri ($other.BaseUrl + '/mj'))
            $found.Count | Should -Be 1
            $found[0].Uri.AbsoluteUri | Should -Be ($other.BaseUrl + '/')

            Disconnect-MjServer -Uri $other.BaseUrl
            @(Get-MjServer | Where-Object { $_.Uri.AbsoluteUri -eq ($other.BaseUrl + '/') }).Count | Should -Be 0

            $null = Get-MjServer -Uri $other.BaseUrl -ErrorAction SilentlyContinue -ErrorVariable missing
            $missing[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.GetMjServerCommand'
            $missing[0].Exception.Message | Should -Match 'No connection to .* is registered'
            $null = Disconnect-MjServer -Uri $other.BaseUrl -ErrorAction SilentlyContinue -ErrorVariable gone
            $gone[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.DisconnectMjServerCommand'

            (Get-Help Get-MjServer -Parameter Uri).Name | Should -Be 'Uri'
            (Get-Help Disconnect-MjServer -Parameter Uri).Name | Should -Be 'Uri'
        }
        finally {
            Stop-MjSimulator -Simulator $other
            Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
        }
    }

    It 'has no placeholder project or license address in the manifest' {
        $manifest = Import-PowerShellDataFile -Path (Join-Path $RepoRoot 'src/Midjourney.PowerShell/Midjourney.psd1')
        foreach ($key in 'ProjectUri', 'LicenseUri', 'IconUri') {
            $value = $manifest.PrivateData.PSData[$key]
            if ($value) {
                $value | Should -Match '^https://'
                $value | Should -Not -Match 'example|contoso|your-|placeholder|TODO'
            }
        }
        (Get-Module Midjourney).ProjectUri | Should -Be $manifest.PrivateData.PSData['ProjectUri']
    }
}

Describe 'An idle simulator (point 18)' {
    It 'uses almost no CPU while nothing happens' {
        $idle = Start-MjSimulator -SimulatorDll (Get-MjTestSimulatorDll) -TimeScale 0.02
        try {
            # Let start-up work (JIT, tiering) settle, then count the CPU time of ten idle seconds. CPU time does not
            # grow on a busy machine the way wall time does: a 20 ms polling loop costs ~0.3 s here, the signal ~0.
            Start-Sleep -Seconds 5
            $idle.Process.Refresh()
            $before = $idle.Process.TotalProcessorTime
            Start-Sleep -Seconds 10
            $idle.Process.Refresh()
            $used = ($idle.Process.TotalProcessorTime - $before).TotalMilliseconds
            Write-Host ("Idle simulator: {0:N0} ms of CPU in 10 s ({1:N2}% of a core)" -f $used, ($used / 100))
            $used | Should -BeLessThan 100
        }
        finally {
            Stop-MjSimulator -Simulator $idle
        }
    }
}
