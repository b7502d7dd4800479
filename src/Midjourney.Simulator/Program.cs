using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Simulator;
using Midjourney.Simulator.Cli;

// Command-line host: parse, start, print the lines scripts read, serve until Ctrl+C / SIGTERM.
CommandLine parsed;
try
{
    parsed = CommandLine.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine("error: " + exception.Message);
    Console.Error.WriteLine("Run with --help to see the options.");
    return 2;
}

if (parsed.ShowHelp)
{
    Console.Out.Write(HelpText.Text);
    return 0;
}

if (parsed.ReplayFiles.Count > 0) return await Replay.RunAsync(parsed.ReplayFiles);

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

MjSimulator simulator;
try
{
    simulator = await MjSimulator.StartAsync(parsed.Options, stop.Token);
}
catch (Exception exception) when (exception is ArgumentException or IOException or InvalidOperationException)
{
    Console.Error.WriteLine("error: " + exception.Message);
    return 1;
}

await using (simulator)
{
    string baseUrl = simulator.BaseAddress.ToString().TrimEnd('/');
    Console.Out.WriteLine("BaseUrl: " + baseUrl);
    Console.Out.WriteLine("Flavor: " + FlavorNames.Of(parsed.Options.Flavor));
    Console.Out.WriteLine("ApiKey: " + (parsed.Options.ApiKey ?? "(none)"));
    Console.Out.Flush();
    if (parsed.ReadyFile is not null) await File.WriteAllTextAsync(parsed.ReadyFile, baseUrl + Environment.NewLine);

    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }
}

return 0;
