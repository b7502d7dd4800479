namespace Midjourney.Client;

/// <summary>How the API key is sent. Exactly one header is ever sent.</summary>
public enum AuthScheme
{
    /// <summary><c>mj-api-secret: &lt;key&gt;</c>: novicezk, Plus, TrueAI.</summary>
    MjApiSecret = 0,

    /// <summary><c>Authorization: Bearer &lt;key&gt;</c>: new-api and most resellers' gateways.</summary>
    Bearer,

    /// <summary><c>Authorization: &lt;key&gt;</c> without a scheme: TrueAI user tokens.</summary>
    Raw,
}
