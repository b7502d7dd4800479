using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Midjourney.PowerShell.Binding;

/// <summary>
/// Blank text means "not given": an empty CSV cell binds as null instead of failing to convert to a number.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BlankAsNullAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
    }
}

/// <summary>
/// Blank text binds as the given value (an empty CSV cell for an enum such as -Mode).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BlankAsAttribute : ArgumentTransformationAttribute
{
    /// <summary>Creates the attribute.</summary>
    public BlankAsAttribute(object value) => Value = value;

    /// <summary>What a blank binds as.</summary>
    public object Value { get; }

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        return value is string text && string.IsNullOrWhiteSpace(text) ? Value : inputData;
    }
}

/// <summary>
/// A list from one text: "a;b" binds as two values, so a CSV column fills a string[] parameter. Blank text means not given.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SplitListAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        var items = value switch
        {
            null => null,
            string text => new[] { text },
            IEnumerable list => list.Cast<object?>().Select(o => (o is PSObject p ? p.BaseObject : o)?.ToString()).ToArray(),
            _ => null,
        };
        if (items is null)
        {
            return inputData;
        }

        var split = items.Where(i => i is not null).SelectMany(i => i!.Split(';')).Select(i => i.Trim()).Where(i => i.Length > 0).ToArray();

        // A blank cell is "not given" (null); an empty array given on purpose stays empty (-Personalize @() is --p).
        return split.Length == 0 && value is string ? null : split;
    }
}

/// <summary>
/// A switch from text: "true", "yes", "1", "on" set it; "false", "no", "0", "off" and blank clear it. PowerShell
/// alone would take any non-empty text, "False" included, as true. Other text is passed on unchanged, which PowerShell
/// refuses to bind to a switch: on the command line that is its error; for a CSV cell the cmdlet reports the row and
/// column (see <see cref="CsvCells"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SwitchTextAttribute : ArgumentTransformationAttribute
{
    private static readonly HashSet<string> True = new(StringComparer.OrdinalIgnoreCase) { "true", "yes", "y", "1", "on", "$true" };
    private static readonly HashSet<string> False = new(StringComparer.OrdinalIgnoreCase) { "false", "no", "n", "0", "off", "$false", "" };

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        return TryParse(text, out var on) ? new SwitchParameter(on) : inputData;
    }

    /// <summary>True when <paramref name="text"/> is one of the words for true or false (blank is false).</summary>
    internal static bool TryParse(string text, out bool value)
    {
        text = text.Trim();
        value = True.Contains(text);
        return value || False.Contains(text);
    }
}
