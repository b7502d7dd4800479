using System;
using System.Collections.Generic;
using System.Globalization;

namespace Midjourney.Simulator.Cli;

/// <summary>A small explicit parser for the simulator's command line (<c>--name value</c> or <c>--name=value</c>).</summary>
internal sealed class CommandLine
{
    public SimulatorOptions Options { get; } = new() { Urls = "http://127.0.0.1:8080" };
    public bool ShowHelp { get; private set; }
    public string? ReadyFile { get; private set; }

    /// <summary>Recording files to replay against an in-process simulator (<c>--replay</c>) instead of serving.</summary>
    public List<string> ReplayFiles { get; } = new();

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CommandLine();
        SimulatorOptions o = result.Options;
        FaultOptions f = o.Faults;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string name = arg;
            string? inline = null;
            int equals = arg.IndexOf('=');
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inline = arg[(equals + 1)..];
            }

            string Value()
            {
                if (inline is not null) return inline;
                if (i + 1 >= args.Count) throw new ArgumentException($"{name} needs a value.");
                return args[++i];
            }

            switch (name.ToLowerInvariant())
            {
                case "--help" or "-h" or "-?": result.ShowHelp = true; break;
                case "--urls": o.Urls = Value(); break;
                case "--flavor" or "--flavour":
                    string flavor = Value();
                    if (!FlavorNames.TryParse(flavor, out SimulatorFlavor parsed)) throw new ArgumentException($"unknown flavor '{flavor}' (trueai, plus, novicezk, gateway, taskapi).");
                    o.Flavor = parsed;
                    break;
                case "--api-key": o.ApiKey = Value(); break;
                case "--admin-key": o.AdminKey = Value(); break;
                case "--guest": o.Guest = true; break;
                case "--no-guest": o.Guest = false; break;
                case "--no-accounts": o.NoAccounts = true; break;
                case "--no-redis": o.NoRedis = true; break;
                case "--guest-daily-limit": o.GuestDailyLimit = Integer(name, Value()); break;
                case "--time-scale": o.TimeScale = Number(name, Value()); break;
                case "--accounts": o.Accounts = Integer(name, Value()); break;
                case "--accounts-offline": o.OfflineAccounts = true; break;
                case "--concurrency": o.Concurrency = Integer(name, Value()); break;
                case "--queue": o.Queue = Integer(name, Value()); break;
                case "--timeout": o.Timeout = Duration(name, Value()); break;
                case "--image-ttl": o.ImageTtl = Duration(name, Value()); break;
                case "--remix": o.Remix = true; break;
                case "--image-format":
                    string format = Value().ToLowerInvariant();
                    if (format is not ("png" or "webp")) throw new ArgumentException($"unknown image format '{format}' (png, webp).");
                    o.WebpImages = format == "webp";
                    break;
                case "--banned-words": o.BannedWords = new List<string>(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)); break;
                case "--seed": o.Seed = Integer(name, Value()); break;
                case "--max-tasks": o.MaxTasks = Integer(name, Value()); break;
                case "--default-mode":
                    o.DefaultMode = Value().ToLowerInvariant() switch
                    {
                        "relax" => SpeedMode.Relax,
                        "fast" => SpeedMode.Fast,
                        "turbo" => SpeedMode.Turbo,
                        var other => throw new ArgumentException($"unknown mode '{other}' (relax, fast, turbo)."),
                    };
                    break;
                case "--log": o.EnableLogging = true; break;
                case "--ready-file": result.ReadyFile = Value(); break;
                case "--replay": result.ReplayFiles.Add(Value()); break;
                case "--fault-500": f.ServerErrorRate = Number(name, Value()); break;
                case "--fault-429": f.TooManyRequestsRate = Number(name, Value()); break;
                case "--fault-reset": f.ResetRate = Number(name, Value()); break;
                case "--fault-latency": f.LatencyRate = Number(name, Value()); break;
                case "--fault-malformed": f.MalformedJsonRate = Number(name, Value()); break;
                case "--latency": f.Latency = Duration(name, Value()); break;
                case "--retry-after": f.RetryAfter = Duration(name, Value()); break;
                case "--fault-route": f.RouteFilter = Value(); break;
                case "--fault-phase":
                    f.Phase = Value().ToLowerInvariant() switch
                    {
                        "before" => FaultPhase.Before,
                        "after" => FaultPhase.After,
                        "random" => FaultPhase.Random,
                        var other => throw new ArgumentException($"unknown fault phase '{other}' (before, after, random)."),
                    };
                    break;
                default: throw new ArgumentException($"unknown option '{arg}'.");
            }
        }

        if (!result.ShowHelp) o.Validate();
        return result;
    }

    /// <summary>"250ms", "30s", "5m", "1h", a bare number of seconds, or a TimeSpan ("00:05:00").</summary>
    public static TimeSpan Duration(string name, string text)
    {
        string t = text.Trim().ToLowerInvariant();
        (string number, double factor) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 1.0)
            : t.EndsWith('s') ? (t[..^1], 1000.0)
            : t.EndsWith('m') ? (t[..^1], 60_000.0)
            : t.EndsWith('h') ? (t[..^1], 3_600_000.0)
            : (t, 1000.0);
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0) return TimeSpan.FromMilliseconds(value * factor);
        if (t.Contains(':') && TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out TimeSpan span)) return span;
        throw new ArgumentException($"{name}: '{text}' is not a duration (e.g. 250ms, 30s, 5m, 1h).");
    }

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : throw new ArgumentException($"{name}: '{text}' is not a number.");

    private static int Integer(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : throw new ArgumentException($"{name}: '{text}' is not an integer.");
}
