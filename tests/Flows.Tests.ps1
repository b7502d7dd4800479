# The button flows of issue 9 as a person types them: MODAL steps, describe and shorten picks, remix, bookmarks
# and Save-MjImage file names, run for real against the simulator.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Simulator = Start-MjTestServer
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-flows-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $WorkDir -Force
    $script:Grid = New-MjImagine 'red ceramic mug' -Wait
    $script:Upscale = $script:Grid | Invoke-MjButton -Label U1 -Wait

    function Get-MjJournalLine {
        param([string]$Path, [string]$Id)
        @(Get-Content -LiteralPath $Path | Where-Object { $_ -match ('"id":"' + [regex]::Escape($Id) + '"') })
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'A MODAL step finished in the same call (point 1)' {
    It 'emits the real task after Custom Zoom -Prompt, a child of the clicked task, with one journal line' {
        $zoom = $script:Upscale | Invoke-MjButton -Label 'Custom Zoom' -Prompt 'mug --zoom 1.5' -WarningVariable warnings
        $zoom.Action | Should -Be 'ZOOM'
        $zoom.Status | Should -Not -Be 'Modal'
        $zoom.ParentId | Should -Be $script:Upscale.Id
        $zoom.ParentId | Should -Not -Be $zoom.Id
        @($warnings).Count | Should -Be 0
        @(Get-MjJournalLine -Path $Simulator.JournalPath -Id $zoom.Id).Count | Should -Be 1
        ($zoom | Wait-MjTask).Status | Should -Be 'Success'
    }

    It 'emits the real task after Submit-MjModal, with the clicked task as parent and one journal line' {
        $modal = $script:Upscale | Invoke-MjButton -Label 'Custom Zoom' -WarningAction SilentlyContinue
        $modal.Status | Should -Be 'Modal'
        $sent = $modal | Submit-MjModal -Prompt 'mug --zoom 1.8'
        $sent.Id | Should -Be $modal.Id
        $sent.Action | Should -Be 'ZOOM'
        $sent.Status | Should -Not -Be 'Modal'
        $sent.ParentId | Should -Be $script:Upscale.Id
        @(Get-MjJournalLine -Path $Simulator.JournalPath -Id $modal.Id).Count | Should -Be 1
    }
}

Describe 'Checks before the click (point 2)' {
    It 'refuses Custom Zoom without a --zoom between 1 and 2, before any click' -ForEach @(
        @{ Prompt = 'mug' }, @{ Prompt = 'mug --zoom 3' }, @{ Prompt = 'mug --zoom 1' }, @{ Prompt = 'mug --zoom' }
    ) {
        $before = @(Get-Content -LiteralPath $Simulator.JournalPath).Count
        $err = $null
        $out = $script:Upscale | Invoke-MjButton -Label 'Custom Zoom' -Prompt $Prompt -ErrorAction SilentlyContinue -ErrorVariable err
        $out | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput,*'
        # The prompt checker or the Custom Zoom check, whichever sees it first, says what to write.
        $err[0].Exception.Message | Should -Match '--zoom'
        $err[0].Exception.Message | Should -Match 'Nothing was'
        @(Get-Content -LiteralPath $Simulator.JournalPath).Count | Should -Be $before
    }
}

Describe 'A MODAL step that fails after the click (point 2)' {
    BeforeAll {
        # Plus refuses a banned prompt when it is submitted (code 24), so the MODAL step itself fails.
        $script:PlusSim = Start-MjTestServer -ExtraArgument @('--flavor', 'plus')
        $script:PlusUpscale = New-MjImagine 'red ceramic mug' -Wait | Invoke-MjButton -Label U1 -Wait
    }

    AfterAll {
        Stop-MjTestServer -Simulator $script:PlusSim
        Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
    }

    It 'names the MODAL task left behind, and how to finish it' {
        $err = $null
        $out = @($script:PlusUpscale | Invoke-MjButton -Label 'Vary (Region)' -Region '25%,25%,50%,50%' -Prompt 'a gore mug' -ErrorAction SilentlyContinue -ErrorVariable err -WarningVariable warnings)
        $out.Count | Should -Be 1
        $out[0].Status | Should -Be 'Modal'
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -Match ([regex]::Escape("task $($out[0].Id)"))
        $err[0].Exception.Message | Should -Match 'left waiting for input \(MODAL\)'
        $err[0].ErrorDetails.RecommendedAction | Should -Match ([regex]::Escape("Submit-MjModal -Id $($out[0].Id) -MaskPath"))
        $err[0].TargetObject.Id | Should -Be $out[0].Id
        @($warnings).Count | Should -Be 0
    }
}

Describe 'Describe and shorten (point 3)' {
    BeforeAll {
        $png = New-MjMaskPng -Width 64 -Height 48 -Path (Join-Path $WorkDir 'describe-me.png')
        $script:Describe = New-MjDescribe -Image $png.FullName -Wait
    }

    It 'shows the four suggested prompts of a describe' {
        $script:Describe.Prompts.Count | Should -Be 4
        $script:Describe.Prompts[0] | Should -Not -Match '1\uFE0F?\u20E3'
        ($script:Describe | Format-List | Out-String) | Should -Match 'Prompts'
    }

    It 'shows the shortened prompts of a shorten' {
        $short = New-MjShorten 'a very detailed red ceramic mug on a wooden table in soft morning light' -Wait
        $short.Prompts.Count | Should -Be 5
        $short.Prompts[0] | Should -Match 'red'
    }

    It 'imagines describe suggestion <Index> in the same call' -ForEach @(
        @{ How = 'Label'; Index = 2 }, @{ How = 'Index'; Index = 3 }
    ) {
        if ($How -eq 'Label') {
            $keycap = [string][char](48 + $Index) + [char]0xFE0F + [char]0x20E3
            $imagine = $script:Describe | Invoke-MjButton -Label $keycap -WarningVariable warnings
        }
        else {
            $imagine = $script:Describe | Invoke-MjButton -Index $Index -Kind DescribePick -WarningVariable warnings
        }
        $imagine.Action | Should -Be 'IMAGINE'
        $imagine.Status | Should -Not -Be 'Modal'
        $imagine.ParentId | Should -Be $script:Describe.Id
        @($warnings).Count | Should -Be 0
        $done = $imagine | Wait-MjTask
        $done.Status | Should -Be 'Success'
        $done.Prompt | Should -BeLike ($script:Describe.Prompts[$Index - 1] + '*')
    }
}

Describe 'The MODAL warning (point 5)' {
    It 'appears once per task in a pipeline to Wait-MjTask, and says what Vary (Region) needs' {
        $out = @(& { $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' | Wait-MjTask } 3>&1)
        $warnings = @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] })
        $tasks = @($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        $tasks.Count | Should -Be 1
        $warnings.Count | Should -Be 1
        $warnings[0].Message | Should -Match 'waits for a mask and a prompt'
        $warnings[0].Message | Should -Match ([regex]::Escape("Submit-MjModal -Id $($tasks[0].Id) -MaskPath"))
    }

    It 'is not written when the pipeline goes on to Submit-MjModal, which finishes the step (the user is doing what it says)' {
        $out = @(& { $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' | Submit-MjModal -Region '25%,25%,50%,50%' -Prompt 'a blue mug' } 3>&1)
        @($out | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 0
        $tasks = @($out | Where-Object { $_ -isnot [System.Management.Automation.WarningRecord] })
        $tasks.Count | Should -Be 1
        $tasks[0].Status | Should -Not -Be 'Modal'
    }

    It 'is still written when nothing follows the click, or when the pipeline goes elsewhere' {
        $null = $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' -WarningVariable alone -WarningAction SilentlyContinue
        @($alone).Count | Should -Be 1
        $alone[0].Message | Should -Match 'waits for a mask and a prompt'
        $null = $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' -WarningVariable elsewhere -WarningAction SilentlyContinue | Select-Object Id, Status
        @($elsewhere).Count | Should -Be 1
    }

    It 'asks for --zoom on a Custom Zoom' {
        $null = $script:Upscale | Invoke-MjButton -Label 'Custom Zoom' -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Match 'waits for a prompt with --zoom'
        $warnings[0].Message | Should -Match '--zoom between 1 and 2'
    }
}

Describe 'Buttons TrueAI 11 does not route (point 6)' {
    It 'refuses the bookmark in English, emits nothing and writes no journal line' {
        $before = @(Get-Content -LiteralPath $Simulator.JournalPath).Count
        $err = $null
        $out = @($script:Upscale | Invoke-MjButton -Label ([string][char]0x2764 + [char]0xFE0F) -WarningVariable warnings -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Count | Should -Be 0
        @($warnings).Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjApiError,*'
        $err[0].Exception.Message | Should -Match "does not route this button's action"
        @(Get-Content -LiteralPath $Simulator.JournalPath).Count | Should -Be $before
    }

    It 'refuses a shorten pick the same way, and its prompt can be imagined instead' {
        $short = New-MjShorten 'a very detailed red ceramic mug on a wooden table in soft morning light' -Wait
        $err = $null
        $keycap = [string][char]50 + [char]0xFE0F + [char]0x20E3
        $out = @($short | Invoke-MjButton -Label $keycap -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Count | Should -Be 0
        $err[0].Exception.Message | Should -Match "does not route this button's action"
        $imagine = New-MjImagine $short.Prompts[1]
        $imagine.Action | Should -Be 'IMAGINE'
    }
}

Describe 'Remix accounts (points 4 and 5)' {
    BeforeAll {
        $script:RemixSim = Start-MjTestServer -ExtraArgument @('--remix')
        $script:RemixGrid = New-MjImagine 'red ceramic mug' -Wait
    }

    AfterAll {
        Stop-MjTestServer -Simulator $script:RemixSim
        Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
    }

    It 'leaves a V click MODAL with a warning that nothing more is needed' {
        $modal = $script:RemixGrid | Invoke-MjButton -Label V1 -WarningVariable warnings -WarningAction SilentlyContinue
        $modal.Status | Should -Be 'Modal'
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Match 'needs nothing more'
        $warnings[0].Message | Should -Match '-UseSuggestedPrompt'
        $warnings[0].Message | Should -Not -Match 'MaskPath'
    }

    It 'sends a <Label> click on with the suggested prompt by -UseSuggestedPrompt' -ForEach @(
        @{ Label = 'V2' }, @{ Label = [string][char]0xD83D + [char]0xDD04 }
    ) {
        $task = $script:RemixGrid | Invoke-MjButton -Label $Label -UseSuggestedPrompt -WarningVariable warnings
        $task.Status | Should -Not -Be 'Modal'
        $task.ParentId | Should -Be $script:RemixGrid.Id
        @($warnings).Count | Should -Be 0
        ($task | Wait-MjTask).Status | Should -Be 'Success'
    }

    It 'sends a pan click on with the suggested prompt' {
        $up = $script:RemixGrid | Invoke-MjButton -Label U2 -Wait
        $pan = $up | Invoke-MjButton -Label ([string][char]0x2B05 + [char]0xFE0F) -UseSuggestedPrompt
        $pan.Action | Should -Be 'PAN'
        $pan.Status | Should -Not -Be 'Modal'
    }

    It 'refuses -UseSuggestedPrompt with -Prompt, before any click' {
        $err = $null
        $script:RemixGrid | Invoke-MjButton -Label V3 -UseSuggestedPrompt -Prompt 'x' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput,*'
    }
}

Describe 'Save-MjImage (point 14)' {
    It 'says -Path must be a folder when it names a file' {
        $file = Join-Path $WorkDir 'not-a-folder.txt'
        Set-Content -LiteralPath $file -Value 'x'
        $err = $null
        $script:Upscale | Save-MjImage -Path $file -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -Match '-Path must be a folder'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput,*'
    }

    It 'warns for a task with no image instead of failing' {
        $short = New-MjShorten 'red ceramic mug on a table' -Wait
        $err = $null
        $files = $short | Save-MjImage -Path (Join-Path $WorkDir 'none') -WarningVariable warnings -ErrorVariable err -WarningAction SilentlyContinue
        $files | Should -BeNullOrEmpty
        @($err).Count | Should -Be 0
        ($warnings | Out-String) | Should -Match 'no image URL'
    }

    It 'warns under -All when the task has no tiles' {
        $files = @($script:Upscale | Save-MjImage -Path (Join-Path $WorkDir 'single') -All -WarningVariable warnings -WarningAction SilentlyContinue)
        $files.Count | Should -Be 1
        $files[0].Name | Should -Be ($script:Upscale.Id + '.png')
        ($warnings | Out-String) | Should -Match 'without tiles'
    }

    It 'on a MODAL task says to finish the MODAL step' {
        $modal = $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' -WarningAction SilentlyContinue
        $err = $null
        $modal | Save-MjImage -Path (Join-Path $WorkDir 'modal') -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].Exception.Message | Should -Match 'MODAL step'
        $err[0].Exception.Message | Should -Not -Match 'Wait for it first'
        $err[0].Exception.Message | Should -Match ([regex]::Escape("Submit-MjModal -Id $($modal.Id)"))
    }

    It 'says what it does in its help' {
        $help = Get-Help Save-MjImage -Full | Out-String
        $help | Should -Match '<id>\.png'
        $help | Should -Match '<id>_1'
        $help | Should -Match 'mp4'
    }
}

Describe 'Save-MjImage names files the same on <Flavor>' -ForEach @(
    @{ Flavor = 'trueai' }, @{ Flavor = 'plus' }, @{ Flavor = 'novicezk' }, @{ Flavor = 'gateway' }, @{ Flavor = 'taskapi' }
) {
    BeforeAll {
        # Each flavour on its own server; the file's default server is put back afterwards.
        $script:FlavorSim = Start-MjTestServer -ExtraArgument @('--flavor', $Flavor)
        $script:FlavorGrid = New-MjImagine 'red ceramic mug' -Wait
    }

    AfterAll {
        Stop-MjTestServer -Simulator $script:FlavorSim
        Connect-MjServer -Uri $Simulator.BaseUrl -JournalPath $Simulator.JournalPath
    }

    It 'saves the grid as ID.png and, with -All, tiles ID_1 to ID_4 or a warning' {
        $folder = Join-Path $WorkDir ('grid-' + $Flavor)
        $files = @($script:FlavorGrid | Save-MjImage -Path $folder -All -WarningVariable warnings -WarningAction SilentlyContinue)
        $id = $script:FlavorGrid.Id
        $files[0].Name | Should -Be "$id.png"
        if ($files.Count -gt 1) {
            @($files | Select-Object -Skip 1 | ForEach-Object { $_.BaseName }) | Should -Be @("${id}_1", "${id}_2", "${id}_3", "${id}_4")
            @($warnings).Count | Should -Be 0
        }
        else {
            ($warnings | Out-String) | Should -Match 'without separate tiles'
        }
    }
}

Describe 'Video files are saved once each' {
    It 'saves the first video, which TrueAI also gives as ImageUrl, as ID and the others as ID_n, named by what they hold' {
        $video = New-MjVideo -Prompt 'a mug turning' -Image $script:Upscale.ImageUrl -Wait
        $video.ImageUrl | Should -Be $video.VideoUrls[0]
        $files = @($video | Save-MjImage -Path (Join-Path $WorkDir 'video') -IncludeVideo)
        $id = $video.Id
        $names = @($files | ForEach-Object { $_.Name })
        # The simulator's videos are animated PNGs: they are named .png, by their bytes.
        $names | Should -Be (@("$id.png") + @(2..$video.VideoUrls.Count | ForEach-Object { "${id}_$_.png" }))
    }
}
