namespace Midjourney.Client;

/// <summary>The speed a job runs at, sent as a path prefix (<c>/mj-fast/mj/...</c>).</summary>
public enum SpeedMode
{
    /// <summary>No prefix: the server or token decides.</summary>
    Default = 0,

    /// <summary><c>/mj-relax</c>: the slow, cheap queue.</summary>
    Relax,

    /// <summary><c>/mj-fast</c>.</summary>
    Fast,

    /// <summary><c>/mj-turbo</c>: the fastest and most expensive.</summary>
    Turbo,
}
