using Microsoft.AspNetCore.Http;
using Midjourney.Simulator.Http;

namespace Midjourney.Simulator.Endpoints;

/// <summary>
/// TrueAI's <c>SubmitController.NewTask</c>: the checks every submit that creates a task runs (imagine, blend, describe,
/// shorten, video, edits, retexture, action), at the point where the real controller calls it. A refusal is a
/// <c>LogicException</c>: imagine catches it as code 4, the other routes answer the <c>{"success":false,"code":-1}</c>
/// envelope. Other flavours have no such checks.
/// </summary>
internal sealed class NewTaskGate
{
    public const string RedisDownText = "服务暂不可用，请联系管理员";
    private const long DayMs = 86_400_000;

    private readonly SimulatorServices _services;
    private readonly object _gate = new();
    private long _day = -1;
    private int _guestTasksToday;

    public NewTaskGate(SimulatorServices services) => _services = services;

    /// <summary>The refusal text, or null when the task may be created.</summary>
    public string? Refusal(HttpContext context, SubmitRequest request)
    {
        if (!_services.Profile.TrueAiBehaviour) return null;
        SimulatorOptions options = _services.Options;
        if (options.NoRedis) return RedisDownText;
        if (request.State?.Length > 255) return "State参数过长，最大255字符";
        if (request.NotifyHook?.Length > 2000) return "NotifyHook参数过长，最大2000字符";

        // The real server counts today's tasks of the guest's IP and refuses once there are MORE than the limit.
        if (options.GuestDailyLimit > 0 && Caller.Get(context) == CallerRole.Guest && GuestTasksToday() > options.GuestDailyLimit)
        {
            return "访客今日绘图次数已达上限";
        }

        return null;
    }

    /// <summary>Counts a task a guest created (for the daily limit).</summary>
    public void CountCreated(HttpContext context)
    {
        if (_services.Options.GuestDailyLimit <= 0 || Caller.Get(context) != CallerRole.Guest) return;
        lock (_gate)
        {
            Roll();
            _guestTasksToday++;
        }
    }

    /// <summary>Forgets the day's count (with <c>/sim/reset</c>).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _day = -1;
            _guestTasksToday = 0;
        }
    }

    private int GuestTasksToday()
    {
        lock (_gate)
        {
            Roll();
            return _guestTasksToday;
        }
    }

    private void Roll()
    {
        long day = _services.Clock.NowMs() / DayMs;
        if (day == _day) return;
        _day = day;
        _guestTasksToday = 0;
    }
}
