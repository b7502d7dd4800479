using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Midjourney.HelpBuilder;

/// <summary>Writes cmdlet help as MAML, the XML that <c>Get-Help</c> reads from <c>&lt;Assembly&gt;.dll-Help.xml</c>.</summary>
public static class MamlWriter
{
    /// <summary>The <c>maml</c> namespace.</summary>
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";

    /// <summary>The <c>command</c> namespace.</summary>
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    /// <summary>The <c>dev</c> namespace.</summary>
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The default namespace of <c>helpItems</c>.</summary>
    public static readonly XNamespace Msh = "http://msh";

    private static readonly XNamespace MsHelp = "http://msdn.microsoft.com/mshelp";

    /// <summary>Builds the whole help document for <paramref name="commands"/>.</summary>
    public static XDocument Write(IEnumerable<CommandHelp> commands)
    {
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"));
        foreach (var command in commands) root.Add(WriteCommand(command));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>Builds one <c>command:command</c> element.</summary>
    public static XElement WriteCommand(CommandHelp help)
    {
        var element = new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MsHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            Syntax(help),
            new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.Required))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t =>
                new XElement(Command + "inputType", TypeElement(t.Type), Description(t.Description)))),
            new XElement(Command + "returnValues", help.Outputs.Select(t =>
                new XElement(Command + "returnValue", TypeElement(t.Type), Description(t.Description)))));

        if (help.Notes.Count > 0)
        {
            element.Add(new XElement(Maml + "alertSet",
                new XElement(Maml + "alert", help.Notes.Select(Para))));
        }

        element.Add(new XElement(Command + "examples", help.Examples.Select((e, i) =>
            new XElement(Command + "example",
                new XElement(Maml + "title", ExampleTitle(e.Title)),
                new XElement(Dev + "code", e.Code),
                new XElement(Dev + "remarks", e.Remarks.Select(Para))))));

        element.Add(new XElement(Command + "relatedLinks", help.RelatedLinks.Select(l =>
            new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", l.Uri)))));
        return element;
    }

    /// <summary>The parameter sets in the order they are first named; one unnamed set when no parameter names one.</summary>
    public static List<string> ParameterSets(CommandHelp help)
    {
        var sets = new List<string>();
        foreach (var set in help.Parameters.SelectMany(p => p.ParameterSets))
        {
            if (!sets.Contains(set, StringComparer.OrdinalIgnoreCase)) sets.Add(set);
        }

        if (sets.Count == 0) sets.Add("__AllParameterSets");
        return sets;
    }

    private static XElement Syntax(CommandHelp help)
    {
        var syntax = new XElement(Command + "syntax");
        foreach (var set in ParameterSets(help))
        {
            var members = help.Parameters
                .Where(p => p.ParameterSets.Count == 0 || p.ParameterSets.Contains(set, StringComparer.OrdinalIgnoreCase))
                .OrderBy(p => p.Position == "named" ? int.MaxValue : int.Parse(p.Position, System.Globalization.CultureInfo.InvariantCulture))
                .ThenBy(p => p.IsRequiredIn(set) ? 0 : 1);
            syntax.Add(new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", help.Name),
                members.Select(p => Parameter(p, p.IsRequiredIn(set), inSyntax: true))));
        }

        return syntax;
    }

    private static XElement Parameter(ParameterHelp p, bool required, bool inSyntax = false)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", p.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", p.Position),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(p.Description));

        if (inSyntax && p.AcceptedValues.Count > 0)
        {
            element.Add(new XElement(Command + "parameterValueGroup", p.AcceptedValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute(Command + "variableLength", "false"), v))));
        }
        else if (!(inSyntax && p.IsSwitch))
        {
            element.Add(new XElement(Command + "parameterValue",
                new XAttribute("required", p.IsSwitch ? "false" : "true"),
                new XAttribute("variableLength", "false"),
                PowerShellTypeNames.Of(p.Type)));
        }

        element.Add(TypeElement(p.Type));
        element.Add(new XElement(Dev + "defaultValue", p.DefaultValue));
        return element;
    }

    private static XElement TypeElement(string type) =>
        new(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", paragraphs.Select(Para));

    private static XElement Para(string text) => new(Maml + "para", MarkdownBlocks.Plain(text));

    private static string ExampleTitle(string title) => $"-------------------------- {title} --------------------------";
}
