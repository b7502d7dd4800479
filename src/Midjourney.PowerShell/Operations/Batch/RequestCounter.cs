using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations.Batch;

/// <summary>
/// Passes everything through and counts the HTTP exchanges the client traces ("GET /mj/task/1/fetch -> 200 …") on
/// the batch's own flow, for the summary's request figure.
/// </summary>
internal sealed class RequestCounter : ICommandOutput
{
    private static readonly Regex Exchange = new(@"^[A-Z]+ /\S* -> \d{3} ", RegexOptions.CultureInvariant);
    private readonly ICommandOutput _inner;
    private long _requests;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public RequestCounter(ICommandOutput inner) => _inner = inner;

    /// <summary>Exchanges counted so far.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <inheritdoc />
    public void WriteVerbose(string text)
    {
        if (Exchange.IsMatch(text))
        {
            Interlocked.Increment(ref _requests);
        }

        _inner.WriteVerbose(text);
    }

    /// <inheritdoc />
    public void WriteObject(object value) => _inner.WriteObject(value);

    /// <inheritdoc />
    public void WriteError(MjCommandError error) => _inner.WriteError(error);

    /// <inheritdoc />
    public void WriteWarning(string text) => _inner.WriteWarning(text);

    /// <inheritdoc />
    public void WriteModalWarning(ModalNotice notice) => _inner.WriteModalWarning(notice);

    /// <inheritdoc />
    public void WriteProgress(MjProgress progress) => _inner.WriteProgress(progress);

    /// <inheritdoc />
    public Task<bool> ShouldProcessAsync(string target, string action) => _inner.ShouldProcessAsync(target, action);
}
