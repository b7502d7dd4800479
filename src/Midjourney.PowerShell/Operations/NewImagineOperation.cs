using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjImagine.</summary>
internal sealed class NewImagineOptions : SubmitOptions
{
    /// <summary>-Prompt.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>-Image: http(s) URLs, data URLs or resolved file paths.</summary>
    public IList<string> Images { get; set; } = new List<string>();

    /// <summary>-BotType.</summary>
    public BotType BotType { get; set; }
}

/// <summary>New-MjImagine: submits a text-to-image job.</summary>
internal sealed class NewImagineOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewImagineOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job (per pipeline record).</summary>
    public Task ProcessAsync(NewImagineOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Prompt, async () =>
        {
            var prompt = InputChecks.Prompt(options.Prompt);
            var request = options.ApplyTo(new MjImagineRequest(prompt)
            {
                Images = await ImageInputs.ReadAllAsync(options.Images, "Image", cancellationToken).ConfigureAwait(false),
                BotType = options.BotType,
            });
            await SubmitFlow.RunAsync(connection, options, SubmitFlow.Quote(prompt), "Submit imagine",
                async (client, token) => new[] { await client.ImagineAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });
}
