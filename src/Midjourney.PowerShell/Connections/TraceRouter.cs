using System;
using System.Threading;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Connections;

/// <summary>
/// Routes the client's trace lines (method, path, status; never the key) to the verbose stream of the command
/// whose async flow made the request. Connections outlive commands, so the sink is an <see cref="AsyncLocal{T}"/>.
/// </summary>
internal static class TraceRouter
{
    private static readonly AsyncLocal<ICommandOutput?> Current = new();

    /// <summary>Sends trace lines of the current async flow to <paramref name="output"/> until disposed.</summary>
    public static IDisposable Attach(ICommandOutput output)
    {
        var previous = Current.Value;
        Current.Value = output;
        return new Detach(previous);
    }

    /// <summary>
    /// The client's trace hook; called from any thread. A line never breaks a request: when the command whose flow a
    /// shared poll borrowed is stopping or has just ended (PowerShell's PipelineStoppedException, a closed output),
    /// the line is dropped; otherwise the poll of every runspace's waits would fail with it.
    /// </summary>
    public static void Write(string line)
    {
        try
        {
            Current.Value?.WriteVerbose(line);
        }
#pragma warning disable CA1031 // a trace line is never worth a failed request
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed class Detach : IDisposable
    {
        private readonly ICommandOutput? _previous;

        public Detach(ICommandOutput? previous) => _previous = previous;

        public void Dispose() => Current.Value = _previous;
    }
}
