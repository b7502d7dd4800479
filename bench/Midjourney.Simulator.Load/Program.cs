using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Simulator;

// Load benchmark: start the simulator in-process, create N tasks, then hammer fetch and list-by-condition
// from C concurrent connections for D seconds each. Prints requests/s and memory. Client and server share the CPU.
//   dotnet run -c Release --project bench/Midjourney.Simulator.Load -- [tasks=100000] [connections=32] [seconds=10] [ids-file]
// With an ids-file it writes the task ids there, prints "Serving <url>" and serves for <seconds> instead of measuring,
// so an external tool (wrk, see docs/simulator.md) can drive it.
int taskCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
int connections = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 32;
int seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
string? idsFile = args.Length > 3 ? args[3] : null;

await using MjSimulator sim = await MjSimulator.StartAsync(new SimulatorOptions
{
    TimeScale = 0.00001, // tasks finish within milliseconds, so fetch serialises SUCCESS tasks with buttons and URLs
    Concurrency = 64,
    Queue = 1_000_000,
    MaxTasks = taskCount,
});
Console.WriteLine($"Simulator at {sim.BaseAddress} ({Environment.ProcessorCount} cores)");

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false })
{
    BaseAddress = sim.BaseAddress,
};

// 1. Create the tasks.
var ids = new string[taskCount];
var clock = Stopwatch.StartNew();
int next = -1;
await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < taskCount)
    {
        using var content = new StringContent("{\"prompt\":\"load test " + i + " --v 7\"}", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await http.PostAsync("/mj/submit/imagine", content);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        ids[i] = body.RootElement.GetProperty("result").GetString()!;
    }
}));
Console.WriteLine($"Created {taskCount:N0} tasks in {clock.Elapsed.TotalSeconds:F1} s ({taskCount / clock.Elapsed.TotalSeconds:N0}/s)");
await Task.Delay(500); // let the last ones finish
GC.Collect();
Console.WriteLine($"Stored: {sim.GetStats().TasksStored:N0}; working set {Environment.WorkingSet / 1048576.0:N0} MB; managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB");

if (idsFile is not null)
{
    await System.IO.File.WriteAllLinesAsync(idsFile, ids);
    Console.WriteLine($"Serving {sim.BaseAddress} for {seconds} s");
    await Task.Delay(TimeSpan.FromSeconds(seconds));
    Console.WriteLine($"Total requests served: {sim.GetStats().TotalRequests:N0}; working set {Environment.WorkingSet / 1048576.0:N0} MB");
    return;
}

await RunAsync("GET /mj/task/{id}/fetch", async random =>
{
    using HttpResponseMessage response = await http.GetAsync("/mj/task/" + ids[random.Next(taskCount)] + "/fetch", HttpCompletionOption.ResponseContentRead);
    return response.IsSuccessStatusCode;
});

await RunAsync("POST /mj/task/list-by-condition (10 ids)", async random =>
{
    var body = new StringBuilder("{\"ids\":[");
    for (int k = 0; k < 10; k++) body.Append(k == 0 ? "\"" : ",\"").Append(ids[random.Next(taskCount)]).Append('"');
    body.Append("]}");
    using var content = new StringContent(body.ToString(), Encoding.UTF8, "application/json");
    using HttpResponseMessage response = await http.PostAsync("/mj/task/list-by-condition", content);
    await response.Content.ReadAsByteArrayAsync();
    return response.IsSuccessStatusCode;
});

SimulatorStats stats = sim.GetStats();
Console.WriteLine($"Total requests served: {stats.TotalRequests:N0}; working set {Environment.WorkingSet / 1048576.0:N0} MB; GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");

async Task RunAsync(string name, Func<Random, Task<bool>> request)
{
    long done = 0, failed = 0;
    using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
    {
        var random = new Random(worker);
        while (!stop.IsCancellationRequested)
        {
            if (await request(random)) Interlocked.Increment(ref done);
            else Interlocked.Increment(ref failed);
        }
    })));
    Console.WriteLine($"{name}: {done / watch.Elapsed.TotalSeconds:N0} requests/s over {watch.Elapsed.TotalSeconds:F1} s with {connections} connections ({failed} failed); working set {Environment.WorkingSet / 1048576.0:N0} MB");
}
