# Imported only by the repository root's Midjourney.psd1: it stops the import with what to type instead.
# Windows PowerShell 5.1 compatible.
$built = Join-Path (Split-Path -Parent $PSScriptRoot) 'out/Midjourney'
if (Test-Path -LiteralPath $built) {
    $next = 'The module is built: Import-Module ./out/Midjourney'
}
else {
    $next = 'Build it first (dotnet tool restore; dotnet pwsh ./build.ps1), then: Import-Module ./out/Midjourney'
}
throw "This Midjourney.psd1 is the repository root, not the module. $next"
