using System;
using System.Threading;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>
/// Export-MjGallery's progress bar over one step (downloads, previews), thread-safe, written about a hundred times at
/// most: a record per picture of a thousand would slow the host more than the work.
/// </summary>
internal sealed class GalleryProgress
{
    private const int BarId = 1;
    private const string Activity = "Export-MjGallery";
    private readonly ICommandOutput _output;
    private readonly string _what;
    private readonly int _total;
    private readonly int _every;
    private int _done;

    /// <summary>Creates the bar for <paramref name="total"/> items of <paramref name="what"/>.</summary>
    public GalleryProgress(ICommandOutput output, string what, int total)
    {
        _output = output;
        _what = what;
        _total = total;
        _every = Math.Max(1, total / 100);
    }

    /// <summary>One more item is done.</summary>
    public void Step()
    {
        var done = Interlocked.Increment(ref _done);
        if (done % _every == 0 || done == _total)
        {
            _output.WriteProgress(new MjProgress(BarId, Activity, $"{_what}: {done} of {_total}") { PercentComplete = done * 100 / _total });
        }
    }

    /// <summary>Removes the bar.</summary>
    public void Complete() => _output.WriteProgress(new MjProgress(BarId, Activity, _what + ": done") { Completed = true });
}
