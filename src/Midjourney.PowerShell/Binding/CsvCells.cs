using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Midjourney.PowerShell.Binding;

/// <summary>
/// One CSV cell bound to a typed parameter: the value it makes, or what is wrong with it in plain words. Invoke-MjBatch
/// (through <see cref="RowBinder"/>) and New-MjImagine's pipeline input say the same thing about a bad cell, never
/// .NET's conversion text.
/// </summary>
internal static class CsvCells
{
    /// <summary>
    /// Converts <paramref name="cell"/> for <paramref name="property"/> through its transformation attributes, as
    /// PowerShell binds it; false with <paramref name="problem"/> ("column 'Stylize' has 'abc', which is not a whole
    /// number") when it cannot be taken.
    /// </summary>
    public static bool TryConvert(string column, object? cell, PropertyInfo property, out object? value, out string? problem)
    {
        value = null;
        problem = null;
        try
        {
            object? transformed = cell;
            foreach (var transformation in property.GetCustomAttributes<ArgumentTransformationAttribute>())
            {
                transformed = transformation.Transform(null!, transformed);
            }

            var inner = transformed is PSObject ps ? ps.BaseObject : transformed;
            if (property.PropertyType == typeof(SwitchParameter) && inner is string text && !SwitchTextAttribute.TryParse(text, out _))
            {
                // PowerShell would take any text as true; only the words of SwitchText mean anything.
                problem = Describe(column, cell, property.PropertyType);
                return false;
            }

            value = transformed is null ? null : LanguagePrimitives.ConvertTo(transformed, property.PropertyType, CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is PSInvalidCastException or ArgumentTransformationMetadataException or InvalidCastException or FormatException or ArgumentException or OverflowException)
        {
            problem = Describe(column, cell, property.PropertyType);
            return false;
        }
    }

    /// <summary>What is wrong with a cell, in one plain clause: "column 'Mode' has 'Sometimes', which is not one of Default, Fast, Relax, Turbo".</summary>
    public static string Describe(string column, object? cell, Type type) =>
        $"column '{column}' has '{Text(cell)}', which is not {Takes(type)}.";

    /// <summary>What a parameter of <paramref name="type"/> takes, in words.</summary>
    public static string Takes(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner == typeof(SwitchParameter) || inner == typeof(bool))
        {
            return "true or false (write true, false, yes, no, 1 or 0; blank is false)";
        }

        if (inner.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(inner));
        }

        if (inner == typeof(int) || inner == typeof(long) || inner == typeof(short) || inner == typeof(byte) || inner == typeof(uint) || inner == typeof(ulong))
        {
            return "a whole number";
        }

        if (inner == typeof(double) || inner == typeof(float) || inner == typeof(decimal))
        {
            return "a number (with a dot for decimals, such as 0.5)";
        }

        return "a value of this column";
    }

    private static string Text(object? cell)
    {
        var value = cell is PSObject ps ? ps.BaseObject : cell;
        return value is System.Collections.IEnumerable list and not string
            ? string.Join(";", list.Cast<object?>().Select(Text))
            : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
