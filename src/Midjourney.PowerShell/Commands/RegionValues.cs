using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Midjourney.PowerShell.Commands;

/// <summary>Turns -Region values into what the operations take: strings and dictionaries (PSCustomObject becomes a Hashtable).</summary>
internal static class RegionValues
{
    /// <summary>The plain values, or null when none are given.</summary>
    public static IList<object>? From(object[]? values)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        var plain = new List<object>(values.Length);
        foreach (var value in values)
        {
            var inner = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (inner is PSCustomObject && value is PSObject custom)
            {
                var table = new Hashtable(System.StringComparer.OrdinalIgnoreCase);
                foreach (var property in custom.Properties)
                {
                    table[property.Name] = property.Value is PSObject p ? p.BaseObject : property.Value;
                }

                plain.Add(table);
            }
            else
            {
                plain.Add(inner!);
            }
        }

        return plain;
    }
}
