using System;

namespace Midjourney.Client;

/// <summary>
/// Internal: reading the response body failed part-way (reset, stall). Kept apart from IOExceptions of the
/// local file (disk full, access denied), which are not worth retrying.
/// </summary>
internal sealed class DownloadInterruptedException : Exception
{
    public DownloadInterruptedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
