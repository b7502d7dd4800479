using System;
using System.Collections.Generic;

namespace Midjourney.HelpBuilder;

/// <summary>
/// Turns the type names of the markdown (the CLR's short names, as the compiled cmdlets have them: <c>Int32</c>,
/// <c>Nullable`1[Int32]</c>, <c>String[]</c>) into the names PowerShell itself shows in <c>Get-Command -Syntax</c>
/// (<c>int</c>, <c>int</c>, <c>string[]</c>), for SYNTAX and the parameter headings of Get-Help.
/// </summary>
public static class PowerShellTypeNames
{
    // PowerShell's built-in type accelerators for the types a cmdlet parameter can have, as Get-Command -Syntax
    // writes them. Object stays Object (PowerShell shows <Object[]>), and SwitchParameter stays as it is: Get-Help's
    // own heading for a switch is -Name [<SwitchParameter>].
    private static readonly Dictionary<string, string> Accelerators = new(StringComparer.Ordinal)
    {
        ["String"] = "string",
        ["Char"] = "char",
        ["Boolean"] = "bool",
        ["Byte"] = "byte",
        ["SByte"] = "sbyte",
        ["Int16"] = "short",
        ["UInt16"] = "ushort",
        ["Int32"] = "int",
        ["UInt32"] = "uint",
        ["Int64"] = "long",
        ["UInt64"] = "ulong",
        ["Single"] = "float",
        ["Double"] = "double",
        ["Decimal"] = "decimal",
        ["DateTime"] = "datetime",
        ["TimeSpan"] = "timespan",
        ["Guid"] = "guid",
        ["Uri"] = "uri",
        ["Version"] = "version",
        ["Hashtable"] = "hashtable",
        ["ScriptBlock"] = "scriptblock",
        ["SecureString"] = "securestring",
        ["PSCredential"] = "pscredential",
        ["PSObject"] = "psobject",
    };

    /// <summary>The name PowerShell shows for <paramref name="type"/>; a name it does not shorten is returned as it is.</summary>
    public static string Of(string type)
    {
        var name = (type ?? string.Empty).Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return Of(name.Substring(0, name.Length - 2)) + "[]";
        }

        // A nullable value shows as its value type: [-Stylize <int>].
        const string nullable = "Nullable`1[";
        if (name.StartsWith(nullable, StringComparison.Ordinal) && name.EndsWith("]", StringComparison.Ordinal))
        {
            return Of(name.Substring(nullable.Length, name.Length - nullable.Length - 1));
        }

        return Accelerators.TryGetValue(name, out var accelerator) ? accelerator : name;
    }
}
