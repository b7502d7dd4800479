using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;
using Midjourney.PowerShell.Output;

namespace Midjourney.PowerShell.Operations;

/// <summary>The input of New-MjEdit.</summary>
internal sealed class NewEditOptions : SubmitOptions
{
    /// <summary>-Prompt.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>-Image: an http(s) URL, a data URL or a resolved file path.</summary>
    public string Image { get; set; } = string.Empty;

    /// <summary>-Retexture: keep the image's shapes and repaint its surfaces (<c>/mj/submit/retexture</c>) instead of editing it.</summary>
    public bool Retexture { get; set; }
}

/// <summary>New-MjEdit: edits (or with -Retexture retextures) an image with a prompt.</summary>
internal sealed class NewEditOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewEditOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job (per pipeline record).</summary>
    public Task ProcessAsync(NewEditOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Prompt, async () =>
        {
            var prompt = PromptChecks.Check(InputChecks.Prompt(options.Prompt), options.SkipParameterCheck);
            var image = await ImageInputs.ReadAsync(options.Image, "Image", cancellationToken).ConfigureAwait(false);
            var request = options.ApplyTo(new MjEditRequest(prompt, image));
            await SubmitFlow.RunAsync(connection, options, SubmitFlow.Quote(prompt), options.Retexture ? "Submit retexture" : "Submit edit",
                async (client, token) => new[]
                {
                    options.Retexture
                        ? await client.RetextureAsync(request, token).ConfigureAwait(false)
                        : await client.EditAsync(request, token).ConfigureAwait(false),
                }, output, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    });
}
