using System;
using System.Linq;
using System.Management.Automation;

namespace Midjourney.PowerShell.Completers;

/// <summary>
/// Lets -Connection take a registered server's URL (what Tab completes) as well as an MjConnection:
/// <c>-Connection http://127.0.0.1:8080/</c> finds the connection Connect-MjServer made for it.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MjConnectionTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is string or Uri)
        {
            return Find(value) ?? throw new ArgumentTransformationMetadataException(
                $"No connection to '{value}' is registered. Run Connect-MjServer -Uri {value} first, or Get-MjServer to list the connections.");
        }

        if (value is object[] list && list.Any(i => (i is PSObject p ? p.BaseObject : i) is string or Uri))
        {
            // -Connection $a, 'http://host/' (Invoke-MjBatch takes several).
            return list.Select(i => Transform(engineIntrinsics, i)).ToArray();
        }

        return inputData;
    }

    /// <summary>The registered connection for a URL given as text or Uri; null when there is none.</summary>
    internal static MjConnection? Find(object? value)
    {
        var uri = value as Uri;
        if (uri is null && value is string text && !Uri.TryCreate(text.Trim(), UriKind.Absolute, out uri))
        {
            return null;
        }

        return uri is null ? null : MjSession.Current.ForServer(uri);
    }
}
