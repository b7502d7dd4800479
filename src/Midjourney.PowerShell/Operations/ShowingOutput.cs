using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// Wait-MjTask -Show: passes everything through and, when a successful task with an image is emitted, starts drawing
/// it in the terminal at once (while other tasks are still waited for). <see cref="CompleteAsync"/> waits for the drawings.
/// </summary>
internal sealed class ShowingOutput : ICommandOutput
{
    private readonly ICommandOutput _inner;
    private readonly ShowImageOperation _show;
    private readonly ShowImageOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Task> _drawings = new();
    private readonly object _gate = new();
    private Task _last = Task.CompletedTask;

    /// <summary>Creates the output.</summary>
    public ShowingOutput(ICommandOutput inner, ShowImageOperation show, ShowImageOptions options, CancellationToken cancellationToken)
    {
        _inner = inner;
        _show = show;
        _options = options;
        _cancellationToken = cancellationToken;
    }

    /// <inheritdoc />
    public void WriteObject(object value)
    {
        _inner.WriteObject(value);
        if (value is MjTask { Status: MjTaskStatus.Success } task && !string.IsNullOrEmpty(task.ImageUrl))
        {
            lock (_gate)
            {
                // One drawing after another, so two pictures never interleave on the screen.
                var previous = _last;
                _last = DrawAfterAsync(previous, task);
                _drawings.Add(_last);
            }
        }
    }

    /// <inheritdoc />
    public void WriteError(MjCommandError error) => _inner.WriteError(error);

    /// <inheritdoc />
    public void WriteWarning(string text) => _inner.WriteWarning(text);

    /// <inheritdoc />
    public void WriteModalWarning(ModalNotice notice) => _inner.WriteModalWarning(notice);

    /// <inheritdoc />
    public void WriteVerbose(string text) => _inner.WriteVerbose(text);

    /// <inheritdoc />
    public void WriteProgress(MjProgress progress) => _inner.WriteProgress(progress);

    /// <inheritdoc />
    public Task<bool> ShouldProcessAsync(string target, string action) => _inner.ShouldProcessAsync(target, action);

    /// <summary>Waits until every started drawing is written.</summary>
    public Task CompleteAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_drawings);
        }
    }

    private async Task DrawAfterAsync(Task previous, MjTask task)
    {
        await previous.ConfigureAwait(false);
        await _show.DrawAsync(task, _options, _inner, _cancellationToken).ConfigureAwait(false);
    }
}
