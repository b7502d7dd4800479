# The built module: manifest, exports, format views and where the dependencies are loaded from.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    $Manifest = Import-PowerShellDataFile -Path $ManifestPath
    $Module = Get-Module -Name Midjourney
    # Run real requests first, so that System.Text.Json and Polly.Core are loaded.
    $Simulator = Start-MjTestServer
    $Task = New-MjImagine 'red ceramic mug' -Wait
    $IsCore = $PSVersionTable.PSEdition -eq 'Core'

    function Get-LoadedAssembly {
        param([string]$Name)
        @([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq $Name })
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
}

Describe 'Module layout' {
    It 'is imported from the built folder out/Midjourney/<version>' {
        (Get-MjNormalizedPath $Module.ModuleBase) | Should -Be $ModuleDirectory
        $Module.Version.ToString() | Should -Be $Manifest.ModuleVersion
        Split-Path -Leaf $ModuleDirectory | Should -Be $Manifest.ModuleVersion
    }

    It 'exports exactly the cmdlets of the manifest' {
        $exported = @($Module.ExportedCmdlets.Keys | Sort-Object)
        $listed = @($Manifest.CmdletsToExport | Sort-Object)
        ($exported -join ',') | Should -Be ($listed -join ',')
        @($Module.ExportedFunctions.Keys).Count | Should -Be 0
        @($Module.ExportedAliases.Keys).Count | Should -Be 0
    }

    It 'keeps third-party dlls out of the module root' {
        $rootDlls = @(Get-ChildItem -LiteralPath $ModuleDirectory -Filter '*.dll' -File | ForEach-Object { $_.Name } | Sort-Object)
        ($rootDlls -join ',') | Should -Be 'Midjourney.Client.dll,Midjourney.Imaging.dll,Midjourney.PowerShell.dll'
        Test-Path -LiteralPath (Join-Path $ModuleDirectory 'dependencies/SkiaSharp.dll') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $ModuleDirectory 'dependencies/Polly.Core.dll') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $ModuleDirectory 'dependencies/System.Text.Json.dll') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $ModuleDirectory 'en-US/Midjourney.PowerShell.dll-Help.xml') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $ModuleDirectory 'en-US/about_Midjourney.help.txt') | Should -BeTrue
    }

    It 'loads the format views for every output type' {
        foreach ($type in 'Midjourney.Client.MjTask', 'Midjourney.Client.MjButton', 'Midjourney.Client.MjJournalEntry', 'Midjourney.PowerShell.MjConnection') {
            Get-FormatData -TypeName $type | Should -Not -BeNullOrEmpty -Because "$type needs a view"
        }
    }

    It 'shows connections without the key' {
        $text = Get-MjServer | Format-Table | Out-String
        $text | Should -Match 'AuthScheme'
        $text | Should -Match 'IsDefault'
        $text | Should -Match ([regex]::Escape(([uri]$Simulator.BaseUrl).Authority))
    }

    It 'shows buttons with label, kind and task id' {
        $text = $Task.Buttons | Format-Table | Out-String
        $text | Should -Match 'Kind'
        $text | Should -Match 'TaskId'
        $text | Should -Match 'Upscale'
        $text | Should -Match 'U1'
    }

    It 'shows journal entries' {
        $entries = @(Get-MjTask -Recent 5 -FromJournal)
        $entries.Count | Should -BeGreaterThan 0
        ($entries | Select-Object -First 1).Id | Should -Be $Task.Id
        $text = $entries | Format-Table | Out-String
        $text | Should -Match 'red ceramic mug'
    }
}

Describe 'Dependency isolation' {
    It 'loads the module assemblies from the module root' {
        foreach ($name in 'Midjourney.PowerShell', 'Midjourney.Client') {
            $assemblies = Get-LoadedAssembly -Name $name
            $assemblies.Count | Should -Be 1 -Because "$name must be loaded exactly once"
            (Get-MjNormalizedPath (Split-Path -Parent $assemblies[0].Location)) | Should -Be $ModuleDirectory
        }
    }

    It 'loads Polly.Core from dependencies/' {
        $polly = Get-LoadedAssembly -Name 'Polly.Core'
        $polly.Count | Should -BeGreaterThan 0 -Because 'a request has been made, so the retry pipeline exists'
        $ours = @($polly | Where-Object { (Get-MjNormalizedPath (Split-Path -Parent $_.Location)) -eq (Join-Path $ModuleDirectory 'dependencies') })
        $ours.Count | Should -Be 1
    }

    It 'loads Polly.Core into a non-default AssemblyLoadContext on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $ours = @(Get-LoadedAssembly -Name 'Polly.Core' | Where-Object { $_.Location -like "$ModuleDirectory*" })
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($ours[0])
        $context | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        $context.Name | Should -Not -Be 'Default'
    }

    It 'uses the host System.Text.Json on PowerShell 7 and the shipped one on Windows PowerShell' {
        $json = @(Get-LoadedAssembly -Name 'System.Text.Json')
        $json.Count | Should -BeGreaterThan 0
        $shipped = @($json | Where-Object { $_.Location -like "$ModuleDirectory*" })
        if ($IsCore) {
            # Pinned to 8.0.x: every 7.4+ host already has an equal or newer copy in the default context.
            $hostCopy = @($json | Where-Object { [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_) -eq [System.Runtime.Loader.AssemblyLoadContext]::Default })
            $hostCopy.Count | Should -Be 1
            $hostCopy[0].Location | Should -Not -BeLike "$ModuleDirectory*"
        }
        else {
            $shipped.Count | Should -Be 1
            (Get-MjNormalizedPath (Split-Path -Parent $shipped[0].Location)) | Should -Be (Join-Path $ModuleDirectory 'dependencies')
        }
    }
}

Describe 'The repository root''s Midjourney.psd1' {
    It 'is not the module: importing it says to import out/Midjourney instead and loads nothing' {
        $shell = [System.Management.Automation.PowerShell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$(Join-Path $RepoRoot 'Midjourney.psd1')' -ErrorAction Stop")
            $failure = $null
            try { $null = $shell.Invoke() } catch { $failure = $_.Exception }
            # A terminating error inside the script may end up in the error stream rather than thrown.
            if ($null -eq $failure -and $shell.Streams.Error.Count -gt 0) { $failure = $shell.Streams.Error[0].Exception }
            $failure | Should -Not -BeNullOrEmpty
            $failure.Message | Should -Match 'Import-Module \./out/Midjourney'
            $null = $shell.Commands.Clear()
            $null = $shell.AddScript('@(Get-Module -Name Midjourney).Count')
            $shell.Invoke()[0] | Should -Be 0
        }
        finally {
            $shell.Dispose()
        }
    }
}
