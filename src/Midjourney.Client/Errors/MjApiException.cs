using System;
using System.Collections.Generic;
using System.Net;

namespace Midjourney.Client;

/// <summary>The server refused or failed a request; carries its code, text and HTTP status.</summary>
public class MjApiException : MjException
{
    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    /// <summary>Creates the exception.</summary>
    public MjApiException(string message, int? code, string? description, HttpStatusCode? statusCode, string? requestPath, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Description = MjText.Clean(description);
        RawDescription = description;
        StatusCode = statusCode;
        RequestPath = requestPath;
    }

    /// <summary>The envelope <c>code</c> (3, 4, 9, 23, 24, ...), or null when the answer had none.</summary>
    public int? Code { get; }

    /// <summary>The server's own text (<c>description</c> or <c>message</c>), with the API key removed, safe to show (<see cref="MjText"/>).</summary>
    public string? Description { get; }

    /// <summary>The server's own text as it came (the API key still removed), control characters and all.</summary>
    public string? RawDescription { get; }

    /// <summary>The HTTP status of the answer, when one came.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The request path (<c>/mj/submit/imagine</c>); never a header or key.</summary>
    public string? RequestPath { get; }

    /// <summary>What to do about it, in English, when the module knows (see <see cref="MjServerMessages"/>).</summary>
    public string? Advice { get => _advice; internal set => _advice = MjText.Clean(value); }

    /// <summary>The server's text explained in English (what it means, what to do), when the module knows it.</summary>
    public MjServerMessage? ServerMessage { get; internal set; }

    /// <summary>
    /// True when the refused request was a submit and another speed mode may help (no account free for this mode): a
    /// caller that lets the user choose one says how, with <see cref="MjServerMessage.AdviceWithSpeed(string?, SpeedMode?)"/>.
    /// </summary>
    public bool SpeedMayHelp { get; internal set; }

    /// <summary>
    /// <see cref="Advice"/> for a caller that lets the user pick another speed as <paramref name="speedChoice"/> names it
    /// ("-Mode", "Mode column"; null: it cannot), with an example other than the mode the request was sent in; null
    /// unless <see cref="SpeedMayHelp"/>.
    /// </summary>
    public string? AdviceWithSpeed(string? speedChoice) =>
        SpeedMayHelp && ServerMessage is { } known ? known.AdviceWithSpeed(speedChoice, ErrorMapper.ModeOf(RequestPath)) : null;

    /// <summary>The envelope's <c>properties</c>, when any.</summary>
    public IReadOnlyDictionary<string, object?> Properties { get => _properties; internal set => _properties = TaskText.Clean(value); }

    private string? _advice;
    private IReadOnlyDictionary<string, object?> _properties = NoProperties;
}
