using Midjourney.Hostile;

// Runs the hostile server until stdin closes or the process is stopped. With --ready-file, writes the main URL and the
// other origin's URL there, one a line, once both listen (tests/Hostile.Tests.ps1 waits for it).
// With --files <folder>, writes the hostile files instead (see HostileFiles.WriteAll) and exits.
var files = args.SkipWhile(a => a != "--files").Skip(1).FirstOrDefault();
if (files is not null)
{
    HostileFiles.WriteAll(files);
    return;
}

var readyFile = args.SkipWhile(a => a != "--ready-file").Skip(1).FirstOrDefault();
await using var server = new HostileServer();
var text = server.BaseUrl.AbsoluteUri.TrimEnd('/') + "\n" + server.OtherUrl.AbsoluteUri.TrimEnd('/') + "\n";
if (readyFile is not null)
{
    File.WriteAllText(readyFile + ".tmp", text);
    File.Move(readyFile + ".tmp", readyFile, overwrite: true);
}

Console.Write(text);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
