using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace Midjourney.PowerShell.Loading;

/// <summary>
/// Which files of the <c>dependencies/</c> folder answer which assembly requests: by simple name, ignoring version,
/// culture and key (a runtime binding redirect). Names not in the folder get no answer.
/// </summary>
internal sealed class DependencyMap
{
    /// <summary>The folder's name, next to Midjourney.PowerShell.dll.</summary>
    public const string FolderName = "dependencies";

    private readonly Dictionary<string, string> _paths = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the map from the dll files of a folder.</summary>
    public DependencyMap(IEnumerable<string> dllPaths)
    {
        foreach (var path in dllPaths)
        {
            if (string.Equals(Path.GetExtension(path), ".dll", StringComparison.OrdinalIgnoreCase))
            {
                _paths[Path.GetFileNameWithoutExtension(path)] = path;
            }
        }
    }

    /// <summary>The number of dlls.</summary>
    public int Count => _paths.Count;

    /// <summary>The map of the <c>dependencies/</c> folder next to <paramref name="moduleAssemblyPath"/> (empty when missing).</summary>
    public static DependencyMap ForModule(string moduleAssemblyPath)
    {
        var folder = Path.Combine(Path.GetDirectoryName(moduleAssemblyPath) ?? ".", FolderName);
        return new DependencyMap(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.dll") : Array.Empty<string>());
    }

    /// <summary>The file for an assembly request (<c>Name, Version=..., Culture=..., PublicKeyToken=...</c>), or null.</summary>
    public string? PathFor(string? assemblyFullName)
    {
        if (string.IsNullOrWhiteSpace(assemblyFullName))
        {
            return null;
        }

        AssemblyName name;
        try
        {
            name = new AssemblyName(assemblyFullName);
        }
        catch (Exception e) when (e is ArgumentException or FileLoadException)
        {
            return null;
        }

        // Satellite (resource) assemblies are never ours to answer.
        if (name.Name is null || name.Name.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return _paths.TryGetValue(name.Name, out var path) ? path : null;
    }
}
