namespace Midjourney.Client;

/// <summary>A user to make on a TrueAI proxy (<see cref="MjAdminApi.NewUserAsync"/>). Limits left null keep the server's defaults.</summary>
public sealed class MjUserRequest
{
    /// <summary>Creates the request.</summary>
    public MjUserRequest(string name) => Name = name;

    /// <summary>The user's name (required).</summary>
    public string Name { get; }

    /// <summary>The e-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>True for an administrator; default a plain user.</summary>
    public bool Administrator { get; set; }

    /// <summary>Images a day (-1: no limit).</summary>
    public int? DayDrawLimit { get; set; }

    /// <summary>Images in all (-1: no limit).</summary>
    public int? TotalDrawLimit { get; set; }

    /// <summary>Jobs at once (-1: no limit).</summary>
    public int? CoreSize { get; set; }

    /// <summary>Jobs queued (-1: no limit).</summary>
    public int? QueueSize { get; set; }
}
