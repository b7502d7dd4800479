using System;

namespace Midjourney.Client;

/// <summary>
/// A generated <c>state</c> that makes a submit findable in the server's task list if its answer is lost.
/// </summary>
internal static class RecoveryTag
{
    public const string Prefix = "mjc-";

    public static string New() => Prefix + Guid.NewGuid().ToString("N").Substring(0, 16);
}
