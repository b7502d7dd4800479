# Tab completion of -Label (the module's completer) and of the enum parameters.
BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
}

Describe 'Argument completion' {
    It 'completes -Label with the common button labels' {
        $labels = Get-MjCompletion 'Invoke-MjButton -Label '
        foreach ($label in 'U1', 'U4', 'V1', 'V4', 'Vary (Region)', 'Vary (Subtle)', 'Zoom Out 2x', 'Custom Zoom', 'Make Square', 'Upscale (Subtle)') {
            $labels | Should -Contain $label
        }
    }

    It 'filters -Label by what was typed' {
        $labels = Get-MjCompletion 'Invoke-MjButton -Label Va'
        $labels | Should -Contain 'Vary (Region)'
        $labels | Should -Not -Contain 'U1'
        foreach ($label in $labels) { $label | Should -BeLike 'Va*' }
    }

    It 'quotes labels that contain spaces' {
        $result = [System.Management.Automation.CommandCompletion]::CompleteInput('Invoke-MjButton -Label Vary', 'Invoke-MjButton -Label Vary'.Length, $null)
        $texts = @($result.CompletionMatches | ForEach-Object { $_.CompletionText })
        $texts | Should -Contain "'Vary (Region)'"
    }

    It 'completes -Mode with the speed modes' {
        $modes = Get-MjCompletion 'New-MjImagine -Mode '
        foreach ($mode in 'Fast', 'Relax', 'Turbo') { $modes | Should -Contain $mode }
        $turbo = @(Get-MjCompletion 'New-MjImagine -Mode Tu')
        $turbo.Count | Should -Be 1
        $turbo[0] | Should -Be 'Turbo'
    }

    It 'completes -Dimensions with the blend shapes' {
        $shapes = Get-MjCompletion 'New-MjBlend -Dimensions '
        foreach ($shape in 'Square', 'Portrait', 'Landscape') { $shapes | Should -Contain $shape }
    }

    It 'completes -AuthScheme with the header styles' {
        $schemes = Get-MjCompletion 'Connect-MjServer -AuthScheme '
        foreach ($scheme in 'MjApiSecret', 'Bearer', 'Raw') { $schemes | Should -Contain $scheme }
    }
}
