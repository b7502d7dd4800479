using System;
using System.Linq;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// How a bad CSV row is named, the same in Invoke-MjBatch and in Import-Csv | New-MjImagine: "Row 3, column 'Stylize'
/// has 'abc', which is not a whole number." or "Row 3, column 'Stylize': --s 5000 is out of range…".
/// </summary>
internal static class CsvRowText
{
    /// <summary><paramref name="message"/> about row <paramref name="row"/>: "Row 3, column …" when it names its column, else "Row 3: …".</summary>
    public static string Name(int row, string message) =>
        message.StartsWith("column '", StringComparison.Ordinal) ? $"Row {row}, {message}" : $"Row {row}: {message}";

    /// <summary>
    /// A prompt check of a CSV row, told by its column when the problem is in a typed column (Stylize holds 5000):
    /// "column 'Stylize': --s 5000 is out of range…"; other problems (in the prompt text itself) as they are.
    /// </summary>
    public static Exception ByColumn(MjPromptException e, MjPromptParameters given, string prompt)
    {
        if (e.Problems.Count == 1 && e.Problems[0].Flag is { } flag && MjParameterTable.Find(flag.TrimStart('-')) is { } parameter
            && typeof(MjPromptParameters).GetProperty(parameter.Property)?.GetValue(given) is { } value && !(value is System.Collections.ICollection { Count: 0 }))
        {
            return new InvalidInputException($"column '{parameter.Property}': {e.Message}", prompt, MjErrorCategory.InvalidArgument, e);
        }

        return e;
    }
}
