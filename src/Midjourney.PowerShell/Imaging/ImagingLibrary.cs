using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Midjourney.PowerShell.Loading;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Imaging;

/// <summary>
/// SkiaSharp's native library, which only the image cmdlets need: telling that it cannot be loaded here, and what the
/// user adds to make pictures work (the module ships it for the platforms the Gallery package carries).
/// </summary>
internal static class ImagingLibrary
{
    private const string Library = "libSkiaSharp";

    /// <summary>True when <paramref name="exception"/>, or one it wraps (a type initializer's), says the native library did not load.</summary>
    public static bool IsMissing(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The module's error for a library that did not load: what is missing for this platform, and where to put it.</summary>
    public static ImagingUnavailableException Unavailable(Exception exception)
    {
        var folder = ModuleInitializer.DependencyFolder;
        var rid = NativeLibraries.RuntimeIds()[0];
        var present = NativeLibraries.PathFor(folder, Library);
        var shipped = NativeLibraries.Shipped(folder, Library);
        var message = present is null
            ? $"Pictures need SkiaSharp's native library {Library}, and this module has none for {rid} (it ships it for {(shipped.Count == 0 ? "no platform" : string.Join(", ", shipped))}). Everything else in the module works here."
            : $"Pictures need SkiaSharp's native library {Library}, and {present} did not load on {rid}: {exception.GetBaseException().Message.Trim()} Everything else in the module works here.";
        var target = Path.Combine(folder, "runtimes", rid, "native");
        var advice = $"Copy {FileName()} from runtimes/{rid}/native in the NuGet package {PackageFor(rid)} {SkiaVersion(folder)} to {target} "
            + "(or to a folder the system loads libraries from), then start a new PowerShell session.";
        return new ImagingUnavailableException(message, advice, exception);
    }

    private static string FileName() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? Library + ".dll"
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? Library + ".dylib"
        : Library + ".so";

    private static string PackageFor(string rid) =>
        rid.StartsWith("win", StringComparison.Ordinal) ? "SkiaSharp.NativeAssets.Win32"
        : rid.StartsWith("osx", StringComparison.Ordinal) ? "SkiaSharp.NativeAssets.macOS"
        : "SkiaSharp.NativeAssets.Linux.NoDependencies";

    // The native library must be the version of the managed SkiaSharp.dll beside it (3.119.4.0 -> 3.119.4).
    private static string SkiaVersion(string folder)
    {
        try
        {
            var version = FileVersionInfo.GetVersionInfo(Path.Combine(folder, "SkiaSharp.dll")).FileVersion ?? string.Empty;
            return string.Join(".", version.Split('.').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "(the version of dependencies/SkiaSharp.dll)";
        }
    }
}
