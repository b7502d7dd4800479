using System;
using System.IO;
using System.Management.Automation;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>The pipeline object of a <see cref="SavedFile"/>: the provider's file object with TaskId, Tile and Kind.</summary>
internal static class SavedFileObject
{
    /// <summary>
    /// The file as the file-system provider gives it (Get-Item's object, with PSPath, so it pipes to Copy-Item by
    /// literal path), plus TaskId, Tile and Kind and the type name of its view. Runs on the pipeline thread.
    /// </summary>
    public static PSObject Of(SavedFile saved, ProviderIntrinsics provider)
    {
        PSObject item;
        try
        {
            var items = provider.Item.Get(new[] { saved.File.FullName }, true, true);
            item = items.Count == 1 ? items[0] : PSObject.AsPSObject(saved.File);
        }
        catch (Exception e) when (e is ItemNotFoundException or ProviderInvocationException or UnauthorizedAccessException or IOException)
        {
            // Gone or unreadable since it was written: still tell what was written.
            item = PSObject.AsPSObject(saved.File);
        }

        item.Properties.Add(new PSNoteProperty("TaskId", saved.TaskId));
        item.Properties.Add(new PSNoteProperty("Tile", saved.TileNumber));
        item.Properties.Add(new PSNoteProperty("Kind", saved.Kind));
        item.TypeNames.Insert(0, SavedFile.TypeName);
        return item;
    }
}
