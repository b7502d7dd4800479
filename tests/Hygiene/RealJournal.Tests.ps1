# Runs LAST (build.ps1 passes it after every other test file): the user's real journal folder must be
# exactly as it was before the whole test run (xunit and Pester), which build.ps1 fingerprinted into
# MJ_TEST_REAL_JOURNAL_SNAPSHOT. A test that connects without its own -JournalPath makes this fail.
BeforeAll {
    . (Join-Path $PSScriptRoot '../common.ps1')
    . (Join-Path $RepoRoot 'tools/TestHygiene.ps1')
}

Describe 'The user''s real journal' {
    It 'is the folder the module writes to by default' {
        $expected = Join-Path (Get-MjRealJournalFolder) 'journal.jsonl'
        [Midjourney.Client.MjTaskJournal]::DefaultPath | Should -Be $expected
    }

    It 'was not changed by the test run' {
        $before = $env:MJ_TEST_REAL_JOURNAL_SNAPSHOT
        if ([string]::IsNullOrEmpty($before)) {
            # Run on its own (not through build.ps1): compare with the start of this Pester process.
            $before = $global:MjRealJournalSnapshotAtStart
        }
        $before | Should -Not -BeNullOrEmpty -Because 'build.ps1 or tests/common.ps1 fingerprints the folder before any test runs'
        Get-MjRealJournalSnapshot | Should -Be $before -Because "no test may read or write $(Get-MjRealJournalFolder)"
    }
}
