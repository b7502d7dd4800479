using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjDescribe.</summary>
internal sealed class NewDescribeOptions : SubmitOptions
{
    /// <summary>-Image: an http(s) URL, a data URL or a resolved file path.</summary>
    public string Image { get; set; } = string.Empty;

    /// <summary>-BotType.</summary>
    public BotType BotType { get; set; }
}

/// <summary>New-MjDescribe: asks for four prompts that describe an image.</summary>
internal sealed class NewDescribeOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewDescribeOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job (per pipeline record).</summary>
    public Task ProcessAsync(NewDescribeOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Image, async () =>
        {
            var isLink = MjImageData.IsUrl(options.Image);
            var image = isLink ? options.Image : await ImageInputs.ReadAsync(options.Image, "Image", cancellationToken).ConfigureAwait(false);
            var request = options.ApplyTo(new MjDescribeRequest
            {
                Image = isLink ? null : image,
                Link = isLink ? image : null,
                BotType = options.BotType,
            });
            await SubmitFlow.RunAsync(connection, options, SubmitFlow.Quote(options.Image), "Submit describe",
                async (client, token) => new[] { await client.DescribeAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });
}
