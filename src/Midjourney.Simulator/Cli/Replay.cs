using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Midjourney.Simulator.Recordings;

namespace Midjourney.Simulator.Cli;

/// <summary><c>--replay</c>: each recording against a simulator in its matching mode, printed like the kit's compare.py.</summary>
internal static class Replay
{
    /// <summary>Prints every request ('!!' where a client sees a difference) and 'differences: N of M'; 0, or 2 for an unreadable file.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> files)
    {
        foreach (string file in files)
        {
            IReadOnlyList<ReplayResult> results;
            try
            {
                results = await RecordingReplay.RunAsync(file);
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"error: {file}: {exception.Message}");
                return 2;
            }

            Console.Out.WriteLine($"=== {file} (simulator: {ReplayMode.For(Path.GetFileNameWithoutExtension(file))!.Settings})");
            foreach (ReplayResult result in results) Console.Out.WriteLine(result);
            Console.Out.WriteLine($"differences: {results.Count(r => r.Differences.Count > 0)} of {results.Count}");
        }

        return 0;
    }
}
