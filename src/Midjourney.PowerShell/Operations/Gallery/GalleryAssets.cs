using System.IO;

namespace Midjourney.PowerShell.Operations.Gallery;

/// <summary>The page's own stylesheet and script (embedded in the module), written beside index.html.</summary>
internal static class GalleryAssets
{
    /// <summary>The page's file name.</summary>
    public const string PageName = "index.html";

    /// <summary>The stylesheet's file name.</summary>
    public const string StyleName = "gallery.css";

    /// <summary>The script's file name.</summary>
    public const string ScriptName = "gallery.js";

    /// <summary>Writes gallery.css and gallery.js into <paramref name="folder"/> (replacing older copies).</summary>
    public static void Write(string folder)
    {
        foreach (var name in new[] { StyleName, ScriptName })
        {
            using var resource = typeof(GalleryAssets).Assembly.GetManifestResourceStream("Midjourney.Gallery." + name)
                ?? throw new FileNotFoundException($"The module lacks its embedded {name}; reinstall the module.", name);
            using var file = new FileStream(Path.Combine(folder, name), FileMode.Create, FileAccess.Write, FileShare.None);
            resource.CopyTo(file);
        }
    }
}
