using System.IO;

namespace Midjourney.Client;

/// <summary>A file a download wrote, and which of the task's URLs it holds (the module shows that as Kind and Tile).</summary>
internal sealed class DownloadedFile
{
    /// <summary>Creates the record.</summary>
    public DownloadedFile(FileInfo file, DownloadSource source, int index)
    {
        File = file;
        Source = source;
        Index = index;
    }

    /// <summary>The file written.</summary>
    public FileInfo File { get; }

    /// <summary>The task field its URL came from.</summary>
    public DownloadSource Source { get; }

    /// <summary>The 0-based position in a URL list (0 for the single fields).</summary>
    public int Index { get; }
}
