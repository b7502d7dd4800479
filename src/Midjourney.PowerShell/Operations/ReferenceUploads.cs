using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// Local files given as -Image, -StyleReference, -CharacterReference or -OmniReference: read and checked before
/// any request, uploaded once through <c>/mj/submit/upload-discord-images</c> (reference §2.11) when the first job
/// is sent, and replaced by the URLs the server gives. URLs and style codes pass as they are. Where the server has
/// no upload endpoint, -Image files go as data in <c>base64Array</c> (reference §2.2); a reference cannot.
/// </summary>
internal sealed class ReferenceUploads
{
    private readonly MjPromptParameters _parameters;
    private readonly IList<string> _images;
    private readonly List<string> _referenceFiles;
    private readonly List<string> _files;
    private readonly Dictionary<string, string> _data = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _urls;

    public ReferenceUploads(MjPromptParameters parameters, IList<string>? images = null)
    {
        _parameters = parameters;
        _images = images ?? new List<string>();
        _referenceFiles = All(parameters).Select(Target).Where(IsLocal).Distinct(StringComparer.Ordinal).ToList();
        _files = _referenceFiles.Concat(_images.Where(IsLocal)).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The -Image values to send, after <see cref="UploadAsync"/>: uploaded URLs, or data where the server cannot upload.</summary>
    public IList<string> Images { get; private set; } = new List<string>();

    /// <summary>Copies of the parameters with each local file as a stand-in URL, for checking before reading anything.</summary>
    public MjPromptParameters Placeholders() =>
        Replace(file => "https://upload.invalid/" + Uri.EscapeDataString(Path.GetFileName(file)));

    /// <summary>Reads every file and checks it is an image (PNG, JPEG, WebP, GIF); checks the other -Image values.</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        foreach (var image in _images.Where(i => !IsLocal(i)))
        {
            await ImageInputs.ReadAsync(image, "Image", cancellationToken).ConfigureAwait(false);
        }

        foreach (var file in _files)
        {
            _data[file] = await ImageInputs.ReadAsync(file, ParameterOf(file), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The parameters with local files replaced by uploaded URLs (and <see cref="Images"/> set); uploads once, on
    /// the first call.
    /// </summary>
    public async Task<MjPromptParameters> UploadAsync(MjClient client, CancellationToken cancellationToken)
    {
        if (_urls is null && _files.Count > 0)
        {
            _urls = await UploadFilesAsync(client, cancellationToken).ConfigureAwait(false);
        }

        var urls = _urls ?? new Dictionary<string, string>(StringComparer.Ordinal);
        Images = _images.Select(i => urls.TryGetValue(i, out var url) ? url : _data.TryGetValue(i, out var data) ? data : i).ToList();
        return _referenceFiles.Count == 0 ? _parameters : Replace(file => urls[file]);
    }

    /// <summary>Uploaded URL per file; empty when only -Image files are given and the server cannot upload.</summary>
    private async Task<Dictionary<string, string>> UploadFilesAsync(MjClient client, CancellationToken cancellationToken)
    {
        var none = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_referenceFiles.Count == 0 && client.Capabilities.HasUploadImages == false)
        {
            return none;
        }

        IReadOnlyList<string> urls;
        try
        {
            urls = await client.UploadImagesAsync(_files.Select(f => _data[f]), cancellationToken).ConfigureAwait(false);
        }
        catch (MjApiException e) when (RouteMissing.Is(e))
        {
            if (_referenceFiles.Count == 0)
            {
                return none;
            }

            throw new InvalidInputException(
                $"{client.BaseAddress} has no /mj/submit/upload-discord-images, so a local file cannot be a reference there. Give -{ParameterOf(_referenceFiles[0])} as an http(s) URL of the image.",
                _referenceFiles[0], MjErrorCategory.InvalidOperation, e);
        }

        if (urls.Count != _files.Count)
        {
            throw new MjProtocolException($"The server answered {urls.Count} URLs for {_files.Count} uploaded images.", null, "/mj/submit/upload-discord-images");
        }

        return _files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => urls[x.i], StringComparer.Ordinal);
    }

    private MjPromptParameters Replace(Func<string, string> urlOf)
    {
        var copy = _parameters.Clone();
        copy.StyleReference = copy.StyleReference.Select(r => Swap(r, urlOf)).ToList();
        copy.CharacterReference = copy.CharacterReference.Select(r => Swap(r, urlOf)).ToList();
        copy.OmniReference = copy.OmniReference is null ? null : Swap(copy.OmniReference, urlOf);
        return copy;
    }

    private static string Swap(string reference, Func<string, string> urlOf)
    {
        var target = Target(reference);
        return IsLocal(target) ? urlOf(target) + reference.Substring(target.Length) : reference;
    }

    private string ParameterOf(string file) =>
        !_referenceFiles.Contains(file) ? "Image"
        : _parameters.StyleReference.Any(r => Target(r) == file) ? "StyleReference"
        : _parameters.CharacterReference.Any(r => Target(r) == file) ? "CharacterReference"
        : "OmniReference";

    private static IEnumerable<string> All(MjPromptParameters p) =>
        p.StyleReference.Concat(p.CharacterReference).Concat(p.OmniReference is null ? Array.Empty<string>() : new[] { p.OmniReference });

    /// <summary>The reference without a trailing <c>::weight</c>.</summary>
    private static string Target(string reference)
    {
        var at = reference.LastIndexOf("::", StringComparison.Ordinal);
        return at > 0 && MjParameterTable.TryNumberText(reference.Substring(at + 2)) ? reference.Substring(0, at) : reference;
    }

    /// <summary>A rooted path the cmdlet resolved (URLs, data URLs and style codes are not).</summary>
    private static bool IsLocal(string target) =>
        !MjImageData.IsUrl(target) && !target.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && Path.IsPathRooted(target);
}
