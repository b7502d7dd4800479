using System;
using System.IO;

namespace Midjourney.PowerShell.Tests.Packaging;

/// <summary>Paths of the repository's packaging sources, found by walking up from the test assembly to Midjourney.slnx.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Midjourney.slnx")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Midjourney.slnx not found above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    public static string Manifest => Path.Combine(Root, "src", "Midjourney.PowerShell", "Midjourney.psd1");

    /// <summary>The repository root's stand-in manifest, which only explains what to import.</summary>
    public static string RootManifest => Path.Combine(Root, "Midjourney.psd1");

    public static string FormatFile => Path.Combine(Root, "src", "Midjourney.PowerShell", "Midjourney.Format.ps1xml");

    public static string BuildScript => Path.Combine(Root, "build.ps1");

    public static string Docs => Path.Combine(Root, "docs", "en-US");

    public static string ModuleAssetsFile => Path.Combine(Root, "src", "Midjourney.PowerShell", "obj", "project.assets.json");

    public static string Read(string path) => File.ReadAllText(path);
}
