using System;
using System.IO;

namespace Midjourney.HelpBuilder;

/// <summary>Command line: <c>--docs &lt;folder&gt; --out &lt;folder&gt;</c>.</summary>
public static class Program
{
    /// <summary>Entry point; 0 on success, 1 on a format error, 2 on bad arguments.</summary>
    public static int Main(string[] args)
    {
        string? docs = null, output = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs" when i + 1 < args.Length:
                    docs = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                default:
                    return Usage($"unknown argument '{args[i]}'");
            }
        }

        if (docs is null || output is null) return Usage("both --docs and --out are required");
        try
        {
            var result = HelpBuilder.Build(docs, output);
            Console.WriteLine($"{result.Commands.Count} cmdlets -> {result.MamlPath}");
            foreach (var about in result.AboutPaths) Console.WriteLine($"about topic -> {about}");
            return 0;
        }
        catch (Exception e) when (e is HelpFormatException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        Console.Error.WriteLine("usage: dotnet run --project tools/Midjourney.HelpBuilder -- --docs docs/en-US --out <folder>");
        return 2;
    }
}
