using System;
using System.Management.Automation;
using System.Reflection;

namespace Midjourney.PowerShell.Loading;

/// <summary>
/// Registers, on Import-Module, the resolver that loads third-party dlls from the <c>dependencies/</c> folder
/// (practices §3.4), and removes it on Remove-Module.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly object Gate = new();
    private static DependencyMap? _map;
    private static IsolatedLoader? _loader;

    /// <inheritdoc />
    public void OnImport()
    {
        lock (Gate)
        {
            if (_map is not null)
            {
                return;
            }

            _map = DependencyMap.ForModule(typeof(ModuleInitializer).Assembly.Location);
            _loader ??= new IsolatedLoader("Midjourney"); // one context per process, even across re-imports
            var folder = DependencyFolder;
            _loader.ResolveNative = name => NativeLibraries.PathFor(folder, name);
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }
    }

    /// <inheritdoc />
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        lock (Gate)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            _map = null;
        }
    }

    /// <summary>The <c>dependencies/</c> folder next to the module's dll.</summary>
    internal static string DependencyFolder =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", DependencyMap.FolderName);

    private static Assembly? Resolve(object? sender, ResolveEventArgs args)
    {
        var path = _map?.PathFor(args.Name);
        var loader = _loader;
        if (path is null || loader is null)
        {
            return null;
        }

        var assembly = loader.Load(path);
        if (!loader.UsesLoadContext)
        {
            NativeLibraries.PreloadFor(assembly, DependencyFolder);
        }

        return assembly;
    }
}
