using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Reflection;

namespace Midjourney.PowerShell.Tests.Contract;

/// <summary>A custom attribute as compiled: its type name (e.g. <c>ValidateRangeAttribute</c>) and plain argument values.</summary>
/// <param name="TypeName">The attribute's short type name, with the <c>Attribute</c> suffix.</param>
/// <param name="Arguments">Constructor arguments: strings, numbers, booleans, enum numbers, type full names, or object?[] for arrays.</param>
/// <param name="NamedArguments">Named arguments by property name, converted the same way.</param>
public sealed record CompiledAttribute(string TypeName, IReadOnlyList<object?> Arguments, IReadOnlyDictionary<string, object?> NamedArguments)
{
    /// <summary>True when this is <paramref name="name"/> (with or without the <c>Attribute</c> suffix).</summary>
    public bool Is(string name) => TypeName == name || TypeName == name + "Attribute";
}

/// <summary>One <c>[Parameter]</c> attribute of a parameter: its set and binding flags.</summary>
/// <param name="Name">The parameter set, or <c>__AllParameterSets</c>.</param>
/// <param name="Mandatory">Mandatory in this set.</param>
/// <param name="Position">The position, or null when named only.</param>
/// <param name="ValueFromPipeline">Binds whole pipeline objects.</param>
/// <param name="ValueFromPipelineByPropertyName">Binds a pipeline object's property of the same name (or alias).</param>
public sealed record CompiledParameterSet(string Name, bool Mandatory, int? Position, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName)
{
    /// <summary>The name of the "every set" pseudo-set.</summary>
    public const string AllSets = "__AllParameterSets";
}

/// <summary>A cmdlet parameter as compiled.</summary>
/// <param name="Name">The property name, which is the parameter name.</param>
/// <param name="TypeName">The C# type as PowerShell shows it, e.g. <c>String[]</c>, <c>SwitchParameter</c>, <c>Nullable`1[Int32]</c> for a nullable value.</param>
/// <param name="TypeFullName">The full type name, e.g. <c>System.String[]</c>.</param>
/// <param name="Sets">One entry per <c>[Parameter]</c> attribute.</param>
/// <param name="Aliases">The <c>[Alias]</c> names.</param>
/// <param name="Attributes">Every other attribute written in source (validation, <c>[Credential]</c>, <c>[ArgumentCompleter]</c>, ...); compiler-generated ones are left out.</param>
/// <param name="DeclaringType">The class that declares it (a base class for shared parameters).</param>
public sealed record CompiledParameter(
    string Name,
    string TypeName,
    string TypeFullName,
    IReadOnlyList<CompiledParameterSet> Sets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<CompiledAttribute> Attributes,
    string DeclaringType)
{
    /// <summary>True for <c>SwitchParameter</c>.</summary>
    public bool IsSwitch => TypeFullName == "System.Management.Automation.SwitchParameter";

    /// <summary>The entry for a set (falls back to <c>__AllParameterSets</c>), or null when the parameter is not in it.</summary>
    public CompiledParameterSet? InSet(string setName) =>
        Sets.FirstOrDefault(s => s.Name == setName) ?? Sets.FirstOrDefault(s => s.Name == CompiledParameterSet.AllSets);

    /// <summary>The attribute named <paramref name="name"/>, or null.</summary>
    public CompiledAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Is(name));
}

/// <summary>A cmdlet class as compiled.</summary>
/// <param name="Verb">The <c>[Cmdlet]</c> verb.</param>
/// <param name="Noun">The <c>[Cmdlet]</c> noun.</param>
/// <param name="ClassName">The class name.</param>
/// <param name="FullClassName">The namespace-qualified class name.</param>
/// <param name="IsSealed">The class is sealed.</param>
/// <param name="IsPublic">The class is public.</param>
/// <param name="DefaultParameterSetName">The <c>[Cmdlet]</c> default set, or null.</param>
/// <param name="SupportsShouldProcess">-WhatIf/-Confirm.</param>
/// <param name="ConfirmImpact">The ConfirmImpact name (<c>Medium</c> when not set: the PowerShell default).</param>
/// <param name="HelpUri">The <c>[Cmdlet]</c> HelpUri, or null.</param>
/// <param name="OutputTypes">The full names of every <c>[OutputType]</c> type.</param>
/// <param name="Parameters">The parameters (properties with <c>[Parameter]</c>, inherited ones included).</param>
public sealed record CompiledCmdlet(
    string Verb,
    string Noun,
    string ClassName,
    string FullClassName,
    bool IsSealed,
    bool IsPublic,
    string? DefaultParameterSetName,
    bool SupportsShouldProcess,
    string ConfirmImpact,
    string? HelpUri,
    IReadOnlyList<string> OutputTypes,
    IReadOnlyList<CompiledParameter> Parameters)
{
    /// <summary>Verb-Noun.</summary>
    public string Name => $"{Verb}-{Noun}";

    /// <summary>The named parameter sets (without <c>__AllParameterSets</c>), in declaration order.</summary>
    public IReadOnlyList<string> ParameterSetNames =>
        Parameters.SelectMany(p => p.Sets).Select(s => s.Name).Where(n => n != CompiledParameterSet.AllSets).Distinct().ToList();

    /// <summary>The parameter named <paramref name="name"/> (ignoring case), or null.</summary>
    public CompiledParameter? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads the compiled Midjourney.PowerShell.dll with MetadataLoadContext (nothing is executed, and no
/// System.Management.Automation is loaded), so contract, manifest and help tests can compare it with their tables.
/// </summary>
public static class CompiledCmdlets
{
    private const string SmaNamespace = "System.Management.Automation";
    private static readonly Lazy<IReadOnlyList<CompiledCmdlet>> Default = new(() => Load(ModuleAssemblyPath));

    /// <summary>The module assembly next to the test assembly.</summary>
    public static string ModuleAssemblyPath => Path.Combine(AppContext.BaseDirectory, "Midjourney.PowerShell.dll");

    /// <summary>The PowerShellStandard reference assembly copied next to the tests (<c>sma/</c>).</summary>
    public static string SmaPath => Path.Combine(AppContext.BaseDirectory, "sma", "System.Management.Automation.dll");

    /// <summary>Every public cmdlet class of the module assembly (cached), ordered by name.</summary>
    public static IReadOnlyList<CompiledCmdlet> Load() => Default.Value;

    /// <summary>Every public cmdlet class of the assembly at <paramref name="assemblyPath"/>, ordered by name.</summary>
    public static IReadOnlyList<CompiledCmdlet> Load(string assemblyPath)
    {
        using var context = CreateContext(assemblyPath);
        var assembly = context.LoadFromAssemblyPath(assemblyPath);
        return assembly.GetTypes()
            .Select(type => (type, cmdlet: type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == SmaNamespace + ".CmdletAttribute")))
            .Where(pair => pair.cmdlet is not null)
            .Select(pair => ReadCmdlet(pair.type, pair.cmdlet!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The names and numbers of an enum of System.Management.Automation (e.g. <c>ErrorCategory</c>).</summary>
    public static IReadOnlyDictionary<string, long> SmaEnum(string typeName)
    {
        using var context = CreateContext(ModuleAssemblyPath);
        var sma = context.LoadFromAssemblyPath(SmaPath);
        var type = sma.GetType($"{SmaNamespace}.{typeName}", throwOnError: true)!;
        return type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => f.Name, f => System.Convert.ToInt64(f.GetRawConstantValue()));
    }

    /// <summary>The full names of the public types of the module assembly.</summary>
    public static IReadOnlyList<string> PublicTypeNames()
    {
        using var context = CreateContext(ModuleAssemblyPath);
        return context.LoadFromAssemblyPath(ModuleAssemblyPath).GetExportedTypes().Select(t => t.FullName!).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }

    private static MetadataLoadContext CreateContext(string assemblyPath)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(runtime, "*.dll"))
        {
            byName[Path.GetFileNameWithoutExtension(file)] = file;
        }

        // The module's own dependencies (client, Polly, ...) beside it; the runtime's copies win for framework names.
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!, "*.dll"))
        {
            byName.TryAdd(Path.GetFileNameWithoutExtension(file), file);
        }

        byName["System.Management.Automation"] = SmaPath;
        byName[Path.GetFileNameWithoutExtension(assemblyPath)] = Path.GetFullPath(assemblyPath);
        return new MetadataLoadContext(new PathAssemblyResolver(byName.Values), "System.Runtime");
    }

    private static CompiledCmdlet ReadCmdlet(Type type, CustomAttributeData cmdlet)
    {
        var named = Named(cmdlet);
        var outputTypes = type.GetCustomAttributesData()
            .Where(a => a.AttributeType.FullName == SmaNamespace + ".OutputTypeAttribute")
            .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten))
            .Select(v => v?.ToString() ?? string.Empty)
            .ToList();
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(ReadParameter)
            .Where(p => p is not null)
            .Select(p => p!)
            .ToList();
        return new CompiledCmdlet(
            Verb: (string)Convert(cmdlet.ConstructorArguments[0])!,
            Noun: (string)Convert(cmdlet.ConstructorArguments[1])!,
            ClassName: type.Name,
            FullClassName: type.FullName!,
            IsSealed: type.IsSealed,
            IsPublic: type.IsPublic,
            DefaultParameterSetName: named.TryGetValue("DefaultParameterSetName", out var set) ? (string?)set : null,
            SupportsShouldProcess: named.TryGetValue("SupportsShouldProcess", out var should) && (bool)should!,
            ConfirmImpact: named.TryGetValue("ConfirmImpact", out var impact) ? EnumName(cmdlet, "ConfirmImpact", impact) : "Medium",
            HelpUri: named.TryGetValue("HelpUri", out var help) ? (string?)help : null,
            OutputTypes: outputTypes,
            Parameters: parameters);
    }

    private static CompiledParameter? ReadParameter(PropertyInfo property)
    {
        var attributes = property.GetCustomAttributesData();
        var sets = attributes.Where(a => a.AttributeType.FullName == SmaNamespace + ".ParameterAttribute").Select(a =>
        {
            var named = Named(a);
            var position = named.TryGetValue("Position", out var p) ? (int)p! : int.MinValue;
            return new CompiledParameterSet(
                named.TryGetValue("ParameterSetName", out var s) ? (string)s! : CompiledParameterSet.AllSets,
                named.TryGetValue("Mandatory", out var m) && (bool)m!,
                position == int.MinValue ? null : position,
                named.TryGetValue("ValueFromPipeline", out var v) && (bool)v!,
                named.TryGetValue("ValueFromPipelineByPropertyName", out var b) && (bool)b!);
        }).ToList();
        if (sets.Count == 0)
        {
            return null;
        }

        var aliases = attributes.Where(a => a.AttributeType.FullName == SmaNamespace + ".AliasAttribute")
            .SelectMany(a => a.ConstructorArguments.SelectMany(Flatten)).Select(v => (string)v!).ToList();
        var others = attributes
            .Where(a => a.AttributeType.FullName is not (SmaNamespace + ".ParameterAttribute") and not (SmaNamespace + ".AliasAttribute"))
            .Where(a => a.AttributeType.Namespace != "System.Runtime.CompilerServices") // compiler-generated (NullableAttribute)
            .Select(a => new CompiledAttribute(a.AttributeType.Name, a.ConstructorArguments.Select(Convert).ToList(), Named(a)))
            .ToList();
        return new CompiledParameter(property.Name, ShortName(property.PropertyType), property.PropertyType.FullName!, sets, aliases, others, property.DeclaringType!.FullName!);
    }

    /// <summary>The name PowerShell's help shows: <c>Int32</c>, <c>String[]</c>, <c>Nullable`1[Int32]</c>.</summary>
    private static string ShortName(Type type) =>
        type.IsGenericType ? type.Name + "[" + string.Join(",", type.GetGenericArguments().Select(a => a.Name)) + "]" : type.Name;

    private static Dictionary<string, object?> Named(CustomAttributeData attribute) =>
        attribute.NamedArguments.ToDictionary(n => n.MemberName, n => Convert(n.TypedValue));

    private static object? Convert(CustomAttributeTypedArgument argument) => argument.Value switch
    {
        ReadOnlyCollection<CustomAttributeTypedArgument> items => items.Select(Convert).ToArray(),
        Type type => type.FullName,
        var value => value,
    };

    private static IEnumerable<object?> Flatten(CustomAttributeTypedArgument argument) =>
        Convert(argument) is object?[] items ? items : new[] { Convert(argument) };

    private static string EnumName(CustomAttributeData attribute, string member, object? value)
    {
        var enumType = attribute.NamedArguments.First(n => n.MemberName == member).TypedValue.ArgumentType;
        var field = enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(f => System.Convert.ToInt64(f.GetRawConstantValue()) == System.Convert.ToInt64(value));
        return field?.Name ?? value?.ToString() ?? string.Empty;
    }
}
