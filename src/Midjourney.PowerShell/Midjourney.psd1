#
# Module manifest for module 'Midjourney'.
#
# ModuleVersion below is the single source of the version: build.ps1 reads it and passes
# -p:Version=<it> to dotnet publish, so the dlls and the package always carry the same number.
#
# Windows PowerShell 5.1 reads this file too: keep it to plain data (no ??, no ternary, no &&).
#
@{
    # The module assembly stays in the default load context; it resolves its own dependencies
    # from the dependencies/ subfolder (resolver pattern, practices §3.4), so no psm1 is needed.
    RootModule = 'Midjourney.PowerShell.dll'

    ModuleVersion = '0.1.0'

    GUID = 'bbcf10ea-a0ae-4813-9a91-5464a87beefc'

    Author = 'Midjourney module contributors'

    CompanyName = 'Midjourney module contributors'

    Copyright = '(c) 2026 Midjourney module contributors. MIT License.'

    Description = 'Cmdlets for the midjourney-proxy family of REST APIs (TrueAI, Plus, NoviceZK, new-api gateways): submit /imagine, blend, describe, shorten, video and edit jobs, wait for them, click their buttons (U1-U4, V1-V4, Vary (Region), Custom Zoom, ...), answer MODAL steps and download the images. One build for Windows PowerShell 5.1 and PowerShell 7.4+.'

    CompatiblePSEditions = @('Desktop', 'Core')

    PowerShellVersion = '5.1'

    # netstandard2.0 on .NET Framework is only dependable from 4.7.2 on.
    DotNetFrameworkVersion = '4.7.2'

    FormatsToProcess = @('Midjourney.Format.ps1xml')

    # Exactly the compiled cmdlets (docs/design/cmdlets.md); a unit test compares the two lists.
    CmdletsToExport = @(
        'Connect-MjServer'
        'Disconnect-MjServer'
        'Get-MjServer'
        'New-MjImagine'
        'Get-MjTask'
        'Wait-MjTask'
        'Stop-MjTask'
        'Invoke-MjButton'
        'Submit-MjModal'
        'New-MjBlend'
        'New-MjDescribe'
        'New-MjShorten'
        'New-MjVideo'
        'New-MjEdit'
        'Save-MjImage'
        'Test-MjServer'
        'New-MjMask'
        'Split-MjImage'
        'Show-MjImage'
        'Get-MjImageInfo'
        'Invoke-MjBatch'

        # Export-MjGallery (issue 20)
        'Export-MjGallery'

        # The operators' cmdlets (issue 19)
        'Get-MjAccount'
        'Enable-MjAccount'
        'Disable-MjAccount'
        'Sync-MjAccount'
        'Remove-MjAccount'
        'Get-MjUser'
        'New-MjUser'
        'Remove-MjUser'
        'Get-MjBannedWord'
        'Add-MjBannedWord'
        'Remove-MjBannedWord'
    )

    FunctionsToExport = @()

    VariablesToExport = @()

    AliasesToExport = @()

    PrivateData = @{
        PSData = @{
            Tags = @(
                'Midjourney'
                'midjourney-proxy'
                'AI'
                'ImageGeneration'
                'REST'
                'PSEdition_Desktop'
                'PSEdition_Core'
                'Windows'
                'Linux'
                'MacOS'
            )

            # No LicenseUri and no ProjectUri: the project has no public address yet, and the Gallery shows
            # these links, so a made-up one would mislead. The licence (MIT) ships as LICENSE in the module
            # folder and is named in Copyright; the README says the same. Add both here once there is a
            # public repository.

            ReleaseNotes = 'First release: connections, imagine/blend/describe/shorten/video/edit, waiting, buttons, MODAL steps, downloads and the task journal.'
        }
    }
}
