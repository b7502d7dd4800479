# Midjourney's prompt parameters as typed parameters (issue 10) and CSV columns (issue 9 point 13), in the real shell.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Simulator = Start-MjTestServer
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-params-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $WorkDir -Force

    # What -WhatIf writes goes to the host, not to a stream: read it back from a transcript.
    function Get-MjTestRequestCount {
        param([string]$Path, [object]$Server = $Simulator)
        $count = (Get-MjSimulatorStats -Simulator $Server).Requests.$Path
        if ($null -eq $count) { 0 } else { $count }
    }

    function Get-SubmitCount {
        (Get-MjSimulatorStats -Simulator $Simulator).SubmitsAccepted
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Typed parameters' {
    It 'writes them at the end of the prompt, in Midjourney syntax, and -WhatIf shows the final prompt' {
        $lines = @(Get-WhatIfText { New-MjImagine 'red ceramic mug' -AspectRatio 16:9 -Version 7 -Stylize 250 -No text, watermark -Raw -WhatIf })

        $lines.Count | Should -Be 1
        $lines[0] | Should -BeLike "*'red ceramic mug --ar 16:9 --v 7 --s 250 --no text, watermark --raw'*"
    }

    It 'submits them, and the task reads them back as Parameters' {
        $task = New-MjImagine 'red ceramic mug' -AspectRatio 16:9 -Stylize 250 -Seed 42 -Wait

        $task.Prompt | Should -BeLike 'red ceramic mug --ar 16:9 --s 250 --seed 42*'
        $task.Parameters.AspectRatio | Should -Be '16:9'
        $task.Parameters.Stylize | Should -Be 250
        $task.Parameters.Seed | Should -Be 42
        @($task | Where-Object { $_.Parameters.AspectRatio -eq '16:9' }).Count | Should -Be 1
        ($task | Format-List | Out-String) | Should -Match 'Parameters\s+: --ar 16:9'
    }

    It 'writes a value given both inline and typed once when it is the same' {
        $lines = @(Get-WhatIfText { New-MjImagine 'mug --ar 16:9' -AspectRatio 16:9 -WhatIf })
        $lines[0] | Should -BeLike "*'mug --ar 16:9'*"
    }

    It 'refuses a value given inline and typed with different values, naming both, before any request' {
        $before = Get-SubmitCount
        $out = @(New-MjImagine 'mug --ar 1:1' -AspectRatio 16:9 -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.NewMjImagineCommand'
        $err[0].Exception.Message | Should -Match ([regex]::Escape("-AspectRatio 16:9 and '--ar 1:1'"))
        Get-SubmitCount | Should -Be $before
    }

    It 'refuses <Case> with a message that says what to write' -ForEach @(
        @{ Case = 'a misspelt flag'; Prompt = 'mug --stylise 250'; Extra = @{}; Expected = "did you mean '--stylize'" }
        @{ Case = 'a glued value'; Prompt = 'mug --ar16:9'; Extra = @{}; Expected = "write '--ar 16:9'" }
        @{ Case = 'an em dash'; Prompt = "mug $([char]0x2014)ar 16:9"; Extra = @{}; Expected = 'em dash' }
        @{ Case = 'a missing value'; Prompt = 'mug --ar'; Extra = @{}; Expected = "needs a value; write it like '--ar 16:9'" }
        @{ Case = 'a typed value out of range'; Prompt = 'mug'; Extra = @{ Stylize = 2000 }; Expected = '\(-Stylize\) takes 0 to 1000' }
        @{ Case = '--oref on version 6'; Prompt = 'mug'; Extra = @{ OmniReference = 'https://example.com/a.png'; Version = '6' }; Expected = '--oref needs version 7' }
        @{ Case = '--cref on version 7'; Prompt = 'mug'; Extra = @{ CharacterReference = 'https://example.com/a.png'; Version = '7' }; Expected = '--cref needs version 6' }
        @{ Case = '--q 4 on version 6.1'; Prompt = 'mug'; Extra = @{ Quality = 4; Version = '6.1' }; Expected = 'takes \.25, \.5, 1, 2' }
        @{ Case = '--draft on version 8'; Prompt = 'mug --draft'; Extra = @{ Version = '8' }; Expected = '--draft needs version 7' }
    ) {
        $before = Get-SubmitCount
        $out = @(New-MjImagine $Prompt @Extra -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -BeLike 'MjInvalidInput,*'
        $err[0].Exception.Message | Should -Match $Expected
        $err[0].Exception.Message | Should -Match 'Nothing was sent'
        Get-SubmitCount | Should -Be $before
    }

    It 'sends a flag newer than the module as it is with -SkipParameterCheck' {
        $task = New-MjImagine 'mug --newflag 3' -AspectRatio 2:1 -SkipParameterCheck
        $task.Prompt | Should -Be 'mug --newflag 3 --ar 2:1'
        $task.Parameters.Unknown | Should -Contain '--newflag 3'
    }

    It 'checks the -Prompt of Invoke-MjButton before the click' {
        $grid = New-MjImagine 'red ceramic mug' -Wait
        $before = Get-SubmitCount
        $out = @($grid | Invoke-MjButton -Label 'Custom Zoom' -Prompt 'mug --zoom 3' -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 0
        $err[0].Exception.Message | Should -Match '--zoom 3 is out of range'
        Get-SubmitCount | Should -Be $before
    }

    It 'uploads a local -StyleReference file and puts its URL in the prompt' {
        $style = Join-Path $WorkDir 'style.png'
        New-MjMaskPng -Width 8 -Height 8 -Path $style
        $lines = @(Get-WhatIfText { New-MjImagine 'mug' -StyleReference $style -Version 7 -WhatIf })
        $lines[0] | Should -BeLike "*--sref $style*"

        $task = New-MjImagine 'mug' -StyleReference $style, 'https://example.com/s.png::2' -Version 7
        $task.Parameters.StyleReference.Count | Should -Be 2
        $task.Parameters.StyleReference[0] | Should -Match '^http://127\.0\.0\.1:\d+/'
        $task.Parameters.StyleReference[1] | Should -Be 'https://example.com/s.png::2'
        (Get-MjSimulatorStats -Simulator $Simulator).Requests.PSObject.Properties.Name | Should -Contain '/mj/submit/upload-discord-images'
    }

    It 'uploads a local -Image file and puts its URL at the start of the prompt; a URL goes there as it is' {
        $image = Join-Path $WorkDir 'image-prompt.png'
        New-MjMaskPng -Width 8 -Height 8 -Path $image
        $uploadsBefore = Get-MjTestRequestCount '/mj/submit/upload-discord-images'

        $task = New-MjImagine 'mug' -Image $image, 'https://example.com/given.png' -Version 7

        $task.Prompt | Should -Match '^http://127\.0\.0\.1:\d+/\S+ https://example\.com/given\.png mug --v 7$'
        Get-MjTestRequestCount '/mj/submit/upload-discord-images' | Should -Be ($uploadsBefore + 1)
    }

    It 'refuses a -StyleReference file that is not an image before any request' {
        $text = Join-Path $WorkDir 'notes.txt'
        Set-Content -LiteralPath $text -Value 'not an image'
        $before = Get-SubmitCount
        $out = @(New-MjImagine 'mug' -StyleReference $text -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Count | Should -Be 0
        $err[0].Exception.Message | Should -Match 'is not a PNG, JPEG, WebP or GIF'
        Get-SubmitCount | Should -Be $before
    }
}

Describe 'Permutations' {
    It '-WhatIf lists each final prompt' {
        $lines = @(Get-WhatIfText { New-MjImagine '{red, green} mug --ar {1:1, 16:9}' -Version 7 -WhatIf })

        $lines.Count | Should -Be 4
        $lines[0] | Should -BeLike "*'red mug --ar 1:1 --v 7'*"
        $lines[1] | Should -BeLike "*'red mug --ar 16:9 --v 7'*"
        $lines[2] | Should -BeLike "*'green mug --ar 1:1 --v 7'*"
        $lines[3] | Should -BeLike "*'green mug --ar 16:9 --v 7'*"
    }

    It 'submits one job per permutation' {
        $tasks = @(New-MjImagine '{red, green} mug')
        $tasks.Count | Should -Be 2
        @($tasks | ForEach-Object Prompt) | Should -Be @('red mug', 'green mug')
    }

    It 'treats \{ as a brace' {
        $lines = @(Get-WhatIfText { New-MjImagine 'logo \{curly\} mug' -WhatIf })
        $lines.Count | Should -Be 1
        $lines[0] | Should -BeLike "*'logo {curly} mug'*"
    }

    It 'refuses more than 40 before anything is sent' {
        $before = Get-SubmitCount
        $out = @(New-MjImagine '{a,b,c,d,e,f,g} {1,2,3,4,5,6,7} mug' -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Count | Should -Be 0
        $err[0].Exception.Message | Should -Match 'makes 49 prompts; the most one prompt may make is 40'
        Get-SubmitCount | Should -Be $before
    }
}

Describe 'Import-Csv' {
    BeforeAll {
        $Csv = Join-Path $WorkDir 'jobs.csv'
        @'
Prompt,AspectRatio,Version,Stylize,No,StyleReference,Raw,Mode,Note
red mug,16:9,7,250,text;watermark,https://example.com/a.png;https://example.com/b.png,true,,first
blue mug,1:1,,,,,,,second
green mug,3:2,7,5000,,,,,bad
white mug,2:3,6.1,,,,false,,fourth
'@ | Set-Content -LiteralPath $Csv
    }

    It 'binds typed and array columns by name, reports the bad row only, and warns once about unknown columns' {
        $tasks = @(Import-Csv -LiteralPath $Csv | New-MjImagine -ErrorAction SilentlyContinue -ErrorVariable err -WarningVariable warn -WarningAction SilentlyContinue)

        $tasks.Count | Should -Be 3
        $tasks[0].Prompt | Should -Be 'red mug --ar 16:9 --v 7 --s 250 --no text, watermark --raw --sref https://example.com/a.png https://example.com/b.png'
        $tasks[0].Parameters.No | Should -Be @('text', 'watermark')
        $tasks[0].Parameters.StyleReference.Count | Should -Be 2
        $tasks[1].Prompt | Should -Be 'blue mug --ar 1:1'
        $tasks[2].Prompt | Should -Be 'white mug --ar 2:3 --v 6.1'
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -Match '--s 5000 is out of range'
        $err[0].TargetObject | Should -Be 'green mug'
        $warn.Count | Should -Be 1
        $warn[0].Message | Should -Match "'Note'"
    }

    It 'takes -Personalize @() as a bare --p, and a blank Personalize cell as not given' {
        $bare = @(Get-WhatIfText { New-MjImagine 'mug' -Personalize @() -WhatIf })
        $bare[0] | Should -BeLike "*'mug --p'*"
        $blank = @(Get-WhatIfText { [pscustomobject]@{ Prompt = 'mug'; Personalize = '' } | New-MjImagine -WhatIf })
        $blank[0] | Should -BeLike "*'mug'*"
    }

    It 'says which text is not a true/false in a switch column' {
        $rows = @([pscustomobject]@{ Prompt = 'mug'; Raw = 'maybe' })
        $out = @($rows | New-MjImagine -WhatIf -ErrorAction SilentlyContinue -ErrorVariable err)
        $out.Count | Should -Be 0
        $err[0].Exception.Message | Should -Be "Row 1, column 'Raw' has 'maybe', which is not true or false (write true, false, yes, no, 1 or 0; blank is false)."
    }

    It 'names a bad row by its number and column, in one plain sentence, and sends it not at all (issue 18, item 15)' {
        $rows = @(
            [pscustomobject]@{ Prompt = 'a red kite'; Stylize = '50'; Mode = '' }
            [pscustomobject]@{ Prompt = 'a blue kite'; Stylize = 'abc'; Mode = '' }
            [pscustomobject]@{ Prompt = 'a green kite'; Stylize = '5000'; Mode = '' }
            [pscustomobject]@{ Prompt = ''; Stylize = ''; Mode = '' }
            [pscustomobject]@{ Prompt = 'a pink kite'; Stylize = ''; Mode = 'Sometimes' }
        )
        $before = Get-SubmitCount
        $tasks = @($rows | New-MjImagine -ErrorAction SilentlyContinue -ErrorVariable err)

        $tasks.Count | Should -Be 1
        $tasks[0].Prompt | Should -Be 'a red kite --s 50'
        ((Get-SubmitCount) - $before) | Should -Be 1
        @($err | ForEach-Object { $_.Exception.Message }) | Should -Be @(
            "Row 2, column 'Stylize' has 'abc', which is not a whole number."
            "Row 3, column 'Stylize': --s 5000 is out of range: --s (-Stylize) takes 0 to 1000. Nothing was sent. (Prompt: 'a green kite --s 5000')"
            "Row 4, column 'Prompt' is empty: write the text to render in it, or delete the row."
            "Row 5, column 'Mode' has 'Sometimes', which is not one of Default, Relax, Fast, Turbo."
        )
        @($err | ForEach-Object { $_.FullyQualifiedErrorId }) | Should -Be (@('MjInvalidInput,Midjourney.PowerShell.Commands.NewMjImagineCommand') * 4)
        ($err | Out-String) | Should -Not -Match 'System\.|Cannot convert|Get-Content'
    }

    It 'lets a parameter given on the command line win over a column, whatever the cell holds' {
        $lines = @(Get-WhatIfText { [pscustomobject]@{ Prompt = 'a kite'; Stylize = 'abc' } | New-MjImagine -Stylize 100 -WhatIf })
        $lines[0] | Should -BeLike "*'a kite --s 100'*"
    }
}

Describe 'Completion' {
    It 'offers the common aspect ratios' {
        $values = Get-MjCompletion 'New-MjImagine mug -AspectRatio '
        foreach ($ratio in '1:1', '16:9', '9:16', '3:2', '2:3') { $values | Should -Contain $ratio }
        @(Get-MjCompletion 'New-MjImagine mug -AspectRatio 16') | Should -Be @('16:9')
    }

    It 'offers the versions and niji versions' {
        $versions = Get-MjCompletion 'New-MjImagine mug -Version '
        foreach ($v in '5.2', '6', '6.1', '7', '8', '8.1') { $versions | Should -Contain $v }
        Get-MjCompletion 'New-MjImagine mug -Niji ' | Should -Be @('5', '6', '7')
    }

    It 'offers the -Quality values of the chosen version' {
        Get-MjCompletion 'New-MjImagine mug -Version 6.1 -Quality ' | Should -Be @('.25', '.5', '1', '2')
        Get-MjCompletion 'New-MjImagine mug -Version 8.1 -Quality ' | Should -Be @('1', '4')
        Get-MjCompletion 'New-MjImagine mug -Quality ' | Should -Be @('1', '2', '4')
    }
}

# Last in the file: it connects the session to a second server.
Describe 'Local images on a server without upload-discord-images' {
    BeforeAll {
        $NoviceZk = Start-MjTestServer -ExtraArgument @('--flavor', 'novicezk')
    }

    AfterAll {
        Stop-MjTestServer -Simulator $NoviceZk
    }

    It 'sends a local -Image file as data in base64Array, and asks for the missing upload endpoint only once' {
        $image = Join-Path $WorkDir 'image-nz.png'
        New-MjMaskPng -Width 8 -Height 8 -Path $image

        $unmatchedBefore = Get-MjTestRequestCount '(unmatched)' -Server $NoviceZk

        $tasks = @('mug', 'cup') | New-MjImagine -Image $image -Wait

        $tasks.Count | Should -Be 2
        $tasks[0].Prompt | Should -Match '^http://127\.0\.0\.1:\d+/\S+ mug$'
        Get-MjTestRequestCount '(unmatched)' -Server $NoviceZk | Should -Be ($unmatchedBefore + 1)
    }

    It 'says to give a URL, and submits nothing' {
        $style = Join-Path $WorkDir 'style-nz.png'
        New-MjMaskPng -Width 8 -Height 8 -Path $style
        $before = (Get-MjSimulatorStats -Simulator $NoviceZk).SubmitsAccepted

        $out = @(New-MjImagine 'mug' -StyleReference $style -ErrorAction SilentlyContinue -ErrorVariable err)

        $out.Count | Should -Be 0
        $err.Count | Should -Be 1
        $err[0].Exception.Message | Should -Match 'has no /mj/submit/upload-discord-images'
        $err[0].Exception.Message | Should -Match '-StyleReference as an http\(s\) URL'
        (Get-MjSimulatorStats -Simulator $NoviceZk).SubmitsAccepted | Should -Be $before
    }
}
