# Get-Help must find the MAML built from docs/en-US for every cmdlet, and the about topic.
BeforeDiscovery {
    $CmdletNames = @((Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot '../src/Midjourney.PowerShell/Midjourney.psd1')).CmdletsToExport)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $CommonParameters = @([System.Management.Automation.PSCmdlet]::CommonParameters) +
        @([System.Management.Automation.PSCmdlet]::OptionalCommonParameters)

    function Get-MarkdownSynopsis {
        param([string]$Name)
        $text = [System.IO.File]::ReadAllText((Join-Path $RepoRoot "docs/en-US/$Name.md"))
        if ($text -notmatch '(?s)## SYNOPSIS\s*\r?\n(.+?)\r?\n\s*\r?\n') { throw "No SYNOPSIS in $Name.md" }
        ($Matches[1] -replace '\s+', ' ').Trim()
    }
}

Describe 'Cmdlet help' {
    It '<_> has the synopsis and description from docs/en-US' -ForEach $CmdletNames {
        $name = $_
        $help = Get-Help -Name $name -Full -ErrorAction Stop
        ([string]$help.Synopsis).Trim() | Should -Be (Get-MarkdownSynopsis -Name $name)
        $description = ($help.description | ForEach-Object { $_.Text }) -join ' '
        $description | Should -Not -BeNullOrEmpty
    }

    It '<_> documents every parameter, with a description' -ForEach $CmdletNames {
        $name = $_
        $help = Get-Help -Name $name -Full -ErrorAction Stop
        $documented = @($help.parameters.parameter | Where-Object { $null -ne $_ } | ForEach-Object { $_.name })
        $compiled = @((Get-Command -Name $name).Parameters.Keys | Where-Object { $CommonParameters -notcontains $_ })
        foreach ($parameter in $compiled) {
            $documented | Should -Contain $parameter -Because "$name -$parameter must be documented"
        }
        foreach ($parameter in @($help.parameters.parameter | Where-Object { $null -ne $_ })) {
            (($parameter.description | ForEach-Object { $_.Text }) -join ' ') | Should -Not -BeNullOrEmpty -Because "$name -$($parameter.name) needs a description"
        }
    }

    It '<_> has at least two examples with code' -ForEach $CmdletNames {
        $name = $_
        $help = Get-Help -Name $name -Full -ErrorAction Stop
        $examples = @($help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            [string]$example.code | Should -Not -BeNullOrEmpty
        }
    }

    It '<_> documents its output type' -ForEach $CmdletNames {
        $name = $_
        $help = Get-Help -Name $name -Full -ErrorAction Stop
        $outputs = @($help.returnValues.returnValue | ForEach-Object { $_.type.name })
        $outputs.Count | Should -BeGreaterThan 0
    }

    It '<_> shows PowerShell type names in SYNTAX and parameter headings, as Get-Command -Syntax does' -ForEach $CmdletNames {
        $name = $_
        $expected = @{}
        foreach ($match in [regex]::Matches((Get-Command -Name $name -Syntax | Out-String -Width 10000), '-(\w+)\]? <([^>]+)>')) {
            $expected[$match.Groups[1].Value] = $match.Groups[2].Value
        }
        $help = Get-Help -Name $name -Full
        $syntax = $help.syntax | Out-String -Width 10000
        $headings = $help.parameters | Out-String -Width 10000
        $expected.Count | Should -BeGreaterThan 0
        foreach ($parameter in $expected.Keys) {
            $type = $expected[$parameter]
            # SYNTAX lists an enum's values ({Default | Relax | ...}) instead of its type; every other parameter shows the type.
            foreach ($shown in [regex]::Matches($syntax, '-' + $parameter + '\]? <([^>]+)>')) {
                $shown.Groups[1].Value | Should -BeExactly $type -Because "SYNTAX of $name -$parameter"
            }
            $heading = [regex]::Match($headings, '(?m)^\s*-' + $parameter + ' <([^>]+)>')
            $heading.Success | Should -BeTrue -Because "$name -$parameter needs a heading"
            $heading.Groups[1].Value | Should -BeExactly $type -Because "the heading of $name -$parameter"
        }
    }
}

Describe 'Stop-MjTask and its confirmation (item 12)' {
    It 'says in its help why it does not ask by default, and nothing tells the reader to pass -Confirm:$false' {
        $attribute = (Get-Command Stop-MjTask).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $help = Get-Help Stop-MjTask -Full | Out-String -Width 300
        $help | Should -Match ('ConfirmImpact ' + $attribute.ConfirmImpact)
        $help | Should -Not -Match '-Confirm:\$false'
        foreach ($file in @(Join-Path $RepoRoot 'README.md') + @(Get-ChildItem -LiteralPath (Join-Path $RepoRoot 'docs/en-US') -Filter '*.md' | ForEach-Object { $_.FullName })) {
            @(Get-Content -LiteralPath $file | Where-Object { $_ -match 'Stop-MjTask.*-Confirm:\$false' }) | Should -BeNullOrEmpty -Because "$file should not tell the reader to pass -Confirm:`$false to Stop-MjTask"
        }
    }
}

Describe 'about_Midjourney' {
    It 'is found by Get-Help and explains MODAL, speed modes and auth' {
        $text = Get-Help -Name about_Midjourney -ErrorAction Stop | Out-String
        $text | Should -Match 'Vary \(Region\)'
        $text | Should -Match '--zoom'
        $text | Should -Match '/mj-fast'
        $text | Should -Match 'mj-api-secret'
        $text | Should -Match 'Get-MjTask -Recent'
        $text | Should -Match 'TROUBLESHOOTING'
    }
}

Describe 'Examples that run as written against the simulator' {
    BeforeAll {
        $script:ExampleSim = Start-MjTestServer
        $script:ExampleDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-examples-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $script:ExampleDir -Force

        function Get-MjExample {
            # The commands (lines after 'PS> ') and the shown output of one help example.
            param([string]$Command, [int]$Number)
            $code = [string](Get-Help $Command).examples.example[$Number - 1].code
            $lines = @($code -split "`r?`n")
            [pscustomobject]@{
                Commands = @($lines | Where-Object { $_ -like 'PS> *' } | ForEach-Object { $_.Substring(4) })
                Output   = @($lines | Where-Object { $_ -notlike 'PS> *' -and $_.Trim() })
            }
        }
    }

    AfterAll {
        Stop-MjTestServer -Simulator $script:ExampleSim
        Remove-Item -LiteralPath $script:ExampleDir -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'Get-MjImageInfo: each example runs as written and outputs what it shows' {
        $folder = Join-Path $script:ExampleDir 'info'
        $null = New-Item -ItemType Directory -Path (Join-Path $folder 'archive/2026') -Force
        Push-Location -LiteralPath $folder
        try {
            $grid = New-MjImagine 'red fox in snow' -Wait
            $null = $grid | Save-MjImage -Path ./out -Split
            Copy-Item ./out/*.png ./archive/2026/

            $one = Get-MjExample -Command Get-MjImageInfo -Number 1
            $one.Commands.Count | Should -Be 1
            $shown = @((Invoke-Expression $one.Commands[0] | Out-String -Width 200) -split "`r?`n" | Where-Object { $_.Trim() })
            ($shown[0] -split '\s+') | Should -Be ($one.Output[0] -split '\s+')
            $shown.Count | Should -Be $one.Output.Count
            @($shown | Select-Object -Skip 2 | Where-Object { $_ -match "red fox in snow $($grid.Id)" }).Count | Should -Be 5

            $two = Get-MjExample -Command Get-MjImageInfo -Number 2
            $two.Commands.Count | Should -Be 1
            $found = @(Invoke-Expression $two.Commands[0])
            $found.Count | Should -Be 1
            # The list it shows names every property, in the object's order, with the values of a tile.
            $names = @($two.Output | ForEach-Object { ($_ -split ':', 2)[0].Trim() })
            $names | Should -Be @($found[0].PSObject.Properties | ForEach-Object Name)
            $found[0].Tile | Should -Be 1
            $found[0].Seed | Should -Be $grid.Seed
            $found[0].Source | Should -Be 'PngText'
        }
        finally {
            Pop-Location
        }
    }

    It 'Invoke-MjBatch Example 3 runs as written: stopped, then carried on, with the summary it shows' {
        $folder = Join-Path $script:ExampleDir 'batch'
        $null = New-Item -ItemType Directory -Path $folder -Force
        $example = Get-MjExample -Command Invoke-MjBatch -Number 3
        $example.Commands.Count | Should -Be 3
        $example.Commands[1] | Should -Be $example.Commands[2]

        # What it shows holds together: the rows done at the stop are the ones skipped, every row is done once, two tasks a row.
        $stopped = [regex]::Match(($example.Output -join "`n"), 'Stopped: (\d+) of (\d+) rows done')
        $stopped.Success | Should -BeTrue
        $header = @($example.Output | Where-Object { $_ -match '^\s*Rows\s' })[0] -split '\s+' | Where-Object { $_ }
        $values = $example.Output[-1] -split '\s+' | Where-Object { $_ }
        $shown = @{}
        for ($i = 0; $i -lt $header.Count; $i++) { $shown[$header[$i]] = $values[$i] }
        [int]$shown.Rows | Should -Be ([int]$stopped.Groups[2].Value)
        [int]$shown.Done | Should -Be ([int]$shown.Rows)
        [int]$shown.Skipped | Should -Be ([int]$stopped.Groups[1].Value)
        ([int]$shown.Skipped + [int]$shown.Resumed) | Should -BeLessOrEqual ([int]$shown.Rows)
        [int]$shown.Tasks | Should -Be (2 * [int]$shown.Rows)
        [int]$shown.Files | Should -Be ([int]$shown.Rows)

        Push-Location -LiteralPath $folder
        try {
            Invoke-Expression $example.Commands[0]
            @(Get-Content ./prompts.txt).Count | Should -Be ([int]$shown.Rows)

            # The first run, stopped as Ctrl+C stops it (StopProcessing), on an event: the state file's first saved row.
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Set-Location -LiteralPath '$folder'; Import-Module -Name '$ManifestPath'; Connect-MjServer -Uri '$($script:ExampleSim.BaseUrl)' -NoJournal; " + $example.Commands[1])
            $async = $ps.BeginInvoke()
            $state = Join-Path $folder 'out/.mjbatch.jsonl'
            $deadline = [DateTime]::UtcNow.AddSeconds(120)
            while (-not (Test-Path -LiteralPath $state) -or -not (Select-String -LiteralPath $state -SimpleMatch '"stage":"saved"' -Quiet)) {
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The first run saved no row.' }
                Start-Sleep -Milliseconds 50
            }
            $ps.Stop()
            $null = $async.AsyncWaitHandle.WaitOne(30000)
            $ps.Dispose()

            $summary = Invoke-Expression $example.Commands[2]
            $actualHeader = @(($summary | Out-String -Width 200) -split "`r?`n" | Where-Object { $_ -match '^\s*Rows\s' })[0] -split '\s+' | Where-Object { $_ }
            $actualHeader | Should -Be $header
            $summary.Rows | Should -Be ([int]$shown.Rows)
            $summary.Done | Should -Be ([int]$shown.Rows)
            $summary.Failed | Should -Be 0
            $summary.Skipped | Should -BeGreaterThan 0
            ($summary.Skipped + $summary.Resumed) | Should -BeLessOrEqual $summary.Rows
            $summary.Tasks | Should -Be ([int]$shown.Tasks)
            $summary.Files | Should -Be ([int]$shown.Files)
        }
        finally {
            Pop-Location
        }
    }
}
