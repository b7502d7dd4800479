namespace Midjourney.Client;

/// <summary>Which Discord bot renders the job.</summary>
public enum BotType
{
    /// <summary>The server's default (the field is not sent).</summary>
    Default = 0,

    /// <summary><c>MID_JOURNEY</c>.</summary>
    MidJourney,

    /// <summary><c>NIJI_JOURNEY</c>.</summary>
    NijiJourney,
}
