using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjBlend.</summary>
internal sealed class NewBlendOptions : SubmitOptions
{
    /// <summary>-Image: 2 to 5 http(s) URLs, data URLs or resolved file paths.</summary>
    public IList<string> Images { get; set; } = new List<string>();

    /// <summary>-Dimensions.</summary>
    public BlendDimensions Dimensions { get; set; }

    /// <summary>-BotType.</summary>
    public BotType BotType { get; set; }
}

/// <summary>New-MjBlend: blends 2 to 5 images.</summary>
internal sealed class NewBlendOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewBlendOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job (per pipeline record).</summary>
    public Task ProcessAsync(NewBlendOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Images, async () =>
        {
            InputChecks.BlendCount((IReadOnlyCollection<string>)options.Images);
            var request = options.ApplyTo(new MjBlendRequest(await ImageInputs.ReadAllAsync(options.Images, "Image", cancellationToken).ConfigureAwait(false))
            {
                Dimensions = options.Dimensions,
                BotType = options.BotType,
            });
            await SubmitFlow.RunAsync(connection, options, $"{options.Images.Count} images", "Submit blend",
                async (client, token) => new[] { await client.BlendAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });
}
