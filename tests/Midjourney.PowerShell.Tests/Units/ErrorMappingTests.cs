using System;
using System.Net;
using Midjourney.Client;
using Midjourney.PowerShell.Output;
using Midjourney.PowerShell.Tests.Contract;
using Xunit;

namespace Midjourney.PowerShell.Tests.Units;

public class ErrorMappingTests
{
    [Fact]
    public void Every_module_category_has_the_name_and_number_of_the_PowerShell_one()
    {
        var sma = CompiledCmdlets.SmaEnum("ErrorCategory");
        foreach (MjErrorCategory category in Enum.GetValues(typeof(MjErrorCategory)))
        {
            Assert.True(sma.TryGetValue(category.ToString(), out var value), $"{category} is not an ErrorCategory");
            Assert.Equal(value, (long)category);
        }
    }

    public static TheoryData<Exception, string, string> Cases() => new()
    {
        { new MjNotFoundException("m", "1", 3, null, null, null), MjErrorIds.TaskNotFound, nameof(MjErrorCategory.ObjectNotFound) },
        { new MjAuthenticationException("m", AuthScheme.Bearer, true, null, null, HttpStatusCode.Unauthorized, null), MjErrorIds.AuthenticationFailed, nameof(MjErrorCategory.AuthenticationError) },
        { new MjAuthenticationException("m", AuthScheme.Bearer, true, null, null, HttpStatusCode.Forbidden, null), MjErrorIds.AuthenticationFailed, nameof(MjErrorCategory.PermissionDenied) },
        { new MjServerBusyException("m", 23, null, null, null, TimeSpan.FromSeconds(3)), MjErrorIds.ServerBusy, nameof(MjErrorCategory.LimitsExceeded) },
        { new MjBannedPromptException("m", "gore", null, 24, null, null, null), MjErrorIds.BannedPrompt, nameof(MjErrorCategory.InvalidArgument) },
        { new MjValidationException("m", 4, null, HttpStatusCode.BadRequest, null), MjErrorIds.ApiError, nameof(MjErrorCategory.InvalidArgument) },
        { new MjServerException("m", null, null, null, null), MjErrorIds.ServerError, nameof(MjErrorCategory.ConnectionError) },
        { new MjServerException("m", null, null, HttpStatusCode.BadGateway, null), MjErrorIds.ServerError, nameof(MjErrorCategory.ResourceUnavailable) },
        { new MjProtocolException("m", HttpStatusCode.OK, null), MjErrorIds.ServerError, nameof(MjErrorCategory.InvalidData) },
        { new MjAmbiguousSubmitException("m", "/mj/submit/imagine", "s", null), MjErrorIds.AmbiguousSubmit, nameof(MjErrorCategory.ConnectionError) },
        { new MjWaitTimeoutException("m", "1", null), MjErrorIds.WaitTimeout, nameof(MjErrorCategory.OperationTimeout) },
        { new MjButtonNotFoundException("m", "1", "U9", Array.Empty<MjButton>()), MjErrorIds.ButtonNotFound, nameof(MjErrorCategory.ObjectNotFound) },
        { new MjDownloadException("m", "http://x/a.png?sig=1", HttpStatusCode.NotFound, null), MjErrorIds.DownloadFailed, nameof(MjErrorCategory.ResourceUnavailable) },
        { new TaskFailedException(new MjTask("1") { Status = MjTaskStatus.Failure, FailReason = "banned" }), MjErrorIds.TaskFailed, nameof(MjErrorCategory.InvalidResult) },
        { new ArgumentException("m"), MjErrorIds.InvalidInput, nameof(MjErrorCategory.InvalidArgument) },
    };

    [Theory]
    [InlineData("The task was cancelled. Submit it again if you still want it.\nhttp://x/mj answered code 4: 取消任务", "Submit it again if you still want it.",
        "The task was cancelled.\nhttp://x/mj answered code 4: 取消任务")]
    [InlineData("Could not connect to http://x: refused. Nothing was sent. Check that the proxy is running (Test-MjServer http://x checks it).",
        "Check that the proxy is running (Test-MjServer http://x checks it).", "Could not connect to http://x: refused. Nothing was sent.")]
    [InlineData("Mask failed: The mask is too small. Make it larger. Task 7 is left waiting.", "Make it larger. Submit-MjModal -Id 7 -MaskPath m.png finishes it.",
        "Mask failed: The mask is too small. Task 7 is left waiting.")]
    [InlineData("Wait. Go.", "Go.", "Wait. Go.")]
    [InlineData("Use the key, e.g. the one of the account.", "Check it, e.g. with Test-MjServer.", "Use the key, e.g. the one of the account.")]
    [InlineData("Nothing was created. Try again later.", "Nothing was created. Try again later.", "Nothing was created. Try again later.")]
    public void The_message_shown_leaves_out_what_the_recommendation_says(string message, string advice, string shown)
    {
        var error = new MjCommandError(new MjException(message), MjErrorIds.ApiError, MjErrorCategory.InvalidOperation, null, advice);

        Assert.Equal(shown, error.Message);
        Assert.Equal(message, error.Exception.Message); // a C# caller keeps the whole text
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Maps_client_exceptions_to_ids_and_categories(Exception exception, string id, string category)
    {
        var error = ErrorMapping.FromException(exception, "target");

        Assert.Equal(id, error.ErrorId);
        Assert.Equal(category, error.Category.ToString());
        Assert.Same(exception, error.Exception);
    }
}
