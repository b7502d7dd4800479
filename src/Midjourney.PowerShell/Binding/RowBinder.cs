using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Binding;

/// <summary>
/// Binds one input row (a CSV row, a hashtable or a plain prompt string) onto a cmdlet instance the way PowerShell
/// binds ValueFromPipelineByPropertyName: the same parameters, their own transformation attributes
/// (<see cref="BlankAsNullAttribute"/>, <see cref="SplitListAttribute"/>, <see cref="SwitchTextAttribute"/>…),
/// then PowerShell's own conversion. Invoke-MjBatch uses it so a batch row means exactly what New-MjImagine makes of it.
/// </summary>
internal static class RowBinder
{
    /// <summary>
    /// Sets on <paramref name="target"/> every parameter a column names; a string row is the prompt. Returns the
    /// columns that named no parameter. Throws <see cref="InvalidInputException"/> for a value that does not convert.
    /// </summary>
    public static IReadOnlyList<string> Bind(object row, PSCmdlet target, string promptParameter, ICollection<string> reserved)
    {
        var parameters = Parameters(target.GetType());
        var value = row is PSObject wrapped ? wrapped.BaseObject : row;
        if (value is string text)
        {
            Set(target, parameters[promptParameter], promptParameter, text);
            return Array.Empty<string>();
        }

        var unknown = new List<string>();
        foreach (var (name, cell) in Columns(row))
        {
            if (parameters.TryGetValue(name, out var property))
            {
                Set(target, property, name, cell);
            }
            else if (!reserved.Contains(name))
            {
                unknown.Add(name);
            }
        }

        return unknown;
    }

    /// <summary>The names and values of a row's columns (properties, or keys of a dictionary).</summary>
    public static IEnumerable<(string Name, object? Value)> Columns(object row)
    {
        var value = row is PSObject wrapped ? wrapped.BaseObject : row;
        if (value is IDictionary dictionary)
        {
            return dictionary.Keys.Cast<object>().Select(k => (Name: k.ToString() ?? string.Empty, Value: (object?)dictionary[k]));
        }

        return PSObject.AsPSObject(row).Properties.Select(p => (Name: p.Name, Value: (object?)p.Value));
    }

    /// <summary>The parameters that bind by property name, by name and alias, case-insensitively.</summary>
    private static Dictionary<string, PropertyInfo> Parameters(Type type)
    {
        var map = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var attributes = property.GetCustomAttributes<ParameterAttribute>().ToList();
            if (attributes.Any(a => a.ValueFromPipelineByPropertyName) || property.Name == "Prompt")
            {
                map[property.Name] = property;
                foreach (var alias in property.GetCustomAttributes<AliasAttribute>().SelectMany(a => a.AliasNames))
                {
                    map[alias] = property;
                }
            }
        }

        return map;
    }

    /// <summary>
    /// The first cell of <paramref name="row"/> that names a parameter of <paramref name="target"/> (not
    /// <paramref name="boundElsewhere"/>) and cannot be taken
    /// ("column 'Stylize' has 'abc', which is not a whole number."), or null. PowerShell's own binding of pipeline input
    /// by property name leaves such a cell out without a word; the cmdlet asks this first.
    /// </summary>
    public static string? Problem(object row, Type target, Func<string, bool> boundElsewhere)
    {
        var value = row is PSObject wrapped ? wrapped.BaseObject : row;
        if (value is string)
        {
            return null;
        }

        var parameters = Parameters(target);
        foreach (var (name, cell) in Columns(row))
        {
            // A parameter given on the command line wins over the column, whatever the cell holds.
            if (parameters.TryGetValue(name, out var property) && !boundElsewhere(property.Name) && !CsvCells.TryConvert(name, cell, property, out _, out var problem))
            {
                return problem;
            }
        }

        return null;
    }

    private static void Set(PSCmdlet target, PropertyInfo property, string column, object? cell)
    {
        if (!CsvCells.TryConvert(column, cell, property, out var converted, out var problem))
        {
            throw new InvalidInputException(problem!, cell);
        }

        if (converted is null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
        {
            return; // a blank cell leaves a switch or an enum at its default
        }

        property.SetValue(target, converted);
    }
}
