# Images on the user's side, in the real shell: Vary (Region) masks, grid tiles, terminal previews, metadata and
# the native imaging library loading in the module's load context.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-images-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $WorkDir -Force
    $Esc = [char]27

    function Get-HostText {
        # Show-MjImage writes its picture to the output, Wait-MjTask -Show to the host (the information stream, tagged
        # PSHOST); 6>&1 captures both as text.
        param([scriptblock]$Script)
        (@(& $Script 6>&1) | ForEach-Object { [string]$_ }) -join ''
    }
}

AfterAll {
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'The imaging library' {
    It 'is not loaded by Import-Module' {
        # A fresh process of this PowerShell ($PSHOME/pwsh, pwsh.exe or powershell.exe).
        $pwsh = @(Get-ChildItem -LiteralPath $PSHOME -File | Where-Object { $_.Name -in 'pwsh', 'pwsh.exe', 'powershell.exe' })[0].FullName
        $manifest = Join-Path $ModuleDirectory 'Midjourney.psd1'
        $loaded = & $pwsh -NoProfile -NonInteractive -Command "Import-Module '$manifest'; @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -in 'SkiaSharp', 'Midjourney.Imaging' }).Count"
        $loaded | Should -Be '0'
    }

    It 'loads SkiaSharp and its native library from dependencies/ in the module''s load context' {
        $mask = Join-Path $WorkDir 'probe.png'
        $null = New-MjMask -Width 32 -Height 16 -Region '0,0,50%,100%' -Path $mask
        $skia = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'SkiaSharp' })
        $skia.Count | Should -Be 1
        (Get-MjNormalizedPath (Split-Path -Parent $skia[0].Location)) | Should -Be (Get-MjNormalizedPath (Join-Path $ModuleDirectory 'dependencies'))
        if ($PSVersionTable.PSEdition -eq 'Core') {
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($skia[0]).Name | Should -Be 'Midjourney'
        }
        $native = @((Get-Process -Id $PID).Modules | Where-Object { $_.ModuleName -like 'libSkiaSharp*' })
        $native.Count | Should -Be 1
        $native[0].FileName | Should -BeLike (Join-Path (Join-Path $ModuleDirectory 'dependencies') 'runtimes*')
        $size = Get-PngSize -Path $mask
        @($size.Width, $size.Height) | Should -Be @(32, 16)
    }
}

Describe 'Vary (Region) with -Region on <_>' -ForEach @('trueai', 'plus') {
    BeforeAll {
        $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', $_)
        $Up = New-MjImagine 'red ceramic mug --ar 3:2' -Wait | Invoke-MjButton -Label U1 -Wait
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'builds the mask at the image''s size, clicks and finishes the MODAL step in one call' {
        $verbose = $Up | Invoke-MjButton -Label 'Vary (Region)' -Region '25%,25%,50%,50%', @{ X = 10; Y = 10; Width = 40; Height = 30; Shape = 'Ellipse' } -Prompt 'a blue mug' -Wait -Verbose 4>&1
        $task = @($verbose | Where-Object { $_ -is [Midjourney.Client.MjTask] })
        $task.Count | Should -Be 1
        $task[0].Status | Should -Be 'Success'
        $task[0].Action | Should -Be 'VARIATION'
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Built a 512x340 mask*' }).Count | Should -Be 1
    }

    It 'refuses a mask of another shape before the click' {
        $bad = Join-Path $WorkDir "bad-$_.png"
        New-MjMaskPng -Width 64 -Height 48 -Path $bad
        $before = (Get-MjSimulatorStats -Simulator $Simulator).TasksCreated
        $result = $Up | Invoke-MjButton -Label 'Vary (Region)' -MaskPath $bad -Prompt 'x' -ErrorAction SilentlyContinue -ErrorVariable err
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput*'
        $err[0].Exception.Message | Should -BeLike 'The mask is 64x48 but the image is 512x340*'
        (Get-MjSimulatorStats -Simulator $Simulator).TasksCreated | Should -Be $before
    }

    It 'writes the same mask with New-MjMask' {
        $file = $Up | New-MjMask -Region '25%,25%,50%,50%' -Path (Join-Path $WorkDir "mask-$_.png")
        $size = Get-PngSize -Path $file.FullName
        @($size.Width, $size.Height) | Should -Be @(512, 340)
    }
}

Describe 'Tiles, metadata and previews on novicezk' {
    BeforeAll {
        $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', 'novicezk')
        $Grid = New-MjImagine 'red fox in snow --ar 3:2' -Wait
        $Out = Join-Path $WorkDir 'novicezk'
        $Files = @($Grid | Save-MjImage -Path $Out -Split -Sidecar)
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'cuts the grid into <id>_1 ... _4 lossless PNGs next to the grid and the sidecar' {
        $id = $Grid.Id
        @($Files | ForEach-Object { $_.Name }) | Should -Be @("$id.png", "${id}_1.png", "${id}_2.png", "${id}_3.png", "${id}_4.png", "$id.json")
        foreach ($n in 1..4) {
            $size = Get-PngSize -Path (Join-Path $Out "${id}_$n.png")
            @($size.Width, $size.Height) | Should -Be @(256, 170)
        }
        (Get-Content -Raw (Join-Path $Out "$id.json") | ConvertFrom-Json).prompt | Should -Be 'red fox in snow --ar 3:2'
    }

    It 'reads prompt, ids and tile numbers back with Get-MjImageInfo' {
        $info = @(Get-MjImageInfo (Join-Path $Out '*.png') | Sort-Object Path)
        $info.Count | Should -Be 5
        foreach ($i in $info) {
            $i.TaskId | Should -Be $Grid.Id
            $i.Prompt | Should -Be 'red fox in snow --ar 3:2'
            $i.Action | Should -Be 'IMAGINE'
            $i.Source | Should -Be 'PngText'
            $i.Server | Should -Be $Simulator.BaseUrl.TrimEnd('/')
        }
        @($info | Where-Object { $null -eq $_.Tile }).Count | Should -Be 1
        @($info | Where-Object { $null -ne $_.Tile } | ForEach-Object { $_.Tile } | Sort-Object) | Should -Be @(1, 2, 3, 4)
    }

    It 'splits a grid file on disk the same way' {
        $tiles = @(Split-MjImage -Path (Join-Path $Out "$($Grid.Id).png") -Destination (Join-Path $Out 'again'))
        $tiles.Count | Should -Be 4
        foreach ($n in 1..4) {
            $a = [System.IO.File]::ReadAllBytes($tiles[$n - 1].FullName)
            $b = [System.IO.File]::ReadAllBytes((Join-Path $Out "$($Grid.Id)_$n.png"))
            [Convert]::ToBase64String($a) | Should -Be ([Convert]::ToBase64String($b))
        }
    }

    It 'draws the grid with true-colour half blocks' {
        $text = Get-HostText { $Grid | Show-MjImage -Width 40 -Protocol HalfBlock -Force }
        $text | Should -BeLike "Task $($Grid.Id) (IMAGINE, Success, 512x340): tiles 1 2 / 3 4 are U1 U2 / U3 U4*"
        $lines = @($text.TrimEnd("`n").Split("`n") | Select-Object -Skip 1)
        $lines.Count | Should -Be 14
        foreach ($line in $lines) {
            ([regex]::Matches($line, [string][char]0x2580)).Count | Should -Be 40
            $line | Should -Match "^$Esc\[38;2;\d+;\d+;\d+m$Esc\[48;2;\d+;\d+;\d+m"
            $line.EndsWith("$Esc[0m") | Should -BeTrue
        }
    }

    It 'draws with Sixel when asked' {
        $text = Get-HostText { Show-MjImage -InputObject (Join-Path $Out "$($Grid.Id)_1.png") -Width 20 -Protocol Sixel -Force }
        $text | Should -BeLike "$($Grid.Id)_1.png*$Esc`Pq`"1;1;160;106#0;2;0;0;0*"
        $text.TrimEnd("`n") | Should -BeLike "*$Esc\"
    }

    It 'picks Sixel, Kitty or half blocks from the environment' {
        $saved = $env:TERM, $env:KITTY_WINDOW_ID, $env:TERM_PROGRAM
        try {
            $env:TERM_PROGRAM = $null
            $env:KITTY_WINDOW_ID = $null
            $env:TERM = 'mlterm'
            Get-HostText { Show-MjImage (Join-Path $Out "$($Grid.Id)_2.png") -Width 10 -Force } | Should -BeLike "*$Esc`Pq*"
            $env:KITTY_WINDOW_ID = '1'
            Get-HostText { Show-MjImage (Join-Path $Out "$($Grid.Id)_2.png") -Width 10 -Force } | Should -BeLike "*$Esc`_Ga=T,f=100*"
            $env:KITTY_WINDOW_ID = $null
            $env:TERM = 'xterm-256color'
            Get-HostText { Show-MjImage (Join-Path $Out "$($Grid.Id)_2.png") -Width 10 -Force } | Should -BeLike "*$([char]0x2580)*"
        }
        finally {
            $env:TERM, $env:KITTY_WINDOW_ID, $env:TERM_PROGRAM = $saved
        }
    }

    It 'draws each task as it finishes with Wait-MjTask -Show' {
        $text = Get-HostText { $script:Waited = New-MjImagine 'a lighthouse' | Wait-MjTask -Show }
        $script:Waited.Status | Should -Be 'Success'
        $text | Should -BeLike "Task $($script:Waited.Id) (IMAGINE, Success*"
    }
}

Describe 'WebP images (simulator --image-format webp, novicezk)' {
    BeforeAll {
        $Simulator = Start-MjTestServer -ExtraArgument @('--flavor', 'novicezk', '--image-format', 'webp')
        $Grid = New-MjImagine 'a red bicycle --ar 1:1' -Wait
        $Out = Join-Path $WorkDir 'webp'
        $Files = @($Grid | Save-MjImage -Path $Out -Split -Sidecar)
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'saves the WebP grid as served and cuts it into PNG tiles, with the facts in a sidecar' {
        $id = $Grid.Id
        @($Files | ForEach-Object { $_.Name }) | Should -Be @("$id.webp", "${id}_1.png", "${id}_2.png", "${id}_3.png", "${id}_4.png", "$id.json")
        $size = Get-PngSize -Path (Join-Path $Out "${id}_4.png")
        @($size.Width, $size.Height) | Should -Be @(256, 256)
        $info = Get-MjImageInfo (Join-Path $Out "$id.webp")
        $info.Source | Should -Be 'Sidecar'
        $info.Prompt | Should -Be 'a red bicycle --ar 1:1'
        @($info.Width, $info.Height) | Should -Be @(512, 512)
    }

    It 'draws the WebP grid' {
        $text = Get-HostText { $Grid | Show-MjImage -Width 16 -Protocol HalfBlock -Force }
        $text | Should -BeLike "Task $($Grid.Id) (IMAGINE, Success, 512x512)*"
    }
}

Describe 'The seed a task carries, in the saved facts (trueai)' {
    BeforeAll {
        # TrueAI keeps the seed in the task once it has one: the fetch that ends Wait-MjTask carries it.
        $Simulator = Start-MjTestServer
        $Grid = New-MjImagine 'a seeded teapot' -Wait
        $Out = Join-Path $WorkDir 'seeded'
        $Files = @($Grid | Save-MjImage -Path $Out -Split -Sidecar)
    }

    AfterAll {
        Stop-MjTestServer -Simulator $Simulator
    }

    It 'writes the seed into the sidecar and every PNG, without asking the server for it' {
        $Grid.Seed | Should -Match '^\d+$'
        (Get-Content -Raw (Join-Path $Out "$($Grid.Id).json") | ConvertFrom-Json).seed | Should -Be $Grid.Seed
        $info = @(Get-MjImageInfo (Join-Path $Out '*.png'))
        $info.Count | Should -Be 5
        foreach ($i in $info) { $i.Seed | Should -Be $Grid.Seed }
        $asked = @((Get-MjSimulatorStats -Simulator $Simulator).Requests.PSObject.Properties | Where-Object { $_.Name -like '*image-seed*' })
        $asked.Count | Should -Be 0
    }
}
