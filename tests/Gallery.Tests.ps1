# Export-MjGallery the morning after (issue 20): a batch on the simulator with a hostile prompt, a row the server
# fails and a video saved beside it, exported as a page. The page is read with an HTML5 parser: every picture path
# exists and is relative, nothing points at another host, the hostile prompt is text. Then headless Chromium loads
# it from disk and reports what it saw: no console error, no CSP report, no request outside the page's folder, and
# the page's own script ran. The browser part runs where Chromium is installed and is skipped (and says so) elsewhere.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot '../tools/Chromium.ps1')
    $NoChromium = -not (Find-MjChromium)
    if ($NoChromium) {
        Write-Host 'Gallery.Tests: no Chromium or Chrome installed (apt-get install chromium, or set MJ_CHROMIUM): the browser tests are skipped.'
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'common.ps1')
    . (Join-Path $PSScriptRoot '../tools/Chromium.ps1')
    $Simulator = Start-MjTestServer
    $WorkDir = Join-Path ([System.IO.Path]::GetTempPath()) ('mj-gallery-' + [guid]::NewGuid().ToString('N'))
    $Night = Join-Path $WorkDir 'night'
    $Hostile = '<img src=x onerror=alert(1)> a fox'

    # Row 1 a grid, row 2 the hostile prompt with its U1, row 3 a banned word (TrueAI takes it, then fails the task).
    $rows = @(
        [pscustomobject]@{ Prompt = 'red ceramic mug'; AspectRatio = '3:2'; Then = '' }
        [pscustomobject]@{ Prompt = $Hostile; AspectRatio = ''; Then = 'U1' }
        [pscustomobject]@{ Prompt = 'a blood moon'; AspectRatio = ''; Then = '' }
    )
    $Summary = $rows | Invoke-MjBatch -OutputPath $Night -PollInterval 1 -ErrorAction SilentlyContinue
    $Upscale = New-MjImagine 'a teapot' -Wait | Invoke-MjButton -Label U1 -Wait
    $Video = $Upscale | Invoke-MjButton -Label 'Animate (High motion)' -Wait
    $null = $Video | Save-MjImage -Path $Night -IncludeVideo -Sidecar

    $Page = Export-MjGallery -Path $Night -PassThru
    $PageFolder = Split-Path -Parent $Page.FullName
    $Html = ConvertFrom-MjHtml -Path $Page.FullName
    $Cards = @($Html.QuerySelectorAll('article.card'))

    function Get-MjPageLink {
        # Every URL-bearing attribute value in the document.
        param([object]$Document)
        foreach ($element in $Document.All) {
            foreach ($name in 'href', 'src', 'poster', 'srcset', 'action', 'formaction', 'data', 'background') {
                $value = $element.GetAttribute($name)
                if ($null -ne $value) { $value }
            }
        }
    }
}

AfterAll {
    Stop-MjTestServer -Simulator $Simulator
    if ($WorkDir -and (Test-Path -LiteralPath $WorkDir)) {
        Remove-Item -LiteralPath $WorkDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Describe 'Export-MjGallery on a night''s batch' {
    It 'writes one card per row in row order, then the video saved beside the batch, with the done and failed counts' {
        $Summary.Failed | Should -Be 1
        $Page.FullName | Should -Be (Join-Path (Join-Path $Night 'gallery') 'index.html')
        $Cards.Count | Should -Be 4
        @($Cards | ForEach-Object { $_.GetAttribute('data-status') }) | Should -Be @('done', 'done', 'failed', 'done')
        @($Cards | ForEach-Object { $_.QuerySelector('.row') } | Where-Object { $_ } | ForEach-Object { $_.TextContent }) | Should -Be @('row 1', 'row 2', 'row 3')
        $Html.QuerySelector('.counts .done').TextContent | Should -Be '3 done'
        $Html.QuerySelector('.counts .failed').TextContent | Should -Be '1 failed'
        $Cards[0].QuerySelector('.params').TextContent | Should -Be 'AspectRatio 3:2'
        $Cards[0].QuerySelectorAll('figure.grid .tile').Length | Should -Be 4
    }

    It '-PassThru outputs the page as Get-Item does: a FileInfo with its provider path, shown under its folder' {
        $Page | Should -BeOfType System.IO.FileInfo
        $item = Get-Item -LiteralPath $Page.FullName
        $Page.PSPath | Should -Be $item.PSPath
        $Page.PSParentPath | Should -Be $item.PSParentPath
        $Page.Length | Should -BeGreaterThan 0
        ($Page | Out-String -Width 200) | Should -Be ($item | Out-String -Width 200)
        # So it pipes to the file cmdlets by its path.
        ($Page | Get-Content -TotalCount 1) | Should -Be (Get-Content -LiteralPath $item.FullName -TotalCount 1)
    }

    It 'links every picture and preview relatively, and every linked file exists' {
        $links = @(Get-MjPageLink -Document $Html)
        $links.Count | Should -BeGreaterThan 8
        foreach ($link in $links) {
            $link | Should -Not -Match '^[a-zA-Z][a-zA-Z0-9+.-]*:' -Because "$link must carry no scheme"
            $link | Should -Not -Match '^[/\\]' -Because "$link must be relative"
            Join-Path $PageFolder ([Uri]::UnescapeDataString($link)) | Should -Exist -Because "$link is linked"
        }
        foreach ($image in $Html.Images) {
            $image.GetAttribute('src') | Should -Match '^thumbs/'
            $image.GetAttribute('loading') | Should -Be 'lazy'
            (Get-Item -LiteralPath (Join-Path $PageFolder $image.GetAttribute('src'))).Length | Should -BeLessOrEqual 40KB
        }
    }

    It 'points at no other host: no URL on the page, its stylesheet or its script, and a policy that forbids them' {
        $Html.QuerySelector('meta[http-equiv="Content-Security-Policy"]').GetAttribute('content') |
            Should -Be "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"
        @($Html.Scripts | ForEach-Object { $_.GetAttribute('src') }) | Should -Be @('gallery.js')
        foreach ($asset in 'gallery.css', 'gallery.js') {
            $text = Get-Content -LiteralPath (Join-Path $PageFolder $asset) -Raw
            $text | Should -Not -Match 'https?:|url\(|@import|fetch\(|XMLHttpRequest|innerHTML'
        }
    }

    It 'shows the hostile prompt as text' {
        $card = $Cards[1]
        $card.QuerySelector('h2.prompt').TextContent | Should -BeExactly $Hostile
        $Html.QuerySelectorAll('img[onerror], [onerror], img[src="x"]').Length | Should -Be 0
        Get-Content -LiteralPath $Page.FullName -Raw | Should -Match ([regex]::Escape('&lt;img src=x onerror=alert(1)&gt; a fox'))
        @($card.QuerySelectorAll('figcaption') | ForEach-Object { $_.TextContent }) | Should -Be @('U1')
    }

    It 'shows the failed row with the server''s reason and the command that sends it again' {
        $card = $Cards[2]
        $card.QuerySelector('.reason').TextContent | Should -Match 'ended Failure'
        $card.QuerySelector('.commands code').TextContent | Should -Be "New-MjImagine -Prompt 'a blood moon' -Wait"
        $card.QuerySelector('.media.empty').TextContent | Should -Be 'failed'
    }

    It 'shows the video by its cover, links its files and offers its real buttons' {
        $card = $Cards[3]
        $links = @($card.QuerySelectorAll('figure.video a') | ForEach-Object { $_.GetAttribute('href') })
        # As on TrueAI the first video is also the task's image: Save-MjImage saves it as <id> and the others as <id>_2 ...
        # <id>_4; the simulator's "videos" are animated PNGs, saved by what they hold. The first is its own preview.
        $links[0] | Should -Match "^\.\./$($Video.Id)\.(png|mp4)$"
        $links.Count | Should -Be 4 # the first video, then the other three by number
        $card.QuerySelector('figure.video img') | Should -Not -BeNullOrEmpty
        $card.QuerySelector('.commands code').TextContent | Should -Be "Get-MjTask $($Video.Id) | Invoke-MjButton -Label U1 -Wait"
    }

    It 'refuses to replace the page without -Force, writes nothing with -WhatIf, and keeps current previews with -Force' {
        $before = @(Get-ChildItem -LiteralPath (Join-Path $PageFolder 'thumbs') | ForEach-Object { $_.LastWriteTimeUtc })
        Export-MjGallery -Path $Night -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -Be 'MjInvalidInput,Midjourney.PowerShell.Commands.ExportMjGalleryCommand'
        $refused[0].Exception.Message | Should -Match 'Use -Force'

        Export-MjGallery -Path $Night -OutputPath (Join-Path $WorkDir 'whatif') -WhatIf
        Join-Path $WorkDir 'whatif' | Should -Not -Exist

        Export-MjGallery -Path $Night -Force
        @(Get-ChildItem -LiteralPath (Join-Path $PageFolder 'thumbs') | ForEach-Object { $_.LastWriteTimeUtc }) | Should -Be $before
    }

    It 'downloads piped tasks'' pictures beside the page and builds their commands from their real buttons' {
        $review = Join-Path $WorkDir 'review'
        $page = Get-MjTask -Id $Upscale.Id | Export-MjGallery -OutputPath $review -PassThru
        Join-Path $review "media/$($Upscale.Id).png" | Should -Exist
        $document = ConvertFrom-MjHtml -Path $page.FullName
        @($document.QuerySelectorAll('.commands code') | ForEach-Object { $_.TextContent }) |
            Should -Contain "Get-MjTask $($Upscale.Id) | Invoke-MjButton -Label 'Vary (Subtle)' -Wait"
        $document.QuerySelector('figure a').GetAttribute('href') | Should -Be "media/$($Upscale.Id).png"
    }

    It 'takes Save-MjImage''s files straight from the pipeline: one card per task, its sidecar read with its picture' {
        $saved = Join-Path $WorkDir 'saved'
        $files = @($Upscale, $Video | Save-MjImage -Path $saved -IncludeVideo -Sidecar)
        $page = $files | Export-MjGallery -OutputPath (Join-Path $saved 'page') -PassThru -ErrorVariable problems
        @($problems) | Should -BeNullOrEmpty
        $document = ConvertFrom-MjHtml -Path $page.FullName
        @($document.QuerySelectorAll('article.card')).Count | Should -Be 2
        @($document.QuerySelectorAll('.facts code') | ForEach-Object { $_.TextContent }) | Should -Be @($Upscale.Id, $Video.Id)
    }

    It 'says -Open needs an interactive session, and opens nothing, under -NonInteractive' {
        $child = Join-Path $WorkDir 'open.ps1'
        @(
            "Import-Module -Name '$ManifestPath'"
            "Export-MjGallery -Path '$Night' -OutputPath '$(Join-Path $WorkDir 'open')' -Open 3>&1 | ForEach-Object { 'WARNING: ' + `$_ }"
        ) | Set-Content -LiteralPath $child
        $hostPath = (Get-Process -Id $PID).Path
        $arguments = @('-NoProfile', '-NonInteractive', '-File', $child)
        if ((Split-Path -Leaf $hostPath) -like 'dotnet*') { $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments }
        $said = & $hostPath @arguments 2>&1
        ($said -join "`n") | Should -Match 'WARNING: -Open: PowerShell runs with -NonInteractive, so no browser was opened\. The page is .*index\.html\.'
        Join-Path $WorkDir 'open/index.html' | Should -Exist
    }
}

Describe 'Export-MjGallery in headless Chromium' -Skip:$NoChromium {
    It 'loads from disk with no console error, no blocked script, no outside request, and its own script works the page' {
        $shot = Join-Path $WorkDir 'gallery.png'
        $seen = Invoke-MjBrowserPage -Path $Page.FullName -ScreenshotPath $shot -Evaluate @{
            Ready = 'document.documentElement.getAttribute("data-gallery-ready")'
            Prompt = 'document.querySelectorAll("h2.prompt")[1].textContent'
            Filtered = '(function(){var q=document.getElementById("q");q.value="blood";q.dispatchEvent(new Event("input"));return new Promise(function(r){setTimeout(function(){r(document.querySelectorAll(".card:not([hidden])").length+" "+document.getElementById("shown").textContent)},300)})})()'
            Slash = '(function(){document.getElementById("q").blur();document.body.dispatchEvent(new KeyboardEvent("keydown",{key:"/",bubbles:true}));return document.activeElement.id})()'
            Loaded = 'Array.prototype.filter.call(document.images,function(i){return i.complete&&i.naturalWidth>0}).length'
        }

        @($seen).Count | Should -Be 1 # one report object: its lists are the browser's, not a member enumeration
        ($seen.Console -is [System.Collections.ArrayList]) | Should -BeTrue
        $seen.Loaded | Should -BeTrue
        @($seen.Console | Where-Object { $_.Type -in 'error', 'warning', 'assert' }) | Should -BeNullOrEmpty
        @($seen.Exceptions) | Should -BeNullOrEmpty
        @($seen.Log | Where-Object { $_.Level -in 'error', 'warning' -or $_.Source -eq 'security' }) | Should -BeNullOrEmpty
        @($seen.Dialogs) | Should -BeNullOrEmpty
        @($seen.Requests | Where-Object { $_ -notlike 'file:///*' }) | Should -BeNullOrEmpty
        @($seen.Requests).Count | Should -BeGreaterThan 3 # the page, its stylesheet and script, previews
        $seen.Values.Ready | Should -Be '4'
        $seen.Values.Prompt | Should -BeExactly $Hostile
        $seen.Values.Filtered | Should -Be '1 1 of 4 shown'
        $seen.Values.Slash | Should -Be 'q'
        $seen.Values.Loaded | Should -BeGreaterThan 0
        (Get-Item -LiteralPath $shot).Length | Should -BeGreaterThan 10KB
    }

    It 'reports what its policy blocks, console errors and exceptions (so the clean report above means something)' {
        # The same page with an inline script, an outside image and a script of its own folder that fails: the browser
        # must refuse the first two and say so, and the report must carry the third's console error and exception.
        $bad = Join-Path $PageFolder 'blocked.html'
        $planted = Join-Path $PageFolder 'planted.js'
        [System.IO.File]::WriteAllText($planted, "console.error('planted error'); throw new Error('planted exception');")
        $text = (Get-Content -LiteralPath $Page.FullName -Raw).Replace('</body>', '<script>alert(1)</script><img src="https://example.invalid/x.png"><script src="planted.js"></script></body>')
        [System.IO.File]::WriteAllText($bad, $text)
        try {
            $seen = Invoke-MjBrowserPage -Path $bad
        }
        finally {
            Remove-Item -LiteralPath $bad, $planted -Force
        }

        @($seen).Count | Should -Be 1
        @($seen.Console | Where-Object { $_.Type -eq 'error' } | ForEach-Object { $_.Text }) | Should -Be @('planted error')
        @($seen.Exceptions) -join "`n" | Should -Match 'planted exception'
        @($seen.Requests) | Should -Contain 'https://example.invalid/x.png'
        @($seen.Dialogs) | Should -BeNullOrEmpty
        $blocked = @($seen.Log | Where-Object { $_.Source -eq 'security' -or $_.Text -match 'Content Security Policy' }) + @($seen.Console | Where-Object { $_.Text -match 'Content Security Policy' })
        ($blocked | ForEach-Object { $_.Text }) -join "`n" | Should -Match "inline script"
        ($blocked | ForEach-Object { $_.Text }) -join "`n" | Should -Match 'example\.invalid'
    }
}
