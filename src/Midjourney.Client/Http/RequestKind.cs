namespace Midjourney.Client;

/// <summary>Reads may be retried freely; submits cost money and are retried only when nothing can have been created.</summary>
internal enum RequestKind
{
    Read,
    Submit,
}
