using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjVideo.</summary>
internal sealed class NewVideoOptions : SubmitOptions
{
    /// <summary>-Prompt.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>-Raw: adds --raw.</summary>
    public bool Raw { get; set; }

    /// <summary>-Image: the first frame (URL, data URL or resolved file path), optional.</summary>
    public string? Image { get; set; }

    /// <summary>-EndImage: the last frame, optional.</summary>
    public string? EndImage { get; set; }

    /// <summary>-Motion: low or high.</summary>
    public string? Motion { get; set; }

    /// <summary>-Loop.</summary>
    public bool Loop { get; set; }

    /// <summary>-VideoType.</summary>
    public string? VideoType { get; set; }

    /// <summary>-BatchSize: 1, 2 or 4.</summary>
    public int? BatchSize { get; set; }
}

/// <summary>New-MjVideo: makes a video from an image.</summary>
internal sealed class NewVideoOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewVideoOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job (per pipeline record).</summary>
    public Task ProcessAsync(NewVideoOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Prompt, async () =>
        {
            var prompt = MjPromptBuilder.Build(InputChecks.Prompt(options.Prompt), options.Raw ? new MjPromptParameters { Raw = true } : null, check: !options.SkipParameterCheck);
            if (options.Motion is { } motion && motion.ToLowerInvariant() is not ("low" or "high"))
            {
                throw new InvalidInputException($"-Motion must be Low or High; '{motion}' given.", motion);
            }

            if (options.BatchSize is int batch && batch is not (1 or 2 or 4))
            {
                throw new InvalidInputException($"-BatchSize must be 1, 2 or 4; {batch} given.", batch);
            }

            var request = options.ApplyTo(new MjVideoRequest(prompt)
            {
                Image = options.Image is null ? null : await ImageInputs.ReadAsync(options.Image, "Image", cancellationToken).ConfigureAwait(false),
                EndImage = options.EndImage is null ? null : await ImageInputs.ReadAsync(options.EndImage, "EndImage", cancellationToken).ConfigureAwait(false),
                Motion = options.Motion?.ToLowerInvariant(),
                Loop = options.Loop ? true : null,
                VideoType = options.VideoType,
                BatchSize = options.BatchSize,
            });
            await SubmitFlow.RunAsync(connection, options, SubmitFlow.Quote(prompt), "Submit video",
                async (client, token) => new[] { await client.VideoAsync(request, token).ConfigureAwait(false) }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });
}
