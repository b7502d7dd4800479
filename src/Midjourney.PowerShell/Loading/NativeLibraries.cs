using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Midjourney.PowerShell.Loading;

/// <summary>
/// Finds the native libraries shipped under <c>dependencies/runtimes/&lt;rid&gt;/native/</c> (SkiaSharp's
/// <c>libSkiaSharp</c>) for the running OS and processor, and loads them: on .NET through the module's load context
/// (its <c>ResolvingUnmanagedDll</c> event, since that context cannot be subclassed from netstandard2.0), on .NET
/// Framework by loading the file by path before the first call, so the runtime's own lookup by name finds it.
/// </summary>
internal static class NativeLibraries
{
    /// <summary>The runtime identifiers to look under, most specific first (e.g. linux-musl-x64, then linux-x64).</summary>
    public static string[] RuntimeIds()
    {
        var arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X86 => "x86",
            Architecture.Arm => "arm",
            Architecture.Arm64 => "arm64",
            _ => "x64",
        };
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return new[] { "win-" + arch };
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return new[] { "osx", "osx-" + arch };
        }

        return IsMusl() ? new[] { "linux-musl-" + arch, "linux-" + arch } : new[] { "linux-" + arch };
    }

    /// <summary>The file for a library name (<c>libSkiaSharp</c>, with or without extension) under <paramref name="dependencyFolder"/>, or null.</summary>
    public static string? PathFor(string dependencyFolder, string libraryName)
    {
        var name = Path.GetFileName(libraryName ?? string.Empty);
        if (name.Length == 0)
        {
            return null;
        }

        var candidates = new[] { name, name + ".dll", name + ".so", name + ".dylib", "lib" + name + ".so", "lib" + name + ".dylib" };
        foreach (var rid in RuntimeIds())
        {
            var folder = Path.Combine(dependencyFolder, "runtimes", rid, "native");
            foreach (var candidate in candidates)
            {
                var path = Path.Combine(folder, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    /// <summary>The runtime identifiers under <paramref name="dependencyFolder"/> that have <paramref name="libraryName"/>, sorted.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> Shipped(string dependencyFolder, string libraryName)
    {
        var runtimes = Path.Combine(dependencyFolder, "runtimes");
        if (!Directory.Exists(runtimes))
        {
            return Array.Empty<string>();
        }

        return Directory.GetDirectories(runtimes)
            .Where(rid => Directory.Exists(Path.Combine(rid, "native")) && Directory.GetFiles(Path.Combine(rid, "native"), libraryName + ".*").Length > 0)
            .Select(rid => Path.GetFileName(rid))
            .OrderBy(rid => rid, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// On .NET Framework (Windows PowerShell 5.1): loads the native libraries that <paramref name="assembly"/> calls
    /// before its first call, so <c>DllImport("libSkiaSharp")</c> finds the module already in the process.
    /// </summary>
    public static void PreloadFor(Assembly assembly, string dependencyFolder)
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || !string.Equals(assembly.GetName().Name, "SkiaSharp", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var path = PathFor(dependencyFolder, "libSkiaSharp");
        if (path is not null)
        {
            LoadLibrary(path);
        }
    }

    private static bool IsMusl()
    {
        try
        {
            return Directory.Exists("/lib") && Directory.GetFiles("/lib", "ld-musl-*.so.1").Length > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [DllImport("kernel32", CharSet = CharSet.Unicode, SetLastError = true)]
    private static extern IntPtr LoadLibrary(string path);
}
