# The four pipelines of the module, run for real against the simulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    # relax by default, so that -Mode Fast is visible in the simulator's task list.
    $Simulator = Start-MjTestServer -ExtraArgument @('--default-mode', 'relax')
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-pester-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $WorkDir -Force
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Imagine, upscale, save' {
    BeforeAll {
        $out = Join-Path $WorkDir 'upscale'
        $files = @(New-MjImagine 'red ceramic mug' |
                Wait-MjTask -OutVariable grid |
                Invoke-MjButton -Label U1 |
                Wait-MjTask -OutVariable upscale |
                Save-MjImage -Path $out)
        # Shared with the other Describe blocks of this file.
        $script:Grid = $grid[0]
        $script:Upscale = $upscale[0]
    }

    It 'finishes the grid with U/V buttons' {
        $script:Grid.Status | Should -Be 'Success'
        $script:Grid.Action | Should -Be 'IMAGINE'
        $labels = @($script:Grid.Buttons | ForEach-Object { $_.Label })
        foreach ($label in 'U1', 'U2', 'U3', 'U4', 'V1', 'V2', 'V3', 'V4') {
            $labels | Should -Contain $label
        }
    }

    It 'upscales U1 as a child of the grid' {
        $script:Upscale.Status | Should -Be 'Success'
        $script:Upscale.Action | Should -Be 'UPSCALE'
        $script:Upscale.ParentId | Should -Be $script:Grid.Id
    }

    It 'saves one PNG file of the upscale' {
        $files.Count | Should -Be 1
        $files[0] | Should -BeOfType ([System.IO.FileInfo])
        Test-Path -LiteralPath (Join-Path $out $files[0].Name) | Should -BeTrue
        $size = Get-PngSize -Path $files[0].FullName
        $size.Width | Should -BeGreaterThan 0
        $size.Height | Should -BeGreaterThan 0
    }

    It 'shows tasks in the table view with a percentage' {
        $text = $script:Upscale | Format-Table | Out-String
        $text | Should -Match 'Progress'
        $text | Should -Match '100%'
        $text | Should -Match 'UPSCALE'
    }

    It 'shows FailReason and the button names in the list view' {
        $text = $script:Grid | Format-List | Out-String
        $text | Should -Match 'FailReason'
        $text | Should -Match 'Buttons\s*:\s*U1, U2'
    }
}

Describe 'Buttons piped from Get-MjTask' {
    It 'clicks U1-U4 of a fetched grid and waits for the four upscales' {
        $id = $script:Grid.Id
        $tasks = @(Get-MjTask $id |
                Select-Object -ExpandProperty Buttons |
                Where-Object Label -like 'U*' |
                Invoke-MjButton |
                Wait-MjTask)
        $tasks.Count | Should -Be 4
        foreach ($task in $tasks) {
            $task.Status | Should -Be 'Success'
            $task.Action | Should -Be 'UPSCALE'
            $task.ParentId | Should -Be $id
        }
        @($tasks | ForEach-Object { $_.Id } | Sort-Object -Unique).Count | Should -Be 4
    }
}

Describe 'Vary (Region) through Submit-MjModal' {
    BeforeAll {
        # The mask must be the size of the upscaled image: download it and read its IHDR.
        $imageDir = Join-Path $WorkDir 'mask-source'
        $image = @($script:Upscale | Save-MjImage -Path $imageDir)[0]
        $size = Get-PngSize -Path $image.FullName
        $mask = New-MjMaskPng -Width $size.Width -Height $size.Height -Path (Join-Path $WorkDir 'mask.png')
    }

    It 'writes a mask PNG whose IHDR matches the upscale' {
        $maskSize = Get-PngSize -Path $mask.FullName
        $maskSize.Width | Should -Be $size.Width
        $maskSize.Height | Should -Be $size.Height
    }

    It 'turns a Vary (Region) click into a MODAL task with a warning' {
        $modal = $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' -WarningVariable warnings -WarningAction SilentlyContinue
        $modal.Status | Should -Be 'Modal'
        $modal.NeedsInput | Should -BeTrue
        ($warnings | Out-String) | Should -Match 'Submit-MjModal'
    }

    It 'submits the mask and prompt and finishes the variation' {
        $up = $script:Upscale
        $result = @($up |
                Invoke-MjButton -Label 'Vary (Region)' -WarningAction SilentlyContinue |
                Submit-MjModal -MaskPath $mask.FullName -Prompt 'a blue mug' |
                Wait-MjTask)
        $result.Count | Should -Be 1
        $result[0].Status | Should -Be 'Success'
        $result[0].FailReason | Should -BeNullOrEmpty
    }

    It 'refuses a mask of the wrong shape with an error naming the task' {
        # A mask of the image's shape at another size is scaled (Images.Tests.ps1); another shape is refused.
        $small = New-MjMaskPng -Width 8 -Height 6 -Path (Join-Path $WorkDir 'small-mask.png')
        $err = $null
        try {
            $up = $script:Upscale
            $null = $up |
                Invoke-MjButton -Label 'Vary (Region)' -WarningAction SilentlyContinue |
                Submit-MjModal -MaskPath $small.FullName -Prompt 'a blue mug' -ErrorAction SilentlyContinue -ErrorVariable err
        }
        catch {
            $err = @($_)
        }
        @($err).Count | Should -BeGreaterThan 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Mj*,Midjourney.PowerShell.Commands.SubmitMjModalCommand'
        $err[0].Exception.Message | Should -BeLike 'The mask is 8x6 but the image is *'
    }
}

Describe 'Prompts from a file in fast mode' {
    It 'submits one fast task per line, waits for all and saves each grid' {
        $promptFile = Join-Path $WorkDir 'prompts.txt'
        Set-Content -LiteralPath $promptFile -Value @('red ceramic mug', 'blue glass vase', 'green paper lamp') -Encoding UTF8
        $out = Join-Path $WorkDir 'batch'

        $files = @(Get-Content -LiteralPath $promptFile |
                New-MjImagine -Mode Fast |
                Wait-MjTask -OutVariable finished |
                Save-MjImage -Path $out)

        $finished.Count | Should -Be 3
        foreach ($task in $finished) { $task.Status | Should -Be 'Success' }
        $files.Count | Should -Be 3
        @($files | ForEach-Object { $_.Name } | Sort-Object -Unique).Count | Should -Be 3

        # The simulator's own record: every one of them ran in fast mode (its default here is relax).
        $ids = @($finished | ForEach-Object { $_.Id })
        $simTasks = @(Invoke-RestMethod -Uri ($Simulator.BaseUrl + '/sim/tasks') -UseBasicParsing) |
            ForEach-Object { $_ } |
            Where-Object { $ids -contains $_.id }
        $simTasks.Count | Should -Be 3
        foreach ($simTask in $simTasks) { $simTask.mode | Should -Be 'FAST' }
    }
}

Describe '-Wait with several inputs submits them all, then waits for them together (issue 18, item 2)' {
    It '<Name>' -ForEach @(
        @{ Name = 'New-MjImagine with {a, b} options'; Count = 4; Script = { New-MjImagine '{red, green} mug --ar {1:1, 16:9}' -Wait -Verbose } }
        @{ Name = 'New-MjImagine with piped prompts'; Count = 3; Script = { 'a cup', 'a jug', 'a vase' | New-MjImagine -Wait -Verbose } }
        @{ Name = 'Invoke-MjButton with piped tasks'; Count = 2; Script = { New-MjImagine '{red, blue} bowl' -Wait | Invoke-MjButton -Label U1 -Wait -Verbose } }
    ) {
        # One stream in the order the user sees it: every submit is said before the first finished task comes out
        # (one after another, each submit would follow the task before it).
        $stream = @(& $Script 4>&1)
        $submits = @(for ($i = 0; $i -lt $stream.Count; $i++) {
                if ($stream[$i] -is [System.Management.Automation.VerboseRecord] -and $stream[$i].Message -match '^(Submitted|Clicked U1:) task') { $i }
            })
        $tasks = @($stream | Where-Object { $_ -is [Midjourney.Client.MjTask] })
        $firstTask = [array]::IndexOf($stream, $tasks[0])

        $submits.Count | Should -Be $Count
        $tasks.Count | Should -Be $Count
        $submits[-1] | Should -BeLessThan $firstTask
        @($tasks | Where-Object Status -ne 'Success').Count | Should -Be 0
        @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -eq "Waiting for the $Count task(s) submitted, on 1 server(s)." }).Count | Should -Be 1
    }
}
