using System;
using System.Threading;
using System.Threading.Tasks;

namespace Midjourney.Bench;

/// <summary>Samples the managed heap every 50 ms during a run: the process's peak working set cannot be reset between runs.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _peak;

    public MemorySampler() => _loop = LoopAsync();

    public long PeakHeapBytes => Interlocked.Read(ref _peak);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = GC.GetTotalMemory(false);
            if (now > _peak) Interlocked.Exchange(ref _peak, now);
            try
            {
                await Task.Delay(50, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
