using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjShorten.</summary>
internal sealed class NewShortenOptions : SubmitOptions
{
    /// <summary>-Prompt.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>-BotType.</summary>
    public BotType BotType { get; set; }
}

/// <summary>New-MjShorten: asks for shorter versions of a prompt.</summary>
internal sealed class NewShortenOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewShortenOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job (per pipeline record).</summary>
    public Task ProcessAsync(NewShortenOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Prompt, async () =>
        {
            var prompt = InputChecks.Prompt(options.Prompt);
            var request = options.ApplyTo(new MjShortenRequest(prompt) { BotType = options.BotType });
            await SubmitFlow.RunAsync(connection, options, SubmitFlow.Quote(prompt), "Submit shorten",
                async (client, token) => new[] { await client.ShortenAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });
}
