using System;
using System.Collections.Generic;
using System.Reflection;

namespace Midjourney.PowerShell.Loading;

/// <summary>
/// Loads dependency files: on .NET (PowerShell 7) into one AssemblyLoadContext named after the module, built by
/// reflection because netstandard2.0 has no such type; on .NET Framework (Windows PowerShell 5.1) with LoadFrom.
/// Each file is loaded once. Native libraries asked for by assemblies of the context are answered by
/// <see cref="ResolveNative"/> when one is set.
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
            SubscribeNativeResolution(contextType);
        }
    }

    /// <summary>True when running on .NET with a load context (false on .NET Framework).</summary>
    public bool UsesLoadContext => _context is not null && _loadFromPath is not null;

    /// <summary>Maps a native library name to a file path (or null); used by the load context on .NET.</summary>
    public Func<string, string?>? ResolveNative { get; set; }

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

    // AssemblyLoadContext.ResolvingUnmanagedDll (Func<Assembly, string, IntPtr>) and NativeLibrary.Load(string)
    // exist on .NET Core 3.0+; both are reached by reflection from netstandard2.0.
    private void SubscribeNativeResolution(Type contextType)
    {
        var resolvingEvent = contextType.GetEvent("ResolvingUnmanagedDll");
        var nativeLoad = Type.GetType("System.Runtime.InteropServices.NativeLibrary", throwOnError: false)
            ?.GetMethod("Load", new[] { typeof(string) });
        if (resolvingEvent?.EventHandlerType is null || nativeLoad is null)
        {
            return;
        }

        Func<Assembly, string, IntPtr> handler = (_, name) =>
        {
            var path = ResolveNative?.Invoke(name);
            return path is null ? IntPtr.Zero : (IntPtr)nativeLoad.Invoke(null, new object[] { path })!;
        };
        resolvingEvent.AddEventHandler(_context, Delegate.CreateDelegate(resolvingEvent.EventHandlerType, handler.Target, handler.Method));
    }
}
