using System;
using System.Threading;

namespace Midjourney.Client;

/// <summary>
/// A cancellation that fires when nothing happened for a while: <see cref="Restart"/> before every wait, and the
/// token is cancelled once the wait has lasted the idle timeout. Linked to the caller's token. Runs on a
/// <see cref="TimeProvider"/> so tests can move time instead of racing it.
/// </summary>
internal sealed class IdleTimer : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly ITimer _timer;
    private readonly TimeSpan _timeout;

    public IdleTimer(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
    {
        _timeout = timeout;
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = time.CreateTimer(state => Fire((CancellationTokenSource)state!), _source, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled by the caller's token or when the idle timeout ran out.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>True once the timeout (or the caller) cancelled the token.</summary>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <summary>Starts the idle timeout again from now.</summary>
    public void Restart() => _timer.Change(_timeout, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }

    private static void Fire(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended as the timer fired.
        }
    }
}
