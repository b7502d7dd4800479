namespace Midjourney.Simulator.Images;

/// <summary>Result of checking a signed media URL.</summary>
internal enum UrlVerdict
{
    Valid,
    BadSignature,
    Expired,
}
