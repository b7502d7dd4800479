using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Midjourney.Client;

namespace Midjourney.Bench.Micro;

/// <summary>The client's hot paths while waiting: parsing answers and finding a button.</summary>
[MemoryDiagnoser]
public class TaskParsingBenchmarks
{
    private readonly byte[] _task = SampleBodies.Upscale;
    private readonly byte[] _list = SampleBodies.List100;
    private MjTask _parsed = null!;

    [GlobalSetup]
    public void Setup() => _parsed = TaskParser.ParseTask(_task);

    [Benchmark(Description = "ParseTask (upscale, 15 buttons)")]
    public MjTask ParseTask() => TaskParser.ParseTask(_task);

    [Benchmark(Description = "ParseTaskList (100 tasks)")]
    public IReadOnlyList<MjTask> ParseTaskList() => TaskParser.ParseTaskList(_list);

    [Benchmark(Description = "MjButtonFinder.Find(\"Vary (Region)\")")]
    public MjButton FindButton() => MjButtonFinder.Find(_parsed, "Vary (Region)");

    [Benchmark(Description = "CustomIdParser.Parse x 15")]
    public int ParseCustomIds()
    {
        var n = 0;
        foreach (var id in SampleBodies.CustomIds)
        {
            n += CustomIdParser.Parse(id).GetHashCode();
        }

        return n;
    }
}
