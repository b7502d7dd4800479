using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

    /// <summary>The typed prompt parameters; reference lists may hold resolved local file paths.</summary>
    public MjPromptParameters Parameters { get; set; } = new();

    /// <summary>The input is this row of a CSV (1-based; Import-Csv, or an Invoke-MjBatch row): messages name it so.</summary>
    public int? CsvRow { get; set; }
}

/// <summary>New-MjImagine: checks the prompt and its parameters, then submits one job per permutation.</summary>
internal sealed class NewImagineOperation : MjOperation
{
    /// <summary>Creates the operation.</summary>
    public NewImagineOperation(MjSession session)
        : base(session)
    {
    }

    /// <summary>Checks the input, then submits one job per prompt it makes (per pipeline record).</summary>
    public Task ProcessAsync(NewImagineOptions options, ICommandOutput output, CancellationToken cancellationToken) => RunAsync(output, async () =>
    {
        var connection = Connections.Resolve(options.Connection);
        await TryItemAsync(output, options.Prompt, async () =>
        {
            ImagineJob job;
            try
            {
                job = await ImagineJob.PrepareAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e) when (options.CsvRow is int row)
            {
                // A CSV row is named by its number, as Invoke-MjBatch names it.
                throw new InvalidInputException(CsvRowText.Name(row, e.Message), options.Prompt, MjErrorCategory.InvalidArgument, e);
            }

            foreach (var prompt in job.Prompts)
            {
                await SubmitFlow.RunAsync(connection, options, job.Quoted(prompt), "Submit imagine",
                    async (client, token) => new[] { await job.SubmitAsync(client, prompt, null, token).ConfigureAwait(false) },
                    output, cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken).ConfigureAwait(false);
    });
}
