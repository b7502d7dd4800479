using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Midjourney.Client;
using Midjourney.PowerShell.Binding;
using Midjourney.PowerShell.Completers;
using Midjourney.PowerShell.Operations;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Commands;

/// <summary>
/// New-MjImagine: submits a text-to-image job. Midjourney's parameters may be typed in the prompt or given as
/// typed parameters (which bind from CSV columns of the same name); both are checked before anything is sent.
/// </summary>
[Cmdlet(VerbsCommon.New, "MjImagine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MjTask))]
public sealed class NewMjImagineCommand : MjSubmitCmdletBase
{
    private readonly HashSet<string> _commandLine = new(StringComparer.OrdinalIgnoreCase);
    private bool _warnedColumns;
    private int _inputs;

    /// <summary>The prompt, with any Midjourney parameters; <c>{a, b}</c> makes one job per option.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string Prompt { get; set; } = string.Empty;

    /// <summary>Image prompts: paths (uploaded where the server can, else sent as data) or http(s) URLs, placed at the start of the prompt.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SplitList]
    public string[]? Image { get; set; }

    /// <summary>Which bot renders it.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAs(BotType.Default)]
    public BotType BotType { get; set; }

    /// <summary>--ar: width:height.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(PromptParameterCompleter))]
    public string? AspectRatio { get; set; }

    /// <summary>--v: 5.2, 6, 6.1, 7, 8, 8.1.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(PromptParameterCompleter))]
    public string? Version { get; set; }

    /// <summary>--niji: 5, 6, 7.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(PromptParameterCompleter))]
    public string? Niji { get; set; }

    /// <summary>--s: 0–1000.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? Stylize { get; set; }

    /// <summary>--c: 0–100.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? Chaos { get; set; }

    /// <summary>--w: 0–3000.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? Weird { get; set; }

    /// <summary>--q: the values the version takes.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(PromptParameterCompleter))]
    public double? Quality { get; set; }

    /// <summary>--seed: 0–4294967295.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public long? Seed { get; set; }

    /// <summary>--no: what to leave out.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SplitList]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? No { get; set; }

    /// <summary>--raw.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SwitchText]
    public SwitchParameter Raw { get; set; }

    /// <summary>--tile.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SwitchText]
    public SwitchParameter Tile { get; set; }

    /// <summary>--exp: 0–100, version 7 and later.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? Experimental { get; set; }

    /// <summary>--draft: version 7.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SwitchText]
    public SwitchParameter Draft { get; set; }

    /// <summary>--iw: 0–3.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public double? ImageWeight { get; set; }

    /// <summary>--sref: URLs, style codes or local image files (uploaded).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SplitList]
    public string[]? StyleReference { get; set; }

    /// <summary>--sw: 0–1000.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? StyleWeight { get; set; }

    /// <summary>--sv: 1–7.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? StyleVersion { get; set; }

    /// <summary>--oref: a URL or a local image file (uploaded); version 7 and later.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? OmniReference { get; set; }

    /// <summary>--ow: 1–1000.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? OmniWeight { get; set; }

    /// <summary>--cref: URLs or local image files (uploaded); version 6 only.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [SplitList]
    public string[]? CharacterReference { get; set; }

    /// <summary>--cw: 0–100.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? CharacterWeight { get; set; }

    /// <summary>--p: give no codes for your default profile, or profile and moodboard codes.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyCollection]
    [SplitList]
    [ArgumentCompleter(typeof(NoCompletion))]
    public string[]? Personalize { get; set; }

    /// <summary>--stop: 10–100.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(NoCompletion))]
    public int? Stop { get; set; }

    /// <summary>Send the prompt as it is: no parameter checks and no permutations (for parameters newer than this module).</summary>
    [Parameter]
    public SwitchParameter SkipParameterCheck { get; set; }

    /// <summary>The piped object itself, to warn once about CSV columns that bind to nothing.</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    [ArgumentCompleter(typeof(NoCompletion))]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // Only the command line is bound yet: a parameter given there wins over a column of the same name.
        _commandLine.UnionWith(MyInvocation.BoundParameters.Keys);
    }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        WarnUnknownColumns();

        // A CSV row (Import-Csv) is named by its number. PowerShell leaves out a cell it cannot bind without a word
        // (the job would be sent without it): such a row is refused here, before anything is sent.
        int? row = null;
        if (InputObject is not null)
        {
            _inputs++;
            row = InputObject.BaseObject is string ? null : _inputs;
        }

        if (row is int number && RowBinder.Problem(InputObject!, GetType(), _commandLine.Contains) is { } problem)
        {
            WriteError(ToErrorRecord(ErrorMapping.InvalidInput(CsvRowText.Name(number, problem), Prompt)));
            return;
        }

        if (!TryBuildOptions(this, out var options))
        {
            return;
        }

        options.CsvRow = row;

        var operation = new NewImagineOperation(Session);
        RunOperation((output, token) => operation.ProcessAsync(options, output, token));
    }

    /// <summary>
    /// The operation's input from the bound parameters, with files resolved by <paramref name="resolver"/> (this
    /// cmdlet, or Invoke-MjBatch for a row bound onto an instance of it); false, with an error written, when a file is missing.
    /// </summary>
    internal bool TryBuildOptions(MjCmdletBase resolver, out NewImagineOptions options)
    {
        options = new NewImagineOptions();
        if (!resolver.TryResolveImages(Image, nameof(Image), single: false, out var images)
            || !TryResolveReferences(resolver, StyleReference, nameof(StyleReference), allowCodes: true, out var styles)
            || !TryResolveReferences(resolver, CharacterReference, nameof(CharacterReference), allowCodes: false, out var characters)
            || !TryResolveReferences(resolver, OmniReference is null ? null : new[] { OmniReference }, nameof(OmniReference), allowCodes: false, out var omni))
        {
            return false;
        }

        var parameters = new MjPromptParameters
        {
            AspectRatio = AspectRatio, Version = Version, Niji = Niji, Stylize = Stylize, Chaos = Chaos, Weird = Weird, Quality = Quality,
            Seed = Seed, No = No?.ToList() ?? new List<string>(), Raw = Raw.IsPresent, Tile = Tile.IsPresent, Experimental = Experimental,
            Draft = Draft.IsPresent, ImageWeight = ImageWeight, StyleReference = styles, StyleWeight = StyleWeight, StyleVersion = StyleVersion,
            OmniReference = omni.FirstOrDefault(), OmniWeight = OmniWeight, CharacterReference = characters, CharacterWeight = CharacterWeight,
            Personalize = Personalize?.ToList(),
            Stop = Stop,
        };
        options = Apply(new NewImagineOptions { Prompt = Prompt, Images = images, BotType = BotType, Parameters = parameters, SkipParameterCheck = SkipParameterCheck.IsPresent });
        return true;
    }

    /// <summary>URLs (and style codes) as they are; anything else is a local file, resolved now and uploaded later.</summary>
    private static bool TryResolveReferences(MjCmdletBase resolver, IEnumerable<string>? values, string parameterName, bool allowCodes, out List<string> references)
    {
        references = new List<string>();
        foreach (var value in values ?? Array.Empty<string>())
        {
            var target = value;
            var weightAt = value.LastIndexOf("::", StringComparison.Ordinal);
            var weight = weightAt > 0 && MjParameterTable.TryNumberText(value.Substring(weightAt + 2)) ? value.Substring(weightAt) : string.Empty;
            target = value.Substring(0, value.Length - weight.Length);
            if (MjImageData.IsUrl(target) || (allowCodes && (target.All(char.IsDigit) || string.Equals(target, "random", StringComparison.OrdinalIgnoreCase))))
            {
                references.Add(value);
            }
            else if (resolver.TryResolveFile(target, parameterName, out var file))
            {
                references.Add(file + weight);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One warning per command for piped CSV columns that name no parameter.</summary>
    private void WarnUnknownColumns()
    {
        if (_warnedColumns || InputObject is null || InputObject.BaseObject is string || InputObject.BaseObject is not PSCustomObject)
        {
            return;
        }

        _warnedColumns = true;
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in MyInvocation.MyCommand.Parameters.Values)
        {
            if (parameter.ParameterSets.Values.Any(s => s.ValueFromPipelineByPropertyName))
            {
                known.Add(parameter.Name);
                known.UnionWith(parameter.Aliases);
            }
        }

        var unknown = InputObject.Properties.Select(p => p.Name).Where(n => !known.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            WriteWarning(Client.MjText.Clean($"New-MjImagine ignores the input column{(unknown.Count == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(n => "'" + n + "'"))}: no parameter has that name. Columns that bind: Prompt, AspectRatio, Version, Niji, Stylize, Chaos, Weird, Quality, Seed, No, Raw, Tile, Experimental, Draft, ImageWeight, StyleReference, StyleWeight, StyleVersion, OmniReference, OmniWeight, CharacterReference, CharacterWeight, Personalize, Stop, Image, BotType, Mode."));
        }
    }
}
