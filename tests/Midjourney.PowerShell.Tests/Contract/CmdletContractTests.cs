using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Midjourney.PowerShell.Tests.Contract;

/// <summary>The compiled cmdlets against docs/design/cmdlets.md, written out here as a table.</summary>
public class CmdletContractTests
{
    private const string All = CompiledParameterSet.AllSets;
    private const string MjTask = "Midjourney.Client.MjTask";

    private static readonly string[] ApprovedVerbs = { "Connect", "Disconnect", "Get", "New", "Wait", "Invoke", "Submit", "Save", "Show", "Split", "Test", "Stop", "Enable", "Disable", "Sync", "Remove", "Add", "Export" };
    private const string MjAccount = "Midjourney.Client.MjAccount";
    private const string Connection = "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=";

    // Parameter: name, type, then per set: "Set:M:pos:P:N" (M mandatory, pos or -, P ValueFromPipeline, N ...ByPropertyName).
    private static readonly Dictionary<string, (string? DefaultSet, bool Should, string Impact, string[] Outputs, string[] Parameters)> Table = new()
    {
        ["Connect-MjServer"] = ("ApiKey", false, "Medium", new[] { "Midjourney.PowerShell.MjConnection" }, new[]
        {
            "Uri|Uri|__AllParameterSets:M:0::|ArgumentCompleter", "ApiKey|SecureString|ApiKey:::|ArgumentCompleter", "Credential|PSCredential|Credential:M:::|Credential|ArgumentCompleter",
            "AuthScheme|AuthScheme|" + All + ":::", "Mode|SpeedMode|" + All + ":::", "NoJournal|SwitchParameter|" + All + ":::",
            "JournalPath|String|" + All + ":::", "PassThru|SwitchParameter|" + All + ":::", "SkipCheck|SwitchParameter|" + All + ":::",
        }),
        ["Test-MjServer"] = ("Connection", false, "Medium", new[] { "Midjourney.Client.MjServerCheck" }, new[]
        {
            "Uri|Uri|Uri:M:0::|ArgumentCompleter", "ApiKey|SecureString|Uri:::|ArgumentCompleter", "AuthScheme|AuthScheme|Uri:::", "Connection|MjConnection|Connection:::P:|ArgumentCompleter|MjConnectionTransformation=",
        }),
        ["Disconnect-MjServer"] = ("Connection", false, "Medium", Array.Empty<string>(), new[] { "Connection|MjConnection|Connection::0:P:|ArgumentCompleter|MjConnectionTransformation=", "Uri|Uri|Uri:M:::|ArgumentCompleter" }),
        ["Get-MjServer"] = (null, false, "Medium", new[] { "Midjourney.PowerShell.MjConnection" }, new[] { "Uri|Uri[]|" + All + "::0::|ArgumentCompleter" }),
        ["New-MjImagine"] = (null, true, "Medium", new[] { MjTask }, Submit(
            "Prompt|String|" + All + ":M:0:P:N|AllowEmptyString=|ArgumentCompleter", "Image|String[]|" + All + "::::N|SplitList=", "BotType|BotType|" + All + "::::N|BlankAs=0",
            "AspectRatio|String|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "Version|String|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "Niji|String|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "Stylize|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "Chaos|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "Weird|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "Quality|Nullable`1[Double]|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "Seed|Nullable`1[Int64]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "No|String[]|" + All + "::::N|SplitList=|ArgumentCompleter", "Raw|SwitchParameter|" + All + "::::N|SwitchText=", "Tile|SwitchParameter|" + All + "::::N|SwitchText=",
            "Experimental|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "Draft|SwitchParameter|" + All + "::::N|SwitchText=",
            "ImageWeight|Nullable`1[Double]|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "StyleReference|String[]|" + All + "::::N|SplitList=",
            "StyleWeight|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter", "StyleVersion|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "OmniReference|String|" + All + "::::N|BlankAsNull=", "OmniWeight|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "CharacterReference|String[]|" + All + "::::N|SplitList=", "CharacterWeight|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "Personalize|String[]|" + All + "::::N|AllowEmptyCollection=|SplitList=|ArgumentCompleter", "Stop|Nullable`1[Int32]|" + All + "::::N|BlankAsNull=|ArgumentCompleter",
            "SkipParameterCheck|SwitchParameter|" + All + ":::", "InputObject|PSObject|" + All + ":::P:|ArgumentCompleter")),
        ["Get-MjTask"] = ("Id", false, "Medium", new[] { MjTask, "Midjourney.Client.MjJournalEntry" }, new[]
        {
            "Id|String[]|Id:M:0:P:N|Alias=TaskId|ArgumentCompleter", "Recent|Int32|Recent:M:::|ValidateRange=1,10000|ArgumentCompleter", "FromJournal|SwitchParameter|Recent:::",
            "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
            "Seed|SwitchParameter|Id:::", "Status|MjTaskStatus[]|Query:::",
            "Action|String[]|Query:::|ValidateSet=Imagine,Upscale,UpscaleHd,Variation,Reroll,Pan,Zoom,Blend,Describe,Shorten,Video,Edit,Retexture,SwapFace",
            "Prompt|String|Query:::|SupportsWildcards=|ArgumentCompleter", "Limit|Int32|Query:::|ValidateRange=1,10000|ArgumentCompleter",
        }),
        ["Stop-MjTask"] = ("Task", true, "Medium", new[] { MjTask }, new[]
        {
            "Task|MjTask[]|Task:M:0:P:|ArgumentCompleter", "Id|String[]|Id:M::P:N|Alias=TaskId|ArgumentCompleter", "PassThru|SwitchParameter|" + All + ":::",
            "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
        }),
        ["Wait-MjTask"] = ("Task", false, "Medium", new[] { MjTask }, new[]
        {
            "Task|MjTask[]|Task:M:0:P:|ArgumentCompleter", "Id|String[]|Id:M::P:N|Alias=TaskId|ArgumentCompleter", "Timeout|Int32|" + All + ":::|ValidateRange=0,2147483647|ArgumentCompleter",
            "PollInterval|Int32|" + All + ":::|ValidateRange=1,3600|ArgumentCompleter", "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
            "Show|SwitchParameter|" + All + ":::",
        }),
        ["Invoke-MjButton"] = ("Button", true, "Medium", new[] { MjTask }, Submit(
            "Button|MjButton[]|Button:M::P:|ArgumentCompleter", "Task|MjTask|Label:M::P:;Index:M::P:;CustomId:M::P:|ArgumentCompleter",
            "Id|String|IdLabel:M:::;IdIndex:M:::;IdCustomId:M:::|Alias=TaskId|ArgumentCompleter", "Label|String[]|Label:M:0::;IdLabel:M:0::|ArgumentCompleter",
            "Index|Int32|Index:M:::;IdIndex:M:::|ValidateRange=1,4|ArgumentCompleter", "Kind|MjButtonKind|Index:::;IdIndex:::", "CustomId|String|CustomId:M:::;IdCustomId:M:::|ArgumentCompleter",
            "Prompt|String|" + All + ":::|ArgumentCompleter", "MaskPath|String|" + All + ":::", "UseSuggestedPrompt|SwitchParameter|" + All + ":::", "SkipParameterCheck|SwitchParameter|" + All + ":::",
            "Region|Object[]|" + All + ":::|ValidateNotNullOrEmpty=|ArgumentCompleter", "Invert|SwitchParameter|" + All + ":::")),
        ["Submit-MjModal"] = ("Task", true, "Medium", new[] { MjTask }, new[]
        {
            "Task|MjTask|Task:M::P:|ArgumentCompleter", "Id|String|Id:M:::N|Alias=TaskId|ArgumentCompleter", "Prompt|String|" + All + ":::|ArgumentCompleter", "MaskPath|String|" + All + ":::",
            "SkipParameterCheck|SwitchParameter|" + All + ":::",
            "MaskBase64|String|" + All + ":::|ArgumentCompleter", "Wait|SwitchParameter|" + All + ":::", "Timeout|Int32|" + All + ":::|ArgumentCompleter", "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
            "Region|Object[]|" + All + ":::|ValidateNotNullOrEmpty=|ArgumentCompleter", "Invert|SwitchParameter|" + All + ":::",
        }),
        ["New-MjBlend"] = (null, true, "Medium", new[] { MjTask }, Submit(
            "Image|String[]|" + All + ":M:0::|ValidateCount=2,5", "Dimensions|BlendDimensions|" + All + ":::", "BotType|BotType|" + All + ":::")),
        ["New-MjDescribe"] = (null, true, "Medium", new[] { MjTask }, Submit(
            "Image|String|" + All + ":M:0:P:N|Alias=Path,FullName|AllowEmptyString=", "BotType|BotType|" + All + ":::")),
        ["New-MjShorten"] = (null, true, "Medium", new[] { MjTask }, Submit(
            "Prompt|String|" + All + ":M:0:P:N|AllowEmptyString=|ArgumentCompleter", "BotType|BotType|" + All + ":::")),
        ["New-MjVideo"] = (null, true, "Medium", new[] { MjTask }, Submit(
            "Prompt|String|" + All + ":M:0::|AllowEmptyString=|ArgumentCompleter", "Image|String|" + All + ":::", "EndImage|String|" + All + ":::",
            "Motion|String|" + All + ":::|ValidateSet=Low,High", "Loop|SwitchParameter|" + All + ":::", "VideoType|String|" + All + ":::|ArgumentCompleter",
            "BatchSize|Int32|" + All + ":::|ValidateSet=1,2,4", "Raw|SwitchParameter|" + All + ":::", "SkipParameterCheck|SwitchParameter|" + All + ":::")),
        ["New-MjEdit"] = (null, true, "Medium", new[] { MjTask }, Submit(
            "Prompt|String|" + All + ":M:0::|AllowEmptyString=|ArgumentCompleter", "Image|String|" + All + ":M:1::", "SkipParameterCheck|SwitchParameter|" + All + ":::",
            "Retexture|SwitchParameter|" + All + ":::")),
        ["Save-MjImage"] = ("Task", true, "Low", new[] { "System.IO.FileInfo" }, new[]
        {
            "Task|MjTask[]|Task:M::P:|ArgumentCompleter", "Id|String[]|Id:M::P:N|Alias=TaskId|ArgumentCompleter", "Path|String|" + All + "::0::", "All|SwitchParameter|" + All + ":::",
            "IncludeVideo|SwitchParameter|" + All + ":::", "Force|SwitchParameter|" + All + ":::", "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
            "Split|SwitchParameter|" + All + ":::", "Sidecar|SwitchParameter|" + All + ":::",
            "Timeout|Int32|" + All + ":::|ValidateRange=0,2147483647|ArgumentCompleter",
        }),
        ["New-MjMask"] = ("Task", true, "Low", new[] { "System.IO.FileInfo" }, new[]
        {
            "Task|MjTask|Task:M::P:|ArgumentCompleter", "Width|Int32|Size:M:::|ValidateRange=1,16384|ArgumentCompleter", "Height|Int32|Size:M:::|ValidateRange=1,16384|ArgumentCompleter",
            "Region|Object[]|" + All + ":M:::|ValidateNotNullOrEmpty=|ArgumentCompleter", "Invert|SwitchParameter|" + All + ":::", "Path|String|" + All + ":M:0::",
            "Force|SwitchParameter|" + All + ":::", "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
        }),
        ["Split-MjImage"] = (null, true, "Low", new[] { "System.IO.FileInfo" }, new[]
        {
            "Path|String[]|" + All + ":M:0:P:N|Alias=FullName", "Destination|String|" + All + ":::", "Force|SwitchParameter|" + All + ":::",
        }),
        ["Show-MjImage"] = (null, false, "Medium", new[] { "System.String" }, new[]
        {
            "InputObject|Object[]|" + All + ":M:0:P:|ValidateNotNull=", "Width|Int32|" + All + ":::|ValidateRange=4,1000|ArgumentCompleter",
            "Protocol|String|" + All + ":::|ValidateSet=Auto,HalfBlock,Sixel,Kitty,ITerm2", "Grid|SwitchParameter|" + All + ":::", "Force|SwitchParameter|" + All + ":::",
            "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
        }),
        ["Get-MjImageInfo"] = (null, false, "Medium", new[] { "Midjourney.PowerShell.MjImageInfo" }, new[]
        {
            "Path|String[]|" + All + ":M:0:P:N|Alias=FullName",
        }),
        ["Invoke-MjBatch"] = ("Pipeline", true, "Medium", new[] { "Midjourney.PowerShell.MjBatchSummary" }, new[]
        {
            "InputObject|PSObject[]|Pipeline:M::P:|AllowEmptyString=|ArgumentCompleter", "Path|String|Path:M:0::", "OutputPath|String|" + All + ":M:::",
            "StatePath|String|" + All + ":::", "Then|String[]|" + All + ":::|ArgumentCompleter", "MaxInFlight|Int32|" + All + ":::|ValidateRange=1,1000|ArgumentCompleter",
            "Timeout|Int32|" + All + ":::|ValidateRange=0,2147483647|ArgumentCompleter", "PollInterval|Int32|" + All + ":::|ValidateRange=1,3600|ArgumentCompleter",
            "SkipParameterCheck|SwitchParameter|" + All + ":::", "Connection|MjConnection[]|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
        }),
        ["Get-MjAccount"] = (null, false, "Medium", new[] { MjAccount }, new[]
        {
            "Id|String[]|" + All + "::0::|SupportsWildcards=|Alias=AccountId,ChannelId|ArgumentCompleter", "Enabled|Nullable`1[Boolean]|" + All + ":::|ArgumentCompleter",
            "Connection|MjConnection|" + All + ":::P:|ArgumentCompleter|MjConnectionTransformation=",
        }),
        ["Enable-MjAccount"] = ("Account", true, "Medium", new[] { MjAccount }, AccountChange("PassThru|SwitchParameter|" + All + ":::")),
        ["Disable-MjAccount"] = ("Account", true, "Medium", new[] { MjAccount }, AccountChange("PassThru|SwitchParameter|" + All + ":::")),
        ["Sync-MjAccount"] = ("Account", true, "Medium", new[] { MjAccount }, AccountChange("PassThru|SwitchParameter|" + All + ":::", "Reconnect|SwitchParameter|" + All + ":::")),
        ["Remove-MjAccount"] = ("Account", true, "High", Array.Empty<string>(), AccountChange()),
        ["Get-MjUser"] = ("Name", false, "Medium", new[] { "Midjourney.Client.MjUser" }, new[]
        {
            "Name|String[]|Name::0::|SupportsWildcards=|ArgumentCompleter", "Id|String[]|Id:M:::N|Alias=UserId|ArgumentCompleter", Connection,
        }),
        ["New-MjUser"] = (null, true, "Medium", new[] { "Midjourney.Client.MjNewUser" }, new[]
        {
            "Name|String|" + All + ":M:0:P:N|AllowEmptyString=|ArgumentCompleter", "Email|String|" + All + "::::N|ArgumentCompleter", "Administrator|SwitchParameter|" + All + ":::",
            "DayDrawLimit|Nullable`1[Int32]|" + All + "::::N|ValidateRange=-1,2147483647|ArgumentCompleter", "TotalDrawLimit|Nullable`1[Int32]|" + All + "::::N|ValidateRange=-1,2147483647|ArgumentCompleter",
            "CoreSize|Nullable`1[Int32]|" + All + "::::N|ValidateRange=-1,2147483647|ArgumentCompleter", "QueueSize|Nullable`1[Int32]|" + All + "::::N|ValidateRange=-1,2147483647|ArgumentCompleter",
            Connection,
        }),
        ["Remove-MjUser"] = (null, true, "High", Array.Empty<string>(), new[] { "Id|String[]|" + All + ":M:0:P:N|Alias=UserId|ArgumentCompleter", Connection }),
        ["Get-MjBannedWord"] = (null, false, "Medium", new[] { "Midjourney.Client.MjBannedWord" }, new[]
        {
            "Word|String|" + All + "::0::|ArgumentCompleter", "Name|String[]|" + All + ":::|SupportsWildcards=|ArgumentCompleter", "Id|String[]|" + All + "::::N|ArgumentCompleter", Connection,
        }),
        ["Add-MjBannedWord"] = (null, true, "Medium", new[] { "Midjourney.Client.MjBannedWord" }, new[]
        {
            "Word|String[]|" + All + ":M:0::|ArgumentCompleter", "Id|String|" + All + "::::N|ArgumentCompleter", "Name|String|" + All + ":::|ArgumentCompleter",
            "Description|String|" + All + ":::|ArgumentCompleter", Connection,
        }),
        ["Remove-MjBannedWord"] = (null, true, "Medium", new[] { "Midjourney.Client.MjBannedWord" }, new[]
        {
            "Id|String[]|" + All + ":M:0:P:N|ArgumentCompleter", "Word|String[]|" + All + ":::|ArgumentCompleter", Connection,
        }),
        ["Export-MjGallery"] = ("Path", true, "Low", new[] { "System.IO.FileInfo" }, new[]
        {
            "Path|String|Path:M:0::", "InputObject|Object[]|Pipeline:M::P:|ValidateNotNull=|ArgumentCompleter", "OutputPath|String|" + All + ":::",
            "Force|SwitchParameter|" + All + ":::", "PassThru|SwitchParameter|" + All + ":::", "Open|SwitchParameter|" + All + ":::",
            "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
        }),
    };

    public static IEnumerable<object[]> Names() => Table.Keys.Select(k => new object[] { k });

    [Fact]
    public void The_assembly_has_exactly_the_designed_cmdlets() =>
        Assert.Equal(Table.Keys.OrderBy(k => k, StringComparer.Ordinal), CompiledCmdlets.Load().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Cmdlet_matches_the_design(string name)
    {
        var expected = Table[name];
        var cmdlet = CompiledCmdlets.Load().Single(c => c.Name == name);

        Assert.Contains(cmdlet.Verb, ApprovedVerbs);
        Assert.Equal(cmdlet.Verb + cmdlet.Noun + "Command", cmdlet.ClassName);
        Assert.Equal("Midjourney.PowerShell.Commands." + cmdlet.ClassName, cmdlet.FullClassName);
        Assert.True(cmdlet.IsSealed && cmdlet.IsPublic);
        Assert.Equal(expected.DefaultSet, cmdlet.DefaultParameterSetName);
        Assert.Equal(expected.Should, cmdlet.SupportsShouldProcess);
        Assert.Equal(expected.Impact, cmdlet.ConfirmImpact);
        Assert.Equal(expected.Outputs.OrderBy(o => o), cmdlet.OutputTypes.OrderBy(o => o));

        var rows = expected.Parameters.Select(Parse).ToList();
        Assert.Equal(rows.Select(r => r.Name).OrderBy(n => n), cmdlet.Parameters.Select(p => p.Name).OrderBy(n => n));
        foreach (var row in rows)
        {
            var parameter = cmdlet.Parameter(row.Name)!;
            Assert.True(row.Type == parameter.TypeName, $"{name} -{row.Name}: type {parameter.TypeName}, expected {row.Type}");
            Assert.Equal(row.Sets.OrderBy(s => s.Name), parameter.Sets.OrderBy(s => s.Name));
            Assert.Equal(row.Aliases, parameter.Aliases);
            Assert.Equal(row.Attributes.OrderBy(a => a), parameter.Attributes.Select(Describe).OrderBy(a => a));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void At_most_one_ValueFromPipeline_parameter_per_set(string name)
    {
        var cmdlet = CompiledCmdlets.Load().Single(c => c.Name == name);
        foreach (var set in cmdlet.ParameterSetNames.DefaultIfEmpty(All))
        {
            // New-MjImagine's hidden -InputObject takes the piped object too, only to read its column names (unknown CSV columns warn once).
            var pipeline = cmdlet.Parameters.Where(p => p.InSet(set) is { ValueFromPipeline: true } && !(name == "New-MjImagine" && p.Name == "InputObject")).Select(p => p.Name).ToList();
            Assert.True(pipeline.Count <= 1, $"{name} set {set}: {string.Join(", ", pipeline)}");
        }
    }

    private static string[] AccountChange(params string[] own) => own.Concat(new[]
    {
        "Account|MjAccount[]|Account:M:0:P:|ArgumentCompleter", "Id|String[]|Id:M::P:N|Alias=AccountId|ArgumentCompleter", Connection,
    }).ToArray();

    private static string[] Submit(params string[] own) => own.Concat(new[]
    {
        "Mode|SpeedMode|" + All + "::::N|BlankAs=0", "NotifyHook|String|" + All + ":::|ArgumentCompleter", "State|String|" + All + ":::|ArgumentCompleter",
        "Wait|SwitchParameter|" + All + ":::", "Timeout|Int32|" + All + ":::|ArgumentCompleter", "Connection|MjConnection|" + All + ":::|ArgumentCompleter|MjConnectionTransformation=",
    }).ToArray();

    private static (string Name, string Type, List<CompiledParameterSet> Sets, List<string> Aliases, List<string> Attributes) Parse(string row)
    {
        var parts = row.Split('|');
        var sets = parts[2].Split(';').Select(s =>
        {
            var f = s.Split(':');
            return new CompiledParameterSet(f[0], f[1] == "M", f[2].Length == 0 ? null : int.Parse(f[2]), f.Length > 3 && f[3] == "P", f.Length > 4 && f[4] == "N");
        }).ToList();
        var extras = parts.Skip(3).ToList();
        var aliases = extras.Where(e => e.StartsWith("Alias=", StringComparison.Ordinal)).SelectMany(e => e.Substring(6).Split(',')).ToList();
        return (parts[0], parts[1], sets, aliases, extras.Where(e => !e.StartsWith("Alias=", StringComparison.Ordinal)).ToList());
    }

    private static string Describe(CompiledAttribute attribute)
    {
        var name = attribute.TypeName.Replace("Attribute", string.Empty, StringComparison.Ordinal);
        if (name is "Credential" or "ArgumentCompleter")
        {
            return name;
        }

        var values = attribute.Arguments.SelectMany(a => a is object?[] items ? items : new[] { a }).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture));
        return name + "=" + string.Join(",", values);
    }
}
