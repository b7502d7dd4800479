#
# NOT the module: the repository root's stand-in, so that `Import-Module ./Midjourney.psd1` typed here says what
# to import instead. The module's manifest is src/Midjourney.PowerShell/Midjourney.psd1; ./build.ps1 lays the
# module out in out/Midjourney/<version>/, which is what to import (`Import-Module ./out/Midjourney`).
#
@{
    RootModule = 'tools/SourceTree.psm1'
    ModuleVersion = '0.0.0'
    GUID = '0d7c3cf4-51a8-4b5e-9a0e-1c2f4a2f7d11'
    Description = 'The Midjourney source tree (not the module): build it, then import out/Midjourney.'
    PowerShellVersion = '5.1'
    FunctionsToExport = @()
    CmdletsToExport = @()
    VariablesToExport = @()
    AliasesToExport = @()
}
