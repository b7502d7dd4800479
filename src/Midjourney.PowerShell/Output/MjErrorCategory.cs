namespace Midjourney.PowerShell.Output;

/// <summary>
/// The error categories this module uses. Names and numbers equal those of
/// <c>System.Management.Automation.ErrorCategory</c> (a test checks it), so the cmdlets map them with a cast.
/// </summary>
internal enum MjErrorCategory
{
    /// <summary>NotSpecified.</summary>
    NotSpecified = 0,

    /// <summary>InvalidArgument.</summary>
    InvalidArgument = 5,

    /// <summary>InvalidData.</summary>
    InvalidData = 6,

    /// <summary>InvalidOperation.</summary>
    InvalidOperation = 7,

    /// <summary>InvalidResult.</summary>
    InvalidResult = 8,

    /// <summary>The server does not offer what was asked.</summary>
    NotImplemented = 11,

    /// <summary>NotInstalled: a part the module needs is missing on this computer.</summary>
    NotInstalled = 12,

    /// <summary>ObjectNotFound.</summary>
    ObjectNotFound = 13,

    /// <summary>OperationStopped.</summary>
    OperationStopped = 14,

    /// <summary>OperationTimeout.</summary>
    OperationTimeout = 15,

    /// <summary>PermissionDenied.</summary>
    PermissionDenied = 18,

    /// <summary>ResourceExists.</summary>
    ResourceExists = 20,

    /// <summary>ResourceUnavailable.</summary>
    ResourceUnavailable = 21,

    /// <summary>ReadError.</summary>
    ReadError = 22,

    /// <summary>WriteError.</summary>
    WriteError = 23,

    /// <summary>ConnectionError.</summary>
    ConnectionError = 27,

    /// <summary>AuthenticationError.</summary>
    AuthenticationError = 28,

    /// <summary>LimitsExceeded.</summary>
    LimitsExceeded = 29,
}
