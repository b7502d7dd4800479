using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Midjourney.Simulator.Endpoints;
using Midjourney.Simulator.Http;
using Midjourney.Simulator.Notify;

namespace Midjourney.Simulator;

/// <summary>
/// An offline midjourney-proxy on real HTTP (Kestrel). Start one with <see cref="StartAsync"/>, point a client at
/// <see cref="BaseAddress"/>, and dispose it when done.
/// </summary>
public sealed class MjSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SimulatorServices _services;
    private readonly NotifyDispatcher _notify;
    private int _stopped;

    private MjSimulator(WebApplication app, SimulatorServices services, NotifyDispatcher notify, Uri baseAddress)
    {
        _app = app;
        _services = services;
        _notify = notify;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the server really listens on, with a trailing slash, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The options this instance runs with (do not change them after start).</summary>
    public SimulatorOptions Options => _services.Options;

    /// <summary>Starts Kestrel on <see cref="SimulatorOptions.Urls"/> and returns once it listens.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public static async Task<MjSimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var services = new SimulatorServices(options);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
        builder.Logging.ClearProviders();
        if (options.EnableLogging) builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });

        WebApplication app = builder.Build();
        ILogger logger = options.EnableLogging ? app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Simulator") : NullLogger.Instance;
        var notify = new NotifyDispatcher(services, logger);
        services.Engine.TaskCreated = notify.Track;

        // Order matters: prefixes are stripped before routing; faults come before auth, like a network would.
        app.UseMiddleware<ModePrefixMiddleware>(services.Profile);
        app.UseRouting();
        app.UseMiddleware<RouteCountingMiddleware>(services);
        app.UseMiddleware<WrongMethodMiddleware>(services.Profile);
        app.UseMiddleware<FaultMiddleware>(services);
        app.UseMiddleware<AuthMiddleware>(services);
        EndpointMap.Map(app, services);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await notify.DisposeAsync();
            await app.DisposeAsync();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address.");
        var baseAddress = new Uri(NormaliseHost(address).TrimEnd('/') + "/");
        services.DefaultBaseUrl = baseAddress.ToString();
        return new MjSimulator(app, services, notify, baseAddress);
    }

    /// <summary>
    /// True while the proxy has no usable Midjourney account: every submit answers code 3 "无可用的账号实例" (the
    /// <see cref="SimulatorOptions.NoAccounts"/> state, changeable while running; same as <c>POST /sim/accounts?usable=</c>).
    /// </summary>
    public bool NoAccounts
    {
        get => !_services.Engine.Accounts.Usable;
        set => _services.Engine.Accounts.Usable = !value;
    }

    /// <summary>The Midjourney accounts of the pool (a replay puts the real server's in place).</summary>
    internal Engine.AccountPool Accounts => _services.Engine.Accounts;

    /// <summary>Same data as <c>GET /sim/stats</c>.</summary>
    public SimulatorStats GetStats() => _services.Stats();

    /// <summary>Same as <c>POST /sim/reset</c>: forgets tasks, uploads and counters; restarts the fault sequence.</summary>
    public void Reset()
    {
        _services.Reset();
        _notify.Clear();
    }

    /// <summary>Stops listening and releases everything.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        await _notify.DisposeAsync();
        await _app.StopAsync(cancellationToken);
        await _app.DisposeAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>A wildcard bind (0.0.0.0, [::], +, *) is reachable on loopback; clients need a concrete host.</summary>
    private static string NormaliseHost(string address) => address
        .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
        .Replace("://[::]:", "://localhost:", StringComparison.Ordinal)
        .Replace("://+:", "://localhost:", StringComparison.Ordinal)
        .Replace("://*:", "://localhost:", StringComparison.Ordinal);
}
