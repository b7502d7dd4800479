namespace Midjourney.Simulator.Domain;

/// <summary>Task <c>status</c> strings, and the order used to send only forward moves to notify hooks.</summary>
internal static class TaskStatuses
{
    public const string NotStart = "NOT_START";
    public const string Submitted = "SUBMITTED";
    public const string Modal = "MODAL";
    public const string InProgress = "IN_PROGRESS";
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
}
