using System;
using System.IO;
using System.Linq;

namespace Midjourney.Client.Tests.Downloads;

/// <summary>A fresh root folder with the download target two levels down, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "mj-dl-" + Guid.NewGuid().ToString("N"));
        Target = Path.Combine(Root, "a", "b", "downloads");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Target { get; }

    /// <summary>Every file anywhere under the root, relative to it, with '/' separators.</summary>
    public string[] AllFiles() => Directory.Exists(Root)
        ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray()
        : Array.Empty<string>();

    /// <summary>File names in the target folder, sorted.</summary>
    public string[] TargetFiles() => Directory.Exists(Target)
        ? Directory.GetFiles(Target).Select(f => Path.GetFileName(f)!).OrderBy(f => f, StringComparer.Ordinal).ToArray()
        : Array.Empty<string>();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
