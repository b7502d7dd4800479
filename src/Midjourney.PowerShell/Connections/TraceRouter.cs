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

    /// <summary>The client's trace hook; called from any thread.</summary>
    public static void Write(string line) => Current.Value?.WriteVerbose(line);

    private sealed class Detach : IDisposable
    {
        private readonly ICommandOutput? _previous;

        public Detach(ICommandOutput? previous) => _previous = previous;

        public void Dispose() => Current.Value = _previous;
    }
}
