using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// The <see cref="ICommandOutput"/> of a cmdlet: the operation (on the thread pool) adds messages, the pipeline
/// thread takes them and makes the real Write*/ShouldProcess calls (practices §3.5). No PowerShell types here.
/// </summary>
internal sealed class OutputQueue : ICommandOutput, IDisposable
{
    private readonly BlockingCollection<OutputMessage> _messages = new();
    private readonly CancellationToken _stopToken;
    private readonly CancellationTokenRegistration _registration;

    /// <summary>Creates a queue that closes when <paramref name="stopToken"/> is cancelled (Ctrl+C).</summary>
    public OutputQueue(CancellationToken stopToken)
    {
        _stopToken = stopToken;
        _registration = stopToken.Register(Complete);
    }

    /// <inheritdoc />
    public void WriteObject(object value) => Add(new OutputMessage(OutputKind.Object, value));

    /// <inheritdoc />
    public void WriteError(MjCommandError error) => Add(new OutputMessage(OutputKind.Error, error));

    /// <inheritdoc />
    public void WriteWarning(string text) => Add(new OutputMessage(OutputKind.Warning, text));

    /// <inheritdoc />
    public void WriteModalWarning(ModalNotice notice) => Add(new OutputMessage(OutputKind.ModalWarning, notice));

    /// <inheritdoc />
    public void WriteVerbose(string text) => Add(new OutputMessage(OutputKind.Verbose, text));

    /// <inheritdoc />
    public void WriteProgress(MjProgress progress) => Add(new OutputMessage(OutputKind.Progress, progress));

    /// <inheritdoc />
    public Task<bool> ShouldProcessAsync(string target, string action)
    {
        var message = new OutputMessage(OutputKind.ShouldProcess, new[] { target, action });
        _stopToken.Register(() => message.Answer!.TrySetCanceled());
        Add(message);
        return message.Answer!.Task;
    }

    /// <summary>The messages, as they come, until <see cref="Complete"/>; blocks the pipeline thread meanwhile.</summary>
    public IEnumerable<OutputMessage> Take() => _messages.GetConsumingEnumerable();

    /// <summary>No more messages: the operation ended or the pipeline is stopping.</summary>
    public void Complete()
    {
        try
        {
            _messages.CompleteAdding();
        }
        catch (ObjectDisposedException)
        {
            // Stopped after the cmdlet finished: nothing to close.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _registration.Dispose();
        _messages.Dispose();
    }

    private void Add(OutputMessage message)
    {
        try
        {
            _messages.Add(message, _stopToken);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // The pipeline is stopping: unwind the operation.
            throw new OperationCanceledException("The pipeline is stopping.", e, _stopToken);
        }
    }
}
