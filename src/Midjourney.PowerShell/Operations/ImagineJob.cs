using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Midjourney.Client;

namespace Midjourney.PowerShell.Operations;

/// <summary>
/// The imagine jobs one New-MjImagine input makes, checked and read before any request: New-MjImagine and
/// Invoke-MjBatch both prepare and send through this one piece, so a batch row is checked exactly like the cmdlet.
/// </summary>
internal sealed class ImagineJob
{
    private readonly NewImagineOptions _options;
    private readonly ReferenceUploads _references;

    private ImagineJob(NewImagineOptions options, ReferenceUploads references, IReadOnlyList<string> prompts)
    {
        _options = options;
        _references = references;
        Prompts = prompts;
    }

    /// <summary>The prompts the input makes (its permutations), each already checked.</summary>
    public IReadOnlyList<string> Prompts { get; }

    /// <summary>
    /// Checks the prompt, its permutations and its typed parameters, then reads the image files and references;
    /// throws the checker's error (InvalidInputException, MjPromptException) before anything is sent.
    /// </summary>
    public static async Task<ImagineJob> PrepareAsync(NewImagineOptions options, CancellationToken cancellationToken)
    {
        var text = InputChecks.Prompt(options.Prompt, options.CsvRow is not null);
        var references = new ReferenceUploads(options.Parameters, options.Images);
        var prompts = PromptChecks.Expand(text, options.SkipParameterCheck).ToList();
        foreach (var prompt in prompts)
        {
            try
            {
                MjPromptBuilder.Build(prompt, references.Placeholders(), check: !options.SkipParameterCheck);
            }
            catch (MjPromptException e) when (options.CsvRow is not null)
            {
                throw CsvRowText.ByColumn(e, options.Parameters, options.Prompt);
            }
        }

        await references.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new ImagineJob(options, references, prompts);
    }

    /// <summary>The full prompt of one permutation as it will be sent (local references shown as given).</summary>
    public string Shown(string prompt) => MjPromptBuilder.Build(prompt, _options.Parameters, check: false);

    /// <summary>
    /// <see cref="Shown"/> on one line in single quotes, as -WhatIf and -Confirm name it (New-MjImagine, Invoke-MjBatch).
    /// </summary>
    public string Quoted(string prompt) => "'" + Shown(prompt).Replace('\r', ' ').Replace('\n', ' ') + "'";

    /// <summary>Submits one permutation; <paramref name="state"/> overrides -State (a batch's recovery tag).</summary>
    public async Task<MjTask> SubmitAsync(MjClient client, string prompt, string? state, CancellationToken cancellationToken)
    {
        var parameters = await _references.UploadAsync(client, cancellationToken).ConfigureAwait(false);
        var request = _options.ApplyTo(new MjImagineRequest(MjPromptBuilder.Build(prompt, parameters, check: false)) { Images = _references.Images, BotType = _options.BotType });
        if (state is not null)
        {
            request.State = state;
        }

        return await client.ImagineAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
