# Issue 18, items 8-14: what the files, pictures, clicks, masks and help of the module look like to a person in the
# real shell. One simulator (trueai) for the whole file.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Simulator = Start-MjTestServer
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-polish-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $WorkDir -Force
    $Esc = [char]27
    $script:Grid = New-MjImagine 'red ceramic mug --ar 3:2' -Wait
    $script:Upscale = $script:Grid | Invoke-MjButton -Label U1 -Wait

    function Get-MjTasksCreated {
        (Get-MjSimulatorStats -Simulator $Simulator).TasksCreated
    }

    function Get-MjFileKind {
        # What a file really holds, from its first bytes: png, jpg, gif, webp, mp4, webm or unknown.
        param([string]$Path)
        $head = [byte[]]::new(16)
        $stream = [System.IO.File]::OpenRead($Path)
        try { $null = $stream.Read($head, 0, 16) } finally { $stream.Dispose() }
        $ascii = [System.Text.Encoding]::ASCII.GetString($head)
        if ($head[0] -eq 0x89 -and $ascii.Substring(1, 3) -eq 'PNG') { return 'png' }
        if ($head[0] -eq 0xFF -and $head[1] -eq 0xD8) { return 'jpg' }
        if ($ascii.StartsWith('GIF8')) { return 'gif' }
        if ($ascii.StartsWith('RIFF') -and $ascii.Substring(8, 4) -eq 'WEBP') { return 'webp' }
        if ($ascii.Substring(4, 4) -eq 'ftyp') { return 'mp4' }
        if ($head[0] -eq 0x1A -and $head[1] -eq 0x45 -and $head[2] -eq 0xDF -and $head[3] -eq 0xA3) { return 'webm' }
        'unknown'
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Saved files read well and still pipe like files (item 8)' {
    BeforeAll {
        $script:Saved = @($script:Grid | Save-MjImage -Path (Join-Path $WorkDir 'saved') -Split -Sidecar)
    }

    It 'are FileInfo objects that know their task, tile and kind' {
        $id = $script:Grid.Id
        @($script:Saved | ForEach-Object { $_ -is [System.IO.FileInfo] }) | Should -Not -Contain $false
        @($script:Saved | ForEach-Object { $_.Name }) | Should -Be @("$id.png", "${id}_1.png", "${id}_2.png", "${id}_3.png", "${id}_4.png", "$id.json")
        @($script:Saved | ForEach-Object { $_.Kind }) | Should -Be @('Grid', 'Tile', 'Tile', 'Tile', 'Tile', 'Sidecar')
        @($script:Saved | ForEach-Object { $_.TaskId } | Select-Object -Unique) | Should -Be @($id)
        @($script:Saved | Where-Object { $null -ne $_.Tile } | ForEach-Object { $_.Tile }) | Should -Be @(1, 2, 3, 4)
        $script:Saved[0].PSTypeNames[0] | Should -Be 'Midjourney.SavedFile'
    }

    It 'show Kind, TaskId, Tile, Length and Name by default, not empty file-system columns, even 80 columns wide' {
        $text = $script:Saved | Out-String -Width 80
        $header = @($text -split "`n" | Where-Object { $_ -match '\bName\b' })[0]
        $header | Should -Match 'Kind\s+TaskId\s+Tile\s+Length\s+Name'
        $text | Should -Not -Match 'UnixMode|LastWriteTime|Mode\s'
        $text | Should -Match ('Tile\s+' + [regex]::Escape($script:Grid.Id) + '\s+3\s+\d+\s+' + [regex]::Escape("$($script:Grid.Id)_3.png"))
        $text | Should -Match ('Sidecar\s+' + [regex]::Escape($script:Grid.Id) + '\s+\d+\s+' + [regex]::Escape("$($script:Grid.Id).json"))
    }

    It 'still go down a pipeline to Copy-Item and Get-MjImageInfo' {
        $copies = Join-Path $WorkDir 'copies'
        $null = New-Item -ItemType Directory -Path $copies -Force
        $script:Saved | Copy-Item -Destination $copies
        @(Get-ChildItem -LiteralPath $copies -File).Count | Should -Be 6
        @($script:Saved | Where-Object Kind -eq 'Tile' | Get-MjImageInfo | ForEach-Object { $_.Tile }) | Should -Be @(1, 2, 3, 4)
    }

    It 'are the same kind of object from New-MjMask and Split-MjImage' {
        $mask = $script:Upscale | New-MjMask -Region '25%,25%,50%,50%' -Path (Join-Path $WorkDir 'mask.png')
        $mask -is [System.IO.FileInfo] | Should -BeTrue
        $mask.Kind | Should -Be 'Mask'
        $mask.TaskId | Should -Be $script:Upscale.Id
        $tiles = @($script:Saved[0] | Split-MjImage -Destination (Join-Path $WorkDir 'split'))
        @($tiles | ForEach-Object { $_.Kind } | Select-Object -Unique) | Should -Be @('Tile')
        @($tiles | ForEach-Object { $_.Tile }) | Should -Be @(1, 2, 3, 4)
        @($tiles | ForEach-Object { $_.TaskId } | Select-Object -Unique) | Should -Be @($script:Grid.Id)
        ($tiles | Out-String -Width 200) | Should -Match 'Kind\s+TaskId\s+Tile\s+Length\s+Name'
    }
}

Describe 'The task table shows the words of a prompt, not its image links' {
    It 'leaves out the image-prompt links at the start of the Prompt column; the object keeps the whole prompt' {
        $task = New-MjImagine 'a cat on a mat' -Image 'https://example.com/cat-reference.png'
        $task.Prompt | Should -Be 'https://example.com/cat-reference.png a cat on a mat'
        $row = @(($task | Out-String -Width 120) -split "`r?`n" | Where-Object { $_ -like "$($task.Id)*" })[0]
        $row | Should -Match 'IMAGINE\s+\w+\s+\d*%?\s*a cat on a mat'
        $row | Should -Not -Match 'example\.com'
        $task.Prompt | Should -BeLike 'https://example.com/*'
    }
}

Describe 'Save-MjImage -IncludeVideo (item 9)' {
    BeforeAll {
        $script:Video = New-MjVideo -Prompt 'a mug turning' -Image $script:Upscale.ImageUrl -Wait
        $script:VideoFiles = @($script:Video | Save-MjImage -Path (Join-Path $WorkDir 'video') -IncludeVideo)
    }

    It 'saves each distinct URL once' {
        $hashes = @($script:VideoFiles | ForEach-Object { (Get-FileHash -LiteralPath $_.FullName -Algorithm SHA256).Hash })
        $hashes.Count | Should -BeGreaterThan 1
        @($hashes | Select-Object -Unique).Count | Should -Be $hashes.Count
        $distinct = @(@($script:Video.ImageUrl, $script:Video.VideoUrl) + @($script:Video.VideoUrls) | Where-Object { $_ } | Select-Object -Unique)
        $script:VideoFiles.Count | Should -Be $distinct.Count
    }

    It 'names each file by what it holds' {
        foreach ($file in $script:VideoFiles) {
            $kind = Get-MjFileKind -Path $file.FullName
            $kind | Should -Not -Be 'unknown'
            $file.Extension | Should -Be ('.' + $kind) -Because "$($file.Name) holds a $kind file"
        }
        @($script:VideoFiles | Where-Object Kind -eq 'Video').Count | Should -Be $script:Video.VideoUrls.Count
    }
}

Describe 'Invoke-MjButton -Label takes a list (item 10)' {
    It 'clicks each label, asking ShouldProcess once per click' {
        $before = Get-MjTasksCreated
        $all = @($script:Grid | Invoke-MjButton -Label U2, U3 -Verbose 4>&1)
        $tasks = @($all | Where-Object { $_ -is [Midjourney.Client.MjTask] })
        $asked = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like '*"Click button"*' })
        $tasks.Count | Should -Be 2
        @($tasks | ForEach-Object { $_.Action } | Select-Object -Unique) | Should -Be @('UPSCALE')
        @($tasks | ForEach-Object { $_.ParentId } | Select-Object -Unique) | Should -Be @($script:Grid.Id)
        $asked.Count | Should -Be 2
        $asked[0].Message | Should -BeLike '*U2 of task*'
        $asked[1].Message | Should -BeLike '*U3 of task*'
        (Get-MjTasksCreated) - $before | Should -Be 2
        @($tasks | Wait-MjTask | ForEach-Object { $_.Status } | Select-Object -Unique) | Should -Be @('Success')
    }

    It 'waits for every click with -Wait' {
        $done = @($script:Grid | Invoke-MjButton -Label V1, V2 -Wait)
        $done.Count | Should -Be 2
        @($done | ForEach-Object { $_.Status } | Select-Object -Unique) | Should -Be @('Success')
        @($done | ForEach-Object { $_.Action } | Select-Object -Unique) | Should -Be @('VARIATION')
    }

    It 'clicks nothing when one of the labels is not on the task' {
        $before = Get-MjTasksCreated
        $err = $null
        $result = $script:Grid | Invoke-MjButton -Label U4, 'Zoom Out 2x' -ErrorAction SilentlyContinue -ErrorVariable err
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjButtonNotFound*'
        $err[0].Exception.Message | Should -BeLike "*'Zoom Out 2x'*"
        Get-MjTasksCreated | Should -Be $before
    }
}

Describe 'New-MjImagine''s help says how a new task starts (item 11)' {
    It 'names the status a new task really has' {
        $task = New-MjImagine 'a quiet harbour at dawn'
        $description = (Get-Help New-MjImagine).description.Text -join ' '
        $description | Should -Match ('starts as ' + $task.Status + '\b')
    }
}

Describe 'Show-MjImage writes where it can be silenced, and draws only on a terminal (item 13)' {
    BeforeAll {
        $script:Png = Join-Path $WorkDir 'show.png'
        $null = $script:Grid | Save-MjImage -Path $WorkDir
        Copy-Item -LiteralPath (Join-Path $WorkDir "$($script:Grid.Id).png") -Destination $script:Png
        $script:Pwsh = @(Get-ChildItem -LiteralPath $PSHOME -File | Where-Object { $_.Name -in 'pwsh', 'pwsh.exe', 'powershell.exe' })[0].FullName
    }

    It 'writes the picture to the output stream, so | Out-Null silences it' {
        $everything = @(& { $script:Grid | Show-MjImage -Width 20 -Protocol HalfBlock -Force | Out-Null } *>&1)
        $everything.Count | Should -Be 0
        $picture = @($script:Grid | Show-MjImage -Width 20 -Protocol HalfBlock -Force)
        $picture.Count | Should -Be 1
        $picture[0] | Should -BeOfType [string]
        $picture[0] | Should -BeLike "Task $($script:Grid.Id) (IMAGINE, Success, 512x340)*$Esc``[38;2;*"
    }

    It 'writes one line instead of a picture when the output is redirected' {
        $command = "Import-Module '$ManifestPath'; Show-MjImage -InputObject '$($script:Png)' -Width 40 -Protocol HalfBlock"
        $lines = @(& $script:Pwsh -NoProfile -NonInteractive -Command $command)
        $LASTEXITCODE | Should -Be 0
        $lines.Count | Should -Be 1
        $lines[0] | Should -BeLike 'show.png: not drawn, the output is not a terminal*-Force*'
        $lines[0] | Should -Not -Match $Esc
    }

    It 'writes one line instead of a picture when $PSStyle.OutputRendering is PlainText' -Skip:($PSVersionTable.PSVersion -lt [version]'7.2') {
        $saved = $PSStyle.OutputRendering
        try {
            $PSStyle.OutputRendering = 'PlainText'
            $lines = @($script:Grid | Show-MjImage -Width 20 -Protocol HalfBlock)
            $hostLines = @(& { $null = $script:Grid | Wait-MjTask -Show } 6>&1 | ForEach-Object { [string]$_ })
        }
        finally {
            $PSStyle.OutputRendering = $saved
        }
        $lines.Count | Should -Be 1
        $lines[0] | Should -BeLike "Task $($script:Grid.Id) (IMAGINE, Success): not drawn, `$PSStyle.OutputRendering is PlainText*"
        ($hostLines -join '') | Should -BeLike "Task $($script:Grid.Id) (IMAGINE, Success): not drawn*"
        ($hostLines -join '') | Should -Not -Match $Esc
    }
}

Describe 'Regions past the image''s edge are refused before the click (item 14)' {
    It 'refuses <Region> and says what it meant' -ForEach @(
        @{ Region = '25%,25%,90%,90%'; Says = "*x, y, width and height, not two corners*write '25%,25%,65%,65%'*" }
        @{ Region = '400,300,200,100'; Says = '*512x340*' }
        @{ Region = 'ellipse:0,0,120%,50%'; Says = '*width*' }
    ) {
        $before = Get-MjTasksCreated
        $err = $null
        $result = $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' -Region $Region -Prompt 'a blue mug' -ErrorAction SilentlyContinue -ErrorVariable err
        $result | Should -BeNullOrEmpty
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput*'
        $err[0].Exception.Message | Should -BeLike "The region '$Region' reaches past the edge of the 512x340 image*"
        $err[0].Exception.Message | Should -BeLike $Says
        Get-MjTasksCreated | Should -Be $before
    }

    It 'refuses the same region in New-MjMask' {
        $err = $null
        $file = New-MjMask -Width 512 -Height 340 -Region '25%,25%,90%,90%' -Path (Join-Path $WorkDir 'edge.png') -ErrorAction SilentlyContinue -ErrorVariable err
        $file | Should -BeNullOrEmpty
        $err[0].Exception.Message | Should -BeLike "*past the edge of the 512x340 image*"
        Test-Path -LiteralPath (Join-Path $WorkDir 'edge.png') | Should -BeFalse
    }

    It 'still takes a region that ends exactly at the edge' {
        $task = $script:Upscale | Invoke-MjButton -Label 'Vary (Region)' -Region '50%,50%,50%,50%' -Prompt 'a blue mug'
        $task.Action | Should -Be 'VARIATION'
        $task.Status | Should -Not -Be 'Modal'
    }
}
