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
