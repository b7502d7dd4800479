using System;
using System.Collections.Generic;

namespace Midjourney.Client;

/// <summary>Input checks made before any request, so bad input never costs a paid job.</summary>
internal static class SubmitValidation
{
    public static void Prompt(string? prompt)
    {
        if (string.IsNullOrWhiteSpace(prompt))
        {
            throw new ArgumentException("The prompt is empty. Give the text to render, e.g. 'red ceramic mug --ar 3:2'.", nameof(prompt));
        }
    }

    public static void ImageReferences(IEnumerable<string>? images, string parameterName)
    {
        if (images is null)
        {
            return;
        }

        foreach (var image in images)
        {
            if (string.IsNullOrWhiteSpace(image))
            {
                throw new ArgumentException("An image reference is empty.", parameterName);
            }

            if (!MjImageData.IsUrl(image) && MjImageData.TryDecode(image) is null)
            {
                throw new ArgumentException("An image must be an http(s) URL, a data URL or base64 (use MjImageData.FromFileAsync for files).", parameterName);
            }
        }
    }

    public static void BlendImages(IList<string>? images)
    {
        if (images is null || images.Count is < 2 or > 5)
        {
            throw new ArgumentException($"A blend takes 2 to 5 images; {images?.Count ?? 0} given.", nameof(images));
        }

        ImageReferences(images, nameof(images));
    }

    public static void OneImage(string? image, string? link)
    {
        if (string.IsNullOrWhiteSpace(image) == string.IsNullOrWhiteSpace(link))
        {
            throw new ArgumentException("Give exactly one of Image (data URL) or Link (http URL).");
        }

        ImageReferences(new[] { image ?? link! }, image is null ? "Link" : "Image");
    }

    public static void Video(MjVideoRequest request)
    {
        if (request.BatchSize is int batch && batch is not (1 or 2 or 4))
        {
            throw new ArgumentException($"BatchSize must be 1, 2 or 4; {batch} given.", nameof(request));
        }

        if (request.Motion is { } motion && motion is not ("low" or "high"))
        {
            throw new ArgumentException($"Motion must be 'low' or 'high'; '{motion}' given.", nameof(request));
        }

        if (request.Image is not null)
        {
            ImageReferences(new[] { request.Image }, nameof(request.Image));
        }
    }

    /// <summary>A mask must be a PNG (reference §2.6: TrueAI strips only a PNG data-URL prefix).</summary>
    public static void Mask(string? maskBase64)
    {
        if (maskBase64 is null)
        {
            return;
        }

        var bytes = MjImageData.TryDecode(maskBase64);
        if (bytes is null || !MjImageData.IsPng(bytes))
        {
            throw new ArgumentException("The mask must be a PNG image (black keeps, white repaints), as base64 or a data URL.", nameof(maskBase64));
        }
    }
}
