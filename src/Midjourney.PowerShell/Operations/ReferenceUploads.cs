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
/// Local files given as -StyleReference, -CharacterReference or -OmniReference: read and checked before any
/// request, uploaded once through <c>/mj/submit/upload-discord-images</c> (reference §2.11) when the first job is
/// sent, and replaced by the URLs the server gives. URLs and style codes pass as they are.
/// </summary>
internal sealed class ReferenceUploads
{
    private readonly MjPromptParameters _parameters;
    private readonly List<string> _files;
    private readonly Dictionary<string, string> _data = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _urls;

    public ReferenceUploads(MjPromptParameters parameters)
    {
        _parameters = parameters;
        _files = All(parameters).Select(Target).Where(IsLocal).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Copies of the parameters with each local file as a stand-in URL, for checking before reading anything.</summary>
    public MjPromptParameters Placeholders() =>
        Replace(file => "https://upload.invalid/" + Uri.EscapeDataString(Path.GetFileName(file)));

    /// <summary>Reads every file and checks it is an image (PNG, JPEG, WebP, GIF).</summary>
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        foreach (var file in _files)
        {
            _data[file] = await ImageInputs.ReadAsync(file, ParameterOf(file), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The parameters with local files replaced by uploaded URLs; uploads once, on the first call.</summary>
    public async Task<MjPromptParameters> UploadAsync(MjClient client, CancellationToken cancellationToken)
    {
        if (_files.Count == 0)
        {
            return _parameters;
        }

        if (_urls is null)
        {
            IReadOnlyList<string> urls;
            try
            {
                urls = await client.UploadImagesAsync(_files.Select(f => _data[f]), cancellationToken).ConfigureAwait(false);
            }
            catch (MjApiException e) when (RouteMissing.Is(e))
            {
                throw new InvalidInputException(
                    $"{client.BaseAddress} has no /mj/submit/upload-discord-images, so a local file cannot be a reference there. Give -{ParameterOf(_files[0])} as an http(s) URL of the image.",
                    _files[0], MjErrorCategory.InvalidOperation, e);
            }

            if (urls.Count != _files.Count)
            {
                throw new MjProtocolException($"The server answered {urls.Count} URLs for {_files.Count} uploaded images.", null, "/mj/submit/upload-discord-images");
            }

            _urls = _files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => urls[x.i], StringComparer.Ordinal);
        }

        return Replace(file => _urls[file]);
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
        _parameters.StyleReference.Any(r => Target(r) == file) ? "StyleReference"
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

    /// <summary>A rooted path the cmdlet resolved (URLs and style codes are not).</summary>
    private static bool IsLocal(string target) => !MjImageData.IsUrl(target) && Path.IsPathRooted(target);
}
