# Issue 18, item 16: the package a PowerShell Gallery user gets. The built module is packed with PSResourceGet's own
# Compress-PSResource (the same nupkg Publish-PSResource makes, without registering a repository), and the package is
# read as the Gallery and Install-PSResource read it. No server is needed.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-gallery-' + [guid]::NewGuid().ToString('N'))
    $stage = Join-Path $WorkDir 'stage/Midjourney'
    $null = New-Item -ItemType Directory -Path $stage -Force
    Copy-Item -Path (Join-Path $ModuleDirectory '*') -Destination $stage -Recurse
    $null = New-Item -ItemType Directory -Path (Join-Path $WorkDir 'package') -Force
    Compress-PSResource -Path $stage -DestinationPath (Join-Path $WorkDir 'package')
    $script:Package = @(Get-ChildItem -LiteralPath (Join-Path $WorkDir 'package') -Filter '*.nupkg')[0]
    $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package.FullName)
    try {
        $script:Entries = @($zip.Entries | ForEach-Object { [pscustomobject]@{ Path = $_.FullName; Length = $_.Length } })
        $nuspec = @($zip.Entries | Where-Object { $_.FullName -like '*.nuspec' })[0]
        $reader = New-Object System.IO.StreamReader -ArgumentList $nuspec.Open()
        try { $script:Nuspec = [xml]$reader.ReadToEnd() } finally { $reader.Dispose() }
    }
    finally {
        $zip.Dispose()
    }
    $script:Pwsh = @(Get-ChildItem -LiteralPath $PSHOME -File | Where-Object { $_.Name -in 'pwsh', 'pwsh.exe', 'powershell.exe' })[0].FullName
}

AfterAll {
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'The Gallery package (item 16)' {
    It 'ships the imaging library for Windows x64 and arm64, Linux x64 and arm64, and macOS (x64 and arm64 in one file)' {
        $natives = @($script:Entries | Where-Object { $_.Path -like 'dependencies/runtimes/*' } | ForEach-Object { $_.Path } | Sort-Object)
        $natives | Should -Be @(
            'dependencies/runtimes/linux-arm64/native/libSkiaSharp.so'
            'dependencies/runtimes/linux-x64/native/libSkiaSharp.so'
            'dependencies/runtimes/osx/native/libSkiaSharp.dylib'
            'dependencies/runtimes/win-arm64/native/libSkiaSharp.dll'
            'dependencies/runtimes/win-x64/native/libSkiaSharp.dll')
    }

    It 'is at most 30 MiB to download and 65 MiB installed (it was 37 MiB and 87 MiB with seven native libraries)' {
        $installed = ($script:Entries | Measure-Object -Property Length -Sum).Sum
        Write-Host ('    package {0:n1} MiB, installed {1:n1} MiB' -f ($script:Package.Length / 1MB), ($installed / 1MB))
        $script:Package.Length | Should -BeLessOrEqual 30MB
        $installed | Should -BeLessOrEqual 65MB
    }

    It 'carries its licence, and Gallery links only where there is a real address' {
        $script:Entries.Path | Should -Contain 'LICENSE'
        $metadata = $script:Nuspec.package.metadata
        $links = @('projectUrl', 'licenseUrl' | Where-Object { $metadata.SelectSingleNode("*[local-name()='$_']") })
        $readme = Get-Content -Raw -LiteralPath (Join-Path $RepoRoot 'README.md')
        if ($links.Count -lt 2) {
            # No public home yet: the README says why ProjectUri and LicenseUri are empty, and where the licence is.
            $readme | Should -Match 'ProjectUri'
            $readme | Should -Match 'LicenseUri'
            $readme | Should -Match 'LICENSE'
        }
        foreach ($link in $links) {
            $metadata.$link | Should -Not -Match 'example\.(com|org)|contoso|localhost|placeholder'
        }
    }
}

Describe 'A platform without the native imaging library (item 16)' {
    It 'gets a clear Mj error from the imaging cmdlets, and every other cmdlet works' {
        $copy = Join-Path $WorkDir 'no-native/Midjourney'
        $null = New-Item -ItemType Directory -Path $copy -Force
        Copy-Item -Path (Join-Path $ModuleDirectory '*') -Destination $copy -Recurse
        Remove-Item -LiteralPath (Join-Path $copy 'dependencies/runtimes') -Recurse -Force
        $script = @'
param($Manifest, $Folder)
Import-Module $Manifest
$result = [ordered]@{}
$null = New-MjMask -Width 8 -Height 8 -Region '0,0,50%,50%' -Path (Join-Path $Folder 'mask.png') -ErrorAction SilentlyContinue -ErrorVariable mask
$result.MaskId = [string]$mask[0].FullyQualifiedErrorId
$result.MaskMessage = $mask[0].Exception.Message
$result.MaskAdvice = [string]$mask[0].ErrorDetails.RecommendedAction
$null = Get-MjImageInfo -Path $Manifest -ErrorAction SilentlyContinue -ErrorVariable info
$result.InfoId = [string]$info[0].FullyQualifiedErrorId
$result.Connected = [string](Connect-MjServer -Uri 'http://127.0.0.1:9' -SkipCheck -NoJournal -PassThru).Uri
$result | ConvertTo-Json -Compress
'@
        $file = Join-Path $WorkDir 'no-native.ps1'
        Set-Content -LiteralPath $file -Value $script -Encoding UTF8
        $json = & $script:Pwsh -NoProfile -NonInteractive -File $file -Manifest (Join-Path $copy 'Midjourney.psd1') -Folder $WorkDir
        $result = ($json -join '') | ConvertFrom-Json
        $result.MaskId | Should -BeLike 'MjImagingUnavailable,*'
        $result.MaskMessage | Should -BeLike '*libSkiaSharp*'
        $result.MaskMessage | Should -Not -Match 'DllNotFound|TypeInitialization|Unable to load'
        $result.MaskAdvice | Should -BeLike '*runtimes*native*'
        $result.InfoId | Should -BeLike 'MjImagingUnavailable,*'
        $result.Connected | Should -Be 'http://127.0.0.1:9/'
    }
}
