using System;
using System.Collections.Generic;
using System.Reflection;

namespace Midjourney.PowerShell.Loading;

/// <summary>
/// Loads dependency files: on .NET (PowerShell 7) into one AssemblyLoadContext named after the module, built by
/// reflection because netstandard2.0 has no such type; on .NET Framework (Windows PowerShell 5.1) with LoadFrom.
/// Each file is loaded once.
/// </summary>
internal sealed class IsolatedLoader
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.OrdinalIgnoreCase);
    private readonly object? _context;
    private readonly MethodInfo? _loadFromPath;

    /// <summary>Creates the loader; on .NET it creates the load context.</summary>
    public IsolatedLoader(string contextName)
    {
        var contextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader", throwOnError: false)
            ?? Type.GetType("System.Runtime.Loader.AssemblyLoadContext", throwOnError: false);
        var constructor = contextType?.GetConstructor(new[] { typeof(string), typeof(bool) });
        if (contextType is not null && constructor is not null)
        {
            _context = constructor.Invoke(new object[] { contextName, false });
            _loadFromPath = contextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
        }
    }

    /// <summary>True when running on .NET with a load context (false on .NET Framework).</summary>
    public bool UsesLoadContext => _context is not null && _loadFromPath is not null;

    /// <summary>Loads (once) the assembly at <paramref name="path"/>.</summary>
    public Assembly Load(string path)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(path, out var assembly))
            {
                return assembly;
            }

            assembly = UsesLoadContext
                ? (Assembly)_loadFromPath!.Invoke(_context, new object[] { path })!
                : Assembly.LoadFrom(path);
            _loaded[path] = assembly;
            return assembly;
        }
    }
}
