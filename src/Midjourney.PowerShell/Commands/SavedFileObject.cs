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
        var item = Item(saved.File, provider);
        item.Properties.Add(new PSNoteProperty("TaskId", saved.TaskId));
        item.Properties.Add(new PSNoteProperty("Tile", saved.TileNumber));
        item.Properties.Add(new PSNoteProperty("Kind", saved.Kind));
        item.TypeNames.Insert(0, SavedFile.TypeName);
        return item;
    }

    /// <summary>
    /// The file as Get-Item gives it (PSPath, PSParentPath, the file-system view with its Directory header), so that
    /// a written file pipes to Copy-Item, Invoke-Item or Remove-Item by literal path. Runs on the pipeline thread.
    /// </summary>
    public static PSObject Item(FileInfo file, ProviderIntrinsics provider)
    {
        try
        {
            var items = provider.Item.Get(new[] { file.FullName }, true, true);
            return items.Count == 1 ? items[0] : PSObject.AsPSObject(file);
        }
        catch (Exception e) when (e is ItemNotFoundException or ProviderInvocationException or UnauthorizedAccessException or IOException)
        {
            // Gone or unreadable since it was written: still tell what was written.
            return PSObject.AsPSObject(file);
        }
    }
}
